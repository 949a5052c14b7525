// The one Swift file that imports R's standalone math library (Rmath); everything else calls `Rmath`.
//
// Rmath's parametrisations, kept here as R has them (the textbook mapping is in Distribution):
//   exp(x, scale)              — scale = 1/rate
//   gamma(x, shape, scale)
//   geom(x, p)                 — x counts FAILURES before the first success (support 0, 1, …)
//   binom(x, size, prob), pois(x, lambda), beta(x, a, b), t(x, df), chisq(x, df), f(x, df1, df2)
// Every p-function takes `lower` (false: the upper tail P[X > x], computed directly so it stays
// accurate far in the tail) and `log` (the log of the probability); every q-function takes
// the same flags for its probability argument.
import CRmath

/// Thin Swift names for Rmath's densities, CDFs, quantiles and special functions.
public enum Rmath {
    @inline(__always) static func flag(_ b: Bool) -> Int32 { b ? 1 : 0 }

    // MARK: Normal
    public static func dnorm(_ x: Double, _ mu: Double, _ sigma: Double, log: Bool = false) -> Double { dnorm4(x, mu, sigma, flag(log)) }
    public static func pnorm(_ x: Double, _ mu: Double, _ sigma: Double, lower: Bool = true, log: Bool = false) -> Double { pnorm5(x, mu, sigma, flag(lower), flag(log)) }
    public static func qnorm(_ p: Double, _ mu: Double, _ sigma: Double, lower: Bool = true, log: Bool = false) -> Double { qnorm5(p, mu, sigma, flag(lower), flag(log)) }

    // MARK: Uniform
    public static func dunif(_ x: Double, _ a: Double, _ b: Double, log: Bool = false) -> Double { CRmath.dunif(x, a, b, flag(log)) }
    public static func punif(_ x: Double, _ a: Double, _ b: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.punif(x, a, b, flag(lower), flag(log)) }
    public static func qunif(_ p: Double, _ a: Double, _ b: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.qunif(p, a, b, flag(lower), flag(log)) }

    // MARK: Binomial
    public static func dbinom(_ x: Double, _ n: Double, _ p: Double, log: Bool = false) -> Double { CRmath.dbinom(x, n, p, flag(log)) }
    public static func pbinom(_ x: Double, _ n: Double, _ p: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.pbinom(x, n, p, flag(lower), flag(log)) }
    public static func qbinom(_ q: Double, _ n: Double, _ p: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.qbinom(q, n, p, flag(lower), flag(log)) }

    // MARK: Poisson
    public static func dpois(_ x: Double, _ lambda: Double, log: Bool = false) -> Double { CRmath.dpois(x, lambda, flag(log)) }
    public static func ppois(_ x: Double, _ lambda: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.ppois(x, lambda, flag(lower), flag(log)) }
    public static func qpois(_ p: Double, _ lambda: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.qpois(p, lambda, flag(lower), flag(log)) }

    // MARK: Exponential (scale = 1/rate)
    public static func dexp(_ x: Double, scale: Double, log: Bool = false) -> Double { CRmath.dexp(x, scale, flag(log)) }
    public static func pexp(_ x: Double, scale: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.pexp(x, scale, flag(lower), flag(log)) }
    public static func qexp(_ p: Double, scale: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.qexp(p, scale, flag(lower), flag(log)) }

    // MARK: Geometric (failures before the first success)
    public static func dgeom(_ x: Double, _ p: Double, log: Bool = false) -> Double { CRmath.dgeom(x, p, flag(log)) }
    public static func pgeom(_ x: Double, _ p: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.pgeom(x, p, flag(lower), flag(log)) }
    public static func qgeom(_ q: Double, _ p: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.qgeom(q, p, flag(lower), flag(log)) }

    // MARK: Beta
    public static func dbeta(_ x: Double, _ a: Double, _ b: Double, log: Bool = false) -> Double { CRmath.dbeta(x, a, b, flag(log)) }
    /// Also the regularised incomplete beta function I_x(a, b).
    public static func pbeta(_ x: Double, _ a: Double, _ b: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.pbeta(x, a, b, flag(lower), flag(log)) }
    public static func qbeta(_ p: Double, _ a: Double, _ b: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.qbeta(p, a, b, flag(lower), flag(log)) }

    // MARK: Gamma (shape, scale)
    public static func dgamma(_ x: Double, shape: Double, scale: Double, log: Bool = false) -> Double { CRmath.dgamma(x, shape, scale, flag(log)) }
    /// With scale 1, also the regularised lower incomplete gamma function P(a, x).
    public static func pgamma(_ x: Double, shape: Double, scale: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.pgamma(x, shape, scale, flag(lower), flag(log)) }
    public static func qgamma(_ p: Double, shape: Double, scale: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.qgamma(p, shape, scale, flag(lower), flag(log)) }

    // MARK: Student t, chi-squared, F
    public static func dt(_ x: Double, _ df: Double, log: Bool = false) -> Double { CRmath.dt(x, df, flag(log)) }
    public static func pt(_ x: Double, _ df: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.pt(x, df, flag(lower), flag(log)) }
    public static func qt(_ p: Double, _ df: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.qt(p, df, flag(lower), flag(log)) }
    public static func dchisq(_ x: Double, _ df: Double, log: Bool = false) -> Double { CRmath.dchisq(x, df, flag(log)) }
    public static func pchisq(_ x: Double, _ df: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.pchisq(x, df, flag(lower), flag(log)) }
    public static func qchisq(_ p: Double, _ df: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.qchisq(p, df, flag(lower), flag(log)) }
    public static func df(_ x: Double, _ d1: Double, _ d2: Double, log: Bool = false) -> Double { CRmath.df(x, d1, d2, flag(log)) }
    public static func pf(_ x: Double, _ d1: Double, _ d2: Double, lower: Bool = true, log: Bool = false) -> Double { CRmath.pf(x, d1, d2, flag(lower), flag(log)) }

    // MARK: Special functions
    /// log B(a, b).
    public static func lbeta(_ a: Double, _ b: Double) -> Double { CRmath.lbeta(a, b) }
    /// ψ(x) = d/dx log Γ(x).
    public static func digamma(_ x: Double) -> Double { CRmath.digamma(x) }
    /// ψ'(x).
    public static func trigamma(_ x: Double) -> Double { CRmath.trigamma(x) }
    /// The binomial coefficient n choose k (n real, k rounded to an integer, as R).
    public static func choose(_ n: Double, _ k: Double) -> Double { CRmath.choose(n, k) }
}
