// A line search along a descent direction that satisfies the strong Wolfe conditions
// (Nocedal & Wright, Numerical Optimization, Algorithms 3.5 and 3.6): enough decrease
// (Armijo) and a flattened slope, so that quasi-Newton updates stay positive definite.

/// A point tried by the line search, with its value and gradient.
struct LineSearchPoint {
    var alpha: Double
    var x: [Double]
    var value: Double
    var gradient: [Double]
    /// The slope ∇f(x)·p along the search direction.
    var slope: Double
}

enum LineSearch {
    /// A step α along p from x (where f = f0, ∇f = g0 and g0·p < 0) with
    /// f(x + αp) ≤ f0 + c1·α·g0·p and |∇f(x + αp)·p| ≤ c2·|g0·p|. Falls back to a point that only
    /// decreases f enough when the curvature condition cannot be met; nil when even that fails.
    static func strongWolfe(_ objective: Objective, x: [Double], value f0: Double, gradient g0: [Double],
                            direction p: [Double], initial: Double, c1: Double = 1e-4, c2: Double = 0.9) throws -> LineSearchPoint? {
        let slope0 = Vec.dot(g0, p)
        guard slope0 < 0, initial > 0 else { return nil }

        /// f at α; the gradient only when the value is acceptable (it costs more).
        func value(_ alpha: Double) throws -> (x: [Double], f: Double) {
            let xa = Vec.step(x, alpha, p)
            let fa = Vec.isFinite(xa) ? try objective.value(xa) : .nan
            return (xa, fa.isNaN ? .infinity : fa)
        }
        func withGradient(_ alpha: Double, _ xa: [Double], _ fa: Double) throws -> LineSearchPoint? {
            let ga = try objective.gradient(xa)
            guard Vec.isFinite(ga) else { return nil }
            return LineSearchPoint(alpha: alpha, x: xa, value: fa, gradient: ga, slope: Vec.dot(ga, p))
        }
        func armijo(_ alpha: Double, _ fa: Double) -> Bool { fa <= f0 + c1 * alpha * slope0 }
        func curvature(_ point: LineSearchPoint) -> Bool { abs(point.slope) <= -c2 * slope0 }

        let start = LineSearchPoint(alpha: 0, x: x, value: f0, gradient: g0, slope: slope0)
        var previous = start
        var alpha = initial
        for i in 0..<50 {
            let (xa, fa) = try value(alpha)
            if !armijo(alpha, fa) || (i > 0 && fa >= previous.value) {
                return try zoom(low: previous, high: (alpha, fa))
            }
            guard let point = try withGradient(alpha, xa, fa) else { return try zoom(low: previous, high: (alpha, .infinity)) }
            if curvature(point) { return point }
            if point.slope >= 0 { return try zoom(low: point, high: (previous.alpha, previous.value)) }
            previous = point
            alpha *= 2
            if !alpha.isFinite { break }
        }
        return previous.alpha > 0 ? previous : nil

        /// Narrows [low, high] (low satisfies Armijo and is the best so far) to a strong Wolfe point.
        func zoom(low start: LineSearchPoint, high end: (alpha: Double, value: Double)) throws -> LineSearchPoint? {
            var low = start
            var high = end
            for _ in 0..<60 {
                let width = high.alpha - low.alpha
                if abs(width) <= Double.ulpOfOne * max(1, abs(low.alpha)) { break }
                // Minimum of the quadratic through f(low), f′(low) and f(high), kept inside the
                // middle 80% of the interval; bisection when that quadratic has no minimum.
                var alpha = low.alpha + width / 2
                if high.value.isFinite {
                    let curvatureTerm = (high.value - low.value - low.slope * width) / (width * width)
                    if curvatureTerm > 0 { alpha = low.alpha - low.slope / (2 * curvatureTerm) }
                }
                let lo = min(low.alpha, high.alpha) + 0.1 * abs(width), hi = max(low.alpha, high.alpha) - 0.1 * abs(width)
                alpha = min(max(alpha, lo), hi)
                let (xa, fa) = try value(alpha)
                if !armijo(alpha, fa) || fa >= low.value {
                    high = (alpha, fa)
                    continue
                }
                guard let point = try withGradient(alpha, xa, fa) else {
                    high = (alpha, .infinity)
                    continue
                }
                if curvature(point) { return point }
                if point.slope * width >= 0 { high = (low.alpha, low.value) }
                low = point
            }
            return low.alpha > 0 ? low : nil
        }
    }
}
