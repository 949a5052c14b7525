// Nodes for operators: unary, binary (with a fast path for two numbers), logic, ranges.

final class BinaryNode: ExprNode {
    let site: OperatorSite
    let lhs: ExprNode
    let rhs: ExprNode
    /// Which operand's result the operator may write over (see `Arithmetic.overwriting`): one
    /// the expression computes, not a variable's value (which would be copied first).
    private let reusable: (left: Bool, right: Bool)
    init(_ op: BinaryOperator, _ lhs: ExprNode, _ rhs: ExprNode, _ span: SourceSpan) {
        self.site = OperatorSite(op: op, span: span, left: lhs.span, right: rhs.span)
        self.lhs = lhs
        self.rhs = rhs
        func computed(_ node: ExprNode) -> Bool { !(node is GlobalGet || node is LocalGet || node is CapturedGet || node is ConstantNode) }
        reusable = (computed(lhs), computed(rhs))
        super.init(span, pure: lhs.pure && rhs.pure && Arithmetic.isArithmetic(op))
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        // Pure operands are read as Doubles first (`s + f(x)`: `s` without making a Value).
        if lhs.pure, let x = lhs.number(ip, frame) {
            if rhs.pure, let y = rhs.number(ip, frame) { return Arithmetic.scalar(site.op, x, y) }
            var b = try rhs.eval(ip, frame)
            if case .number(let y) = b { return Arithmetic.scalar(site.op, x, y) }
            var a = Value.number(x)
            if reusable.right, let v = Arithmetic.overwriting(site, &a, &b, right: true) { return v }
            return try Arithmetic.binary(ip, site, a, b)
        }
        var a = try lhs.eval(ip, frame)
        var b = try rhs.eval(ip, frame)
        return try apply(ip, &a, &b)
    }

    /// The operator on its operands' values; the one the expression computed may be written
    /// over (see `Arithmetic.overwriting`).
    @inline(__always)
    func apply(_ ip: Interpreter, _ a: inout Value, _ b: inout Value) throws -> Value {
        if case .number(let x) = a, case .number(let y) = b {
            return Arithmetic.scalar(site.op, x, y)
        }
        if reusable.right, let v = Arithmetic.overwriting(site, &a, &b, right: true) { return v }
        if reusable.left, let v = Arithmetic.overwriting(site, &a, &b, right: false) { return v }
        return try Arithmetic.binary(ip, site, a, b)
    }
    override func number(_ ip: Interpreter, _ frame: Frame) -> Double? {
        guard let x = lhs.number(ip, frame), let y = rhs.number(ip, frame) else { return nil }
        return Arithmetic.arithmetic(site.op, x, y)
    }
    override func test(_ ip: Interpreter, _ frame: Frame) throws -> Bool {
        if lhs.pure, rhs.pure, let x = lhs.number(ip, frame), let y = rhs.number(ip, frame),
           let holds = Arithmetic.compare(site.op, x, y) {
            return holds
        }
        let a = try lhs.eval(ip, frame)
        let b = try rhs.eval(ip, frame)
        if case .number(let x) = a, case .number(let y) = b, let holds = Arithmetic.compare(site.op, x, y) {
            return holds
        }
        return try conditionValue(try Arithmetic.binary(ip, site, a, b), of: self)
    }
}

/// `x op c` with a number constant on the right (`n - 1`, `i / 1000`, `n < 2`): one child
/// to evaluate instead of two.
final class ConstantRightNode: ExprNode {
    let site: OperatorSite
    let lhs: ExprNode
    let constant: Double
    init(_ op: BinaryOperator, _ lhs: ExprNode, _ constant: Double, _ span: SourceSpan, right: SourceSpan) {
        self.site = OperatorSite(op: op, span: span, left: lhs.span, right: right)
        self.lhs = lhs
        self.constant = constant
        super.init(span, pure: lhs.pure && Arithmetic.isArithmetic(op))
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        if lhs.pure, let x = lhs.number(ip, frame) { return Arithmetic.scalar(site.op, x, constant) }
        let a = try lhs.eval(ip, frame)
        if case .number(let x) = a { return Arithmetic.scalar(site.op, x, constant) }
        return try Arithmetic.binary(ip, site, a, .number(constant))
    }
    override func number(_ ip: Interpreter, _ frame: Frame) -> Double? {
        guard let x = lhs.number(ip, frame) else { return nil }
        return Arithmetic.arithmetic(site.op, x, constant)
    }
    override func test(_ ip: Interpreter, _ frame: Frame) throws -> Bool {
        if lhs.pure, let x = lhs.number(ip, frame), let holds = Arithmetic.compare(site.op, x, constant) { return holds }
        let a = try lhs.eval(ip, frame)
        if case .number(let x) = a, let holds = Arithmetic.compare(site.op, x, constant) { return holds }
        return try conditionValue(try Arithmetic.binary(ip, site, a, .number(constant)), of: self)
    }
}

/// `c op x` with a number constant on the left (`3*x`, `1 - p`).
final class ConstantLeftNode: ExprNode {
    let site: OperatorSite
    let constant: Double
    let rhs: ExprNode
    init(_ op: BinaryOperator, _ constant: Double, _ rhs: ExprNode, _ span: SourceSpan, left: SourceSpan) {
        self.site = OperatorSite(op: op, span: span, left: left, right: rhs.span)
        self.constant = constant
        self.rhs = rhs
        super.init(span, pure: rhs.pure && Arithmetic.isArithmetic(op))
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        if rhs.pure, let y = rhs.number(ip, frame) { return Arithmetic.scalar(site.op, constant, y) }
        let b = try rhs.eval(ip, frame)
        if case .number(let y) = b { return Arithmetic.scalar(site.op, constant, y) }
        return try Arithmetic.binary(ip, site, .number(constant), b)
    }
    override func number(_ ip: Interpreter, _ frame: Frame) -> Double? {
        guard let y = rhs.number(ip, frame) else { return nil }
        return Arithmetic.arithmetic(site.op, constant, y)
    }
    override func test(_ ip: Interpreter, _ frame: Frame) throws -> Bool {
        if rhs.pure, let y = rhs.number(ip, frame), let holds = Arithmetic.compare(site.op, constant, y) { return holds }
        let b = try rhs.eval(ip, frame)
        if case .number(let y) = b, let holds = Arithmetic.compare(site.op, constant, y) { return holds }
        return try conditionValue(try Arithmetic.binary(ip, site, .number(constant), b), of: self)
    }
}

/// A long flat chain `a op₁ b op₂ c …` evaluated left to right in a loop, exactly as the
/// nested binary nodes would (same order, same operators), without one level of recursion
/// per operator.
final class ChainNode: ExprNode {
    /// Chains up to this many operators are nested binary nodes (with their fast paths).
    static let minimumLength = 32
    let first: ExprNode
    let sites: [OperatorSite]
    let operands: NodeList
    init(_ first: ExprNode, _ sites: [OperatorSite], _ operands: [ExprNode], _ span: SourceSpan) {
        self.first = first
        self.sites = sites
        self.operands = NodeList(operands)
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        var result: Value
        if first.pure, let x = first.number(ip, frame) { result = .number(x) } else { result = try first.eval(ip, frame) }
        for i in 0..<sites.count {
            let b = try operands.eval(i, ip, frame)
            if case .number(let x) = result, case .number(let y) = b {
                result = Arithmetic.scalar(sites[i].op, x, y)
            } else {
                result = try Arithmetic.binary(ip, sites[i], result, b)
            }
        }
        return result
    }
}

/// The node for `lhs op rhs`, specialised when one side is a number constant.
func makeBinaryNode(_ op: BinaryOperator, _ lhs: ExprNode, _ rhs: ExprNode, _ span: SourceSpan) -> ExprNode {
    if let c = rhs as? ConstantNode, case .number(let y) = c.value {
        return ConstantRightNode(op, lhs, y, span, right: rhs.span)
    }
    if let c = lhs as? ConstantNode, case .number(let x) = c.value {
        return ConstantLeftNode(op, x, rhs, span, left: lhs.span)
    }
    return BinaryNode(op, lhs, rhs, span)
}

/// `&&` and `||`: short-circuit on true/false; elementwise on boolean arrays.
final class LogicNode: ExprNode {
    let isAnd: Bool
    let lhs: ExprNode
    let rhs: ExprNode
    init(isAnd: Bool, _ lhs: ExprNode, _ rhs: ExprNode, _ span: SourceSpan) {
        self.isAnd = isAnd
        self.lhs = lhs
        self.rhs = rhs
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        let a = try lhs.eval(ip, frame)
        if case .bool(let p) = a {
            if isAnd && !p { return .bool(false) }
            if !isAnd && p { return .bool(true) }
            let b = try rhs.eval(ip, frame)
            if case .bool(let q) = b { return .bool(q) }
            if case .matrix = b {
                return try Arithmetic.binary(ip, OperatorSite(op: isAnd ? .and : .or, span: span, left: lhs.span, right: rhs.span), a, b)
            }
            throw MMLError(kind: .type, "\(isAnd ? "&&" : "||") needs true or false on both sides, not a \(b.typeName)", at: rhs.span)
        }
        if case .matrix(let m) = a, m.isLogical {
            let b = try rhs.eval(ip, frame)
            return try Arithmetic.binary(ip, OperatorSite(op: isAnd ? .and : .or, span: span, left: lhs.span, right: rhs.span), a, b)
        }
        throw MMLError(kind: .type, "\(isAnd ? "&&" : "||") needs true or false, not a \(a.typeName)", at: lhs.span,
                       hint: "compare first, e.g. x > 0 \(isAnd ? "&&" : "||") y > 0")
    }
}

final class NegateNode: ExprNode {
    let operand: ExprNode
    init(_ operand: ExprNode, _ span: SourceSpan) {
        self.operand = operand
        super.init(span, pure: operand.pure)
    }
    override func number(_ ip: Interpreter, _ frame: Frame) -> Double? {
        operand.number(ip, frame).map { -$0 }
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        let v = try operand.eval(ip, frame)
        if case .number(let x) = v { return .number(-x) }
        return try Arithmetic.negate(v, at: span)
    }
}

final class NotNode: ExprNode {
    let operand: ExprNode
    init(_ operand: ExprNode, _ span: SourceSpan) {
        self.operand = operand
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        try Arithmetic.not(try operand.eval(ip, frame), at: span)
    }
}

/// Unary plus: checks the operand is numeric and returns it.
final class PlusNode: ExprNode {
    let operand: ExprNode
    init(_ operand: ExprNode, _ span: SourceSpan) {
        self.operand = operand
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        let v = try operand.eval(ip, frame)
        switch v {
        case .number, .complex, .matrix, .range: return v
        case .bool(let b): return .number(b ? 1 : 0)
        default: throw MMLError(kind: .type, "unary + needs a number, not a \(v.typeName)", at: span)
        }
    }
}

final class RangeNode: ExprNode {
    let start: ExprNode
    let step: ExprNode?
    let stop: ExprNode
    init(start: ExprNode, step: ExprNode?, stop: ExprNode, _ span: SourceSpan) {
        self.start = start
        self.step = step
        self.stop = stop
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        let a = try number(start, ip, frame, "start")
        let s = try step.map { try number($0, ip, frame, "step") } ?? 1
        let b = try number(stop, ip, frame, "end")
        if s == 0 { throw MMLError(kind: .range, "the step of a range cannot be 0", at: step?.span ?? span) }
        let range = RangeValue(start: a, step: s, stop: b)
        if range.count > Interpreter.maxElements {
            // The count itself may be past what an Int holds (0:1e-300:1): say it as a number.
            let count = ((b - a) / s).rounded(.down) + 1
            let text = step == nil ? "\(formatNumber(a, style: .long)):\(formatNumber(b, style: .long))"
                : "\(formatNumber(a, style: .long)):\(formatNumber(s, style: .long)):\(formatNumber(b, style: .long))"
            throw MMLError(kind: .memory, "the range \(text) would have \(formatNumber(count, style: .short)) elements, more than MML allows (\(Interpreter.maxElements))", at: span)
        }
        return .range(range)
    }

    private func number(_ node: ExprNode, _ ip: Interpreter, _ frame: Frame, _ part: String) throws -> Double {
        let v = try node.eval(ip, frame)
        switch v {
        case .number(let x):
            guard x.isFinite else { throw MMLError(kind: .range, "the \(part) of a range must be finite, not \(formatNumber(x, style: .long))", at: node.span) }
            return x
        case .matrix(let m) where m.count == 1: return m.data[0]
        default:
            throw MMLError(kind: .type, "the \(part) of a range must be a number, not a \(v.typeName)", at: node.span)
        }
    }
}
