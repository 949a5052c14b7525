// BFGS: a quasi-Newton method that builds an inverse-Hessian estimate from gradient changes
// and takes line-searched steps along −H∇f — what `minimize` uses when the learner just wants
// the answer.

/// Settings of BFGS.
public struct BFGSOptions: Sendable {
    /// The most iterations.
    public var steps: Int = 1000
    /// Stop when ‖∇f(x)‖ ≤ tol.
    public var tolerance: Double = 1e-8

    public init(steps: Int = 1000, tolerance: Double = 1e-8) {
        self.steps = steps
        self.tolerance = tolerance
    }
}

public enum BFGS {
    /// Minimizes f from x0 (Nocedal & Wright, Algorithm 6.1, with the strong Wolfe line search
    /// and the first-step scaling H₀ = (yᵀs / yᵀy)·I of their eq. 6.20).
    public static func minimize(_ objective: Objective, from x0: [Double], options: BFGSOptions = BFGSOptions()) throws -> OptimizationResult {
        guard options.steps >= 0 else { throw OptimizationError("steps must be 0 or more, not \(options.steps)") }
        guard options.tolerance >= 0, !options.tolerance.isNaN else {
            throw OptimizationError("tol must be 0 or a positive number, not \(shortText(options.tolerance))")
        }
        let n = x0.count
        var x = x0
        var fx = try objective.value(x)
        var g = try objective.gradient(x)
        try requireFiniteStart(x, fx, g)
        var recorder = PathRecorder(capacity: min(options.steps, 10_000) + 1, dimension: n)
        recorder.record(x, fx, Vec.norm(g))
        var H = InverseHessian(n: n)
        var stalled = false

        for step in 0..<options.steps {
            let k = step + 1
            let gn = Vec.norm(g)
            if gn <= options.tolerance { break }
            var p = H.times(g).map { -$0 }
            if Vec.dot(p, g) >= 0 {
                H = InverseHessian(n: n)
                p = g.map { -$0 }
            }
            let initial = H.isIdentity ? min(1, 1 / gn) : 1
            var found = try LineSearch.strongWolfe(objective, x: x, value: fx, gradient: g, direction: p, initial: initial)
            if found == nil && !H.isIdentity {
                // The estimate may be poor: restart from steepest descent once before giving up.
                H = InverseHessian(n: n)
                p = g.map { -$0 }
                found = try LineSearch.strongWolfe(objective, x: x, value: fx, gradient: g, direction: p, initial: min(1, 1 / gn))
            }
            guard let point = found else {
                stalled = true
                break
            }
            let s = Vec.minus(point.x, x)
            let y = Vec.minus(point.gradient, g)
            x = point.x
            fx = point.value
            g = point.gradient
            recorder.record(x, fx, Vec.norm(g))
            H.update(s: s, y: y, first: k == 1)
        }
        let gn = Vec.norm(g)
        let steps = recorder.steps
        if gn <= options.tolerance {
            return recorder.result(.bfgs, stop: .converged,
                                   message: "converged: |∇f| = \(shortText(gn)) ≤ tol = \(shortText(options.tolerance)) after \(stepsText(steps))")
        }
        if stalled {
            return recorder.result(.bfgs, stop: .stalled,
                                   message: "stopped after \(stepsText(steps)): no lower value of f could be found along the search direction; |∇f| = \(shortText(gn)) (tol = \(shortText(options.tolerance)))",
                                   hint: "the answer is probably as accurate as f's rounding (or a numeric gradient) allows; a larger tol accepts it")
        }
        return recorder.result(.bfgs, stop: .maxSteps,
                               message: "stopped after \(stepsText(steps)) without converging: |∇f| = \(shortText(gn)) (tol = \(shortText(options.tolerance)))",
                               hint: "take more steps, or check that f has a minimum (is it bounded below?)")
    }
}

/// The BFGS inverse-Hessian estimate, a dense symmetric n×n matrix stored row-major.
struct InverseHessian {
    let n: Int
    private(set) var h: [Double]
    private(set) var isIdentity = true

    init(n: Int) {
        self.n = n
        h = [Double](repeating: 0, count: n * n)
        for i in 0..<n { h[i * n + i] = 1 }
    }

    func times(_ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = 0.0
            for j in 0..<n { s += h[i * n + j] * v[j] }
            out[i] = s
        }
        return out
    }

    /// H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ with ρ = 1/yᵀs, skipped when yᵀs is not safely
    /// positive (the update would lose positive definiteness).
    mutating func update(s: [Double], y: [Double], first: Bool) {
        let ys = Vec.dot(y, s)
        guard ys > 1e-10 * Vec.norm(y) * Vec.norm(s), ys.isFinite else { return }
        if first {
            let scale = ys / Vec.dot(y, y)
            for i in 0..<n { h[i * n + i] = scale }
        }
        let rho = 1 / ys
        let hy = times(y)
        let yhy = Vec.dot(y, hy)
        let c = rho * rho * yhy + rho
        for i in 0..<n {
            for j in 0..<n {
                h[i * n + j] += -rho * (s[i] * hy[j] + hy[i] * s[j]) + c * s[i] * s[j]
            }
        }
        isIdentity = false
    }
}
