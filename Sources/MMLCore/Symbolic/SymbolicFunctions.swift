// The one table of functions a formula may call: numeric value and d/du of each.
import Glibc

/// How a function's derivative is known. The chain rule is applied in one place
/// (`Formula.derivative`); each function only says how it changes with its own arguments.
public enum DerivativeRule: Sendable {
    /// ∂f/∂argᵢ for every argument, as formulas in the arguments (elementwise functions).
    case partials(@Sendable ([Formula]) -> [Formula])
    /// For functions that are not elementwise (sum, mean, softmax): the differential
    /// `df` from the arguments `u` and their differentials `du`.
    case directional(@Sendable (_ u: [Formula], _ du: [Formula]) -> Formula)
    /// Piecewise constant: the derivative is 0 except at the jumps, where it does not exist;
    /// MML uses 0 there too (as automatic-differentiation libraries do).
    case zeroAlmostEverywhere
}

/// How a function computes its value at scalar arguments.
public enum ScalarImplementation: Sendable {
    case unary(@Sendable (Double) -> Double)
    case binary(@Sendable (Double, Double) -> Double)
}

/// One function known to the symbolic engine.
public struct SymbolicFunction: Sendable {
    public let name: String
    /// Accepted argument counts.
    public let arity: ClosedRange<Int>
    /// The value at scalar arguments (for one-argument use of a two-argument function,
    /// `binary` receives its default second argument).
    public let implementation: ScalarImplementation
    public let derivative: DerivativeRule
    /// A convention a learner should know (step at 0, softmax on vectors, …).
    public let note: String?
}

/// The table of functions the symbolic engine can evaluate and differentiate.
public enum SymbolicFunctions {
    /// Every function, by name.
    public static let table: [String: SymbolicFunction] = {
        var t: [String: SymbolicFunction] = [:]
        for f in all { t[f.name] = f }
        return t
    }()

    /// The names of all functions with a derivative rule, sorted.
    public static var names: [String] { table.keys.sorted() }

    /// Default slope of `leaky_relu` for negative inputs.
    public static let leakySlope = 0.01

    /// The partial derivatives of `name` at `args`, or nil when it has no such rule.
    public static func partials(_ name: String, _ args: [Formula]) -> [Formula]? {
        guard let f = table[name], f.arity.contains(args.count) else { return nil }
        switch f.derivative {
        case .partials(let p): return p(args)
        case .zeroAlmostEverywhere: return Array(repeating: .zero, count: args.count)
        case .directional: return nil
        }
    }

    /// The value of `name` at numeric arguments, or nil when unknown.
    public static func evaluate(_ name: String, _ args: [Double]) -> Double? {
        guard let f = table[name], f.arity.contains(args.count) else { return nil }
        switch f.implementation {
        case .unary(let g): return args.count == 1 ? g(args[0]) : nil
        case .binary(let g):
            if args.count == 2 { return g(args[0], args[1]) }
            if args.count == 1, name == "leaky_relu" { return g(args[0], leakySlope) }
            if args.count == 1, name == "log" { return Glibc.log(args[0]) }
            return nil
        }
    }

    /// Folds a call on numeric arguments when the value is exact (`cos(0)` → 1) or an
    /// argument is already inexact (`sin(0.5)` → 0.479…).
    static func fold(_ name: String, _ args: [Formula]) -> Formula? {
        var values: [Double] = []
        var inexact = false
        for a in args {
            guard case .number(let n) = a else { return nil }
            if case .real = n { inexact = true }
            values.append(n.double)
        }
        guard let v = evaluate(name, values) else { return nil }
        if inexact { return .real(v) }
        if v.isFinite, v.rounded() == v, abs(v) < 1e15 { return .real(v) }
        return nil
    }

    // MARK: - The table

    private static func f(_ name: String, _ u: Formula) -> Formula { Formula.apply(name, [u]) }
    private static func sq(_ u: Formula) -> Formula { Formula.pow(u, .int(2)) }
    private static func recip(_ u: Formula) -> Formula { Formula.pow(u, .minusOne) }
    private static func step(_ u: Formula) -> Formula { Formula.apply("step", [u]) }
    /// 1 − u² as (1 − u)(1 + u), which keeps its relative accuracy as u nears ±1.
    private static func oneMinusSquare(_ u: Formula) -> Formula { Formula.mul([Formula.sub(.one, u), Formula.add([.one, u])]) }

    private static func unary(_ name: String, _ g: @escaping @Sendable (Double) -> Double,
                              note: String? = nil,
                              _ d: @escaping @Sendable (Formula) -> Formula) -> SymbolicFunction {
        SymbolicFunction(name: name, arity: 1...1, implementation: .unary(g),
                         derivative: .partials { [d($0[0])] }, note: note)
    }

    private static func piecewise(_ name: String, _ g: @escaping @Sendable (Double) -> Double) -> SymbolicFunction {
        SymbolicFunction(name: name, arity: 1...1, implementation: .unary(g), derivative: .zeroAlmostEverywhere,
                         note: "\(name) is piecewise constant: its derivative is 0 almost everywhere (MML uses 0 at the jumps too)")
    }

    private static let all: [SymbolicFunction] = [
        unary("exp", { Glibc.exp($0) }) { f("exp", $0) },
        SymbolicFunction(
            name: "log", arity: 1...2,
            implementation: .binary { b, x in Glibc.log(x) / Glibc.log(b) },
            derivative: .partials { a in
                if a.count == 1 { return [recip(a[0])] }
                // log(b, x) = ln x / ln b
                let b = a[0], x = a[1]
                return [Formula.neg(Formula.mul([f("log", x), recip(b), Formula.pow(f("log", b), .int(-2))])),
                        Formula.mul([recip(x), recip(f("log", b))])]
            },
            note: "log(x) is the natural logarithm; log(b, x) is the logarithm of x to base b"),
        unary("log2", { Glibc.log2($0) }) { Formula.mul([recip($0), recip(f("log", .int(2)))]) },
        unary("log10", { Glibc.log10($0) }) { Formula.mul([recip($0), recip(f("log", .int(10)))]) },
        unary("sqrt", { $0.squareRoot() }) { Formula.mul([.fraction(1, 2), Formula.pow($0, .fraction(-1, 2))]) },
        unary("abs", { Swift.abs($0) }, note: "d/dx |x| = sign(x), taken as 0 at x = 0") { f("sign", $0) },
        piecewise("sign") { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0.isNaN ? .nan : 0)) },
        unary("sin", { Glibc.sin($0) }) { f("cos", $0) },
        unary("cos", { Glibc.cos($0) }) { Formula.neg(f("sin", $0)) },
        unary("tan", { Glibc.tan($0) }) { recip(sq(f("cos", $0))) },
        unary("asin", { Glibc.asin($0) }) { Formula.pow(oneMinusSquare($0), .fraction(-1, 2)) },
        unary("acos", { Glibc.acos($0) }) { Formula.neg(Formula.pow(oneMinusSquare($0), .fraction(-1, 2))) },
        unary("atan", { Glibc.atan($0) }) { recip(Formula.add([.one, sq($0)])) },
        unary("sinh", { Glibc.sinh($0) }) { f("cosh", $0) },
        unary("cosh", { Glibc.cosh($0) }) { f("sinh", $0) },
        // 1/cosh², not 1 − tanh², which is 0 from x ≈ 19 on although the true value is 1e-16 there.
        unary("tanh", { Glibc.tanh($0) }) { Formula.pow(f("cosh", $0), .int(-2)) },
        unary("asinh", { Glibc.asinh($0) }) { Formula.pow(Formula.add([sq($0), .one]), .fraction(-1, 2)) },
        unary("acosh", { Glibc.acosh($0) }) {
            Formula.pow(Formula.mul([Formula.sub($0, .one), Formula.add([$0, .one])]), .fraction(-1, 2))
        },
        unary("atanh", { Glibc.atanh($0) }) { recip(oneMinusSquare($0)) },
        unary("erf", { Glibc.erf($0) }) {
            Formula.mul([.int(2), Formula.pow(.constant(.pi), .fraction(-1, 2)), f("exp", Formula.neg(sq($0)))])
        },
        // σ(x)·σ(−x), not σ(1 − σ): 1 − σ(x) cancels for large x (0 from x ≈ 37 on).
        unary("sigmoid", { 1 / (1 + Glibc.exp(-$0)) }) { u in
            Formula.mul([f("sigmoid", u), f("sigmoid", Formula.neg(u))])
        },
        unary("softplus", { x in x > 0 ? x + Glibc.log1p(Glibc.exp(-x)) : Glibc.log1p(Glibc.exp(x)) }) {
            f("sigmoid", $0)
        },
        unary("relu", { $0 > 0 ? $0 : 0 }, note: "relu'(x) = step(x), taken as 0 at x = 0") { step($0) },
        piecewise("step") { $0 > 0 ? 1 : ($0.isNaN ? .nan : 0) },
        SymbolicFunction(
            name: "leaky_relu", arity: 1...2,
            implementation: .binary { x, a in x > 0 ? x : a * x },
            derivative: .partials { a in
                let u = a[0]
                let slope = a.count == 2 ? a[1] : Formula.real(leakySlope)
                let du = Formula.add([step(u), Formula.mul([slope, Formula.sub(.one, step(u))])])
                return a.count == 2 ? [du, Formula.mul([u, Formula.sub(.one, step(u))])] : [du]
            },
            note: "leaky_relu(x, a) = x for x > 0 and a·x otherwise (a = 0.01 by default)"),
        SymbolicFunction(
            name: "min", arity: 2...2, implementation: .binary { Swift.min($0, $1) },
            derivative: .partials { a in
                let s = step(Formula.sub(a[1], a[0]))
                return [s, Formula.sub(.one, s)]
            },
            note: "min(a, b) follows a where a < b and b elsewhere (piecewise)"),
        SymbolicFunction(
            name: "max", arity: 2...2, implementation: .binary { Swift.max($0, $1) },
            derivative: .partials { a in
                let s = step(Formula.sub(a[0], a[1]))
                return [s, Formula.sub(.one, s)]
            },
            note: "max(a, b) follows a where a > b and b elsewhere (piecewise)"),
        piecewise("floor") { Glibc.floor($0) },
        piecewise("ceil") { Glibc.ceil($0) },
        piecewise("round") { Glibc.round($0) },
        SymbolicFunction(
            name: "sum", arity: 1...1, implementation: .unary { $0 },
            derivative: .directional { _, du in Formula.apply("sum", [du[0]]) },
            note: "sum is linear: d sum(u) = sum(du)"),
        SymbolicFunction(
            name: "mean", arity: 1...1, implementation: .unary { $0 },
            derivative: .directional { _, du in Formula.apply("mean", [du[0]]) },
            note: "mean is linear: d mean(u) = mean(du)"),
        SymbolicFunction(
            name: "transpose", arity: 1...1, implementation: .unary { $0 },
            derivative: .directional { _, du in Formula.apply("transpose", [du[0]]) },
            note: "transpose is linear: d transpose(u) = transpose(du)"),
        SymbolicFunction(
            name: "length", arity: 1...1, implementation: .unary { _ in 1 },
            derivative: .partials { _ in [.zero] },
            note: "length(u) counts the elements of u; it does not change with the variables"),
        SymbolicFunction(
            name: "softmax", arity: 1...1, implementation: .unary { _ in 1 },
            derivative: .directional { u, du in
                let s = Formula.apply("softmax", [u[0]])
                return Formula.mul([s, Formula.sub(du[0], Formula.apply("sum", [Formula.mul([s, du[0]])]))])
            },
            note: "softmax(u) = exp(u)/sum(exp(u)) on a vector; d softmax(u) = s ⊙ (du − sum(s ⊙ du)) with s = softmax(u)"),
    ]
}
