// The executable tree the compiler builds from the AST: names resolved to slots, one
// class per construct, each evaluating itself.

/// An expression ready to evaluate. Nodes are classes (not protocol existentials) so a call
/// to `eval` is one virtual dispatch.
class ExprNode {
    let span: SourceSpan
    init(_ span: SourceSpan) { self.span = span }
    func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        throw MMLError(kind: "internal", "this expression cannot be evaluated", at: span)
    }
}

/// What a statement did to the flow of control.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
}

/// A statement ready to execute.
class StmtNode {
    let span: SourceSpan
    init(_ span: SourceSpan) { self.span = span }
    func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        throw MMLError(kind: "internal", "this statement cannot be executed", at: span)
    }
}

/// Runs statements in order until one changes the flow.
@inline(__always)
func execBlock(_ body: [StmtNode], _ ip: Interpreter, _ frame: Frame) throws -> Flow {
    for stmt in body {
        let flow = try stmt.exec(ip, frame)
        if case .normal = flow { continue }
        return flow
    }
    return .normal
}

final class ConstantNode: ExprNode {
    let value: Value
    init(_ value: Value, _ span: SourceSpan) {
        self.value = value
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value { value }
}

final class LocalGet: ExprNode {
    let slot: Int
    let name: String
    init(slot: Int, name: String, _ span: SourceSpan) {
        self.slot = slot
        self.name = name
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        if let v = frame[slot] { return v }
        throw MMLError(kind: "name", "`\(name)` is used before it is given a value", at: span)
    }
}

/// A variable of an enclosing function, `depth` frames out.
final class CapturedGet: ExprNode {
    let depth: Int
    let slot: Int
    let name: String
    init(depth: Int, slot: Int, name: String, _ span: SourceSpan) {
        self.depth = depth
        self.slot = slot
        self.name = name
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        var f = frame
        for _ in 0..<depth {
            guard let parent = f.parent else { break }
            f = parent
        }
        if let v = f[slot] { return v }
        throw MMLError(kind: "name", "`\(name)` is used before it is given a value", at: span)
    }
}

final class GlobalGet: ExprNode {
    let slot: Int
    let name: String
    /// The builtin or constant of this name, looked up once.
    let fallback: Value?
    init(slot: Int, name: String, fallback: Value?, _ span: SourceSpan) {
        self.slot = slot
        self.name = name
        self.fallback = fallback
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        if let v = ip.globals.values[slot] { return v }
        if let fallback { return fallback }
        throw ip.unknownName(name, at: span)
    }
}

/// `end` inside an index: the size of the dimension being indexed.
final class EndNode: ExprNode {
    override init(_ span: SourceSpan) { super.init(span) }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        guard let last = ip.endStack.last else {
            throw MMLError(kind: "index", "`end` can only be used inside an index, as in v[end]", at: span)
        }
        return .number(Double(last))
    }
}

/// A bare `:` in an index.
final class AllNode: ExprNode {
    override init(_ span: SourceSpan) { super.init(span) }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        throw MMLError(kind: "index", "a bare `:` means every row or column and can only be used inside an index, as in A[:, 1]", at: span)
    }
}

final class TupleNode: ExprNode {
    let items: [ExprNode]
    init(_ items: [ExprNode], _ span: SourceSpan) {
        self.items = items
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        .tuple(try items.map { try $0.eval(ip, frame) })
    }
}
