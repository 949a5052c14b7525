// Student t tail probabilities and quantiles accurate to the last digits for every ν and tail.
import Glibc

/// The Student t tail and its inverse, through the incomplete beta function.
///
/// Rmath's `qt` loses digits far in the tails (7 digits for ν = 0.5 at p = 1e-8, and for
/// ν ≥ 1e10 below p = 1e-100), and its `pt` replaces the distribution by a normal
/// approximation above ν = 4e5. Here P[T > t] = I_y(ν/2, 1/2)/2 with y = ν/(ν + t²), or
/// (1 − I_x(1/2, ν/2))/2 with x = t²/(ν + t²) computed directly by the upper-tail beta, so
/// neither 1 − y nor 1 − x is ever formed; the quantile is Newton's method on log t.
enum StudentT {
    /// P[T > t] for t ≥ 0, or its log with `log`.
    static func upperTail(_ t: Double, _ nu: Double, log: Bool) -> Double {
        if t == 0 { return log ? -M_LN2 : 0.5 }
        if t.isInfinite { return log ? -.infinity : 0 }
        let r = nu / t / t  // ν/t², so y = r/(1 + r) and x = 1/(1 + r) with no overflow
        let a = nu / 2
        let twice: Double  // 2·P[T > t], or its log
        if r >= 1 {
            twice = Rmath.pbeta(1 / (1 + r), 0.5, a, lower: false, log: log)
        } else if r < 1e-20 {
            // I_y(a, 1/2) = y^a / (a·B(a, 1/2)) · (1 + O(y)); log y also exists where y underflows.
            let logY = Glibc.log(nu) - 2 * Glibc.log(t) - r
            let logTwice = a * logY - Glibc.log(a) - Rmath.lbeta(a, 0.5)
            twice = log ? logTwice : Glibc.exp(logTwice)
        } else {
            twice = Rmath.pbeta(r / (1 + r), a, 0.5, log: log)
        }
        return log ? twice - M_LN2 : twice / 2
    }

    /// The quantile: the x with P[T ≤ x] = q (`lower`) or P[T > x] = q, q given as a log with `log`.
    static func quantile(_ q: Double, _ nu: Double, lower: Bool, log: Bool) -> Double {
        guard nu.isFinite, !q.isNaN else { return Rmath.qt(q, nu, lower: lower, log: log) }
        // The log of the smaller tail's probability, and on which side of 0 the answer lies.
        let logSmall: Double, positive: Bool
        if log {
            if q == -M_LN2 { return 0 }
            logSmall = q < -M_LN2 ? q : Glibc.log(-expm1(q))
            positive = (q < -M_LN2) != lower
        } else {
            if q == 0.5 { return 0 }
            logSmall = q < 0.5 ? Glibc.log(q) : log1p(-q)
            positive = (q < 0.5) != lower
        }
        let t = upperQuantile(logSmall, nu)
        return positive ? t : -t
    }

    /// The t ≥ 0 with log P[T > t] = logP (logP < log 1/2).
    private static func upperQuantile(_ logP: Double, _ nu: Double) -> Double {
        if logP == -.infinity { return .infinity }
        if upperTail(.greatestFiniteMagnitude, nu, log: true) > logP { return .infinity }
        var t = Rmath.qt(logP, nu, lower: false, log: true)
        if !(t.isFinite && t > 0) {
            // Far in a heavy tail, I_y(a, 1/2) ≈ y^a / (a·B(a, 1/2)) gives log y explicitly.
            let a = nu / 2
            let logY = (logP + M_LN2 + Glibc.log(a) + Rmath.lbeta(a, 0.5)) / a
            t = Glibc.exp(0.5 * (Glibc.log(nu) - logY))
            if !(t.isFinite && t > 0) { t = 1 }
        }
        // Newton on u = log t: log P[T > e^u] is close to linear in u for heavy tails and
        // concave for light ones, so the iteration neither leaves t > 0 nor oscillates.
        // The update multiplies t by e^step rather than carrying u itself, whose rounding
        // would cost |u|·ε of t's relative precision.
        // Where p is a normal double the residual is taken on P itself, which spares the
        // rounding of two logarithms near the answer.
        let p = logP > -700 ? Glibc.exp(logP) : 0
        for _ in 0..<60 {
            let logTail = upperTail(t, nu, log: true)
            // d/du log P[T > e^u] = −t·f(t)/P[T > t]
            let slope = -Glibc.exp(Glibc.log(t) + Rmath.dt(t, nu, log: true) - logTail)
            guard slope < 0, slope.isFinite else { break }
            let tail = p > 0 ? upperTail(t, nu, log: false) : 0
            let residual = tail > 1e-300 ? Glibc.log(tail / p) : logTail - logP
            let step = max(-10, min(10, -residual / slope))
            t *= Glibc.exp(step)
            if Swift.abs(step) <= 1e-15 { break }
        }
        return t
    }
}
