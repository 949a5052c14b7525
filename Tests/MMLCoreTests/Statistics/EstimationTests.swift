// MLE fits, log-likelihoods and conjugate posteriors against closed forms and SciPy (estimation.json).
import Testing
@testable import MMLCore

private struct FitCase: Decodable {
    let family: String
    let data: [Double]
    let params: [Double]
    let loglik: Double
}

private struct PosteriorCase: Decodable {
    let prior: PriorSpec
    let lik: String
    let trials: Double?
    let sigma: Double?
    let data: [Double]
    let posterior: [Double]
    let map, mle, mean: Double

    struct PriorSpec: Decodable {
        let family: String
        let params: [Double]
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            family = try c.decode(String.self)
            params = try c.decode([Double].self)
        }
    }
}

private struct EstimationFile: Decodable {
    let fits: [FitCase]
    let posteriors: [PosteriorCase]
}

@Test func mleFitsAgreeWithReference() throws {
    let file = try ProbFixtures.load("estimation.json", as: EstimationFile.self)
    #expect(file.fits.count == 9)
    for c in file.fits {
        let family = try #require(Distribution.Family(rawValue: c.family))
        let d = try Stats.fit(family, c.data, trials: family == .binomial ? 12 : nil)
        // Iterative fits (Gamma, Beta) are converged to ~1e-15; the reference root solve to ~1e-15 too.
        for (a, b) in zip(d.parameters, c.params) {
            #expect(ProbFixtures.close(a, b, rel: 1e-10), "\(c.family) parameter \(a) vs \(b)")
        }
        #expect(ProbFixtures.close(try d.loglik(c.data), c.loglik), "\(c.family) loglik")
    }
}

@Test func conjugatePosteriorsAgreeWithClosedForms() throws {
    let file = try ProbFixtures.load("estimation.json", as: EstimationFile.self)
    for c in file.posteriors {
        let prior = try Distribution(try #require(Distribution.Family(rawValue: c.prior.family)), c.prior.params)
        let lik: Likelihood = switch c.lik {
        case "bernoulli": .bernoulli
        case "binomial": .binomial(trials: c.trials!)
        case "poisson": .poisson
        default: .normal(sigma: c.sigma!)
        }
        let u = try Stats.posterior(prior: prior, likelihood: lik, data: c.data)
        for (a, b) in zip(u.posterior.parameters, c.posterior) { #expect(ProbFixtures.close(a, b), "\(c.lik) posterior \(a) vs \(b)") }
        #expect(ProbFixtures.close(u.map ?? .nan, c.map), "\(c.lik) MAP")
        #expect(ProbFixtures.close(u.mle, c.mle), "\(c.lik) MLE")
        #expect(ProbFixtures.close(u.posteriorMean, c.mean), "\(c.lik) posterior mean")
    }
}

@Test func posteriorReportShowsPriorPosteriorMapAndMle() throws {
    // Beta(2, 2) prior, 7 successes in 10 trials: posterior Beta(9, 5), MAP 8/12, MLE 0.7.
    let data: [Double] = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1]
    let u = try Stats.posterior(prior: .beta(2, 2), likelihood: .bernoulli, data: data)
    #expect(u.posterior.parameters == [9, 5])
    let text = u.description
    #expect(text.contains("prior:      Beta(α=2, β=2)"))
    #expect(text.contains("posterior:  Beta(α=9, β=5)"))
    #expect(text.contains("MAP p = 0.666667"))
    #expect(text.contains("MLE p = 0.7"))
}

@Test func estimationErrorsAreClear() {
    #expect(throws: ProbabilityError.self) { try Stats.fit(.bernoulli, [0, 1, 2]) }
    #expect(throws: ProbabilityError.self) { try Stats.fit(.binomial, [1, 2]) }
    #expect(throws: ProbabilityError.self) { try Stats.fit(.beta, [0.2, 1.0]) }
    #expect(throws: ProbabilityError.self) { try Stats.fit(.normal, [3, 3, 3]) }
    #expect(throws: ProbabilityError.self) { try Stats.fit(.studentT, [1, 2]) }
    #expect(throws: ProbabilityError.self) { try Stats.posterior(prior: .normal(0, 1), likelihood: .bernoulli, data: [1]) }
}
