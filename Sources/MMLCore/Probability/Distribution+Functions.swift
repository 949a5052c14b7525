// pdf/pmf, cdf (lower or upper tail, optionally as a log), quantile and moments, through Rmath.
import Glibc

extension Distribution {
    /// The density (continuous) or probability mass (discrete) at x; `log: true` gives its log.
    /// A discrete distribution has mass 0 at non-integers.
    public func pdf(_ x: Double, log: Bool = false) -> Double {
        let value = rawPDF(x, log: log)
        return !log && value == 0 ? Glibc.exp(rawPDF(x, log: true)) : value
    }

    private func rawPDF(_ x: Double, log: Bool) -> Double {
        let p = parameters
        switch family {
        case .normal: return Rmath.dnorm(x, p[0], p[1], log: log)
        case .uniform: return Rmath.dunif(x, p[0], p[1], log: log)
        case .bernoulli: return discrete(x, log: log) { Rmath.dbinom($0, 1, p[0], log: log) }
        case .binomial: return discrete(x, log: log) { Rmath.dbinom($0, p[0], p[1], log: log) }
        case .poisson: return discrete(x, log: log) { Rmath.dpois($0, p[0], log: log) }
        case .exponential: return Rmath.dexp(x, scale: 1 / p[0], log: log)
        case .geometric: return discrete(x, log: log) { Rmath.dgeom($0 - 1, p[0], log: log) }
        case .beta: return Rmath.dbeta(x, p[0], p[1], log: log)
        case .gamma: return Rmath.dgamma(x, shape: p[0], scale: p[1], log: log)
        case .studentT: return Rmath.dt(x, p[0], log: log)
        case .chiSquared: return Rmath.dchisq(x, p[0], log: log)
        case .f: return Rmath.df(x, p[0], p[1], log: log)
        }
    }

    /// Rmath warns (to stderr) on non-integer x for discrete densities; we answer 0 quietly.
    private func discrete(_ x: Double, log: Bool, _ mass: (Double) -> Double) -> Double {
        if x.isNaN { return x }
        guard x == x.rounded() else { return log ? -.infinity : 0 }
        return mass(x)
    }

    /// P[X ≤ x], or P[X > x] with `upper: true` (computed directly, accurate far in the tail);
    /// `log: true` gives the log of the probability.
    public func cdf(_ x: Double, upper: Bool = false, log: Bool = false) -> Double {
        // Rmath rounds a probability to 0 below its own cut-offs (pnorm below −37.52, where the
        // true value is still a subnormal 1e-309) while its log form keeps going: a 0 is
        // recomputed through the log (pdf does the same).
        let value = rawCDF(x, upper: upper, log: log)
        return !log && value == 0 ? Glibc.exp(rawCDF(x, upper: upper, log: true)) : value
    }

    private func rawCDF(_ x: Double, upper: Bool, log: Bool) -> Double {
        let p = parameters, lower = !upper
        switch family {
        case .normal: return Rmath.pnorm(x, p[0], p[1], lower: lower, log: log)
        case .uniform: return Rmath.punif(x, p[0], p[1], lower: lower, log: log)
        case .bernoulli: return Rmath.pbinom(x, 1, p[0], lower: lower, log: log)
        case .binomial: return Rmath.pbinom(x, p[0], p[1], lower: lower, log: log)
        case .poisson: return Rmath.ppois(x, p[0], lower: lower, log: log)
        case .exponential: return Rmath.pexp(x, scale: 1 / p[0], lower: lower, log: log)
        case .geometric: return geometricCDF(x.rounded(.down), p[0], lower: lower, log: log)
        case .beta: return Rmath.pbeta(x, p[0], p[1], lower: lower, log: log)
        case .gamma: return Rmath.pgamma(x, shape: p[0], scale: p[1], lower: lower, log: log)
        case .studentT: return Rmath.pt(x, p[0], lower: lower, log: log)
        case .chiSquared: return Rmath.pchisq(x, p[0], lower: lower, log: log)
        case .f: return Rmath.pf(x, p[0], p[1], lower: lower, log: log)
        }
    }

    /// P[X ≤ k] = 1 − (1 − p)^k for k trials. Rmath's −expm1(k·log1p(−p)) can miss an exact
    /// value by an ulp (P[X ≤ 1] for p = 0.25 is 0.24999999999999997), and the quantile, which
    /// holds to this cdf, then answers 2. Where 1 − p is exact and (1 − p)^k ≤ 3/4, 1 − pow
    /// is within an ulp too and exact whenever (1 − p)^k is a double.
    private func geometricCDF(_ k: Double, _ p: Double, lower: Bool, log: Bool) -> Double {
        let q = 1 - p
        if lower, !log, k >= 1, 1 - q == p {
            let tail = Glibc.pow(q, k)
            if tail <= 0.75 { return 1 - tail }
        }
        // Trials ≤ k ⇔ failures ≤ k − 1.
        return Rmath.pgeom(k - 1, p, lower: lower, log: log)
    }

    /// The smallest x with P[X ≤ x] ≥ q (with `upper: true`, q is the upper-tail probability
    /// P[X > x]; with `log: true`, q is given as a log probability).
    public func quantile(_ q: Double, upper: Bool = false, log: Bool = false) throws -> Double {
        let valid = log ? (q <= 0) : (q >= 0 && q <= 1)
        guard valid else {
            throw ProbabilityError(log ? "quantile of a log probability needs a value ≤ 0, but got \(NumberFormat.short(q))"
                                       : "quantile needs a probability between 0 and 1, but got \(NumberFormat.short(q))",
                                   hint: log ? nil : "the median is quantile(D, 0.5)")
        }
        let x = rawQuantile(q, upper: upper, log: log)
        return family.isDiscrete ? settleDiscreteQuantile(x, q, upper: upper, log: log) : x
    }

    /// Rmath's discrete quantile searches aim at q·(1 − 64ε), so for q within ~1e-13 of 1 they
    /// can stop short of the definition (Poisson(4) at 1 − 2⁻⁵³ gives 28 though cdf(28) < q).
    /// Step from Rmath's answer to the smallest x that meets the definition by our own cdf.
    private func settleDiscreteQuantile(_ x0: Double, _ q: Double, upper: Bool, log: Bool) -> Double {
        guard x0.isFinite else { return x0 }
        let least: Double = family == .geometric ? 1 : 0
        func meets(_ x: Double) -> Bool { upper ? cdf(x, upper: true, log: log) <= q : cdf(x, log: log) >= q }
        var x = x0, steps = 0
        // Rmath's answer is within a step or two; the cap only guards against a runaway loop.
        while !meets(x), steps < 1000 { x += 1; steps += 1 }
        while x > least, meets(x - 1), steps < 2000 { x -= 1; steps += 1 }
        return x
    }

    private func rawQuantile(_ q: Double, upper: Bool, log: Bool) -> Double {
        let p = parameters, lower = !upper
        switch family {
        case .normal: return Rmath.qnorm(q, p[0], p[1], lower: lower, log: log)
        case .uniform: return Rmath.qunif(q, p[0], p[1], lower: lower, log: log)
        case .bernoulli: return Rmath.qbinom(q, 1, p[0], lower: lower, log: log)
        case .binomial: return Rmath.qbinom(q, p[0], p[1], lower: lower, log: log)
        case .poisson: return Rmath.qpois(q, p[0], lower: lower, log: log)
        case .exponential: return Rmath.qexp(q, scale: 1 / p[0], lower: lower, log: log)
        case .geometric: return Rmath.qgeom(q, p[0], lower: lower, log: log) + 1
        case .beta: return Rmath.qbeta(q, p[0], p[1], lower: lower, log: log)
        case .gamma: return Rmath.qgamma(q, shape: p[0], scale: p[1], lower: lower, log: log)
        case .studentT: return StudentT.quantile(q, p[0], lower: lower, log: log)
        case .chiSquared: return Rmath.qchisq(q, p[0], lower: lower, log: log)
        case .f: return fQuantile(q, p[0], p[1], lower: lower, log: log)
        }
    }

    /// F quantile via the beta quantile of y = d1·x/(d1·x + d2), so x = (d2/d1)·y/(1−y).
    /// R's qf computes 1/qbeta(…upper…) − 1, which cancels badly in the lower tail (F(1,1) at
    /// p = 1e-6 keeps only 5 digits); taking y or 1−y from whichever tail is small keeps all 15.
    private func fQuantile(_ q: Double, _ d1: Double, _ d2: Double, lower: Bool, log: Bool) -> Double {
        let y = Rmath.qbeta(q, d1 / 2, d2 / 2, lower: lower, log: log)
        if y.isNaN { return y }
        if y <= 0.5 { return (d2 / d1) * (y / (1 - y)) }
        let z = Rmath.qbeta(q, d2 / 2, d1 / 2, lower: !lower, log: log)  // z = 1 − y without cancellation
        return z == 0 ? .infinity : (d2 / d1) * ((1 - z) / z)
    }

    /// pdf at each x.
    public func pdf(_ xs: [Double], log: Bool = false) -> [Double] { xs.map { pdf($0, log: log) } }
    /// cdf at each x.
    public func cdf(_ xs: [Double], upper: Bool = false, log: Bool = false) -> [Double] { xs.map { cdf($0, upper: upper, log: log) } }
    /// quantile at each probability.
    public func quantile(_ qs: [Double], upper: Bool = false, log: Bool = false) throws -> [Double] {
        try qs.map { try quantile($0, upper: upper, log: log) }
    }

    /// The expected value (nan where it does not exist, e.g. StudentT with ν ≤ 1).
    public var mean: Double {
        let p = parameters
        switch family {
        case .normal: return p[0]
        case .uniform: return (p[0] + p[1]) / 2
        case .bernoulli: return p[0]
        case .binomial: return p[0] * p[1]
        case .poisson: return p[0]
        case .exponential: return 1 / p[0]
        case .geometric: return 1 / p[0]
        case .beta: return p[0] / (p[0] + p[1])
        case .gamma: return p[0] * p[1]
        case .studentT: return p[0] > 1 ? 0 : .nan
        case .chiSquared: return p[0]
        // F is positive, so a divergent mean is +inf (as SciPy reports), not undefined.
        case .f: return p[1] > 2 ? p[1] / (p[1] - 2) : .infinity
        }
    }

    /// The variance (inf where it diverges, nan where it does not exist).
    public var variance: Double {
        let p = parameters
        switch family {
        case .normal: return p[1] * p[1]
        case .uniform: return (p[1] - p[0]) * (p[1] - p[0]) / 12
        case .bernoulli: return p[0] * (1 - p[0])
        case .binomial: return p[0] * p[1] * (1 - p[1])
        case .poisson: return p[0]
        case .exponential: return 1 / (p[0] * p[0])
        case .geometric: return (1 - p[0]) / (p[0] * p[0])
        case .beta:
            let s = p[0] + p[1]
            return p[0] * p[1] / (s * s * (s + 1))
        case .gamma: return p[0] * p[1] * p[1]
        case .studentT: return p[0] > 2 ? p[0] / (p[0] - 2) : (p[0] > 1 ? .infinity : .nan)
        case .chiSquared: return 2 * p[0]
        case .f:
            let (d1, d2) = (p[0], p[1])
            if d2 > 4 { return 2 * d2 * d2 * (d1 + d2 - 2) / (d1 * (d2 - 2) * (d2 - 2) * (d2 - 4)) }
            return .infinity
        }
    }

    /// The standard deviation, √variance.
    public var std: Double { variance.squareRoot() }

    /// The log-likelihood Σ log pdf(xᵢ) of data under this distribution (−inf if any xᵢ is impossible).
    public func loglik(_ data: [Double]) throws -> Double {
        guard !data.isEmpty else { throw ProbabilityError.emptyData("loglik") }
        guard !data.contains(where: \.isNaN) else { throw ProbabilityError.nanInData("loglik") }
        var s = 0.0
        for x in data { s += pdf(x, log: true) }
        return s
    }
}
