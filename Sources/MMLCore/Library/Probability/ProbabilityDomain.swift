// The probability and statistics builtins gathered for `Builtins.all`, and the hook that lets
// the core `mean` take a distribution.

extension Builtins {
    /// seed, rand, randn, …; the distribution constructors; pdf, cdf, quantile, sample.
    static let probability: [Builtin] = random + distributionConstructors + distributionFunctions + combinatorics

    /// Descriptive statistics, correlation, summaries, tests and estimation.
    static let statistics: [Builtin] = descriptive + correlation + summaries + inference + estimation

    /// mean(D): the expected value of a distribution (μ as a vector for MvNormal).
    @Sendable static func distributionMean(_ object: any MMLObject) -> Value? {
        switch object {
        case let d as DistributionValue: return .number(d.distribution.mean)
        case let p as PosteriorValue: return .number(p.distribution.distribution.mean)
        case let d as MvNormalValue: return .matrix(Matrix(column: d.distribution.mean))
        default: return nil
        }
    }
}
