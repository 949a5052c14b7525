// The executable tree the compiler builds from the AST: names resolved to slots, one
// class per construct, each evaluating itself.

/// An expression ready to evaluate. Nodes are classes (not protocol existentials) so a call
/// to `eval` is one virtual dispatch.
class ExprNode {
    let span: SourceSpan
    /// Whether `number` can answer: the node only reads variables, constants or elements of
    /// them and does scalar arithmetic on them. Stored, so a parent checks it without a virtual call.
    let pure: Bool
    init(_ span: SourceSpan, pure: Bool = false) {
        self.span = span
        self.pure = pure
    }
    func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        throw MMLError(kind: .internal, "this expression cannot be evaluated", at: span)
    }
    /// The value as a `Double`, without building a `Value`, when the node is `pure` and its
    /// value is a number; nil otherwise, and then `eval` gives the value or the error. A pure
    /// node has no side effects, so trying this first and then calling `eval` is harmless.
    func number(_ ip: Interpreter, _ frame: Frame) -> Double? { nil }
    /// Evaluates the expression as a condition, which must be one true/false. Comparisons
    /// override it to answer without making a `Value`.
    func test(_ ip: Interpreter, _ frame: Frame) throws -> Bool {
        try conditionValue(try eval(ip, frame), of: self)
    }
}

/// Child expressions kept in an array, evaluated without retaining and releasing each node.
/// `nodes` owns every node for as long as the list exists, and the list lives in the
/// (immutable) node that evaluates it, so the unmanaged references in `refs` cannot dangle.
struct NodeList {
    let nodes: [ExprNode]
    private let refs: [Unmanaged<ExprNode>]

    init(_ nodes: [ExprNode]) {
        self.nodes = nodes
        refs = nodes.map { Unmanaged.passUnretained($0) }
    }

    var count: Int { refs.count }

    /// Expression i's number when it is pure (no effects) and has one; nil otherwise, and
    /// then nothing has happened.
    @inline(__always)
    func pureNumber(_ i: Int, _ ip: Interpreter, _ frame: Frame) -> Double? {
        refs[i]._withUnsafeGuaranteedRef { $0.pure ? $0.number(ip, frame) : nil }
    }

    @inline(__always)
    func eval(_ i: Int, _ ip: Interpreter, _ frame: Frame) throws -> Value {
        try refs[i]._withUnsafeGuaranteedRef { node in
            if node.pure, let x = node.number(ip, frame) { return .number(x) }
            return try node.eval(ip, frame)
        }
    }
}

/// What a statement did to the flow of control. It carries no payload, so it comes back in a
/// register at every level; a `return` leaves its value in `Interpreter.returnValue`, which
/// the function call that is returning from takes.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned
}

/// A statement ready to execute.
class StmtNode {
    let span: SourceSpan
    init(_ span: SourceSpan) { self.span = span }
    func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        throw MMLError(kind: .internal, "this statement cannot be executed", at: span)
    }
}

/// A block is one node: nothing, a single statement, or a chain of `SequenceNode`s.
/// Walking `let` references instead of an array means no retain and release per statement.
func makeBlock(_ statements: [StmtNode], _ span: SourceSpan) -> StmtNode {
    guard var block = statements.last else { return EmptyNode(span) }
    for stmt in statements.dropLast().reversed() { block = SequenceNode(stmt, block) }
    return block
}

/// An empty block.
final class EmptyNode: StmtNode {
    override init(_ span: SourceSpan) { super.init(span) }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow { .normal }
}

/// `first`, then (unless it changed the flow) `rest`.
final class SequenceNode: StmtNode {
    let first: StmtNode
    let rest: StmtNode
    init(_ first: StmtNode, _ rest: StmtNode) {
        self.first = first
        self.rest = rest
        super.init(first.span.to(rest.span))
    }
    override func exec(_ ip: Interpreter, _ frame: Frame) throws -> Flow {
        let flow = try first.exec(ip, frame)
        guard case .normal = flow else { return flow }
        return try rest.exec(ip, frame)
    }
}

final class ConstantNode: ExprNode {
    let value: Value
    /// The value when it is a number.
    let constant: Double?
    init(_ value: Value, _ span: SourceSpan) {
        self.value = value
        if case .number(let x) = value { constant = x } else { constant = nil }
        super.init(span, pure: constant != nil)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        if let constant { return .number(constant) }
        return value
    }
    override func number(_ ip: Interpreter, _ frame: Frame) -> Double? { constant }
}

final class LocalGet: ExprNode {
    let slot: Int
    let name: String
    init(slot: Int, name: String, _ span: SourceSpan) {
        self.slot = slot
        self.name = name
        super.init(span, pure: true)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        // Numbers first: matching the case reads the payload without an outlined copy.
        if let x = frame.number(slot) { return .number(x) }
        if let v = frame[slot] { return v }
        throw MMLError(kind: .name, "`\(name)` is used before it is given a value", at: span)
    }
    override func number(_ ip: Interpreter, _ frame: Frame) -> Double? { frame.number(slot) }
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
        let f = frame.ancestor(depth)
        if let v = f[slot] { return v }
        throw MMLError(kind: .name, "`\(name)` is used before it is given a value", at: span)
    }
}

final class GlobalGet: ExprNode {
    let slot: Int
    let name: String
    /// The builtin or constant of this name, looked up once.
    let fallback: Value?
    /// The fallback when it is a number (`pi`).
    let fallbackNumber: Double?
    init(slot: Int, name: String, fallback: Value?, _ span: SourceSpan) {
        self.slot = slot
        self.name = name
        self.fallback = fallback
        if case .number(let x)? = fallback { fallbackNumber = x } else { fallbackNumber = nil }
        super.init(span, pure: true)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        if let x = ip.globals.number(at: slot) { return .number(x) }
        if let v = ip.globals[slot: slot] { return v }
        if let fallback { return fallback }
        throw ip.unknownName(name, at: span)
    }
    override func number(_ ip: Interpreter, _ frame: Frame) -> Double? {
        if let x = ip.globals.number(at: slot) { return x }
        return ip.globals.isEmpty(slot) ? fallbackNumber : nil
    }
}

/// `end` inside an index: the size of the dimension being indexed.
final class EndNode: ExprNode {
    init(_ span: SourceSpan) { super.init(span) }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        guard let last = ip.endStack.last else {
            throw MMLError(kind: .index, "`end` can only be used inside an index, as in v[end]", at: span)
        }
        return .number(Double(last))
    }
}

/// A bare `:` in an index.
final class AllNode: ExprNode {
    init(_ span: SourceSpan) { super.init(span) }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        throw MMLError(kind: .index, "a bare `:` means every row or column and can only be used inside an index, as in A[:, 1]", at: span)
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
