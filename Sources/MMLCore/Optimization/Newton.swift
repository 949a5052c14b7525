// Newton's method: roots of one equation (x ← x − f/f′), of a system (J·Δ = −F) and minima
// (H·Δ = −∇f). Quadratic convergence near a simple root, and no protection far from one — the
// messages say what went wrong and what to try.

/// Settings of Newton's method.
public struct NewtonOptions: Sendable {
    /// The most steps to take.
    public var steps: Int = 50
    /// Stop when |f(x)| (root finding) or ‖∇f(x)‖ (minimization) is at most this.
    public var tolerance: Double = 1e-10

    public init(steps: Int = 50, tolerance: Double = 1e-10) {
        self.steps = steps
        self.tolerance = tolerance
    }
}

public enum Newton {
    /// A root of f: ℝ → ℝ from x0, given f′.
    public static func root(_ f: (Double) throws -> Double, derivative: (Double) throws -> Double,
                            from x0: Double, options: NewtonOptions = NewtonOptions()) throws -> OptimizationResult {
        try validate(options)
        var x = x0
        var fx = try f(x)
        guard x.isFinite, fx.isFinite else {
            throw OptimizationError("f(\(shortText(x))) = \(shortText(fx)): the start point is outside f's domain", hint: "start where f has a finite value")
        }
        var d = try derivative(x)
        var recorder = PathRecorder(capacity: options.steps + 1, dimension: 1)
        recorder.record([x], fx, abs(d))
        var tinyStep = false
        for step in 0..<options.steps {
            let k = step + 1
            if abs(fx) <= options.tolerance || tinyStep { break }
            guard d != 0, d.isFinite else {
                throw OptimizationError(
                    "f′(\(shortText(x))) = \(shortText(d)) at step \(k - 1): the tangent line there \(d == 0 ? "is horizontal and never meets the x-axis" : "is not defined"), so Newton's step −f(x)/f′(x) is undefined",
                    hint: "start from another point, where f′ ≠ 0")
            }
            let dx = -fx / d
            x += dx
            fx = x.isFinite ? try f(x) : .nan
            d = fx.isFinite ? try derivative(x) : .nan
            recorder.record([x], fx, abs(d))
            if !x.isFinite || !fx.isFinite {
                return recorder.result(.newtonRoot, stop: .diverged,
                                       message: "Newton's method diverged: f(x) became \(shortText(fx)) at step \(k) (x = \(shortText(x)))",
                                       hint: "start closer to the root")
            }
            tinyStep = abs(dx) <= 4 * Double.ulpOfOne * max(1, abs(x))
        }
        return rootOutcome(&recorder, residual: abs(fx), tinyStep: tinyStep, options: options, system: nil)
    }

    /// A root of F: ℝⁿ → ℝⁿ (n equations in n unknowns) from x0, given the Jacobian.
    /// `jacobianAccuracy` is J's relative accuracy: singular values below it count as zero.
    public static func root(system F: ([Double]) throws -> [Double], jacobian: ([Double]) throws -> Matrix,
                            from x0: [Double], jacobianAccuracy: Double = 1e-12,
                            options: NewtonOptions = NewtonOptions()) throws -> OptimizationResult {
        try validate(options)
        var x = x0
        var fx = try F(x)
        guard fx.count == x.count else {
            throw OptimizationError("f gives \(fx.count) value\(fx.count == 1 ? "" : "s") but x0 has \(x.count) unknowns; Newton's method needs as many equations as unknowns",
                                    hint: fx.count == 1 ? "to minimize a function of several variables use newton(f, x0, minimize=true)" : nil)
        }
        guard Vec.isFinite(x), Vec.isFinite(fx) else {
            throw OptimizationError("f(\(pointText(x))) = \(pointText(fx)): the start point is outside f's domain", hint: "start where f has finite values")
        }
        var J = try jacobian(x)
        var recorder = PathRecorder(capacity: options.steps + 1, dimension: x0.count)
        recorder.record(x, Vec.norm(fx), frobenius(J))
        var tinyStep = false
        for step in 0..<options.steps {
            let k = step + 1
            if Vec.norm(fx) <= options.tolerance || tinyStep { break }
            let dx = try solveStep(J, fx, what: "the Jacobian", at: x, step: k - 1, accuracy: jacobianAccuracy)
            x = Vec.minus(x, dx)
            fx = Vec.isFinite(x) ? try F(x) : [Double](repeating: .nan, count: x.count)
            let finite = Vec.isFinite(fx)
            J = finite ? try jacobian(x) : Matrix(rows: x.count, cols: x.count, repeating: .nan)
            recorder.record(x, Vec.norm(fx), frobenius(J))
            if !Vec.isFinite(x) || !finite {
                return recorder.result(.newtonRoot, stop: .diverged,
                                       message: "Newton's method diverged: f(x) became \(pointText(fx)) at step \(k) (x = \(pointText(x)))",
                                       hint: "start closer to the root", residual: fx)
            }
            tinyStep = Vec.norm(dx) <= 4 * Double.ulpOfOne * max(1, Vec.norm(x))
        }
        return rootOutcome(&recorder, residual: Vec.norm(fx), tinyStep: tinyStep, options: options, system: fx)
    }

    /// A stationary point of f (a minimum when the Hessian there is positive definite) from x0.
    public static func minimize(_ objective: Objective, from x0: [Double], options: NewtonOptions = NewtonOptions()) throws -> OptimizationResult {
        try validate(options)
        var x = x0
        var fx = try objective.value(x)
        var g = try objective.gradient(x)
        try requireFiniteStart(x, fx, g)
        var recorder = PathRecorder(capacity: options.steps + 1, dimension: x0.count)
        recorder.record(x, fx, Vec.norm(g))
        var tinyStep = false
        for step in 0..<options.steps {
            let k = step + 1
            if Vec.norm(g) <= options.tolerance || tinyStep { break }
            let H = try objective.hessianMatrix(at: x)
            let dx = try solveStep(H, g, what: "the Hessian", at: x, step: k - 1, accuracy: objective.hessianAccuracy)
            x = Vec.minus(x, dx)
            fx = Vec.isFinite(x) ? try objective.value(x) : .nan
            g = fx.isFinite ? try objective.gradient(x) : [Double](repeating: .nan, count: x.count)
            recorder.record(x, fx, Vec.norm(g))
            if !Vec.isFinite(x) || !fx.isFinite || !Vec.isFinite(g) {
                return recorder.result(.newtonMinimize, stop: .diverged,
                                       message: "Newton's method diverged: f(x) became \(shortText(fx)) at step \(k) (x = \(pointText(x)))",
                                       hint: "start closer to the minimum, or use gd or minimize, which take safer steps")
            }
            tinyStep = Vec.norm(dx) <= 4 * Double.ulpOfOne * max(1, Vec.norm(x))
        }
        let gn = Vec.norm(g)
        let steps = recorder.steps
        guard gn <= options.tolerance || tinyStep else {
            return recorder.result(.newtonMinimize, stop: .maxSteps,
                                   message: "stopped after \(stepsText(steps)) without converging: |∇f| = \(shortText(gn)) (tol = \(shortText(options.tolerance)))",
                                   hint: "Newton's method can wander when started far from a minimum; try another x0, or minimize(f, x0)")
        }
        let how = gn <= options.tolerance ? "|∇f| = \(shortText(gn)) ≤ tol = \(shortText(options.tolerance))" : "the step fell below rounding (|∇f| = \(shortText(gn)))"
        return recorder.result(.newtonMinimize, stop: .converged, message: "converged: \(how) after \(stepsText(steps))",
                               caution: try curvatureCaution(objective, at: x))
    }

    // MARK: Helpers

    static func validate(_ o: NewtonOptions) throws {
        guard o.steps >= 0 else { throw OptimizationError("steps must be 0 or more, not \(o.steps)") }
        guard o.tolerance >= 0, !o.tolerance.isNaN else {
            throw OptimizationError("tol must be 0 or a positive number, not \(shortText(o.tolerance))")
        }
    }

    private static func rootOutcome(_ recorder: inout PathRecorder, residual: Double, tinyStep: Bool, options: NewtonOptions, system: [Double]?) -> OptimizationResult {
        let steps = recorder.steps
        let size = system == nil ? "|f(x)|" : "‖f(x)‖"
        if residual <= options.tolerance {
            return recorder.result(.newtonRoot, stop: .converged,
                                   message: "converged: \(size) = \(shortText(residual)) ≤ tol = \(shortText(options.tolerance)) after \(stepsText(steps))", residual: system)
        }
        if tinyStep {
            return recorder.result(.newtonRoot, stop: .converged,
                                   message: "converged: the step fell below rounding after \(stepsText(steps)) (\(size) = \(shortText(residual)))", residual: system)
        }
        return recorder.result(.newtonRoot, stop: .maxSteps,
                               message: "stopped after \(stepsText(steps)) without converging: \(size) = \(shortText(residual)) (tol = \(shortText(options.tolerance)))",
                               hint: "Newton's method can cycle or wander when started far from a root, or when there is no root; try another x0", residual: system)
    }

    /// Solves A·Δ = b for the Newton step, turning a singular A into a teaching error. A counts
    /// as singular when a singular value is below accuracy·σmax, since A is only known that well.
    private static func solveStep(_ A: Matrix, _ b: [Double], what: String, at x: [Double], step: Int, accuracy: Double) throws -> [Double] {
        guard A.data.allSatisfy(\.isFinite) else {
            throw OptimizationError("\(what) at x = \(pointText(x)) (step \(step)) is not finite", hint: "start where f is smooth, away from the edge of its domain")
        }
        if A.rows == 1 {
            guard A.data[0] != 0 else {
                throw OptimizationError("\(what) is 0 at x = \(pointText(x)) (step \(step)), so Newton's step is undefined (it would divide by 0)",
                                        hint: "start from another point, or use gd or minimize")
            }
            return [b[0] / A.data[0]]
        }
        let sigma = (try? LinAlg.singularValues(A)) ?? []
        let rank = sigma.filter { $0 > accuracy * (sigma.first ?? 0) }.count
        if rank == A.rows, let solved = try? LinAlg.solve(A, Matrix(column: b)) { return solved.value.data }
        let isHessian = what.contains("Hessian")
        let why = isHessian ? "f is flat along some direction there" : "the equations are not independent there"
        throw OptimizationError("\(what) at x = \(pointText(x)) (step \(step)) is singular (rank \(rank) of \(A.rows)), so Newton's step is undefined: \(why)",
                                hint: "start from another point, or use \(isHessian ? "gd or minimize, which need no Hessian" : "another x0")")
    }

    /// A warning when the stationary point found is a maximum or a saddle, not a minimum.
    private static func curvatureCaution(_ objective: Objective, at x: [Double]) throws -> String? {
        let H = try objective.hessianMatrix(at: x)
        guard H.data.allSatisfy(\.isFinite) else { return nil }
        if H.rows == 1 {
            let c = H.data[0]
            return c < 0 ? "f″(x) = \(shortText(c)) < 0: this is a maximum of f, not a minimum (Newton's method finds any point where f′ = 0)" : nil
        }
        guard let eigen = try? LinAlg.eig(H), let values = eigen.realValues else { return nil }
        let scale = values.map(abs).max() ?? 0
        let negative = values.filter { $0 < -1e-8 * scale }.count
        let positive = values.filter { $0 > 1e-8 * scale }.count
        if negative == values.count {
            return "the Hessian there is negative definite: this is a maximum of f, not a minimum (Newton's method finds any point where ∇f = 0)"
        }
        if negative > 0 && positive > 0 {
            return "the Hessian there has eigenvalues of both signs: this is a saddle point, not a minimum (Newton's method finds any point where ∇f = 0)"
        }
        return nil
    }

    private static func frobenius(_ A: Matrix) -> Double { Vec.norm(A.data) }
}
