// The optimizer builtins: gd (gradient descent), newton (roots and minima) and minimize (BFGS).

extension Builtins {
    static let optimizers: [Builtin] = [gd, newton, minimize]

    static let gd = Builtin(
        "gd", [.req("f"), .req("x0"), .key("rate", "0.1"), .key("steps", "1000"), .key("tol", "1e-8"), .key("momentum", "0"),
               .key("grad", "auto"), .key("trace", "false")],
        area: .optimization, summary: "Gradient descent: minimize f by repeated steps against its gradient, from x0",
        help: """
            gd(f, x0) repeats x ← x − rate·∇f(x) until |∇f(x)| ≤ tol or `steps` updates are made. x0 is a number or a vector. \
            f gets one number per coordinate when it has that many parameters (g(x, y) with x0 = [1, 1]), otherwise the whole \
            point as one vector (J(w) with w a vector). momentum=β uses the heavy-ball update v ← β·v − rate·∇f(x), x ← x + v. \
            The gradient is grad=… when given (a function called like f, returning the gradient); else, for a math function \
            or a lambda, the exact symbolic gradient of its formula; else (a block function, a builtin) central differences, \
            with a note saying so. \
            The result is a record: x, value (f(x)), steps, converged, diverged, message, path (one row per iterate, x0 first), \
            values (f along the path) and grad_norm (|∇f| along the path). If x or f(x) becomes inf or nan, or f keeps growing, \
            gd stops early with diverged = true and a warning suggesting a smaller rate. trace=true prints a table of the \
            iterations (k, x, f(x), |∇f|), the middle of long runs elided.
            """,
        examples: [
            BuiltinExample("r = gd(x -> (x - 3)^2, 0, grad=x -> 2*(x - 3)); round(r.x, 6)", "3"),
            BuiltinExample("g(x, y) = (x - 1)^2 + 2*(y + 2)^2; dg(x, y) = [2*(x - 1), 4*(y + 2)]; r = gd(g, [0, 0], grad=dg, rate=0.2); round(r.x, 6)", "[1, -2]"),
        ],
        result: .fields(OptimizationResult.fields),
        body: .general { args in
            let ip = args.interpreter
            let (x0, scalar) = try args.startPoint("x0")
            let f = try PointFunction(try args.function("f"), dimension: x0.count, role: "f", ip: ip, at: args.span("f"))
            let given = try args.givenDerivative(dimension: x0.count)
            let rate = try args.number("rate", default: 0.1)
            guard rate.isFinite, rate > 0 else {
                throw args.error("gd: the rate must be a positive number, not \(formatNumber(rate, style: .long))", at: "rate", hint: "typical rates are 0.001 to 0.5")
            }
            let momentum = try args.number("momentum", default: 0)
            guard momentum >= 0, momentum < 1 else {
                throw args.error("gd: momentum must be at least 0 and below 1, not \(formatNumber(momentum, style: .long))", at: "momentum",
                                 hint: "0.9 is a common choice; 0 turns momentum off")
            }
            let options = GradientDescentOptions(rate: rate, steps: try args.int("steps", default: 1000, in: 0...maxOptimizerSteps),
                                                 tolerance: try args.tolerance(default: 1e-8), momentum: momentum)
            let source = GradientSource.make(for: f, given: given, caller: "gd")
            let objective = Objective(value: ValueSource.make(for: f), gradient: source.gradient, fillGradient: source.fill,
                                      joint: source.joint)
            let result = try GradientDescent.run(objective, from: x0, options: options)
            if try args.bool("trace", default: false) {
                let x0Text = pointText(x0)
                let momentumText = momentum > 0 ? ", momentum \(formatNumber(momentum, style: .short))" : ""
                ip.output(TraceTable.text(result, title: "gradient descent from x0 = \(x0Text) (rate \(formatNumber(rate, style: .short))\(momentumText))"))
            }
            reportOutcome(result, caller: "gd", quietAtStepLimit: true, ip: ip, at: args.callSpan)
            return result.record(scalar: scalar, function: f.function)
        })

    static let newton = Builtin(
        "newton", [.req("f"), .req("x0"), .key("minimize", "false"), .key("steps", "50"), .key("tol", "1e-10"), .key("grad", "auto"), .key("trace", "false")],
        area: .optimization, summary: "Newton's method: a root of f (one equation or a system), or with minimize=true a minimum",
        help: """
            newton(f, x0) finds x with f(x) = 0 by x ← x − f(x)/f′(x). For a system, f returns a vector (as many equations \
            as unknowns) and each step solves J·Δ = f(x) with the Jacobian J. newton(f, x0, minimize=true) finds a point where \
            ∇f = 0 by x ← x − H⁻¹∇f(x) with the Hessian H; near a minimum it converges in a handful of steps, but a singular \
            Hessian is an error, and it can land on a maximum or saddle (a warning says so). f is called as in gd. grad=… gives \
            f′ (or the Jacobian matrix) for root finding and ∇f for minimization; otherwise f′, the Jacobian, ∇f and the \
            Hessian are exact for a math function or lambda (as f', jacobian, grad and hessian give them) and central \
            differences for anything else, with a note saying which are numeric. Stops when |f(x)| (or |∇f|) ≤ tol or after `steps`; returns the same record as gd, where for root \
            finding value is f(x) and grad_norm is |f′(x)| (the Jacobian's norm for a system). trace=true prints the iterations.
            """,
        examples: [
            BuiltinExample("r = newton(x -> x^2 - 2, 1, grad=x -> 2*x); round(r.x, 10)", "1.4142135624"),
            BuiltinExample("r = newton(x -> x^2 - 2, 1, grad=x -> 2*x); r.steps", "4"),
            BuiltinExample("r = newton(x -> x^2 - 2, 1); round(r.x, 10)", "1.4142135624"),
        ],
        result: .fields(OptimizationResult.fields),
        body: .general { args in
            let ip = args.interpreter
            let (x0, scalar) = try args.startPoint("x0")
            let n = x0.count
            let f = try PointFunction(try args.function("f"), dimension: n, role: "f", ip: ip, at: args.span("f"))
            let given = try args.givenDerivative(dimension: n)
            let options = NewtonOptions(steps: try args.int("steps", default: 50, in: 0...maxOptimizerSteps), tolerance: try args.tolerance(default: 1e-10))
            let trace = try args.bool("trace", default: false)
            let title = "Newton's method from x0 = \(pointText(x0))"
            let result: OptimizationResult
            if try args.bool("minimize", default: false) {
                let source = GradientSource.make(for: f, given: given, caller: "newton")
                let hessian = HessianSource.make(for: f, gradient: source, caller: "newton")
                let objective = Objective(value: ValueSource.make(for: f), gradient: source.gradient, hessian: hessian.hessian, hessianAccuracy: hessian.accuracy)
                result = try Newton.minimize(objective, from: x0, options: options)
                if trace { ip.output(TraceTable.text(result, title: title + ", minimizing")) }
            } else if n == 1 {
                let derivative = JacobianSource.derivative(for: f, given: given, caller: "newton")
                result = try Newton.root({ try f.number([$0]) }, derivative: derivative, from: x0[0], options: options)
                if trace { ip.output(TraceTable.text(result, title: title + ", solving f(x) = 0", slopeHeader: "|f′(x)|")) }
            } else {
                let m = try f.vector(x0).count
                let jacobian = JacobianSource.make(for: f, given: given, outputs: m, caller: "newton")
                result = try Newton.root(system: { try f.vector($0) }, jacobian: jacobian.jacobian, from: x0, jacobianAccuracy: jacobian.accuracy, options: options)
                if trace { ip.output(TraceTable.text(result, title: title + ", solving f(x) = 0", valueHeader: "‖f(x)‖", slopeHeader: "‖J‖")) }
            }
            reportOutcome(result, caller: "newton", ip: ip, at: args.callSpan)
            return result.record(scalar: scalar, function: f.function)
        })

    static let minimize = Builtin(
        "minimize", [.req("f"), .req("x0"), .key("steps", "1000"), .key("tol", "1e-8"), .key("grad", "auto"), .key("trace", "false")],
        area: .optimization, summary: "A local minimum of f near x0 (BFGS with a line search), when you just want the answer",
        help: """
            minimize(f, x0) runs BFGS: a quasi-Newton method that learns the curvature of f from how its gradient changes and \
            takes steps whose length a line search picks (strong Wolfe conditions), so there is no rate to tune. f is called as \
            in gd; grad=… gives the gradient, otherwise it is exact for a math function or lambda and central differences \
            (with a note) for anything else. Stops when |∇f| ≤ tol; returns the \
            same record as gd. Like every local method it finds the minimum of the valley x0 lies in.
            """,
        examples: [
            BuiltinExample("r = minimize(x -> (x - 3)^2 + 1, 0, grad=x -> 2*(x - 3)); [round(r.x, 8), round(r.value, 8)]", "[3, 1]"),
        ],
        result: .fields(OptimizationResult.fields),
        body: .general { args in
            let ip = args.interpreter
            let (x0, scalar) = try args.startPoint("x0")
            let f = try PointFunction(try args.function("f"), dimension: x0.count, role: "f", ip: ip, at: args.span("f"))
            let given = try args.givenDerivative(dimension: x0.count)
            let options = BFGSOptions(steps: try args.int("steps", default: 1000, in: 0...maxOptimizerSteps), tolerance: try args.tolerance(default: 1e-8))
            let source = GradientSource.make(for: f, given: given, caller: "minimize")
            let objective = Objective(value: ValueSource.make(for: f), gradient: source.gradient)
            let result = try BFGS.minimize(objective, from: x0, options: options)
            if try args.bool("trace", default: false) {
                ip.output(TraceTable.text(result, title: "BFGS from x0 = \(pointText(x0))"))
            }
            reportOutcome(result, caller: "minimize", ip: ip, at: args.callSpan)
            return result.record(scalar: scalar, function: f.function)
        })
}

/// The most steps an optimizer may be asked for (each step keeps a row of the path).
let maxOptimizerSteps = 10_000_000

extension Arguments {
    /// `grad=…` as a function called like f, or nil when not given.
    func givenDerivative(dimension n: Int) throws -> PointFunction? {
        guard has("grad") else { return nil }
        let g = try function("grad")
        return try PointFunction(g, dimension: n, role: "grad", ip: interpreter, at: span("grad"))
    }

    /// `tol=…`: 0 or a positive number.
    func tolerance(default fallback: Double) throws -> Double {
        let tol = try number("tol", default: fallback)
        guard tol >= 0, !tol.isNaN else {
            throw error("\(builtin.name): tol must be 0 or a positive number, not \(formatNumber(tol, style: .long))", at: "tol")
        }
        return tol
    }
}
