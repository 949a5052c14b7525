// Neural-network activations (sigmoid, relu, leaky_relu, softplus, softmax, step) and the
// special functions derivatives use (erf, asinh, acosh, atanh), each with its derivative rule,
// so every formula a derivative produces can be evaluated.
import Glibc

extension Builtins {
    static let neural: [Builtin] = [
        activation("sigmoid", summary: "The logistic sigmoid 1/(1 + e⁻ˣ), with values in (0, 1)",
                   help: "sigmoid(x) = 1/(1 + exp(-x)) squashes any number into (0, 1), the probability of the positive class in logistic regression. Its derivative is sigmoid(x)·(1 − sigmoid(x)), which MML writes and computes as sigmoid(x)·sigmoid(−x): the same number, without the cancellation of 1 − sigmoid(x) for large x. Computed without overflow for large |x|.",
                   examples: [BuiltinExample("sigmoid(0)", "0.5"), BuiltinExample("sigmoid([-1, 0, 1])", "[0.268941, 0.5, 0.731059]")],
                   // σ(x)·σ(−x), not σ(1 − σ): 1 − σ(x) cancels for large x (0 from x ≈ 37 on).
                   calculus: .derivative { u in Formula.mul([RuleForms.call("sigmoid", u), RuleForms.call("sigmoid", Formula.neg(u))]) },
                   Activations.sigmoid),
        activation("relu", summary: "Rectified linear unit max(x, 0)",
                   help: "relu(x) is x for x > 0 and 0 otherwise. Its derivative is step(x): 1 for x > 0, 0 for x < 0, and MML takes 0 at x = 0 (as deep-learning libraries do).",
                   examples: [BuiltinExample("relu([-2, 0, 3])", "[0, 0, 3]")],
                   calculus: .derivative(note: "relu'(x) = step(x), taken as 0 at x = 0") { RuleForms.step($0) }) { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) },
        activation("step", summary: "Unit step (Heaviside): 1 where x > 0, else 0",
                   help: "step(x) is 1 for x > 0 and 0 for x ≤ 0. It is the derivative of relu, and the function to use in a formula instead of a comparison such as x > 0. Its own derivative is 0 (except at 0, where it jumps).",
                   examples: [BuiltinExample("step([-1, 0, 2])", "[0, 0, 1]")], calculus: .piecewiseConstant) { $0 > 0 ? 1 : ($0.isNaN ? $0 : 0) },
        Builtin("leaky_relu", [.req("x"), .opt("a", "0.01")], area: .neural, summary: "Leaky ReLU: x for x > 0, a·x otherwise",
                help: "leaky_relu(x) keeps a small slope a (0.01 unless given) for negative inputs, so its gradient never vanishes there. Applies to every element of a vector or matrix.",
                examples: [BuiltinExample("leaky_relu([-2, 3])", "[-0.02, 3]"), BuiltinExample("leaky_relu(-2, 0.1)", "-0.2")],
                calculus: FunctionCalculus(
                    arity: 1...2, kernel: .unaryOrBinary({ Activations.leakyRelu($0, Activations.leakySlope) }, Activations.leakyRelu),
                    derivative: .partials { a in
                        let u = a[0], step = RuleForms.step(u)
                        let slope = a.count == 2 ? a[1] : Formula.real(Activations.leakySlope)
                        let du = Formula.add([step, Formula.mul([slope, Formula.sub(.one, step)])])
                        return a.count == 2 ? [du, Formula.mul([u, Formula.sub(.one, step)])] : [du]
                    },
                    note: "leaky_relu(x, a) = x for x > 0 and a·x otherwise (a = 0.01 by default)"),
                body: .general { args in
            let a = try args.number("a", default: Activations.leakySlope)
            return try Elementwise.map("leaky_relu", try args.value("x"), at: args.span("x")) { Activations.leakyRelu($0, a) }
        }),
        activation("softplus", summary: "Softplus log(1 + eˣ), a smooth relu",
                   help: "softplus(x) = log(1 + exp(x)) is a smooth version of relu whose derivative is sigmoid(x). Computed without overflow for large |x|.",
                   examples: [BuiltinExample("softplus(0)", "0.6931471805599453")],
                   calculus: .derivative { RuleForms.call("sigmoid", $0) }, Activations.softplus),
        Builtin("softmax", [.req("x")], area: .neural, summary: "Softmax of a vector: exponentials scaled to sum to 1",
                help: "softmax(z) = exp(z)/sum(exp(z)) turns a vector of scores into probabilities (each in (0, 1), summing to 1), as the last layer of a classifier does. All elements of a matrix are taken together (as the symbolic rule does). Computed stably by subtracting the largest score first.",
                examples: [BuiltinExample("softmax([1, 2, 3])", "[0.0900306, 0.244728, 0.665241]"), BuiltinExample("softmax([0, 0])", "[0.5, 0.5]")],
                calculus: FunctionCalculus(
                    kernel: .unary { _ in 1 },
                    derivative: .directional({ u, du in
                        let s = Formula.apply("softmax", [u[0]])
                        return Formula.mul([s, Formula.sub(du[0], Formula.apply("sum", [Formula.mul([s, du[0]])]))])
                    }, pullback: { _, seed, s in
                        // The softmax Jacobian is symmetric: Jᵀ·seed = s ⊙ seed − s·sum(s ⊙ seed), written
                        // out so that a seed with a factor 1/s (cross_entropy's) cancels: s − y, not s ⊙ (1 − y/s).
                        let weighted = Formula.mul([s, seed])
                        return [Formula.sub(weighted, Formula.mul([s, Formula.apply("sum", [weighted])]))]
                    }),
                    note: "softmax(u) = exp(u)/sum(exp(u)) on a vector; d softmax(u) = s ⊙ (du − sum(s ⊙ du)) with s = softmax(u)",
                    vector: .wholeVector,
                    arrayKernel: { a in
                        let m = a[0]
                        return Matrix(rows: m.rows, cols: m.cols, data: Activations.softmax(m.data))
                    }),
                body: .general { args in
            let v = try args.value("x")
            guard var m = v.asMatrix else {
                throw args.error("softmax needs a number, vector or matrix, not a \(v.typeName)", at: "x")
            }
            m.isLogical = false
            m.data = Activations.softmax(m.data)
            if case .number = v { return .number(m.data[0]) }
            return .matrix(m)
        }),
        Elementwise.builtin("erf", summary: "Error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt",
                            help: "erf(x) rises from −1 to 1; the normal CDF is (1 + erf(x/√2))/2.",
                            examples: [BuiltinExample("erf(0)", "0"), BuiltinExample("erf(1)", "0.8427007929497149")],
                            calculus: .derivative {
                                Formula.mul([.int(2), Formula.pow(.constant(.pi), .fraction(-1, 2)), RuleForms.call("exp", Formula.neg(RuleForms.square($0)))])
                            }) { Glibc.erf($0) },
        Elementwise.builtin("asinh", summary: "Inverse hyperbolic sine", examples: [BuiltinExample("asinh(0)", "0")],
                            calculus: .derivative { Formula.pow(Formula.add([RuleForms.square($0), .one]), .fraction(-1, 2)) }) { Glibc.asinh($0) },
        Elementwise.builtin("acosh", summary: "Inverse hyperbolic cosine (x ≥ 1)", examples: [BuiltinExample("acosh(1)", "0")],
                            calculus: .derivative {
                                Formula.pow(Formula.mul([Formula.sub($0, .one), Formula.add([$0, .one])]), .fraction(-1, 2))
                            }) { Glibc.acosh($0) },
        Elementwise.builtin("atanh", summary: "Inverse hyperbolic tangent (|x| < 1)", examples: [BuiltinExample("atanh(0)", "0")],
                            calculus: .derivative { RuleForms.reciprocal(RuleForms.oneMinusSquare($0)) }) { Glibc.atanh($0) },
    ]

    /// An elementwise activation in the neural-network area.
    private static func activation(_ name: String, summary: String, help: String, examples: [BuiltinExample],
                                   calculus: Elementwise.Calculus, _ f: @escaping @Sendable (Double) -> Double) -> Builtin {
        .unary(name, area: .neural, summary: summary, help: help + " Applies to every element of a vector or matrix.", examples: examples,
               calculus: calculus.facet(f)) { value, span in
            try Elementwise.map(name, value, at: span, f)
        }
    }
}

/// Numerically stable activation kernels.
enum Activations {
    /// Default slope of `leaky_relu` for negative inputs.
    static let leakySlope = 0.01

    @Sendable static func leakyRelu(_ x: Double, _ a: Double) -> Double { x > 0 ? x : a * x }

    @Sendable static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let z = exp(x)
        return z / (1 + z)
    }

    @Sendable static func softplus(_ x: Double) -> Double {
        x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
    }

    static func softmax(_ xs: [Double]) -> [Double] {
        guard let top = xs.max() else { return [] }
        let exps = xs.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}
