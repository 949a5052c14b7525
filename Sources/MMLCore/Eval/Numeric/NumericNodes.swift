// The numeric form of a function: the same code as its nodes, specialised to numbers.
//
// A function whose body only does scalar arithmetic on numbers (the shape of `fib`, of a
// cost function or of a hand-written series) also gets a numeric form: nodes that compute
// on `Double`s held in a plain stack, with no `Value`s, no frames and no reference counting.
// Every node answers nil ("bail") when a value is not what the specialisation assumed (an
// argument that is a matrix, a global redefined as a string, a call nested too deep, a
// Ctrl-C); the call that entered the numeric form then runs the ordinary nodes instead. The
// numeric form has no effects beyond its own stack (it never prints, assigns a global or
// draws a random number), so running the ordinary code after a bail gives exactly the
// result, errors and output the program would have had anyway.

/// The bit pattern of a local that has no value yet. It is a NaN with a payload that no
/// arithmetic produces (operations on NaNs return one of their inputs or the default NaN).
let unassignedNumber = Double(bitPattern: 0x7FF8_DEAD_BEEF_0001)

/// An expression whose value is a number.
class NumExpr {
    /// The value, or nil to bail out of the numeric form. `frame` points at the call's slots.
    func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? { nil }
}

/// A condition: true or false, or nil to bail.
class NumTest {
    func holds(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Bool? { nil }
}

/// What a statement did to the flow of control; a `return` carries its number.
enum NumFlow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Double)
    /// A `return` of a matrix literal: its entries are in the frame (see `NumReturnEntries`).
    case returnedEntries
    case bail
}

/// A statement.
class NumStmt {
    func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow { .bail }
}

// MARK: Expressions

final class NumConstant: NumExpr {
    let constant: Double
    init(_ constant: Double) { self.constant = constant }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? { constant }
}

final class NumLocal: NumExpr {
    let slot: Int
    init(_ slot: Int) { self.slot = slot }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        let x = frame[slot]
        // Read before assignment: the ordinary code reports it.
        return x.bitPattern == unassignedNumber.bitPattern ? nil : x
    }
}

/// A global read while the numeric form runs: a number variable, or a number constant (`pi`)
/// while no variable shadows it.
final class NumGlobal: NumExpr {
    let slot: Int
    let fallback: Double?
    init(slot: Int, fallback: Double?) {
        self.slot = slot
        self.fallback = fallback
    }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        if let x = ip.globals.number(at: slot) { return x }
        return ip.globals.isEmpty(slot) ? fallback : nil
    }
}

final class NumNegate: NumExpr {
    let operand: NumExpr
    init(_ operand: NumExpr) { self.operand = operand }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        operand.value(ip, frame).map { -$0 }
    }
}

/// An operand of an arithmetic node. Constants and locals, the most common operands, are
/// read in place rather than through a node (one virtual call fewer each).
enum NumOperand {
    case constant(Double)
    case local(Int)
    case node(NumExpr)

    init(_ expr: NumExpr) {
        switch expr {
        case let c as NumConstant: self = .constant(c.constant)
        case let l as NumLocal: self = .local(l.slot)
        default: self = .node(expr)
        }
    }

    @inline(__always)
    func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        switch self {
        case .constant(let c): return c
        case .local(let slot):
            let x = frame[slot]
            return x.bitPattern == unassignedNumber.bitPattern ? nil : x
        case .node(let n): return n.value(ip, frame)
        }
    }
}

final class NumAdd: NumExpr {
    let lhs: NumOperand, rhs: NumOperand
    init(_ lhs: NumExpr, _ rhs: NumExpr) { (self.lhs, self.rhs) = (NumOperand(lhs), NumOperand(rhs)) }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        guard let x = lhs.value(ip, frame), let y = rhs.value(ip, frame) else { return nil }
        return x + y
    }
}

final class NumSubtract: NumExpr {
    let lhs: NumOperand, rhs: NumOperand
    init(_ lhs: NumExpr, _ rhs: NumExpr) { (self.lhs, self.rhs) = (NumOperand(lhs), NumOperand(rhs)) }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        guard let x = lhs.value(ip, frame), let y = rhs.value(ip, frame) else { return nil }
        return x - y
    }
}

final class NumMultiply: NumExpr {
    let lhs: NumOperand, rhs: NumOperand
    init(_ lhs: NumExpr, _ rhs: NumExpr) { (self.lhs, self.rhs) = (NumOperand(lhs), NumOperand(rhs)) }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        guard let x = lhs.value(ip, frame), let y = rhs.value(ip, frame) else { return nil }
        return x * y
    }
}

/// `x^2`, the commonest power (as `Arithmetic.power` computes it: x·x).
final class NumSquare: NumExpr {
    let base: NumOperand
    init(_ base: NumExpr) { self.base = NumOperand(base) }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        base.value(ip, frame).map { $0 * $0 }
    }
}

/// The other arithmetic operators (/, \, ^), exactly as `Arithmetic.arithmetic` computes them.
final class NumArithmetic: NumExpr {
    let op: BinaryOperator
    let lhs: NumOperand, rhs: NumOperand
    init(_ op: BinaryOperator, _ lhs: NumExpr, _ rhs: NumExpr) { (self.op, self.lhs, self.rhs) = (op, NumOperand(lhs), NumOperand(rhs)) }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        guard let x = lhs.value(ip, frame), let y = rhs.value(ip, frame) else { return nil }
        return Arithmetic.arithmetic(op, x, y)
    }
}

/// `name(x)` for a one-value builtin while no variable shadows the name. Such a builtin's
/// body sees only its argument (no interpreter), so it cannot print, warn or draw a random
/// number; a result that is not a number, or an error, bails.
final class NumUnaryBuiltin: NumExpr {
    let slot: Int
    let body: @Sendable (Value, SourceSpan, Interpreter) throws -> Value
    let argument: NumExpr
    let span: SourceSpan
    init(slot: Int, body: @escaping @Sendable (Value, SourceSpan, Interpreter) throws -> Value, _ argument: NumExpr, span: SourceSpan) {
        self.slot = slot
        self.body = body
        self.argument = argument
        self.span = span
    }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        guard ip.globals.isEmpty(slot), let x = argument.value(ip, frame),
              case .number(let y)? = try? body(.number(x), span, ip) else { return nil }
        return y
    }
}

/// `name(a, b)` for a two-value builtin with a scalar kernel (`mod`).
final class NumBinaryKernel: NumExpr {
    let slot: Int
    let kernel: (Double, Double) -> Double
    let first: NumExpr, second: NumExpr
    init(slot: Int, kernel: @escaping (Double, Double) -> Double, _ first: NumExpr, _ second: NumExpr) {
        self.slot = slot
        self.kernel = kernel
        self.first = first
        self.second = second
    }
    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        guard ip.globals.isEmpty(slot), let x = first.value(ip, frame), let y = second.value(ip, frame) else { return nil }
        return kernel(x, y)
    }
}

// MARK: Conditions

final class NumCompare: NumTest {
    let op: BinaryOperator
    let lhs: NumOperand, rhs: NumOperand
    init(_ op: BinaryOperator, _ lhs: NumExpr, _ rhs: NumExpr) { (self.op, self.lhs, self.rhs) = (op, NumOperand(lhs), NumOperand(rhs)) }
    override func holds(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Bool? {
        guard let x = lhs.value(ip, frame), let y = rhs.value(ip, frame) else { return nil }
        return Arithmetic.compare(op, x, y)
    }
}

/// `a && b`, `a || b` on conditions (short-circuit, as the ordinary node does).
final class NumLogic: NumTest {
    let isAnd: Bool
    let lhs: NumTest, rhs: NumTest
    init(isAnd: Bool, _ lhs: NumTest, _ rhs: NumTest) { (self.isAnd, self.lhs, self.rhs) = (isAnd, lhs, rhs) }
    override func holds(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Bool? {
        guard let p = lhs.holds(ip, frame) else { return nil }
        if p != isAnd { return p }
        return rhs.holds(ip, frame)
    }
}

final class NumNot: NumTest {
    let operand: NumTest
    init(_ operand: NumTest) { self.operand = operand }
    override func holds(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Bool? {
        operand.holds(ip, frame).map { !$0 }
    }
}

final class NumConstantTest: NumTest {
    let constant: Bool
    init(_ constant: Bool) { self.constant = constant }
    override func holds(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Bool? { constant }
}

// MARK: Statements

final class NumSequence: NumStmt {
    let first: NumStmt, rest: NumStmt
    init(_ first: NumStmt, _ rest: NumStmt) { (self.first, self.rest) = (first, rest) }
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow {
        let flow = first.exec(ip, frame)
        guard case .normal = flow else { return flow }
        return rest.exec(ip, frame)
    }
}

final class NumEmpty: NumStmt {
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow { .normal }
}

/// An expression statement: evaluated for what its calls might bail on, its value dropped.
final class NumEvaluate: NumStmt {
    let expr: NumExpr
    init(_ expr: NumExpr) { self.expr = expr }
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow {
        expr.value(ip, frame) == nil ? .bail : .normal
    }
}

final class NumAssign: NumStmt {
    let slot: Int
    let value: NumExpr
    init(slot: Int, _ value: NumExpr) { (self.slot, self.value) = (slot, value) }
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow {
        guard let x = value.value(ip, frame) else { return .bail }
        frame[slot] = x
        return .normal
    }
}

final class NumIf: NumStmt {
    let condition: NumTest
    let then: NumStmt
    let otherwise: NumStmt?
    init(_ condition: NumTest, then: NumStmt, otherwise: NumStmt?) { (self.condition, self.then, self.otherwise) = (condition, then, otherwise) }
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow {
        guard let holds = condition.holds(ip, frame) else { return .bail }
        if holds { return then.exec(ip, frame) }
        return otherwise?.exec(ip, frame) ?? .normal
    }
}

final class NumWhile: NumStmt {
    let condition: NumTest
    let body: NumStmt
    init(_ condition: NumTest, _ body: NumStmt) { (self.condition, self.body) = (condition, body) }
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow {
        while true {
            guard let holds = condition.holds(ip, frame) else { return .bail }
            if !holds { return .normal }
            if ip.stop.isRequested { return .bail }
            switch body.exec(ip, frame) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case let flow: return flow
            }
        }
    }
}

/// `for i in a:b` or `for i in a:step:b` with a local loop variable.
final class NumFor: NumStmt {
    let slot: Int
    let start: NumExpr, step: NumExpr?, stop: NumExpr
    let body: NumStmt
    init(slot: Int, start: NumExpr, step: NumExpr?, stop: NumExpr, body: NumStmt) {
        (self.slot, self.start, self.step, self.stop, self.body) = (slot, start, step, stop, body)
    }
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow {
        guard let a = start.value(ip, frame), let b = stop.value(ip, frame) else { return .bail }
        var s = 1.0
        if let step {
            guard let x = step.value(ip, frame) else { return .bail }
            s = x
        }
        // The ordinary node reports a step of 0, a bound that is not finite, a range too long.
        guard a.isFinite, b.isFinite, s.isFinite, s != 0 else { return .bail }
        let range = RangeValue(start: a, step: s, stop: b)
        guard range.count <= Interpreter.maxElements else { return .bail }
        for k in 0..<range.count {
            if ip.stop.isRequested { return .bail }
            frame[slot] = range.element(k)
            switch body.exec(ip, frame) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case let flow: return flow
            }
        }
        return .normal
    }
}

final class NumBreak: NumStmt {
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow { .breakLoop }
}

final class NumContinue: NumStmt {
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow { .continueLoop }
}

final class NumReturn: NumStmt {
    let value: NumExpr
    init(_ value: NumExpr) { self.value = value }
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow {
        guard let x = value.value(ip, frame) else { return .bail }
        return .returned(x)
    }
}

/// `return [a, b]` in a function whose every `return` gives a matrix literal of this shape: the
/// entries, column by column, go to the frame's slots from `base` on (the slots after the
/// locals), where the caller reads them.
final class NumReturnEntries: NumStmt {
    let entries: [NumExpr]
    /// `entries` without reference counting (`entries` keeps them alive).
    private let entryRefs: [Unmanaged<NumExpr>]
    let base: Int
    init(_ entries: [NumExpr], base: Int) {
        (self.entries, self.base) = (entries, base)
        entryRefs = entries.map { Unmanaged.passUnretained($0) }
    }
    override func exec(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> NumFlow {
        for i in 0..<entryRefs.count {
            guard let x = entryRefs[i]._withUnsafeGuaranteedRef({ $0.value(ip, frame) }) else { return .bail }
            frame[base + i] = x
        }
        return .returnedEntries
    }
}
