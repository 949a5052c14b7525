// Conjugate Bayesian updates (Beta–Bernoulli/Binomial, Gamma–Poisson, Normal–Normal with known σ) and MAP.

/// The likelihood (data model) of a conjugate update; its unknown parameter gets the prior.
public enum Likelihood: Sendable, Equatable, CustomStringConvertible {
    /// 0/1 data; the unknown is p (prior: Beta).
    case bernoulli
    /// Counts of successes out of `trials` each; the unknown is p (prior: Beta).
    case binomial(trials: Double)
    /// Counts; the unknown is λ (prior: Gamma).
    case poisson
    /// Measurements with known standard deviation σ; the unknown is μ (prior: Normal).
    case normal(sigma: Double)

    public var description: String {
        switch self {
        case .bernoulli: "Bernoulli(p)"
        case .binomial(let n): "Binomial(n=\(NumberFormat.short(n)), p)"
        case .poisson: "Poisson(λ)"
        case .normal(let s): "Normal(μ, σ=\(NumberFormat.short(s)))"
        }
    }

    /// The unknown parameter's symbol.
    var parameterSymbol: String {
        switch self {
        case .bernoulli, .binomial: "p"
        case .poisson: "λ"
        case .normal: "μ"
        }
    }
}

/// A conjugate update: prior, data summary, posterior, and the MAP next to the MLE.
public struct PosteriorUpdate: Sendable, CustomStringConvertible {
    public let prior: Distribution
    public let likelihood: Likelihood
    public let posterior: Distribution
    /// Number of observations.
    public let n: Int
    /// Sum of the observations.
    public let total: Double
    /// The posterior mode: the maximum a posteriori estimate (nil when the posterior has no unique mode).
    public let map: Double?
    /// The maximum-likelihood estimate from the data alone.
    public let mle: Double
    /// The posterior mean.
    public var posteriorMean: Double { posterior.mean }

    public var description: String {
        let sym = likelihood.parameterSymbol
        let mapText = map.map { NumberFormat.short($0) } ?? "not unique (the posterior has no single peak)"
        return [
            "Bayesian update for \(sym)",
            "  prior:      \(prior.signatureWithValues)",
            "  likelihood: \(likelihood), \(n) observation\(n == 1 ? "" : "s"), sum \(NumberFormat.short(total))",
            "  posterior:  \(posterior.signatureWithValues)",
            "  MAP \(sym) = \(mapText)   MLE \(sym) = \(NumberFormat.short(mle))   posterior mean = \(NumberFormat.short(posteriorMean))",
        ].joined(separator: "\n")
    }
}

extension Stats {
    /// The posterior after observing `data` under `likelihood`, from a conjugate `prior`.
    public static func posterior(prior: Distribution, likelihood: Likelihood, data: [Double]) throws -> PosteriorUpdate {
        try check(data, "posterior")
        let n = Double(data.count)
        let total = sum(data)
        let p = prior.parameters
        func needPrior(_ family: Distribution.Family) throws {
            guard prior.family == family else {
                throw ProbabilityError("posterior: a \(likelihood) likelihood needs a \(family.name) prior (its conjugate), but the prior is \(prior.family.name)",
                                       hint: "for example \(Distribution.example(family))")
            }
        }
        let post: Distribution, mle: Double
        switch likelihood {
        case .bernoulli:
            try needPrior(.beta)
            guard data.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw ProbabilityError("posterior: Bernoulli data must be 0s and 1s") }
            post = try .beta(p[0] + total, p[1] + n - total)
            mle = total / n
        case .binomial(let trials):
            try needPrior(.beta)
            guard trials >= 1 && trials == trials.rounded() else { throw ProbabilityError("posterior: the number of trials must be a whole number ≥ 1") }
            guard data.allSatisfy({ $0 >= 0 && $0 <= trials && $0 == $0.rounded() }) else {
                throw ProbabilityError("posterior: Binomial data must be whole numbers between 0 and n = \(NumberFormat.short(trials))")
            }
            post = try .beta(p[0] + total, p[1] + n * trials - total)
            mle = total / (n * trials)
        case .poisson:
            try needPrior(.gamma)
            guard data.allSatisfy({ $0 >= 0 && $0 == $0.rounded() }) else { throw ProbabilityError("posterior: Poisson data must be counts (whole numbers ≥ 0)") }
            // Gamma(k, θ) with scale θ: k' = k + Σx, θ' = θ/(1 + nθ).
            post = try .gamma(shape: p[0] + total, scale: p[1] / (1 + n * p[1]))
            mle = total / n
        case .normal(let sigma):
            try needPrior(.normal)
            guard sigma > 0 && sigma.isFinite else { throw ProbabilityError("posterior: the known σ must be positive") }
            let precision = 1 / (p[1] * p[1]) + n / (sigma * sigma)
            let mu = (p[0] / (p[1] * p[1]) + total / (sigma * sigma)) / precision
            post = try .normal(mu, (1 / precision).squareRoot())
            mle = total / n
        }
        return PosteriorUpdate(prior: prior, likelihood: likelihood, posterior: post, n: data.count, total: total,
                               map: mode(of: post), mle: mle)
    }

    /// The mode of a Beta, Gamma or Normal posterior.
    static func mode(of d: Distribution) -> Double? {
        let p = d.parameters
        switch d.family {
        case .beta:
            let (a, b) = (p[0], p[1])
            if a > 1 && b > 1 { return (a - 1) / (a + b - 2) }
            if a <= 1 && b > 1 { return 0 }
            if a > 1 && b <= 1 { return 1 }
            return nil
        case .gamma: return p[0] >= 1 ? (p[0] - 1) * p[1] : 0
        case .normal: return p[0]
        default: return nil
        }
    }
}
