// Adaptive Gauss–Kronrod quadrature (the 7-point Gauss / 15-point Kronrod pair of QUADPACK's
// QK15 and the global subdivision strategy of QAG), with infinite limits mapped to finite ones.
import Foundation

/// The outcome of a numeric integration.
struct QuadratureResult: Equatable {
    var value: Double
    /// Estimated absolute error (conservative: usually far above the true error).
    var errorEstimate: Double
    var converged: Bool
    var evaluations: Int
    var subintervals: Int
}

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
            return try adaptive(f, a, b, absoluteTolerance, relativeTolerance, maxSubintervals)
        }
    }

    private static func adaptive(_ f: (Double) throws -> Double, _ a: Double, _ b: Double,
                                 _ absoluteTolerance: Double, _ relativeTolerance: Double,
                                 _ maxSubintervals: Int) throws -> QuadratureResult {
        var intervals: [(a: Double, b: Double, value: Double, error: Double)] = []
        let first = try rule(f, a, b)
        intervals.append((a, b, first.value, first.error))
        var total = first.value, totalError = first.error
        var evaluations = 15
        func done() -> Bool { totalError <= max(absoluteTolerance, relativeTolerance * abs(total)) }
        while !done() && intervals.count < maxSubintervals {
            var worst = 0
            for i in intervals.indices where intervals[i].error > intervals[worst].error { worst = i }
            let w = intervals[worst]
            let mid = 0.5 * (w.a + w.b)
            // Below this width the halves are no longer distinct numbers: roundoff wins.
            if !(mid > w.a && mid < w.b) { break }
            let left = try rule(f, w.a, mid), right = try rule(f, mid, w.b)
            evaluations += 30
            intervals[worst] = (w.a, mid, left.value, left.error)
            intervals.append((mid, w.b, right.value, right.error))
            // Re-summing keeps the totals free of accumulated cancellation.
            total = 0
            totalError = 0
            for i in intervals {
                total += i.value
                totalError += i.error
            }
        }
        return QuadratureResult(value: total, errorEstimate: totalError, converged: done(), evaluations: evaluations, subintervals: intervals.count)
    }
}
