// The functions a formula may call: the builtins whose calculus facet has a derivative rule,
// indexed by name (made on first use, not at start-up).

/// One function known to the symbolic engine: a builtin's name and its calculus facet.
///
/// A class: it is looked up for every call in every formula that is differentiated, printed
/// or compiled, and a reference is one retain where copying the facet's closures is several.
public final class SymbolicFunction: Sendable {
    public let name: String
    public let calculus: FunctionCalculus
    /// The rule (every entry has one).
    public let derivative: DerivativeRule

    init(name: String, calculus: FunctionCalculus, derivative: DerivativeRule) {
        self.name = name
        self.calculus = calculus
        self.derivative = derivative
    }

    /// Accepted argument counts.
    public var arity: ClosedRange<Int> { calculus.arity }
    /// A convention a learner should know (step at 0, softmax on vectors, …).
    public var note: String? {
        if let note = calculus.note { return note }
        if case .zeroAlmostEverywhere = derivative {
            return "\(name) is piecewise constant: its derivative is 0 almost everywhere (MML uses 0 at the jumps too)"
        }
        return nil
    }
}

/// The index of differentiable builtins by name.
public enum SymbolicFunctions {
    /// Every function, by name.
    public static let table: [String: SymbolicFunction] = {
        var t: [String: SymbolicFunction] = [:]
        for b in Builtins.all {
            guard let calculus = b.calculus, let rule = calculus.derivative else { continue }
            t[b.name] = SymbolicFunction(name: b.name, calculus: calculus, derivative: rule)
        }
        return t
    }()

    /// The names of all functions with a derivative rule, sorted.
    public static var names: [String] { table.keys.sorted() }

    /// The partial derivatives of `name` at `args`, or nil when it has no such rule.
    public static func partials(_ name: String, _ args: [Formula]) -> [Formula]? {
        guard let f = table[name], f.arity.contains(args.count) else { return nil }
        switch f.derivative {
        case .derivative(let d): return args.count == 1 ? [d(args[0])] : nil
        case .partials(let p): return p(args)
        case .zeroAlmostEverywhere: return Array(repeating: .zero, count: args.count)
        case .directional: return nil
        }
    }

    /// The value of `name` at numeric arguments, or nil when unknown.
    public static func evaluate(_ name: String, _ args: [Double]) -> Double? {
        guard let f = table[name], f.arity.contains(args.count) else { return nil }
        return f.calculus.kernel?(args)
    }

    /// Folds a call on numeric arguments when the value is exact (`cos(0)` → 1) or an
    /// argument is already inexact (`sin(0.5)` → 0.479…).
    static func fold(_ f: SymbolicFunction, _ args: [Formula]) -> Formula? {
        var values: [Double] = []
        var inexact = false
        for a in args {
            guard case .number(let n) = a else { return nil }
            if case .real = n { inexact = true }
            values.append(n.double)
        }
        guard f.arity.contains(values.count), let v = f.calculus.kernel?(values) else { return nil }
        if inexact { return .real(v) }
        if v.isFinite, v.rounded() == v, abs(v) < 1e15 { return .real(v) }
        return nil
    }
}
