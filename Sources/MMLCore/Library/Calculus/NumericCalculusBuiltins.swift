// Numeric calculus builtins: integrate, nderiv, limit, and tangent/taylor (symbolic when the
// function has a formula, numeric otherwise). They accept any function of one number.
import Glibc

extension Builtins {
    static let numericCalculus: [Builtin] = [
        Builtin("integrate", [.req("f"), .req("a"), .req("b"), .key("tol", "1e-10")], area: .calculus,
                summary: "Definite integral of a function from a to b (adaptive Gauss–Kronrod)",
                help: "integrate(f, a, b) is ∫ f(x) dx from a to b, computed numerically by adaptive 15-point Gauss–Kronrod quadrature: the interval with the largest error estimate is halved until the estimated error is below tol (or 1e-12 relative). Smooth integrands are accurate to about 1e-10 or better. a or b may be inf or -inf (the range is mapped to a finite one). A warning says when the estimate has not converged, e.g. at a singularity inside the range. f may be a math function, a lambda or a builtin.",
                examples: [BuiltinExample("integrate(x -> x^2, 0, 3)", "9"),
                           BuiltinExample("integrate(x -> exp(-x^2), -inf, inf)", "1.7724538509055159")], body: .general { args in
            let ip = args.interpreter
            let f = try ScalarFunction.make(try args.function("f"), name: "integrate", ip: ip, at: args.span("f"))
            let a = try args.number("a"), b = try args.number("b")
            let tol = try args.number("tol", default: 1e-10)
            guard tol > 0 else { throw args.error("integrate: `tol` must be positive", at: "tol") }
            var point = 0.0
            let recorded: (Double) throws -> Double = { x in
                point = x
                return try f(x)
            }
            do {
                let r = try GaussKronrod.integrate(recorded, a, b, absoluteTolerance: tol)
                if !r.converged {
                    ip.warn("integrate: the estimate has not converged (estimated error \(formatNumber(r.errorEstimate, style: .short)) after \(r.subintervals) subintervals)", at: args.callSpan,
                            hint: "the integrand may have a singularity or oscillate quickly; try splitting the range at the trouble spot")
                }
                return .number(r.value)
            } catch is IntegrandNotFinite {
                throw args.error("integrate: the integrand is not finite at x = \(formatNumber(point, style: .long))", at: "f",
                                 hint: "the integral may not exist; split the range at a singularity, or integrate up to it")
            }
        }),
        Builtin("nderiv", [.req("f"), .req("x"), .key("n", "1")], area: .calculus,
                summary: "Numeric derivative of a function at a point (central differences with Richardson extrapolation)",
                help: "nderiv(f, x) estimates f′(x) from values of f alone: central differences of shrinking steps, combined by Richardson extrapolation (Ridders' method) and restarted from smaller steps until two independent estimates agree, typically accurate to 1e-10 for smooth f (also for quickly varying ones such as sin(100x)). A warning says when the estimated error is large (f noisy, not differentiable at x, or varying faster than the smallest step can follow). nderiv(f, x, n=2) is the second derivative (n up to 4). It works for any function, and is the way to check a symbolic derivative: compare f'(x) with nderiv(f, x). x may be a vector of points.",
                examples: [BuiltinExample("round(nderiv(sin, 0), 10)", "1"),
                           BuiltinExample("f(x) = x^3; round(nderiv(f, 2, n=2), 8)", "12")], body: .general { args in
            let f = try ScalarFunction.make(try args.function("f"), name: "nderiv", ip: args.interpreter, at: args.span("f"))
            let n = try args.int("n", default: 1, in: 1...FiniteDifferences.maximumOrder)
            let xv = try args.value("x")
            let xs: Matrix
            if case .number(let x) = xv { xs = Matrix(rows: 1, cols: 1, data: [x]) } else { xs = try args.matrix("x") }
            var worst: (x: Double, estimate: NumericEstimate)?
            let values = try xs.data.map { x -> Double in
                let e = try FiniteDifferences.estimate(f, at: x, order: n)
                let poor = FiniteDifferences.poorError(order: n, value: e.value)
                if !(e.error <= poor), worst == nil || !(e.error <= worst!.estimate.error) { worst = (x, e) }
                return e.value
            }
            if let (x, e) = worst, e.value.isFinite {
                args.interpreter.warn("nderiv: the estimate at x = \(formatNumber(x, style: .short)) is unreliable (estimated error \(formatNumber(e.error, style: .short)))", at: args.callSpan,
                                      hint: "f may be noisy or not differentiable there; for a formula, f'(x) is exact")
            }
            if case .number = xv { return .number(values[0]) }
            return .matrix(Matrix(rows: xs.rows, cols: xs.cols, data: values))
        }),
        Builtin("limit", [.req("f"), .req("a"), .key("side", "\"both\"")], area: .calculus,
                summary: "Numeric limit of f(x) as x approaches a",
                help: "limit(f, a) approaches a from both sides with shrinking steps and extrapolates the values to a, so removable gaps such as sin(x)/x at 0 give their limit. When the two one-sided limits differ (a jump, as sign(x) at 0) it warns and gives nan; side=\"left\" or side=\"right\" gives one of them. a may be inf or -inf; a limit that grows without bound is inf or -inf. An estimate within its own error of a whole number is shown as that number.",
                examples: [BuiltinExample("limit(x -> sin(x)/x, 0)", "1"),
                           BuiltinExample("round(limit(x -> (1 + 1/x)^x, inf), 9)", "2.718281828"),
                           BuiltinExample("limit(x -> abs(x)/x, 0, side=\"right\")", "1")], body: .general { args in
            let ip = args.interpreter
            let f = try ScalarFunction.make(try args.function("f"), name: "limit", ip: ip, at: args.span("f"))
            let a = try args.number("a")
            let side = try args.string("side", default: "both")
            guard ["both", "left", "right"].contains(side) else {
                throw args.error("limit: `side` must be \"both\", \"left\" or \"right\", not \"\(side)\"", at: "side")
            }
            func oneSided(_ direction: Double) throws -> NumericEstimate {
                let estimate = try NumericCalculus.oneSidedLimit(f, at: a, direction: direction)
                if estimate.error.isInfinite {
                    let approach = a.isInfinite ? "as x → \(a > 0 ? "" : "−")∞" : "as x approaches \(formatNumber(a, style: .long))\(side == "both" ? (direction > 0 ? " from the right" : " from the left") : "")"
                    ip.warn("limit: the values of f do not settle \(approach), so the limit does not seem to exist", at: args.callSpan,
                            hint: "plot f near the point, or evaluate it at a few points closer and closer to it")
                    throw LimitDoesNotExist()
                }
                return estimate
            }
            do {
                if a.isInfinite { return .number(NumericCalculus.tidy(try oneSided(a > 0 ? -1 : 1))) }
                if side != "both" { return .number(NumericCalculus.tidy(try oneSided(side == "right" ? 1 : -1))) }
                let left = try oneSided(-1), right = try oneSided(1)
                let l = NumericCalculus.tidy(left), r = NumericCalculus.tidy(right)
                let tolerance = max(1e-6 * max(abs(l), abs(r), 1), 10 * max(left.error, right.error))
                if l == r || (l.isFinite && r.isFinite && abs(l - r) <= tolerance) { return .number(l == r ? l : 0.5 * (l + r)) }
                ip.warn("limit: the one-sided limits differ: from the left \(formatNumber(l, style: .long)), from the right \(formatNumber(r, style: .long))", at: args.callSpan,
                        hint: "side=\"left\" or side=\"right\" gives one of them")
                return .number(.nan)
            } catch is LimitDoesNotExist {
                return .number(.nan)
            }
        }),
        Builtin("tangent", [.req("f"), .req("a")], area: .calculus, summary: "The tangent line of f at x = a, as a math function",
                help: "tangent(f, a) is the line f(a) + f′(a)·(x − a), as a math function you can call, print or plot. For a math function (or a builtin with a derivative rule) it is exact; for other functions f′(a) is estimated with nderiv.",
                examples: [BuiltinExample("f(x) = x^2; tangent(f, 3)", "tangent(x) = 6·x − 9")], body: .general { args in
            .function(try approximation(args, order: 1, name: "tangent"))
        }),
        Builtin("taylor", [.req("f"), .req("a"), .req("n")], area: .calculus, summary: "The Taylor polynomial of f of degree n about x = a, as a math function",
                help: "taylor(f, a, n) is Σₖ f⁽ᵏ⁾(a)/k!·(x − a)ᵏ for k = 0 … n, built from exact derivatives, as a math function. Coefficients stay exact where they can (sin(1), 1/6); at a point that is not a whole number they are decimals. For a function without a formula the derivatives are estimated numerically (n up to 4, with a warning).",
                examples: [BuiltinExample("taylor(sin, 0, 5)", "taylor(x) = x⁵/120 − x³/6 + x"),
                           BuiltinExample("taylor(exp, 0, 3)", "taylor(x) = x³/6 + x²/2 + x + 1")], body: .general { args in
            .function(try approximation(args, order: try args.int("n", in: 0...64), name: "taylor"))
        }),
    ]

    private struct LimitDoesNotExist: Error {}

    /// The tangent line or Taylor polynomial: symbolic when f has a formula, numeric otherwise.
    private static func approximation(_ args: Arguments, order: Int, name: String) throws -> UserFunction {
        let ip = args.interpreter
        let f = try args.function("f")
        let a = try args.number("a")
        guard a.isFinite else { throw args.error("\(name): the point must be a finite number", at: "a") }
        let point = Formula.real(a)
        if let form = try? SymbolicForms.form(of: f, ip, at: args.span("f")), form.parameters.count == 1,
           form.vectorParameters.isEmpty, case .scalar(let body) = form.body, !body.isNonScalar {
            let v = form.parameters[0]
            let polynomial = try Interpreter.locating(at: args.callSpan) { try body.taylor(v, at: point, order: order) }
            return try MathFunctionMaker.make(name: name, parameters: [v], body: .scalar(polynomial), ip: ip, at: args.callSpan)
        }
        guard order <= FiniteDifferences.maximumOrder else {
            throw args.error("\(name): \(f.name) has no formula, so its derivatives are estimated numerically, which works up to order \(FiniteDifferences.maximumOrder)", at: "f",
                             hint: "define f as a math function, f(x) = …, for exact derivatives of any order")
        }
        let g = try ScalarFunction.make(f, name: name, ip: ip, at: args.span("f"))
        let v = ScalarFunction.parameterName(f)
        var terms: [Formula] = [.real(try g(a))]
        var factorial = 1.0
        if order >= 1 {
            for k in 1...order {
                factorial *= Double(k)
                let d = try FiniteDifferences.estimate(g, at: a, order: k).value
                terms.append(Formula.mul([.real(d / factorial), Formula.pow(Formula.sub(.variable(v), point), .int(k))]))
            }
        }
        if order >= 2 {
            ip.warn("\(name): \(f.name) has no formula, so its derivatives were estimated numerically", at: args.span("f"),
                    hint: "define f as a math function, f(x) = …, for exact coefficients")
        }
        return try MathFunctionMaker.make(name: name, parameters: [v], body: .scalar(Formula.add(terms)), ip: ip, at: args.callSpan)
    }
}
