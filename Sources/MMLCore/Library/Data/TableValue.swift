// A data table as an MML value: `t.col` / `t["col"]` give columns, `t[rows, :]` gives rows,
// `for row in t` walks the rows as records.

/// Domain objects with a rows × columns shape, so size/rows/cols/length work on them.
protocol ShapedObject: MMLObject {
    /// Rows and columns, as `size` reports them.
    var shape: (rows: Int, cols: Int) { get }
    /// What `length` reports.
    var length: Int { get }
}

/// A table value (wraps the engine's `Table`).
public final class TableValue: IndexableObject, SequenceObject, ShapedObject {
    public let table: Table

    public init(_ table: Table) { self.table = table }

    public var typeName: String { "table" }

    public func display(_ options: DisplayOptions) -> String { table.rendered(maxRows: options.maxRows) }

    public var fieldNames: [String] { table.columnNames }

    public func field(_ name: String) -> Value? { table[name].map(columnValue) }

    var shape: (rows: Int, cols: Int) { (table.nrows, table.ncols) }
    /// The number of rows, as len(df) in pandas.
    var length: Int { table.nrows }

    /// Each row as a record (`for row in t { print(row.species) }`).
    public var elements: [Value] { (0..<table.nrows).map { .record(rowRecord(table, $0)) } }

    /// `t["col"]`, `t[rows, :]`, `t[rows, "col"]`, `t[:, ["a", "b"]]`, `t[i, j]`.
    public func index(_ indices: [Value], at span: SourceSpan) throws -> Value {
        if indices.count == 1 {
            if let name = indices[0].text { return columnValue(try Interpreter.locating(at: span) { try table.column(named: name) }) }
            throw MMLError(kind: .index, "a table takes a column name, t[\"col\"], or two indices, t[rows, cols]", at: span,
                           hint: "for rows write t[rows, :], e.g. t[1:5, :]")
        }
        guard indices.count == 2 else {
            throw MMLError(kind: .index, "a table takes one index (a column name) or two (rows, columns), not \(indices.count)", at: span)
        }
        let rowSelection = try selection(indices[0], extent: table.nrows, dimension: "row", at: span)
        let (columnNames, singleColumn) = try selectedColumns(indices[1], at: span)
        let rowList: [Int]
        switch rowSelection {
        case .all: rowList = Array(0..<table.nrows)
        case .single(let i): rowList = [i]
        case .list(let l): rowList = l
        }
        let picked = try Interpreter.locating(at: span) { try table.select(columnNames).rows(rowList) }
        if singleColumn, let column = picked.columns.first {
            if case .single = rowSelection { return cellValue(column.cell(0)) }
            return columnValue(column)
        }
        return .object(TableValue(picked))
    }

    /// Column names picked by a column index: `:`, a name, names, a number or numbers.
    private func selectedColumns(_ index: Value, at span: SourceSpan) throws -> ([String], Bool) {
        if case .nothing = index { return (table.columnNames, false) }
        if let name = index.text {
            _ = try Interpreter.locating(at: span) { try table.column(named: name) }
            return ([name], true)
        }
        if let names = stringList(index) { return (names, false) }
        switch try selection(index, extent: table.ncols, dimension: "column", at: span) {
        case .all: return (table.columnNames, false)
        case .single(let j): return ([table.columnNames[j]], true)
        case .list(let l): return (l.map { table.columnNames[$0] }, false)
        }
    }
}

/// A column as a value: numbers as a vector (NaN where missing), booleans as a bool vector
/// (numbers when a cell is missing), strings as a string vector.
func columnValue(_ column: Column) -> Value {
    switch column.values {
    case .number(let v): return .matrix(Matrix(column: v))
    case .bool(let v):
        var m = Matrix(column: v.map { $0.map { $0 ? 1 : 0 } ?? .nan })
        m.isLogical = !v.contains(nil)
        return .matrix(m)
    case .string(let v): return .object(StringVector(v))
    }
}

/// One cell as a value; a missing cell is `nan`, whatever the column's kind.
func cellValue(_ cell: CellValue) -> Value {
    switch cell {
    case .number(let x): return .number(x)
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    case .missing: return .number(.nan)
    }
}

/// Row `i` (0-based) as a record titled "row N" (1-based), one field per column.
func rowRecord(_ table: Table, _ i: Int) -> Record {
    Record(table.columns.map { ($0.name, cellValue($0.cell(i))) }, title: "row \(i + 1)")
}

/// Strings from a string, a string vector or a tuple of strings; nil for anything else.
func stringList(_ value: Value) -> [String]? {
    switch value {
    case .string(let s): return [s.text]
    case .object(let o as StringVector): return o.values.map { $0 ?? "NA" }
    case .tuple(let items):
        var out: [String] = []
        for item in items {
            guard let s = item.text else { return nil }
            out.append(s)
        }
        return out
    default: return nil
    }
}

/// Positions picked by an index value; a bare `:` (`.nothing`) picks all of them.
func selection(_ index: Value, extent: Int, dimension: String, at span: SourceSpan) throws -> IndexSelection {
    if case .nothing = index { return .all }
    return try Indexing.select(index, extent: extent, growable: false, dimension: dimension, at: span)
}

extension Value {
    /// True for a single string.
    var isString: Bool { if case .string = self { return true } else { return false } }

    /// The strings of a string vector (missing = nil) or of a tuple of strings; nil otherwise.
    var stringValues: [String?]? {
        if case .object(let s as StringVector) = self { return s.values }
        if case .tuple = self, let list = stringList(self) { return list }
        return nil
    }
}
