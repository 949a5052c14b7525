// Gradient descent with an optional momentum term, stopping on the gradient norm, the step
// budget or divergence.

/// Settings of gradient descent.
public struct GradientDescentOptions: Sendable {
    /// The learning rate η in x ← x − η∇f(x).
    public var rate: Double = 0.1
    /// The most updates to make.
    public var steps: Int = 1000
    /// Stop when ‖∇f(x)‖ ≤ tol.
    public var tolerance: Double = 1e-8
    /// β in the heavy-ball update v ← βv − η∇f(x), x ← x + v (0: plain gradient descent).
    public var momentum: Double = 0

    public init(rate: Double = 0.1, steps: Int = 1000, tolerance: Double = 1e-8, momentum: Double = 0) {
        self.rate = rate
        self.steps = steps
        self.tolerance = tolerance
        self.momentum = momentum
    }
}

public enum GradientDescent {
    /// Runs gradient descent from x0. Divergence does not throw: the result says so, with a hint
    /// to lower the rate. Throws for invalid settings, a start outside f's domain, or errors
    /// raised by f itself.
    public static func run(_ objective: Objective, from x0: [Double], options: GradientDescentOptions) throws -> OptimizationResult {
        try validate(options)
        // The closures as locals: called through `objective`, each call retains and releases them.
        let value = objective.value
        let gradient = objective.gradient
        let fillGradient = objective.fillGradient
        let joint = objective.joint
        var x = x0
        var fx = try value(x)
        var g = try gradient(x)
        try requireFiniteStart(x, fx, g)
        var gn = Vec.norm(g)
        var recorder = PathRecorder(capacity: options.steps + 1, dimension: x0.count)
        recorder.record(x, fx, gn)
        var monitor = DivergenceMonitor(start: fx, patience: options.momentum > 0 ? 30 : 10)
        var velocity = [Double](repeating: 0, count: x.count)
        let tooLarge = "the rate \(shortText(options.rate)) is too large for this function; try a smaller one, such as rate=\(shortText(options.rate / 10))"

        for step in 0..<options.steps {
            let k = step + 1
            if gn <= options.tolerance { break }
            for i in 0..<x.count {
                velocity[i] = options.momentum * velocity[i] - options.rate * g[i]
                x[i] += velocity[i]
            }
            fx = .nan
            if Vec.isFinite(x) {
                // (Optional chaining, not `if let`: binding retains and releases the object.)
                if let y = try joint?.valueAndGradient(x, into: &g) {
                    fx = y
                } else {
                    fx = try value(x)
                    if fx.isFinite {
                        if let fillGradient { try fillGradient(x, &g) } else { g = try gradient(x) }
                    }
                }
            }
            if !fx.isFinite {
                for i in g.indices { g[i] = .nan }
            }
            gn = Vec.norm(g)
            recorder.record(x, fx, gn)
            if let why = monitor.check(step: k, x: x, value: fx, gradientNorm: gn) {
                return recorder.result(.gradientDescent, stop: .diverged, message: "gradient descent diverged: " + why, hint: tooLarge)
            }
        }
        let steps = recorder.steps
        if gn <= options.tolerance {
            return recorder.result(.gradientDescent, stop: .converged,
                                   message: "converged: |∇f| = \(shortText(gn)) ≤ tol = \(shortText(options.tolerance)) after \(stepsText(steps))")
        }
        return recorder.result(.gradientDescent, stop: .maxSteps,
                               message: "stopped after \(stepsText(steps)): |∇f| = \(shortText(gn)) is still above tol = \(shortText(options.tolerance))",
                               hint: "take more steps (steps=…), or a larger rate if f decreases slowly")
    }

    static func validate(_ o: GradientDescentOptions) throws {
        guard o.rate.isFinite, o.rate > 0 else {
            throw OptimizationError("the rate must be a positive number, not \(shortText(o.rate))", hint: "typical rates are 0.001 to 0.5")
        }
        guard o.steps >= 0 else { throw OptimizationError("steps must be 0 or more, not \(o.steps)") }
        guard o.tolerance >= 0, !o.tolerance.isNaN else {
            throw OptimizationError("tol must be 0 or a positive number, not \(shortText(o.tolerance))")
        }
        guard o.momentum >= 0, o.momentum < 1 else {
            throw OptimizationError("momentum must be at least 0 and below 1, not \(shortText(o.momentum))", hint: "0.9 is a common choice; 0 turns momentum off")
        }
    }
}

/// A start point where f or ∇f is not finite cannot be descended from.
func requireFiniteStart(_ x: [Double], _ fx: Double, _ g: [Double]) throws {
    guard Vec.isFinite(x) else { throw OptimizationError("the start point \(pointText(x)) is not finite") }
    guard fx.isFinite else {
        throw OptimizationError("f(\(pointText(x))) = \(shortText(fx)): the start point is outside f's domain",
                                hint: "start where f has a finite value")
    }
    guard Vec.isFinite(g) else {
        throw OptimizationError("the gradient of f at the start point \(pointText(x)) is not finite (\(pointText(g)))",
                                hint: "start where f is smooth, away from the edge of its domain")
    }
}
