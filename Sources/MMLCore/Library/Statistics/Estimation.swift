// Estimation: fit (maximum likelihood for a family), loglik, mle (generic, by Nelder–Mead),
// and the conjugate Bayesian updates posterior and map_estimate.

/// A conjugate Bayesian update as an MML value: prints prior, posterior, MAP and MLE.
public final class PosteriorValue: MMLObject {
    public let update: PosteriorUpdate
    public init(_ update: PosteriorUpdate) { self.update = update }
    public var typeName: String { "posterior" }
    /// mean, var, std, quantile, pdf, sample and plot of a posterior are those of its
    /// posterior distribution (see `Value.distributionValue`).
    public var distribution: DistributionValue { DistributionValue(update.posterior) }
    public func display(_ options: DisplayOptions) -> String { update.description }
    /// The fields `posterior` declares; `field` gives their values.
    static let fields: [ResultField] = [
        ResultField("prior", "the prior distribution"),
        ResultField("posterior", "the posterior distribution, after the data"),
        ResultField("map", "the MAP estimate: the posterior's mode (nan when it has no single peak)"),
        ResultField("mle", "the maximum-likelihood estimate from the data alone"),
        ResultField("mean", "the posterior mean"),
        ResultField("n", "how many observations the update used"),
    ]
    public var fieldNames: [String] { Self.fields.map(\.name) }
    public func field(_ name: String) -> Value? {
        switch name {
        case "prior": return .object(DistributionValue(update.prior))
        case "posterior": return .object(DistributionValue(update.posterior))
        case "map": return .number(update.map ?? .nan)
        case "mle": return .number(update.mle)
        case "mean": return .number(update.posteriorMean)
        case "n": return .number(Double(update.n))
        default: return nil
        }
    }
}

extension Builtins {
    static let estimation: [Builtin] = [
        Builtin("fit", [.req("family"), .req("data"), .key("n", "none")], area: .statistics,
                summary: "Fit a distribution to data by maximum likelihood",
                help: "fit(Normal, data) returns the distribution of the family that makes the data most likely (the MLE); the first argument is the constructor itself, without parentheses. Closed forms for Normal (μ̂ = x̄, σ̂ with divisor n — the MLE, not the n − 1 std), Exponential (λ̂ = 1/x̄), Poisson, Bernoulli, Binomial (known n: fit(Binomial, data, n=10)), Uniform (min, max) and Geometric; Newton's method for Gamma and Beta.",
                examples: [BuiltinExample("fit(Normal, [2, 4, 4, 4, 5, 5, 7, 9])", "Normal(μ=5, σ=2)  mean 5, variance 4"), BuiltinExample("fit(Bernoulli, [1, 0, 1, 1]).p", "0.75")],
                result: .likeBuiltin(parameter: "family"),
                body: .general { args in
            let family = try args.family("family")
            if args.has("n") && family != .binomial { throw args.error("fit: n= is the known number of trials of a Binomial; \(family.name) has none", at: "n") }
            let trials = args.has("n") ? try args.number("n") : nil
            return .object(DistributionValue(try Stats.fit(family, try args.data("data"), trials: trials)))
        }),
        Builtin("loglik", [.req("D"), .req("data")], area: .statistics, summary: "The log-likelihood Σ log pdf(D, xᵢ) of data under a distribution",
                help: "loglik(D, data) adds up the log-density (log-probability for a discrete D) of every data value: larger means the data are more plausible under D. It is −inf when a value is impossible under D. For MvNormal, data has one point per row. -loglik is the usual objective of mle.",
                examples: [BuiltinExample("loglik(Bernoulli(0.5), [1, 0, 1, 1])", "-2.772588722239781")],
                body: .general { args in
            if case .object(let o as MvNormalValue) = try args.value("D") {
                let x = try args.matrix("data"), k = o.distribution.dimension
                let points = (x.isVector || x.isRow) && x.count == k ? [x.data] : (0..<x.rows).map { x.row($0) }
                guard points.allSatisfy({ $0.count == k }), !points.isEmpty else {
                    throw args.error("loglik: MvNormal is \(k)-dimensional, so data needs one point of \(k) numbers per row, but it is \(x.shapeDescription)", at: "data")
                }
                return .number(try points.reduce(0) { $0 + (try o.distribution.pdf($1, log: true)) })
            }
            return .number(try args.distribution("D").loglik(try args.data("data")))
        }),
        Builtin("mle", [.req("negloglik"), .req("theta0"), .key("tol", "1e-10"), .key("steps", "5000")], area: .statistics,
                summary: "Maximum likelihood by minimising a negative log-likelihood from a starting point",
                help: "mle(nll, θ0) minimises nll(θ) starting at θ0 with the Nelder–Mead simplex method (no derivatives needed) and returns a record with x (the estimate θ̂), value (nll at θ̂), steps and converged. θ is a number when θ0 is a number, else a vector. Write nll with loglik, e.g. nll(θ) = -loglik(Normal(θ[1], θ[2]), data). Points where nll fails because a parameter is invalid (σ ≤ 0) count as outside the domain, so the search stays inside it; θ0 itself must be valid.",
                examples: [BuiltinExample("round(mle(p -> -loglik(Bernoulli(p), [1, 0, 1, 1]), 0.5).x, 6)", "0.75")],
                result: .fields([ResultField("x", "the estimate θ̂ (a number when θ0 is a number)"), ResultField("value", "negloglik at θ̂"),
                                 ResultField("steps", "how many Nelder–Mead steps were made"), ResultField("converged", "true when the simplex shrank below tol")]),
                body: .general { args in
            let ip = args.interpreter, span = args.callSpan
            let f = try args.function("negloglik")
            let start = try args.value("theta0")
            let scalar: Bool
            if case .number = start { scalar = true } else { scalar = false }
            let x0 = try args.data("theta0")
            guard !x0.isEmpty, x0.allSatisfy(\.isFinite) else { throw args.error("mle: θ0 must be finite numbers", at: "theta0") }
            var optimizer = NelderMead()
            optimizer.xTolerance = try args.number("tol", default: 1e-10)
            optimizer.maxIterations = try args.int("steps", default: 5000, in: 1...10_000_000)
            var first = true
            let result = try optimizer.minimize({ theta in
                let arg: Value = scalar ? .number(theta[0]) : .matrix(Matrix(column: theta))
                let value: Value
                do {
                    value = try ip.call(f, [arg], at: span)
                } catch let e as MMLError where !first && e.diagnostic.kind == ProbabilityError.kind {
                    return .infinity  // an invalid parameter: outside the domain
                }
                first = false
                switch value {
                case .number(let v): return v
                case .matrix(let m) where m.count == 1: return m.data[0]
                default: throw args.error("mle: negloglik must return a number, but it returned a \(value.typeName)", at: "negloglik")
                }
            }, from: x0)
            if !result.converged {
                ip.warn("mle did not converge in \(result.iterations) steps; the estimate may be inaccurate", at: span, hint: "try a better θ0 or more steps=")
            }
            return .record(Record([
                ("x", scalar ? .number(result.x[0]) : .matrix(Matrix(column: result.x))),
                ("value", .number(result.value)), ("steps", .number(Double(result.iterations))), ("converged", .bool(result.converged)),
            ], title: "maximum-likelihood estimate (Nelder–Mead)"))
        }),
        Builtin("posterior", [.req("prior"), .req("likelihood"), .req("data"), .key("n", "none"), .key("sigma", "none")], area: .statistics,
                summary: "The posterior distribution of a conjugate Bayesian update",
                help: "posterior(prior, Likelihood, data) updates a prior with data for the conjugate pairs: posterior(Beta(α, β), Bernoulli, data) (0/1 data), posterior(Beta(α, β), Binomial, counts, n=trials), posterior(Gamma(k, θ), Poisson, counts) and posterior(Normal(μ0, τ), Normal, data, sigma=σ) with σ known. The likelihood is the family constructor itself. The result prints the prior, the posterior, the MAP next to the MLE and the posterior mean. It also stands for its posterior distribution: mean(post), var, std, median, quantile, pdf, cdf, sample and plot(post) work on post.posterior.",
                examples: [BuiltinExample("posterior(Beta(2, 2), Bernoulli, [1, 0, 1, 1]).posterior", "Beta(α=5, β=3)  mean 0.625, variance 0.0260417")],
                result: .fields(PosteriorValue.fields),
                body: .general { args in
            .object(PosteriorValue(try conjugateUpdate(args)))
        }),
        Builtin("map_estimate", [.req("prior"), .req("likelihood"), .req("data"), .key("n", "none"), .key("sigma", "none")], area: .statistics,
                summary: "The maximum a posteriori estimate: the mode of the conjugate posterior",
                help: "map_estimate(prior, Likelihood, data) is the most probable parameter value after seeing the data — the peak of posterior(prior, Likelihood, data). With Beta(α, β) and Bernoulli data it is (α + k − 1)/(α + β + n − 2): the MLE k/n pulled toward the prior.",
                examples: [BuiltinExample("map_estimate(Beta(2, 2), Bernoulli, [1, 0, 1, 1])", "0.6666666666666666")],
                body: .general { args in
            let update = try conjugateUpdate(args)
            guard let m = update.map else {
                throw args.error("map_estimate: the posterior \(update.posterior.signatureWithValues) has no single peak", at: "prior",
                                 hint: "with a Beta(α, β) posterior the mode is unique when α ≥ 1 and β ≥ 1, not both equal to 1")
            }
            return .number(m)
        }),
    ]

    /// The update for posterior and map_estimate: the likelihood is a family constructor.
    private static func conjugateUpdate(_ args: Arguments) throws -> PosteriorUpdate {
        let prior = try args.distribution("prior")
        let family = try args.family("likelihood")
        let likelihood: Likelihood
        switch family {
        case .bernoulli: likelihood = .bernoulli
        case .binomial:
            guard args.has("n") else { throw args.error("posterior with a Binomial likelihood needs the number of trials per observation, n=…", hint: "posterior(Beta(1, 1), Binomial, counts, n=10)") }
            likelihood = .binomial(trials: try args.number("n"))
        case .poisson: likelihood = .poisson
        case .normal:
            guard args.has("sigma") else { throw args.error("posterior with a Normal likelihood needs the known standard deviation of the data, sigma=…", hint: "posterior(Normal(0, 10), Normal, data, sigma=2)") }
            likelihood = .normal(sigma: try args.number("sigma"))
        default:
            throw args.error("posterior: no conjugate prior is built in for a \(family.name) likelihood", at: "likelihood",
                             hint: "the pairs are Beta–Bernoulli, Beta–Binomial, Gamma–Poisson and Normal–Normal (σ known)")
        }
        if args.has("n") && family != .binomial { throw args.error("posterior: n= is the number of trials of a Binomial likelihood", at: "n") }
        if args.has("sigma") && family != .normal { throw args.error("posterior: sigma= is the known σ of a Normal likelihood", at: "sigma") }
        return try Stats.posterior(prior: prior, likelihood: likelihood, data: try args.data("data"))
    }
}
