// The ONE place that decides where an optimizer's derivatives come from: a derivative the
// learner passed (grad=…), the exact symbolic derivative of a math function (compiled once by
// the calculus engine), or central differences; every numeric fallback says so once per
// function and session, in a note.

/// What produced a derivative.
enum DerivativeOrigin: Equatable {
    /// The learner passed it (grad=…).
    case given
    /// The symbolic engine differentiated a math function's formula (exact).
    case symbolic
    /// Central differences with Richardson extrapolation (about 10 correct digits).
    case numeric
}

/// f(x) itself. Today the interpreter evaluates f at each point (two interpreted calls per
/// gradient-descent step dominate the run time); the calculus wiring can return a compiled
/// formula here for math functions, as `symbolicGradient` does for the gradient.
enum ValueSource {
    static func make(for f: PointFunction) -> ([Double]) throws -> Double {
        { try f.number($0) }
    }
}

/// ∇f for f: ℝⁿ → ℝ (and f′ when n = 1).
struct GradientSource {
    let gradient: ([Double]) throws -> [Double]
    /// The gradient written in place, when it has a numeric form (see `Objective.fillGradient`).
    var fill: (([Double], inout [Double]) throws -> Void)?
    /// f(x) and the gradient in one evaluation, when both have numeric forms that flatten
    /// into one program (see `Objective.joint`).
    var joint: (any JointEvaluation)?
    let origin: DerivativeOrigin

    /// The gradient of `f`: the given function when there is one, else the symbolic gradient
    /// when f is a math function the symbolic engine can differentiate, else central differences
    /// (with a note naming `caller`).
    static func make(for f: PointFunction, given: PointFunction?, caller: String) -> GradientSource {
        if let given {
            let n = f.dimension
            return GradientSource(gradient: { try given.vector($0, count: n) },
                                  fill: { try given.vector($0, into: &$1, count: n) },
                                  joint: Together(f, given), origin: .given)
        }
        if let exact = symbolicGradient(of: f) {
            let n = f.dimension
            return GradientSource(gradient: { try exact.vector($0, count: n) },
                                  fill: { try exact.vector($0, into: &$1, count: n) },
                                  joint: Together(f, exact), origin: .symbolic)
        }
        DerivativeNotes.say(.gradient, of: f, caller: caller)
        return GradientSource(gradient: { x in try FiniteDifferences.gradient({ try f.number($0) }, at: x) }, origin: .numeric)
    }

    /// The exact gradient of a function written in MML whose formula the symbolic engine can
    /// differentiate (`grad(f)`, compiled once and cached); nil otherwise.
    private static func symbolicGradient(of f: PointFunction) -> PointFunction? {
        symbolic(f, role: "the gradient of f", Differentiation.gradientFunction)
    }

    /// The derivative the calculus engine makes of f (`grad`, `hessian`, `jacobian`, `f'`) as a
    /// function of the same point, when f is a math function or lambda whose formula it can
    /// differentiate; nil otherwise (builtins, block functions, formulas with a function that
    /// has no derivative rule), and the caller falls back to differences.
    static func symbolic(_ f: PointFunction, role: String,
                         _ make: (Function, Interpreter, SourceSpan) throws -> UserFunction) -> PointFunction? {
        guard let user = f.function as? UserFunction, user.form != .block,
              let derived = try? make(user, f.ip, f.span)
        else { return nil }
        return try? PointFunction(derived, dimension: f.dimension, role: role, ip: f.ip, at: f.span)
    }
}

/// f(x) and ∇f(x) by one straight-line program of both numeric forms (see `NumericObjective`);
/// by the separate calls when that program bails.
private final class Together: JointEvaluation {
    private let both: NumericObjective
    private let f: PointFunction, gradient: PointFunction
    /// f's interpreter, held here: read through `f` it is retained and released at each call.
    private let ip: Interpreter

    /// Nil unless f and its gradient both have numeric forms that flatten into one program.
    init?(_ f: PointFunction, _ gradient: PointFunction) {
        guard let value = f.numericEntry, let g = gradient.numericEntry,
              let both = NumericObjective(value: value, gradient: g, dimension: f.dimension) else { return nil }
        (self.both, self.f, self.gradient, ip) = (both, f, gradient, f.ip)
    }

    func valueAndGradient(_ x: [Double], into g: inout [Double]) throws -> Double {
        if let fx = both.evaluate(ip, x, gradient: &g) { return fx }
        let fx = try f.number(x)
        if fx.isFinite { try gradient.vector(x, into: &g, count: f.dimension) }
        return fx
    }
}

/// The Hessian of f: ℝⁿ → ℝ for Newton's method.
enum HessianSource {
    /// The exact Hessian of a math function (`hessian(f)`) when the gradient was not given;
    /// else differences of the gradient when it is exact (given or symbolic: ~10 digits), else
    /// second differences of f's values (~8 digits), said once in a note. Returns the Hessian
    /// and its relative accuracy (Newton's method treats smaller singular values as zero).
    static func make(for f: PointFunction, gradient: GradientSource, caller: String) -> (hessian: ([Double]) throws -> Matrix, accuracy: Double) {
        let n = f.dimension
        if gradient.origin == .symbolic, let exact = GradientSource.symbolic(f, role: "the Hessian of f", Differentiation.hessianFunction) {
            return ({ try exact.matrix($0, rows: n, cols: n) }, exactAccuracy)
        }
        if gradient.origin != .numeric {
            DerivativeNotes.say(.hessian, of: f, caller: caller, how: "differences of the exact gradient, about 10 correct digits")
            let g = gradient.gradient
            return ({ try FiniteDifferences.hessian(gradient: g, at: $0) }, FiniteDifferences.gradientDifferenceAccuracy)
        }
        DerivativeNotes.say(.hessian, of: f, caller: caller, how: "second differences of its values, about 8 correct digits")
        return ({ x in try FiniteDifferences.hessian({ try f.number($0) }, at: x) }, FiniteDifferences.secondDifferenceAccuracy)
    }
}

/// The relative accuracy of a derivative computed from its exact formula: rounding only.
private let exactAccuracy = 1e-12

/// f′ or the Jacobian of F for Newton's root finding.
enum JacobianSource {
    /// f′ for one equation in one unknown: the given derivative, the exact derivative of a
    /// math function, or central differences.
    static func derivative(for f: PointFunction, given: PointFunction?, caller: String) -> (Double) throws -> Double {
        if let given { return { try given.number([$0]) } }
        if let exact = GradientSource.symbolic(f, role: "the derivative of f", { try Differentiation.derivativeFunction(of: $0, variable: nil, order: 1, ip: $1, at: $2) }) {
            return { try exact.number([$0]) }
        }
        DerivativeNotes.say(.derivative, of: f, caller: caller)
        return { x in try FiniteDifferences.derivative({ try f.number([$0]) }, at: x) }
    }

    /// The m×n Jacobian of F (the given function returning the matrix, the exact Jacobian of a
    /// math function, or central differences) and its relative accuracy.
    static func make(for F: PointFunction, given: PointFunction?, outputs m: Int, caller: String) -> (jacobian: ([Double]) throws -> Matrix, accuracy: Double) {
        let n = F.dimension
        if let given { return ({ try given.matrix($0, rows: m, cols: n) }, exactAccuracy) }
        if let exact = GradientSource.symbolic(F, role: "the Jacobian of F", Differentiation.jacobianFunction) {
            return ({ try exact.matrix($0, rows: m, cols: n) }, exactAccuracy)
        }
        DerivativeNotes.say(.jacobian, of: F, caller: caller)
        return ({ x in try FiniteDifferences.jacobian({ try F.vector($0) }, at: x, outputs: m) }, FiniteDifferences.firstDerivativeAccuracy)
    }
}

/// Remembers, per session, which functions have been told that a derivative is numeric.
final class DerivativeNotes {
    enum Kind: String {
        case gradient, derivative, jacobian = "Jacobian", hessian = "Hessian"
    }

    /// Keeps each function alive so its identity cannot be reused by another.
    private var told: [ObjectIdentifier: (function: Function, kinds: Set<String>)] = [:]

    /// Notes once per function, kind and session that `caller` differentiates it numerically.
    static func say(_ kind: Kind, of f: PointFunction, caller: String, how: String = "central differences, about 10 correct digits") {
        let ip = f.ip
        let key = ObjectIdentifier(DerivativeNotes.self)
        let notes = (ip.domainState[key] as? DerivativeNotes) ?? DerivativeNotes()
        ip.domainState[key] = notes
        let id = ObjectIdentifier(f.function)
        var entry = notes.told[id] ?? (f.function, [])
        guard !entry.kinds.contains(kind.rawValue) else { return }
        entry.kinds.insert(kind.rawValue)
        notes.told[id] = entry
        let name = ip.sources[f.span.source]?.text(of: f.span) ?? f.function.name
        let hint: String?
        switch kind {
        case .gradient: hint = "pass grad=… (a function returning the gradient) to use an exact one"
        case .derivative: hint = "pass grad=… (a function returning f′) to use an exact one"
        case .jacobian: hint = "pass grad=… (a function returning the Jacobian matrix) to use an exact one"
        case .hessian: hint = nil
        }
        ip.emit(.warning(Diagnostic(.note, kind: .numericDerivative, message: "\(caller) uses a numeric \(kind.rawValue) of \(name) (\(how))",
                                    span: f.span, hints: hint.map { [$0] } ?? [])))
    }
}
