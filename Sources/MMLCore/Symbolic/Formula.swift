// The symbolic expression tree that math functions keep, differentiate, simplify and print.

/// A named mathematical constant that prints by name and stays exact.
public enum NamedConstant: String, Hashable, Sendable, CaseIterable {
    case pi
    case e

    /// The constant's numeric value.
    public var value: Double {
        switch self {
        case .pi: return Double.pi
        case .e: return 2.718281828459045
        }
    }
}

/// A formula. Build it with the smart constructors (`Formula.add`, `Formula.mul`, `Formula.pow`,
/// `Formula.apply`, `Formula.matmul`, operators `+ - * / ^`), which keep it in canonical form: constants folded,
/// 0/1 identities applied, like terms collected, powers merged, operands ordered.
///
/// Subtraction is a sum with a negative coefficient and division a negative power (as in
/// SymPy); the printers turn them back into `a − b` and `a/b`.
public indirect enum Formula: Hashable, Sendable {
    /// An exact or inexact numeric constant.
    case number(Number)
    /// `pi` or `e`.
    case constant(NamedConstant)
    /// A scalar variable (a parameter of the math function), by name.
    case variable(String)
    /// A parameter that is a vector (e.g. the weights `w` in `L(w) = sum(… X * w …)`).
    case vectorVariable(String)
    /// Captured data (a vector or matrix) by name: a constant under differentiation.
    case data(String)
    /// `t₁ + t₂ + …` with at least two terms, in canonical order (numeric term last).
    case sum([Formula])
    /// `f₁ · f₂ · …` with at least two factors; a numeric coefficient comes first. For data
    /// operands this is the elementwise (Hadamard) product with scalar broadcasting.
    case product([Formula])
    /// `base ^ exponent` (elementwise for data).
    case power(Formula, Formula)
    /// A call of a named function, e.g. `sin(x)`, `log(2, x)`, `sum(xs .* w)`.
    case call(String, [Formula])
    /// The matrix product `A * B` of non-scalar operands (not commutative).
    case matrixProduct(Formula, Formula)

    public static let zero = Formula.number(.int(0))
    public static let one = Formula.number(.int(1))
    public static let minusOne = Formula.number(.int(-1))

    /// An integer constant.
    public static func int(_ n: Int) -> Formula { .number(.int(n)) }
    /// A numeric constant (integer-valued doubles become exact integers).
    public static func real(_ x: Double) -> Formula { .number(Number(x)) }
    /// The exact fraction `p/q`.
    public static func fraction(_ p: Int, _ q: Int) -> Formula { .number(.fraction(p, q)) }

    /// The number when this is a numeric constant.
    public var numberValue: Number? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var isZero: Bool { numberValue?.isZero ?? false }
    public var isOne: Bool { numberValue?.isOne ?? false }

    /// The direct operands of this node.
    public var children: [Formula] {
        switch self {
        case .number, .constant, .variable, .vectorVariable, .data: return []
        case .sum(let ts): return ts
        case .product(let fs): return fs
        case .power(let b, let x): return [b, x]
        case .call(_, let args): return args
        case .matrixProduct(let a, let b): return [a, b]
        }
    }

    /// True when `name` occurs as a variable anywhere in this expression.
    public func contains(variable name: String) -> Bool {
        switch self {
        case .variable(let v), .vectorVariable(let v): return v == name
        case .number, .constant, .data: return false
        default: return children.contains { $0.contains(variable: name) }
        }
    }

    /// The names of the variables in this expression, sorted.
    public var freeVariables: [String] {
        var names = Set<String>()
        collect(into: &names, data: false)
        return names.sorted()
    }

    /// The names of the data leaves in this expression, sorted.
    public var dataNames: [String] {
        var names = Set<String>()
        collect(into: &names, data: true)
        return names.sorted()
    }

    private func collect(into names: inout Set<String>, data: Bool) {
        switch self {
        case .variable(let v), .vectorVariable(let v): if !data { names.insert(v) }
        case .data(let d): if data { names.insert(d) }
        default: for c in children { c.collect(into: &names, data: data) }
        }
    }

    /// True when this expression may be a vector or matrix (contains data or a matrix product).
    public var isNonScalar: Bool {
        switch self {
        case .data, .vectorVariable, .matrixProduct: return true
        case .number, .constant, .variable: return false
        case .call(let name, let args):
            // The table is looked up only for calls of vectors, so scalar formulas never pay for it.
            guard args.contains(where: { $0.isNonScalar }) else { return false }
            if case .reduces? = SymbolicFunctions.table[name]?.calculus.vector { return false }
            return true
        default: return children.contains { $0.isNonScalar }
        }
    }

    /// Replaces variables by expressions (simultaneously) and rebuilds in canonical form.
    public func substituting(_ bindings: [String: Formula]) -> Formula {
        rebuilt { e in
            if case .variable(let v) = e, let r = bindings[v] { return r }
            if case .vectorVariable(let v) = e, let r = bindings[v] { return r }
            return nil
        }
    }

    /// Replaces calls for which `lookup(name, arguments)` returns a formula (e.g. inlining a
    /// user's math function `f(x)` inside `h(x) = f(x)^2`); arguments are rewritten first.
    public func replacingCalls(_ lookup: (String, [Formula]) throws -> Formula?) rethrows -> Formula {
        switch self {
        case .number, .constant, .variable, .vectorVariable, .data: return self
        case .call(let name, let args):
            let newArgs = try args.map { try $0.replacingCalls(lookup) }
            if let r = try lookup(name, newArgs) { return r }
            return Formula.apply(name, newArgs)
        default:
            return rebuild(with: try children.map { try $0.replacingCalls(lookup) })
        }
    }

    /// Bottom-up rewrite: `transform` may replace a node (its result is not revisited).
    func rebuilt(_ transform: (Formula) -> Formula?) -> Formula {
        if let r = transform(self) { return r }
        switch self {
        case .number, .constant, .variable, .vectorVariable, .data: return self
        default: return rebuild(with: children.map { $0.rebuilt(transform) })
        }
    }

    /// The same kind of node with new operands, through the smart constructors.
    func rebuild(with kids: [Formula]) -> Formula {
        switch self {
        case .number, .constant, .variable, .vectorVariable, .data: return self
        case .sum: return Formula.add(kids)
        case .product: return Formula.mul(kids)
        case .power: return Formula.pow(kids[0], kids[1])
        case .call(let name, _): return Formula.apply(name, kids)
        case .matrixProduct: return Formula.matmul(kids[0], kids[1])
        }
    }
}
