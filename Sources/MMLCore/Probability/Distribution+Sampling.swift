// Drawing samples from a distribution with the interpreter's RandomState (NumPy-legacy streams).
//
// Each family draws exactly as the matching NumPy legacy call, so for the same seed
// `sample(D, n)` equals, bit for bit:
//   Normal(μ,σ) → normal(μ, σ, n)      Uniform(a,b) → uniform(a, b, n)
//   Bernoulli(p) → binomial(1, p, n)   Binomial(n,p) → binomial(n, p, n)   Poisson(λ) → poisson(λ, n)
//   Exponential(λ) → exponential(1/λ, n)  Geometric(p) → geometric(p, n)   Beta(α,β) → beta(α, β, n)
//   Gamma(k,θ) → gamma(k, θ, n)   StudentT(ν) → standard_t(ν, n)   ChiSquared(k) → chisquare(k, n)
//   F(d1,d2) → f(d1, d2, n)

extension Distribution {
    /// One draw.
    public func sample(using rng: RandomState) throws -> Double {
        try checkSampleable()
        return draw(rng)
    }

    /// NumPy refuses λ so large that draws overflow a 64-bit integer; so do we.
    private func checkSampleable() throws {
        if family == .poisson, parameters[0] > 9.223372006484771e18 {
            throw ProbabilityError("Poisson(λ): λ = \(NumberFormat.short(parameters[0])) is too large to sample; draws would overflow 64-bit integers")
        }
    }

    private func draw(_ rng: RandomState) -> Double {
        let p = parameters
        switch family {
        case .normal: return p[0] + p[1] * rng.normal()
        case .uniform: return p[0] + (p[1] - p[0]) * rng.uniform()
        case .bernoulli: return Double(rng.binomial(1, p[0]))
        case .binomial: return Double(rng.binomial(Int64(p[0]), p[1]))
        case .poisson: return Double(rng.poisson(p[0]))
        case .exponential: return (1 / p[0]) * rng.standardExponential()
        case .geometric: return Double(rng.geometric(p[0]))
        case .beta: return rng.beta(p[0], p[1])
        case .gamma: return p[1] * rng.standardGamma(p[0])
        case .studentT: return rng.studentT(p[0])
        case .chiSquared: return rng.chiSquare(p[0])
        case .f: return rng.fisherF(p[0], p[1])
        }
    }

    /// `n` draws.
    public func sample(_ n: Int, using rng: RandomState) throws -> [Double] {
        guard n >= 0 else { throw ProbabilityError("the number of draws must not be negative, but it is \(n)") }
        try checkSampleable()
        if family == .normal {
            let (mu, sigma) = (parameters[0], parameters[1])
            var z = try rng.normal(count: n)
            for i in z.indices { z[i] = mu + sigma * z[i] }
            return z
        }
        try LinAlgLimits.reserve(n)
        var poll = StopPoll()
        return try (0..<n).map { _ in
            try poll.advance()
            return draw(rng)
        }
    }
}
