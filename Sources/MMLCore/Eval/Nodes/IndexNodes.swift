// Indexing (1-based, `end`, `:`, ranges, boolean masks) for reading and assigning, and
// bracket literals.
import ComplexModule

/// Which positions one index selects, 0-based.
enum IndexSelection {
    case all
    case single(Int)
    case list([Int])

    func count(_ extent: Int) -> Int {
        switch self {
        case .all: return extent
        case .single: return 1
        case .list(let l): return l.count
        }
    }

    func position(_ k: Int) -> Int {
        switch self {
        case .all: return k
        case .single(let i): return i
        case .list(let l): return l[k]
        }
    }
}

enum Indexing {
    /// A matrix is read and written with one index (a position) or two (row, column); `A[]`
    /// and `A[i, j, k]` are errors, for reading and assigning alike.
    static func requireMatrixIndexCount(_ count: Int, at span: SourceSpan) throws {
        guard count == 1 || count == 2 else {
            throw MMLError(kind: .index, "a matrix takes one index (position) or two (row, column), not \(count)", at: span)
        }
    }

    /// The 0-based position a whole-number index in 1…extent picks; nil for anything else
    /// (`select` says what is wrong with it, or makes the selection).
    @inline(__always)
    static func position(_ value: Value, extent: Int) -> Int? {
        guard case .number(let x) = value else { return nil }
        return position(x, extent: extent)
    }

    @inline(__always)
    static func position(_ x: Double, extent: Int) -> Int? {
        guard x >= 1, x <= Double(extent), x == x.rounded(.towardZero) else { return nil }
        return Int(x) - 1
    }

    /// Turns an index value into positions within `extent`; `growable` allows positions past
    /// the end (assignment to a vector grows it).
    static func select(_ value: Value, extent: Int, growable: Bool, dimension: String, at span: SourceSpan) throws -> IndexSelection {
        func position(_ x: Double) throws -> Int {
            guard x == x.rounded(), x.isFinite else {
                throw MMLError(kind: .index, "an index must be a whole number, not \(formatNumber(x, style: .long))", at: span,
                               hint: "indices count from 1; round with round(x) if you meant the nearest one")
            }
            guard x >= 1 else {
                throw MMLError(kind: .index, "index \(formatNumber(x, style: .long)) is out of range: indices start at 1", at: span,
                               hint: extent > 0 ? "valid \(dimension) indices are 1 to \(extent)" : "this is empty")
            }
            guard x <= Double(extent) || (growable && x <= Double(Interpreter.maxElements)) else {
                throw MMLError(kind: .index, "index \(formatNumber(x, style: .long)) is out of range: there \(extent == 1 ? "is" : "are") only \(extent) \(dimension)\(extent == 1 ? "" : "s")", at: span,
                               hint: extent > 0 ? "valid \(dimension) indices are 1 to \(extent); end is the last one" : "this is empty")
            }
            return Int(x) - 1
        }
        switch value {
        case .number(let x):
            return .single(try position(x))
        case .range(let r):
            return .list(try (0..<r.count).map { try position(r.element($0)) })
        case .matrix(let m) where m.isLogical:
            guard m.count == extent else {
                throw MMLError(kind: .index, "a mask of \(m.count) true/false values cannot select from \(extent) \(dimension)s", at: span,
                               hint: "the mask needs one true/false value per element, e.g. v[v > 0]")
            }
            return .list(m.data.indices.filter { m.data[$0] != 0 })
        case .matrix(let m):
            return .list(try m.data.map(position))
        case .bool:
            throw MMLError(kind: .index, "a single true/false cannot be an index", at: span, hint: "use a mask with one value per element, e.g. v[v > 0]")
        default:
            throw MMLError(kind: .index, "an index must be a number, a range or a mask, not a \(value.typeName)", at: span)
        }
    }

    /// `m[sel]` (linear, column-major) or `m[rowSel, colSel]`.
    static func read(_ m: Matrix, _ selections: [IndexSelection]) -> Value {
        if selections.count == 1 {
            let sel = selections[0]
            if case .single(let i) = sel { return m.isLogical ? .bool(m.data[i] != 0) : .number(m.data[i]) }
            let n = sel.count(m.count)
            let data = (0..<n).map { m.data[sel.position($0)] }
            return .matrix(m.isRow && m.count > 1 ? Matrix(rows: 1, cols: n, data: data, isLogical: m.isLogical)
                                                : Matrix(rows: n, cols: 1, data: data, isLogical: m.isLogical))
        }
        let (rs, cs) = (selections[0], selections[1])
        if case .single(let i) = rs, case .single(let j) = cs {
            return m.isLogical ? .bool(m[i, j] != 0) : .number(m[i, j])
        }
        let nr = rs.count(m.rows), nc = cs.count(m.cols)
        var data = [Double](repeating: 0, count: nr * nc)
        for b in 0..<nc {
            let j = cs.position(b)
            for a in 0..<nr { data[a + b * nr] = m.data[rs.position(a) + j * m.rows] }
        }
        return .matrix(Matrix(rows: nr, cols: nc, data: data, isLogical: m.isLogical))
    }

    /// Stores `value` at the selected positions of `m` (growing a vector when indexed past
    /// its end).
    static func write(_ m: inout Matrix, _ selections: [IndexSelection], _ value: Value, at span: SourceSpan) throws {
        let source: Matrix
        var logical = false
        switch value {
        case .bool(let b):
            source = Matrix(rows: 1, cols: 1, data: [b ? 1 : 0])
            logical = true
        default:
            guard let s = value.asMatrix else {
                throw MMLError(kind: .type, "cannot store a \(value.typeName) inside a matrix", at: span,
                               hint: "matrices hold numbers; keep other values in separate variables or a record")
            }
            source = s
            logical = s.isLogical
        }
        if selections.count == 1 {
            let sel = selections[0]
            let n = sel.count(m.count)
            try checkCount(source, n, at: span)
            var needed = m.count
            for k in 0..<n { needed = max(needed, sel.position(k) + 1) }
            if needed > m.count {
                guard m.cols == 1 || m.rows == 1 || m.count == 0 else {
                    throw MMLError(kind: .index, "cannot grow a \(m.shapeDescription) matrix with a single index", at: span,
                                   hint: "only vectors grow when assigned past their end")
                }
                try Interpreter.locating(at: span) { try LinAlgLimits.reserve(needed) }
                var data = m.data
                data.append(contentsOf: repeatElement(0, count: needed - m.count))
                m = m.isRow && m.count > 1 ? Matrix(rows: 1, cols: needed, data: data, isLogical: m.isLogical) : Matrix(rows: needed, cols: 1, data: data, isLogical: m.isLogical)
            }
            if m.isLogical && !logical { m.isLogical = false }
            for k in 0..<n { m.data[sel.position(k)] = source.count == 1 ? source.data[0] : source.data[k] }
            return
        }
        let (rs, cs) = (selections[0], selections[1])
        let nr = rs.count(m.rows), nc = cs.count(m.cols)
        for (sel, extent, what) in [(rs, m.rows, "row"), (cs, m.cols, "column")] {
            for k in 0..<sel.count(extent) where sel.position(k) >= extent {
                throw MMLError(kind: .index, "\(what) index \(sel.position(k) + 1) is out of range: there are only \(extent) \(what)s", at: span,
                               hint: "a matrix does not grow through A[i, j] = …; build a bigger one with zeros(m, n) or vcat/hcat")
            }
        }
        try checkCount(source, nr * nc, at: span)
        if m.isLogical && !logical { m.isLogical = false }
        for b in 0..<nc {
            let j = cs.position(b)
            for a in 0..<nr {
                m.data[rs.position(a) + j * m.rows] = source.count == 1 ? source.data[0] : source.data[a + b * nr]
            }
        }
    }

    private static func checkCount(_ source: Matrix, _ n: Int, at span: SourceSpan) throws {
        guard source.count == 1 || source.count == n else {
            throw MMLError(kind: .shape, "cannot store \(source.count) values into \(n) position\(n == 1 ? "" : "s")", at: span,
                           hint: "give one value for every selected position, or a single value to fill them all")
        }
    }
}

final class IndexNode: ExprNode {
    let target: ExprNode
    let indices: [ExprNode]
    init(_ target: ExprNode, _ indices: [ExprNode], _ span: SourceSpan) {
        self.target = target
        self.indices = indices
        // `v[i]` of a variable with a pure index reads an element: pure too (`end` is not).
        super.init(span, pure: target.pure && (indices.count == 1 || indices.count == 2) && indices.allSatisfy(\.pure))
    }

    override func number(_ ip: Interpreter, _ frame: Frame) -> Double? {
        guard case .matrix(let m)? = try? target.eval(ip, frame), !m.isLogical, let x = indices[0].number(ip, frame) else { return nil }
        if indices.count == 1 {
            guard let k = Indexing.position(x, extent: m.count) else { return nil }
            return m.data[k]
        }
        guard let i = Indexing.position(x, extent: m.rows), let y = indices[1].number(ip, frame),
              let j = Indexing.position(y, extent: m.cols) else { return nil }
        return m[i, j]
    }

    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        if pure, let x = number(ip, frame) { return .number(x) }
        let value = try target.eval(ip, frame)
        if case .matrix(let m) = value, indices.count <= 2 { return try IndexNode.element(m, indices, ip, frame, at: span) }
        return try IndexNode.index(value, indices, ip, frame, at: span)
    }

    /// `m[k]` or `m[i, j]` of a real matrix. A whole-number index in range, the usual case
    /// in a loop, reads the element directly; any other index goes on to `Indexing.select`
    /// with the value already computed (each index is evaluated once, with `end` bound).
    static func element(_ m: Matrix, _ indices: [ExprNode], _ ip: Interpreter, _ frame: Frame, at span: SourceSpan) throws -> Value {
        if indices.count == 1, !(indices[0] is AllNode) {
            let key = try indexValue(indices[0], extent: m.count, ip, frame)
            if let k = Indexing.position(key, extent: m.count) { return m.isLogical ? .bool(m.data[k] != 0) : .number(m.data[k]) }
            let selection = try Indexing.select(key, extent: m.count, growable: false, dimension: "element", at: indices[0].span)
            return Indexing.read(m, [selection])
        }
        if indices.count == 2, !(indices[0] is AllNode), !(indices[1] is AllNode) {
            let rowKey = try indexValue(indices[0], extent: m.rows, ip, frame)
            let rows = try Indexing.position(rowKey, extent: m.rows).map(IndexSelection.single)
                ?? Indexing.select(rowKey, extent: m.rows, growable: false, dimension: "row", at: indices[0].span)
            let colKey = try indexValue(indices[1], extent: m.cols, ip, frame)
            if case .single(let i) = rows, let j = Indexing.position(colKey, extent: m.cols) {
                return m.isLogical ? .bool(m[i, j] != 0) : .number(m[i, j])
            }
            let cols = try Indexing.select(colKey, extent: m.cols, growable: false, dimension: "column", at: indices[1].span)
            return Indexing.read(m, [rows, cols])
        }
        return try index(.matrix(m), indices, ip, frame, at: span)
    }

    /// The value of one index expression, with `end` standing for `extent`.
    @inline(__always)
    static func indexValue(_ node: ExprNode, extent: Int, _ ip: Interpreter, _ frame: Frame) throws -> Value {
        ip.endStack.append(extent)
        defer { ip.endStack.removeLast() }
        return try node.eval(ip, frame)
    }

    static func index(_ value: Value, _ indices: [ExprNode], _ ip: Interpreter, _ frame: Frame, at span: SourceSpan) throws -> Value {
        switch value {
        case .tuple(let items):
            guard indices.count == 1 else { throw MMLError(kind: .index, "a tuple takes one index", at: span) }
            let sel = try selections(indices, extents: [items.count], growable: false, ip, frame)
            guard case .single(let i) = sel[0] else { throw MMLError(kind: .index, "pick one element of a tuple at a time", at: span) }
            return items[i]
        case .record(let r):
            guard indices.count == 1, !(indices[0] is AllNode) else { throw recordIndexError(r, indices, ip, at: span) }
            // `end` is the number of parts of a tuple (r[end] is its last).
            ip.endStack.append(r.values.count)
            let key = try { defer { ip.endStack.removeLast() }; return try indices[0].eval(ip, frame) }()
            if let name = key.text { return try Fields.get(.record(r), name, at: span) }
            guard r.isTuple else { throw recordIndexError(r, indices, ip, at: span) }
            guard case .single(let i) = try Indexing.select(key, extent: r.values.count, growable: false, dimension: "element", at: indices[0].span) else {
                throw MMLError(kind: .index, "pick one part of a tuple at a time", at: span)
            }
            return r.values[i]
        case .object(let o as any IndexableObject):
            let values = try indices.map { node -> Value in node is AllNode ? .nothing : try node.eval(ip, frame) }
            return try o.index(values, at: span)
        case .complexMatrix(let c):
            // As a real matrix: the same selection of the real and the imaginary parts.
            try Indexing.requireMatrixIndexCount(indices.count, at: span)
            let sels = try selections(indices, extents: indices.count == 1 ? [c.rows * c.cols] : [c.rows, c.cols], growable: false, ip, frame)
            switch (Indexing.read(c.realPart, sels), Indexing.read(c.imaginaryPart, sels)) {
            case (.number(let re), .number(let im)): return .complex(Complex(re, im))
            case (.matrix(let re), .matrix(let im)): return .complexMatrix(try ComplexMatrix(real: re, imaginary: im))
            default: throw MMLError(kind: .index, "this selection of a complex matrix is not supported", at: span)
            }
        default:
            guard let m = value.asMatrix else {
                throw MMLError(kind: .type, "a \(value.typeName) cannot be indexed with [ ]", at: span)
            }
            try Indexing.requireMatrixIndexCount(indices.count, at: span)
            let extents = indices.count == 1 ? [m.count] : [m.rows, m.cols]
            let sels = try selections(indices, extents: extents, growable: false, ip, frame)
            let result = Indexing.read(m, sels)
            if case .number = value, case .matrix(let r) = result, r.count == 1 { return .number(r.data[0]) }
            return result
        }
    }

    /// `w[1]` on a record (lstsq, gd and pca return records): say which field holds the numbers
    /// and exactly what to write, `w.x[1]`.
    private static func recordIndexError(_ r: Record, _ indices: [ExprNode], _ ip: Interpreter, at span: SourceSpan) -> MMLError {
        let text = ip.sources[span.source]?.text(of: span) ?? ""
        let target = text.firstIndex(of: "[").map { String(text[..<$0]) } ?? "r"
        let subscriptText = text.firstIndex(of: "[").map { String(text[$0...]) } ?? "[1]"
        let name = target.count <= 24 ? target : "r"
        let fields = r.names.map { "`\($0)`" }.joined(separator: ", ")
        var hint = "a record is indexed by a field name in quotes, as \(name)[\"\(r.names.first ?? "x")\"]"
        if let numeric = r.names.first(where: { r[$0]?.asMatrix.map { $0.count > 1 } ?? false }) {
            hint = "to index its field \(numeric), write \(name).\(numeric)\(subscriptText)"
        }
        return MMLError(kind: .index, "\(name) is a record\(r.title.map { " (\($0))" } ?? ""), not a vector: its fields are \(fields)", at: span, hint: hint)
    }

    /// Evaluates the index expressions with `end` bound to each dimension's extent.
    static func selections(_ indices: [ExprNode], extents: [Int], growable: Bool, _ ip: Interpreter, _ frame: Frame) throws -> [IndexSelection] {
        var out: [IndexSelection] = []
        out.reserveCapacity(indices.count)
        for (k, node) in indices.enumerated() {
            if node is AllNode {
                out.append(.all)
                continue
            }
            let v = try indexValue(node, extent: extents[k], ip, frame)
            let dimension = indices.count == 1 ? "element" : (k == 0 ? "row" : "column")
            out.append(try Indexing.select(v, extent: extents[k], growable: growable && indices.count == 1, dimension: dimension, at: node.span))
        }
        return out
    }
}

/// Objects that can be indexed with brackets (tables: t["col"], t[rows, :]).
/// A bare `:` arrives as `.nothing`.
public protocol IndexableObject: MMLObject {
    func index(_ indices: [Value], at span: SourceSpan) throws -> Value
}

/// `[a, b; c, d]`: rows of elements joined side by side, rows stacked.
final class MatrixLiteralNode: ExprNode {
    let rows: [[ExprNode]]
    let nestedRows: Bool
    /// The elements of a single row (`[a, b, c]`, a column vector), when that is the shape.
    private let vector: NodeList?
    init(rows: [[ExprNode]], nestedRows: Bool, _ span: SourceSpan) {
        self.rows = rows
        self.nestedRows = nestedRows
        vector = rows.count == 1 && !nestedRows ? NodeList(rows[0]) : nil
        super.init(span)
    }

    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        if rows.isEmpty { return .matrix(Matrix(rows: 0, cols: 0)) }
        // Fast path: one row of numbers is a column vector. The numbers go straight into the
        // matrix's storage; an array of the elements' values is made only from the first
        // element that is not a number on (a bool, a vector, a string, …), as the other
        // kinds need them. Each element is evaluated once, left to right.
        if let vector {
            var data: [Double] = []
            data.reserveCapacity(vector.count)
            var values: [Value]?
            for i in 0..<vector.count {
                let v = try vector.eval(i, ip, frame)
                if values == nil {
                    if case .number(let x) = v { data.append(x); continue }
                    values = data.map(Value.number)
                    values?.reserveCapacity(vector.count)
                }
                values?.append(v)
            }
            // (An empty row, which has no numbers, stays the logical 0×1 it always was.)
            guard let values else { return .matrix(Matrix(rows: data.count, cols: 1, data: data, isLogical: data.isEmpty)) }
            data.removeAll(keepingCapacity: true)
            var allScalars = true
            var allBool = true
            for v in values {
                switch v {
                case .number(let x): data.append(x); allBool = false
                case .bool(let b): data.append(b ? 1 : 0)
                default: allScalars = false
                }
            }
            if allScalars { return .matrix(Matrix(rows: data.count, cols: 1, data: data, isLogical: allBool)) }
            // A list of strings (["a", "b"]) is a string vector: labels, column names. A list
            // of functions ([f, g]) is a tuple, e.g. several curves for plot.
            var strings: [StringValue] = []
            for v in values { if case .string(let s) = v { strings.append(s) } }
            if strings.count == values.count { return .object(StringVector(strings)) }
            if values.allSatisfy({ if case .function = $0 { return true } else { return false } }) { return .tuple(values) }
            return .matrix(try joinRow(values, rows[0], ip))
        }
        var blocks: [Matrix] = []
        for (r, row) in rows.enumerated() {
            let values = try row.map { try $0.eval(ip, frame) }
            let block = try joinRow(values, row, ip)
            if let first = blocks.first, first.cols != block.cols {
                throw MMLError(kind: .shape, "row \(r + 1) has \(block.cols) column\(block.cols == 1 ? "" : "s") but row 1 has \(first.cols)", at: row[0].span.to(row.last!.span),
                               hint: "every row of a matrix needs the same number of elements")
            }
            blocks.append(block)
        }
        var out = try Interpreter.locating(at: span) { try Builtins.vstack(blocks) }
        out.isLogical = blocks.allSatisfy(\.isLogical)
        return .matrix(out)
    }

    /// Joins one row's elements side by side. Scalars mixed with vectors concatenate into
    /// one longer vector ([v, 4], [1:3, 5]); vectors alone become columns ([u, v]).
    private func joinRow(_ values: [Value], _ nodes: [ExprNode], _ ip: Interpreter) throws -> Matrix {
        var parts: [Matrix] = []
        for (v, node) in zip(values, nodes) {
            guard let m = v.asMatrix else {
                throw MMLError(kind: .type, "a \(v.typeName) cannot be an element of a matrix", at: node.span,
                               hint: v.typeName == "string" ? "matrices hold numbers only" : nil)
            }
            parts.append(m)
        }
        if parts.count == 1 { return rows.count == 1 && !nestedRows ? parts[0] : parts[0].asRowIfVector(nestedRows) }
        let hasScalar = parts.contains { $0.count == 1 }
        let allColumns = parts.allSatisfy { $0.cols == 1 }
        if !nestedRows, rows.count == 1, hasScalar, allColumns {
            let count = parts.reduce(0) { $0 + $1.count }
            return try Interpreter.locating(at: span) { try Matrix.concatenated(parts, rows: count, cols: 1) }
        }
        let height = parts[0].rows
        for (k, p) in parts.enumerated() where p.rows != height {
            throw MMLError(kind: .shape, "cannot put a \(p.shapeDescription) next to a \(parts[0].shapeDescription) in one row: their heights differ", at: nodes[k].span,
                           hint: "elements side by side need the same number of rows; use ; to stack rows")
        }
        let cols = parts.reduce(0) { $0 + $1.cols }
        return try Interpreter.locating(at: span) { try Matrix.concatenated(parts, rows: height, cols: cols) }
    }
}

extension Matrix {
    fileprivate func asRowIfVector(_ nested: Bool) -> Matrix {
        nested && isVector ? transposed : self
    }
}
