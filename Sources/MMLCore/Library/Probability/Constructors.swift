// The distribution constructors Normal, Uniform, …, F and MvNormal. Each builtin is also the
// family as a value: fit(Normal, data) and posterior(Beta(2, 2), Bernoulli, data) pass it.

extension Builtins {
    static let distributionConstructors: [Builtin] = Distribution.Family.allCases.map(constructor) + [mvNormal]

    /// What each family's help says beyond its parameters, and its example.
    private static func about(_ family: Distribution.Family) -> (summary: String, help: String, example: BuiltinExample) {
        switch family {
        case .normal:
            return ("The normal (Gaussian) distribution with mean μ and standard deviation σ",
                    "Normal(μ, σ) is the bell curve: σ is the standard deviation (not the variance). Normal() is the standard normal N(0, 1).",
                    BuiltinExample("Normal(0, 1)", "Normal(μ=0, σ=1)  mean 0, variance 1"))
        case .uniform:
            return ("The continuous uniform distribution on [a, b]",
                    "Uniform(a, b) spreads probability evenly over [a, b]; a < b. Uniform() is Uniform(0, 1).",
                    BuiltinExample("Uniform(0, 2)", "Uniform(a=0, b=2)  mean 1, variance 0.333333"))
        case .bernoulli:
            return ("A single trial: 1 with probability p, else 0",
                    "Bernoulli(p) takes the value 1 with probability p and 0 with probability 1 − p.",
                    BuiltinExample("Bernoulli(0.3)", "Bernoulli(p=0.3)  mean 0.3, variance 0.21"))
        case .binomial:
            return ("The number of successes in n independent trials with success probability p",
                    "Binomial(n, p) counts successes in n trials; its values are 0, 1, …, n. Use pmf for P[X = k].",
                    BuiltinExample("Binomial(10, 0.5)", "Binomial(n=10, p=0.5)  mean 5, variance 2.5"))
        case .poisson:
            return ("The number of events in an interval, with mean λ",
                    "Poisson(λ) counts events that happen independently at a constant rate; λ is the mean (and the variance). Values 0, 1, 2, …",
                    BuiltinExample("Poisson(4)", "Poisson(λ=4)  mean 4, variance 4"))
        case .exponential:
            return ("The waiting time between events at rate λ (mean 1/λ)",
                    "Exponential(λ) takes the RATE λ, so the mean is 1/λ (NumPy's exponential takes the scale 1/λ instead). Exponential(scale=2) gives the rate 1/2. Values x ≥ 0.",
                    BuiltinExample("Exponential(2)", "Exponential(λ=2)  mean 0.5, variance 0.25"))
        case .geometric:
            return ("The number of trials up to and including the first success",
                    "Geometric(p) counts trials until the first success, so its values are 1, 2, 3, … and the mean is 1/p (as NumPy's geometric; R and SciPy's nbinom count failures instead, starting at 0).",
                    BuiltinExample("Geometric(0.25)", "Geometric(p=0.25)  mean 4, variance 12"))
        case .beta:
            return ("The beta distribution on [0, 1] with shapes α and β",
                    "Beta(α, β) is a distribution of probabilities; Beta(1, 1) is uniform. It is the conjugate prior of a Bernoulli or Binomial p.",
                    BuiltinExample("Beta(2, 2)", "Beta(α=2, β=2)  mean 0.5, variance 0.05"))
        case .gamma:
            return ("The gamma distribution with shape k and scale θ (mean kθ)",
                    "Gamma(k, θ) takes the shape k and the SCALE θ, so the mean is kθ (as NumPy's gamma). For a rate, write Gamma(k, rate=β), which sets θ = 1/β. It is the conjugate prior of a Poisson λ.",
                    BuiltinExample("Gamma(2, 3)", "Gamma(k=2, θ=3)  mean 6, variance 18"))
        case .studentT:
            return ("Student's t distribution with ν degrees of freedom",
                    "StudentT(ν) is the distribution of the t statistic; it has heavier tails than Normal(0, 1) and approaches it as ν grows. The mean exists for ν > 1 and the variance for ν > 2.",
                    BuiltinExample("StudentT(5)", "StudentT(ν=5)  mean 0, variance 1.66667"))
        case .chiSquared:
            return ("The chi-squared distribution with k degrees of freedom",
                    "ChiSquared(k) is the distribution of a sum of k squared standard normals; it is the reference of chisq_test.",
                    BuiltinExample("ChiSquared(3)", "ChiSquared(k=3)  mean 3, variance 6"))
        case .f:
            return ("Fisher's F distribution with d1 and d2 degrees of freedom",
                    "F(d1, d2) is the distribution of a ratio of two chi-squared variables, each divided by its degrees of freedom.",
                    BuiltinExample("F(5, 10)", "F(d1=5, d2=10)  mean 1.25, variance 1.35417"))
        }
    }

    private static func constructor(_ family: Distribution.Family) -> Builtin {
        let specs = family.parameters
        var params: [BuiltinParameter] = specs.map { p in
            p.defaultValue.map { .opt(p.keyword, NumberFormat.short($0)) } ?? .req(p.keyword)
        }
        if family == .gamma { params.append(.key("rate", "none")) }
        if family == .exponential { params.append(.key("scale", "none")) }
        let (summary, extra, example) = about(family)
        let meaning = specs.map { "\($0.symbol) (`\($0.keyword)`) is \($0.meaning)" }.joined(separator: "; ")
        let help = "\(extra) Parameters: \(meaning). Values: \(family.supportDescription). Use it with pdf\(family.isDiscrete ? "/pmf" : ""), cdf, quantile, sample, mean, var and std; fields D.mean, D.var, D.std and D.\(specs[0].keyword). The constructor itself names the family: fit(\(family.name), data)."
        return Builtin(family.name, params, area: .probability, summary: summary, help: help, examples: [example],
                       result: .fields(DistributionValue.fields(of: family)), body: .general { args in
            var keywords: [String: Double] = [:]
            for spec in specs where args.has(spec.keyword) {
                let v = try args.number(spec.keyword)
                if let why = spec.constraint.violation(v) {
                    throw MMLError(kind: ProbabilityError.kind,
                                   "\(Distribution.signature(family)): \(spec.symbol) (\(spec.meaning)) \(why), but it is \(NumberFormat.short(v))",
                                   at: args.span(spec.keyword), hint: "for example \(Distribution.example(family))")
                }
                keywords[spec.keyword] = v
            }
            for extra in ["rate", "scale"] where args.has(extra) { keywords[extra] = try args.number(extra) }
            return .object(DistributionValue(try Distribution(family, positional: [], keywords: keywords)))
        })
    }

    private static let mvNormal = Builtin(
        "MvNormal", [.req("mu"), .req("Sigma")], area: .probability,
        summary: "The multivariate normal distribution with mean vector μ and covariance matrix Σ",
        help: "MvNormal(μ, Σ) needs a symmetric positive-definite k×k covariance Σ for a k-vector μ. pdf(D, x) takes a k-vector (or a matrix with one point per row); sample(D, n) gives an n×k matrix, one draw per row; mean(D) is μ and cov(D) is Σ. Draws use the Cholesky factor of Σ, so they match NumPy's multivariate_normal in distribution only.",
        examples: [BuiltinExample("MvNormal([0, 0], [1, 0.5; 0.5, 2])", "MvNormal(μ=[0, 0], Σ=[1, 0.5; 0.5, 2])  2-dimensional")],
        result: .fields(MvNormalValue.fields),
        body: .general { args in
            let mu = try args.matrix("mu"), sigma = try args.matrix("Sigma")
            guard mu.isVector || mu.isRow else {
                throw args.error("MvNormal(μ, Σ): μ must be a vector, but it is a \(mu.shapeDescription) matrix", at: "mu")
            }
            return .object(MvNormalValue(try MvNormal(mean: mu.data, covariance: sigma)))
        })
}
