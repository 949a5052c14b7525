// A small Nelder–Mead simplex minimiser for `mle`: derivative-free, so it needs nothing but
// values of the learner's negative log-likelihood.

/// Minimises a function of a few variables with the Nelder–Mead simplex method
/// (reflection 1, expansion 2, contraction ½, shrink ½; Lagarias et al. 1998).
struct NelderMead {
    /// Stop when every vertex is within `xTolerance`·max(1, |x|) of the best one in each
    /// coordinate and the function values within `fTolerance`·max(1, |f|).
    var xTolerance = 1e-10
    var fTolerance = 1e-12
    var maxIterations = 5000

    struct Result {
        var x: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
    }

    /// Minimises `f` from `x0`. NaN and errors-as-infinity are the caller's business: `f`
    /// should return +inf outside the domain, and a vertex there is never accepted as best.
    func minimize(_ f: ([Double]) throws -> Double, from x0: [Double]) throws -> Result {
        let k = x0.count
        func eval(_ x: [Double]) throws -> Double {
            let v = try f(x)
            return v.isNaN ? .infinity : v
        }
        // Initial simplex: x0 and a 5% step along each axis (0.00025 from zero), as fminsearch.
        var simplex = [x0]
        for i in 0..<k {
            var x = x0
            x[i] = x[i] != 0 ? 1.05 * x[i] : 0.00025
            simplex.append(x)
        }
        var values = try simplex.map(eval)
        var iterations = 0
        while iterations < maxIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if converged(simplex, values) { return Result(x: simplex[0], value: values[0], iterations: iterations, converged: true) }
            iterations += 1
            let worst = simplex[k]
            var centroid = [Double](repeating: 0, count: k)
            for v in simplex.dropLast() { for j in 0..<k { centroid[j] += v[j] / Double(k) } }
            func along(_ t: Double) -> [Double] { (0..<k).map { centroid[$0] + t * (centroid[$0] - worst[$0]) } }
            let xr = along(1), fr = try eval(xr)
            if fr < values[0] {
                let xe = along(2), fe = try eval(xe)
                (simplex[k], values[k]) = fe < fr ? (xe, fe) : (xr, fr)
                continue
            }
            if fr < values[k - 1] {
                (simplex[k], values[k]) = (xr, fr)
                continue
            }
            // Contract: outside when the reflected point beats the worst, else inside.
            let outside = fr < values[k]
            let xc = along(outside ? 0.5 : -0.5), fc = try eval(xc)
            if fc < (outside ? fr : values[k]) {
                (simplex[k], values[k]) = (xc, fc)
                continue
            }
            for i in 1...k {
                simplex[i] = (0..<k).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                values[i] = try eval(simplex[i])
            }
        }
        let best = values.indices.min { values[$0] < values[$1] } ?? 0
        return Result(x: simplex[best], value: values[best], iterations: iterations, converged: false)
    }

    private func converged(_ simplex: [[Double]], _ values: [Double]) -> Bool {
        guard values[0].isFinite else { return false }
        let best = simplex[0]
        for (v, fv) in zip(simplex.dropFirst(), values.dropFirst()) {
            guard abs(fv - values[0]) <= fTolerance * max(1, abs(values[0])) else { return false }
            for j in best.indices where abs(v[j] - best[j]) > xTolerance * max(1, abs(best[j])) { return false }
        }
        return true
    }
}
