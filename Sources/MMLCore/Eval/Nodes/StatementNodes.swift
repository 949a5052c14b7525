// Nodes for statements: assignment, definitions, control flow.
import ComplexModule

final class ExprStmt: StmtNode {
    let expr: ExprNode
    init(_ expr: ExprNode) {
        self.expr = expr
        super.init(expr.span)
    }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        _ = try expr.eval(ip, frame)
        return .normal
    }
}

/// Where a plain name lives: a slot of this frame, of an enclosing frame, or a global.
enum VariableRef {
    case local(Int)
    case captured(depth: Int, slot: Int)
    case global(Int)

    @inline(__always)
    func store(_ value: Value, _ ip: Interpreter, _ frame: Frame) {
        switch self {
        case .local(let s): frame.store(value, s)
        case .global(let s): ip.globals.store(value, at: s)
        case .captured(let depth, let s):
            frame.ancestor(depth).store(value, s)
        }
    }

    func load(_ ip: Interpreter, _ frame: Frame) -> Value? {
        switch self {
        case .local(let s): return frame[s]
        case .global(let s): return ip.globals[slot: s]
        case .captured(let depth, let s):
            return frame.ancestor(depth)[s]
        }
    }

    /// Whether `node` reads this variable.
    func isRead(by node: ExprNode) -> Bool {
        switch self {
        case .local(let s): return (node as? LocalGet)?.slot == s
        case .global(let s): return (node as? GlobalGet)?.slot == s
        case .captured(let depth, let s): return (node as? CapturedGet).map { $0.depth == depth && $0.slot == s } ?? false
        }
    }

    /// Moves the value out (leaving the variable empty) so it can be mutated in place.
    func take(_ ip: Interpreter, _ frame: Frame) -> Value? {
        switch self {
        case .local(let s):
            return frame.take(s)
        case .global(let s):
            return ip.globals.take(at: s)
        case .captured(let depth, let s):
            return frame.ancestor(depth).take(s)
        }
    }
}

/// Checks that a value can be stored in a variable.
@inline(__always)
func storable(_ value: Value, at span: SourceSpan) throws -> Value {
    switch value {
    case .nothing:
        throw MMLError(kind: .type, "this gives no value to assign", at: span, hint: "print and show display values but return nothing")
    case .tuple(let items):
        throw MMLError(kind: .type, "this gives \(items.count) values; unpack them with \((1...items.count).map { "v\($0)" }.joined(separator: ", ")) = …", at: span)
    default:
        return value
    }
}

final class AssignNode: StmtNode {
    let target: VariableRef
    let value: ExprNode
    /// The elements of `value` when it is a short one-row literal of pure expressions
    /// (`xi = [1, x1[i], x2[i]]` in a loop), which `storeVector` writes without a new vector.
    private let pureVector: NodeList?
    /// `v = v ± a * b` (a gradient step `w = w - lr * g`), which `step` runs.
    private let scaledStep: (sum: BinaryNode, product: BinaryNode)?
    /// Whether `pureVector` or `scaledStep` is set (one flag for `exec` to test).
    private let hasVectorForm: Bool
    init(_ target: VariableRef, _ value: ExprNode, _ span: SourceSpan) {
        self.target = target
        self.value = value
        pureVector = (value as? MatrixLiteralNode).flatMap { literal in
            guard literal.rows.count == 1, !literal.nestedRows, (1...Matrix.smallCount).contains(literal.rows[0].count),
                  literal.rows[0].allSatisfy(\.pure) else { return nil }
            return NodeList(literal.rows[0])
        }
        scaledStep = (value as? BinaryNode).flatMap { sum in
            guard sum.site.op == .add || sum.site.op == .subtract, target.isRead(by: sum.lhs),
                  let product = sum.rhs as? BinaryNode,
                  product.site.op == .multiply || product.site.op == .elementMultiply else { return nil }
            return (sum, product)
        }
        hasVectorForm = pureVector != nil || scaledStep != nil
        super.init(span)
    }

    /// The vector forms: true when one of them did the assignment.
    @inline(never)
    private func assignVector(_ ip: Interpreter, _ frame: Frame) throws -> Bool {
        if let pureVector { return storeVector(pureVector, ip, frame) }
        if let scaledStep {
            _ = try step(scaledStep.sum, scaledStep.product, ip, frame)
            return true
        }
        return false
    }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        if value.pure, let x = value.number(ip, frame) {
            target.store(.number(x), ip, frame)
            return .normal
        }
        if hasVectorForm, try assignVector(ip, frame) { return .normal }
        let v = try value.eval(ip, frame)
        if case .number = v {} else { _ = try storable(v, at: value.span) }
        target.store(v, ip, frame)
        return .normal
    }

    /// `v = v ± a * b`, evaluated in the operators' order. When one factor is a number s and
    /// the other a vector u of v's shape, v[i] ± s·u[i] is written into v's own storage
    /// (copied first only if something else holds it): the same operations, without the
    /// vector s·u between them. Otherwise the operators finish the work on these values.
    @inline(never)
    private func step(_ sum: BinaryNode, _ product: BinaryNode, _ ip: Interpreter, _ frame: Frame) throws -> Flow {
        var v = try sum.lhs.eval(ip, frame)
        var a = try product.lhs.eval(ip, frame)
        var b = try product.rhs.eval(ip, frame)
        let scaled: (s: Double, u: Matrix)?
        switch (a, b) {
        case (.number(let s), .matrix(let u)), (.matrix(let u), .number(let s)): scaled = (s, u)
        default: scaled = nil
        }
        if let (s, u) = scaled, !u.isLogical, u.count <= StopToken.chunk, AssignNode.isMatrix(v, shapedLike: u) {
            v = .nothing  // with the variable's value taken next, `w` is its only holder
            if case .matrix(var w)? = target.take(ip, frame) {
                let subtract = sum.site.op == .subtract
                w.storage.withUnsafeMutableBufferPointer { z in
                    u.storage.withUnsafeBufferPointer { x in
                        if subtract {
                            for i in z.indices { z[i] = z[i] - s * x[i] }
                        } else {
                            for i in z.indices { z[i] = z[i] + s * x[i] }
                        }
                    }
                }
                target.store(.matrix(w), ip, frame)
                return .normal
            }
        }
        var p = try product.apply(ip, &a, &b)
        let result = try sum.apply(ip, &v, &p)
        if case .number = result {} else { _ = try storable(result, at: value.span) }
        target.store(result, ip, frame)
        return .normal
    }

    /// Whether `v` is a matrix of numbers shaped as `u` (checked apart, so that no copy of
    /// v's matrix outlives the check and keeps the variable's storage shared).
    @inline(never)
    private static func isMatrix(_ v: Value, shapedLike u: Matrix) -> Bool {
        guard case .matrix(let m) = v else { return false }
        return m.rows == u.rows && m.cols == u.cols && !m.isLogical
    }

    /// Stores the column of `items` when every one is a number: into the variable's own vector
    /// when it is a column of that length (copied first only if something else holds it, as
    /// any write), else as a new vector. False, with nothing changed, when an item is not a
    /// number (the literal then runs as usual; its items are pure, so evaluating them again
    /// is harmless).
    @inline(never)
    private func storeVector(_ items: NodeList, _ ip: Interpreter, _ frame: Frame) -> Bool {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: items.count) { numbers in
            for i in 0..<items.count {
                guard let x = items.pureNumber(i, ip, frame) else { return false }
                numbers[i] = x
            }
            var old = target.take(ip, frame)
            if case .matrix(var m)? = old, m.rows == items.count, m.cols == 1, !m.isLogical {
                old = nil
                m.storage.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: numbers) }
                target.store(.matrix(m), ip, frame)
            } else {
                old = nil
                var data = Matrix.zeroStorage(items.count)
                data.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: numbers) }
                target.store(.matrix(Matrix(rows: items.count, cols: 1, data: data)), ip, frame)
            }
            return true
        }
    }
}

/// One step of an assignment path: `[i, j]` or `.field`.
enum PathStep {
    case index([ExprNode])
    case field(String)
}

/// `A[i, j] = x`, `r.w = x`, `r.W[1, 2] = x`: updates a variable's value in place. The value
/// is moved out of the variable while it is changed, so a uniquely held matrix is not copied.
final class PathAssignNode: StmtNode {
    let root: VariableRef
    let path: [PathStep]
    let value: ExprNode
    init(root: VariableRef, path: [PathStep], value: ExprNode, _ span: SourceSpan) {
        self.root = root
        self.path = path
        self.value = value
        super.init(span)
    }

    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        let newValue = try storable(try value.eval(ip, frame), at: value.span)
        let selections = try resolveSelections(ip, frame)
        // Only now move the value out: nothing else holds it, so a matrix is changed in place.
        var root = self.root.take(ip, frame) ?? emptyRoot
        defer { self.root.store(root, ip, frame) }
        try PathAssignNode.update(&root, path[...], selections[...], newValue, at: span)
        return .normal
    }

    /// Assigning a field of a new name makes a record; an element makes a vector.
    private var emptyRoot: Value {
        if case .field = path.first { return .record(Record([])) }
        return .matrix(Matrix(rows: 0, cols: 0))
    }

    /// Works out every index against the current value first (they may use `end`).
    private func resolveSelections(_ ip: Interpreter, _ frame: Frame) throws -> [[IndexSelection]] {
        var selections: [[IndexSelection]] = []
        var probe = root.load(ip, frame) ?? emptyRoot
        for (k, step) in path.enumerated() {
            switch step {
            case .index(let nodes):
                guard let m = probe.asMatrix else {
                    throw MMLError(kind: .type, "cannot assign into a \(probe.typeName) with [ ]", at: span)
                }
                try Indexing.requireMatrixIndexCount(nodes.count, at: span)
                let extents = nodes.count == 1 ? [m.count] : [m.rows, m.cols]
                selections.append(try IndexNode.selections(nodes, extents: extents, growable: true, ip, frame))
                if k + 1 < path.count { probe = Indexing.read(m, selections[selections.count - 1]) }
            case .field(let name):
                if k + 1 < path.count {
                    probe = (try? Fields.get(probe, name, at: span)) ?? .record(Record([]))
                }
            }
        }
        return selections
    }

    private static func update(_ value: inout Value, _ path: ArraySlice<PathStep>, _ selections: ArraySlice<[IndexSelection]>, _ newValue: Value, at span: SourceSpan) throws {
        guard let step = path.first else {
            value = newValue
            return
        }
        switch step {
        case .field(let name):
            guard case .record(var record) = value else {
                throw MMLError(kind: .type, "cannot set field `\(name)` of a \(value.typeName)", at: span, hint: "only records have fields you can set")
            }
            value = .nothing  // release the record so it is uniquely held
            var inner = record[name] ?? .record(Record([]))
            record[name] = nil
            defer { record[name] = inner; value = .record(record) }
            try update(&inner, path.dropFirst(), selections, newValue, at: span)
        case .index:
            guard var m = value.asMatrix else {
                throw MMLError(kind: .type, "cannot assign into a \(value.typeName) with [ ]", at: span)
            }
            value = .nothing
            let sels = selections.first!
            if path.count == 1 {
                defer { value = .matrix(m) }
                try Indexing.write(&m, sels, newValue, at: span)
            } else {
                throw MMLError(kind: .index, "cannot assign to a field of a matrix element", at: span)
            }
        }
    }
}

/// `a, b = value`.
final class DestructureNode: StmtNode {
    let targets: [VariableRef]
    let names: [String]
    let value: ExprNode
    /// `value` when it is a call (`gx, gy = grad(x, y)`), whose numeric form may give the
    /// numbers without a vector.
    private let call: CallNode?
    init(targets: [VariableRef], names: [String], value: ExprNode, _ span: SourceSpan) {
        self.targets = targets
        self.names = names
        self.value = value
        call = value as? CallNode
        super.init(span)
    }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        if let call, call.numericColumn(into: targets, ip, frame) { return .normal }
        let v = try value.eval(ip, frame)
        let items: [Value]
        switch v {
        case .tuple(let t): items = t
        case .record(let r) where r.isTuple: items = r.values
        case .matrix(let m) where m.isVector:
            // The elements go to the targets as numbers, without an array of values.
            guard m.rows == targets.count else { throw countMismatch(m.rows, v) }
            for (target, x) in zip(targets, m.data) { target.store(.number(x), ip, frame) }
            return .normal
        case .record(let r):
            throw MMLError(kind: .type, "a record cannot be unpacked into \(targets.count) names", at: value.span,
                           hint: "read its fields by name: \(r.names.prefix(3).map { "r.\($0)" }.joined(separator: ", "))")
        default:
            throw MMLError(kind: .type, "a \(v.typeName) cannot be unpacked into \(targets.count) names", at: value.span,
                           hint: "unpacking needs a function that returns several values, like eig(A)")
        }
        guard items.count == targets.count else { throw countMismatch(items.count, v) }
        for (target, item) in zip(targets, items) { target.store(item, ip, frame) }
        return .normal
    }

    private func countMismatch(_ count: Int, _ v: Value) -> MMLError {
        var names = ""
        if case .record(let r) = v { names = " (" + r.names.joined(separator: ", ") + ")" }
        return MMLError(kind: .type, "this gives \(count) values\(names) but \(targets.count) names are waiting for them", at: span)
    }
}

/// `f(x) = …` or `fn f(x) { … }`: makes a function and stores it.
final class DefineNode: StmtNode {
    let target: VariableRef
    let name: String
    let form: UserFunction.Form
    let parameters: [Parameter]
    let formula: Expr?
    let code: CompiledFunction
    let sourceText: String
    init(target: VariableRef, name: String, form: UserFunction.Form, parameters: [Parameter], formula: Expr?, code: CompiledFunction, sourceText: String, _ span: SourceSpan) {
        self.target = target
        self.name = name
        self.form = form
        self.parameters = parameters
        self.formula = formula
        self.code = code
        self.sourceText = sourceText
        super.init(span)
    }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        let f = UserFunction(name: name, form: form, parameters: parameters, formula: formula, code: code, captured: ip.closureParent(frame), sourceText: sourceText)
        target.store(.function(f), ip, frame)
        return .normal
    }
}

/// `if c { … } else { … }`; an `else if` chain is an `IfNode` in the else branch.
final class IfNode: StmtNode {
    let condition: ExprNode
    let then: StmtNode
    let otherwise: StmtNode?
    init(condition: ExprNode, then: StmtNode, otherwise: StmtNode?, _ span: SourceSpan) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(span)
    }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        if try condition.test(ip, frame) { return try then.exec(ip, frame) }
        if let otherwise { return try otherwise.exec(ip, frame) }
        return .normal
    }
}

/// Checks that a condition's value is one true/false (the slow path of `ExprNode.test`).
func conditionValue(_ v: Value, of node: ExprNode) throws -> Bool {
    if case .bool(let b) = v { return b }
    switch v {
    case .number(let x):
        throw MMLError(kind: .type, "a condition must be true or false, not the number \(formatNumber(x, style: .long))", at: node.span,
                       hint: "compare it, e.g. x != 0")
    case .matrix(let m) where m.isLogical:
        throw MMLError(kind: .type, "a condition must be one true/false, but this is a \(m.shapeDescription) array of them", at: node.span,
                       hint: "use all(…) if every element must hold, any(…) if one is enough")
    default:
        throw MMLError(kind: .type, "a condition must be true or false, not a \(v.typeName)", at: node.span)
    }
}

final class WhileNode: StmtNode {
    let condition: ExprNode
    let body: StmtNode
    init(condition: ExprNode, body: StmtNode, _ span: SourceSpan) {
        self.condition = condition
        self.body = body
        super.init(span)
    }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        while try condition.test(ip, frame) {
            try ip.checkInterrupt(at: span)
            switch try body.exec(ip, frame) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returned: return .returned
            }
        }
        return .normal
    }
}

final class ForNode: StmtNode {
    let variable: VariableRef
    let sequence: ExprNode
    let body: StmtNode
    init(variable: VariableRef, sequence: ExprNode, body: StmtNode, _ span: SourceSpan) {
        self.variable = variable
        self.sequence = sequence
        self.body = body
        super.init(span)
    }

    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        let seq = try sequence.eval(ip, frame)
        if case .range(let r) = seq {
            // The common case, without a closure per element.
            for k in 0..<r.count {
                try ip.checkInterrupt(at: span)
                variable.store(.number(r.element(k)), ip, frame)
                switch try body.exec(ip, frame) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned: return .returned
                }
            }
            return .normal
        }
        let count: Int
        let element: (Int) -> Value
        switch seq {
        case .range(let r):
            count = r.count
            element = { .number(r.element($0)) }
        case .matrix(let m) where m.isVector || m.isRow:
            count = m.count
            element = m.isLogical ? { .bool(m.data[$0] != 0) } : { .number(m.data[$0]) }
        case .matrix(let m):
            // A matrix is walked column by column.
            count = m.cols
            element = { .matrix(Matrix(column: m.column($0))) }
        case .complexMatrix(let m) where m.cols == 1 || m.rows == 1:
            count = m.real.count
            element = { .complex(Complex(m.real[$0], m.imaginary[$0])) }
        case .complexMatrix(let m):
            count = m.cols
            element = { .complexMatrix(ComplexMatrix(column: m.column($0))) }
        case .number, .bool, .complex:
            count = 1
            element = { _ in seq }
        case .tuple(let items):
            count = items.count
            element = { items[$0] }
        case .string(let s):
            let chars = s.text.map { Value.string(String($0)) }
            count = chars.count
            element = { chars[$0] }
        case .object(let o as any SequenceObject):
            let items = o.elements
            count = items.count
            element = { items[$0] }
        default:
            throw MMLError(kind: .type, "cannot loop over a \(seq.typeName)", at: sequence.span,
                           hint: "loop over a range (1:n), a vector (real or complex) or a matrix's columns")
        }
        for k in 0..<count {
            try ip.checkInterrupt(at: span)
            variable.store(element(k), ip, frame)
            switch try body.exec(ip, frame) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returned: return .returned
            }
        }
        return .normal
    }
}

/// Objects whose elements a `for` loop can walk (e.g. a table's rows).
public protocol SequenceObject: MMLObject {
    var elements: [Value] { get }
}

final class BreakNode: StmtNode {
    override init(_ span: SourceSpan) { super.init(span) }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow { .breakLoop }
}

final class ContinueNode: StmtNode {
    override init(_ span: SourceSpan) { super.init(span) }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow { .continueLoop }
}

final class ReturnNode: StmtNode {
    let value: ExprNode?
    init(_ value: ExprNode?, _ span: SourceSpan) {
        self.value = value
        super.init(span)
    }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        if let value, value.pure, let x = value.number(ip, frame) {
            ip.setReturnValue(.number(x))
        } else {
            ip.setReturnValue(try value?.eval(ip, frame) ?? .nothing)
        }
        return .returned
    }
}
