// Adaptive Gauss–Kronrod quadrature (the 7-point Gauss / 15-point Kronrod pair of QUADPACK's
// QK15 and the global subdivision strategy of QAG), with infinite limits mapped to finite ones.
import Glibc

/// The outcome of a numeric integration.
struct QuadratureResult: Equatable {
    var value: Double
    /// Estimated absolute error (conservative: usually far above the true error).
    var errorEstimate: Double
    var converged: Bool
    var evaluations: Int
    var subintervals: Int
}

/// The integrand was infinite or NaN inside the range (the last point evaluated says where).
struct IntegrandNotFinite: Error {}

enum GaussKronrod {
    // Kronrod abscissae on [0, 1) (odd indices are also the Gauss nodes) and weights (QUADPACK qk15).
    private static let xgk: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0,
    ]
    private static let wgk: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    private static let wg: [Double] = [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ]

    /// One 15-point rule on [a, b]: the Kronrod estimate and QUADPACK's error estimate.
    static func rule(_ f: (Double) throws -> Double, _ a: Double, _ b: Double) throws -> (value: Double, error: Double) {
        let center = 0.5 * (a + b), half = 0.5 * (b - a), absHalf = abs(half)
        let fc = try f(center)
        var resultGauss = fc * wg[3], resultKronrod = fc * wgk[7]
        var resultAbs = abs(resultKronrod)
        var fv1 = [Double](repeating: 0, count: 7), fv2 = [Double](repeating: 0, count: 7)
        for j in 0..<7 {
            let x = half * xgk[j]
            let f1 = try f(center - x), f2 = try f(center + x)
            fv1[j] = f1
            fv2[j] = f2
            let sum = f1 + f2
            if j % 2 == 1 { resultGauss += wg[j / 2] * sum }
            resultKronrod += wgk[j] * sum
            resultAbs += wgk[j] * (abs(f1) + abs(f2))
        }
        let mean = resultKronrod * 0.5
        var resultAsc = wgk[7] * abs(fc - mean)
        for j in 0..<7 { resultAsc += wgk[j] * (abs(fv1[j] - mean) + abs(fv2[j] - mean)) }
        let value = resultKronrod * half
        resultAbs *= absHalf
        resultAsc *= absHalf
        var error = abs((resultKronrod - resultGauss) * half)
        if resultAsc != 0 && error != 0 { error = resultAsc * min(1, pow(200 * error / resultAsc, 1.5)) }
        let epsilon = Double.ulpOfOne
        if resultAbs > Double.leastNormalMagnitude / (50 * epsilon) { error = max(50 * epsilon * resultAbs, error) }
        return (value, error)
    }

    /// ∫ₐᵇ f by global adaptive subdivision: the interval with the largest error is halved until
    /// the total estimated error is at most max(absoluteTolerance, relativeTolerance·|I|).
    /// Infinite limits are mapped to a finite range (the nodes never touch its open ends):
    /// x = a + t/(1 − t) on [0, 1), x = b − (1 − t)/t on (0, 1], x = t/(1 − t²) on (−1, 1).
    static func integrate(_ f: (Double) throws -> Double, _ a: Double, _ b: Double,
                          absoluteTolerance: Double, relativeTolerance: Double = 1e-12,
                          maxSubintervals: Int = 2000) throws -> QuadratureResult {
        if a == b || a.isNaN || b.isNaN {
            return QuadratureResult(value: a == b ? 0 : .nan, errorEstimate: 0, converged: a == b, evaluations: 0, subintervals: 0)
        }
        if a > b {
            var r = try integrate(f, b, a, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance, maxSubintervals: maxSubintervals)
            r.value = -r.value
            return r
        }
        switch (a.isInfinite, b.isInfinite) {
        case (false, true):
            return try adaptive({ t in let s = 1 - t; return try f(a + t / s) / (s * s) }, 0, 1,
                                absoluteTolerance, relativeTolerance, maxSubintervals)
        case (true, false):
            return try adaptive({ t in try f(b - (1 - t) / t) / (t * t) }, 0, 1,
                                absoluteTolerance, relativeTolerance, maxSubintervals)
        case (true, true):
            return try adaptive({ t in let s = 1 - t * t; return try f(t / s) * (1 + t * t) / (s * s) }, -1, 1,
                                absoluteTolerance, relativeTolerance, maxSubintervals)
        case (false, false):
            let plain = try adaptive(f, a, b, absoluteTolerance, relativeTolerance, maxSubintervals)
            if plain.converged { return plain }
            // An integrable singularity at an end (1/√x, 1/√(1 − x²)): x = a + (b − a)·t²(3 − 2t)
            // has dx/dt = 0 at both ends, which cancels it; x is computed from the nearer end
            // so that points close to b keep their distance to b.
            let w = b - a
            var smoothed = try adaptive({ t in
                let du = 6 * t * (1 - t)
                if du == 0 { return 0 }
                let x = t < 0.5 ? a + w * t * t * (3 - 2 * t) : b - w * (1 - t) * (1 - t) * (1 + 2 * t)
                return try f(x) * w * du
            }, 0, 1, absoluteTolerance, relativeTolerance, maxSubintervals)
            smoothed.evaluations += plain.evaluations
            if smoothed.converged { return smoothed }
            return smoothed.errorEstimate < plain.errorEstimate ? smoothed : plain
        }
    }

    private static func adaptive(_ integrand: (Double) throws -> Double, _ a: Double, _ b: Double,
                                 _ absoluteTolerance: Double, _ relativeTolerance: Double,
                                 _ maxSubintervals: Int) throws -> QuadratureResult {
        // A node that (nearly) rounds onto an end of the range, next to a singularity there,
        // carries no weight worth having; a value that is not finite inside the range means the
        // integral does not exist as a plain integral.
        // Dropping such a value makes the estimate unreliable (1/x on [0, 1] diverges), so a
        // pass that drops one does not count as converged.
        let nearEnd = 1e-9 * (b - a)
        var dropped = false
        let f: (Double) throws -> Double = { x in
            let y = try integrand(x)
            if y.isFinite { return y }
            if x - a <= nearEnd || b - x <= nearEnd {
                dropped = true
                return 0
            }
            throw IntegrandNotFinite()
        }
        var intervals: [(a: Double, b: Double, value: Double, error: Double, frozen: Bool)] = []
        let first = try rule(f, a, b)
        intervals.append((a, b, first.value, first.error, false))
        var total = first.value, totalError = first.error
        var evaluations = 15
        func done() -> Bool { totalError <= max(absoluteTolerance, relativeTolerance * abs(total)) }
        while !done() && intervals.count < maxSubintervals {
            var worst = -1
            for i in intervals.indices where !intervals[i].frozen && (worst < 0 || intervals[i].error > intervals[worst].error) { worst = i }
            guard worst >= 0 else { break }
            let w = intervals[worst]
            let mid = 0.5 * (w.a + w.b)
            // Roundoff wins below a few ulps of width (or next to underflow): keep the interval.
            let scale = max(abs(w.a), abs(w.b))
            if !(mid > w.a && mid < w.b) || (w.b - w.a) < 16 * Double.ulpOfOne * scale || scale < 1e-290 {
                intervals[worst].frozen = true
                continue
            }
            let left = try rule(f, w.a, mid), right = try rule(f, mid, w.b)
            evaluations += 30
            intervals[worst] = (w.a, mid, left.value, left.error, false)
            intervals.append((mid, w.b, right.value, right.error, false))
            // Re-summing keeps the totals free of accumulated cancellation.
            total = 0
            totalError = 0
            for i in intervals {
                total += i.value
                totalError += i.error
            }
        }
        return QuadratureResult(value: total, errorEstimate: totalError, converged: done() && !dropped, evaluations: evaluations, subintervals: intervals.count)
    }
}
