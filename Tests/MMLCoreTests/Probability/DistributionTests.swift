// Distributions against SciPy (fixture: distributions.json), validation messages, display strings.
import Testing
@testable import MMLCore

private struct DistCase: Decodable {
    let family: String
    let params: [Double]
    let fn: String
    let x: Double
    let value: FixtureNumber
}

private struct DistFile: Decodable { let cases: [DistCase] }

private func evaluate(_ d: Distribution, _ fn: String, _ x: Double) throws -> Double {
    switch fn {
    case "pdf": return d.pdf(x)
    case "logpdf": return d.pdf(x, log: true)
    case "cdf": return d.cdf(x)
    case "sf": return d.cdf(x, upper: true)
    case "logcdf": return d.cdf(x, log: true)
    case "logsf": return d.cdf(x, upper: true, log: true)
    case "ppf": return try d.quantile(x)
    case "isf": return try d.quantile(x, upper: true)
    case "mean": return d.mean
    case "var": return d.variance
    default: throw ProbabilityError("unknown function \(fn)")
    }
}

@Test func distributionsAgreeWithSciPy() throws {
    let file = try ProbFixtures.load("distributions.json", as: DistFile.self)
    #expect(file.cases.count >= 300)
    var failures: [String] = []
    for c in file.cases {
        let family = try #require(Distribution.Family(rawValue: c.family))
        let d = try Distribution(family, c.params)
        let got = try evaluate(d, c.fn, c.x)
        if !ProbFixtures.close(got, c.value.value) {
            failures.append("\(d.signatureWithValues).\(c.fn)(\(c.x)) = \(got), SciPy \(c.value.value)")
        }
    }
    #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.joined(separator: "\n"))")
}

@Test func invalidParametersNameTheParameterAndWhy() {
    do {
        _ = try Distribution.normal(0, -1)
        Issue.record("Normal(0, -1) was accepted")
    } catch let e as ProbabilityError {
        #expect(e.message.contains("σ"))
        #expect(e.message.contains("standard deviation"))
        #expect(e.message.contains("positive"))
        #expect(e.message.contains("-1"))
    } catch { Issue.record("wrong error \(error)") }
    #expect(throws: ProbabilityError.self) { try Distribution.binomial(10.5, 0.3) }
    #expect(throws: ProbabilityError.self) { try Distribution.bernoulli(1.2) }
    #expect(throws: ProbabilityError.self) { try Distribution.geometric(0) }
    #expect(throws: ProbabilityError.self) { try Distribution.uniform(2, 1) }
    #expect(throws: ProbabilityError.self) { try Distribution.poisson(.nan) }
    #expect(throws: ProbabilityError.self) { try Distribution(.beta, [1]) }
    #expect(throws: ProbabilityError.self) { try Distribution(.normal, [0, 1, 2]) }
    #expect(throws: ProbabilityError.self) { try Distribution(.normal, positional: [], keywords: ["sd": 1]) }
    #expect(throws: ProbabilityError.self) { try Distribution.normal().quantile(1.5) }
}

@Test func keywordsDefaultsAndAlternativeParametrisations() throws {
    let g = try Distribution.gamma(shape: 2, rate: 4)
    #expect(g.parameters == [2, 0.25])
    #expect(g.parameter("rate") == 4)
    #expect(g.mean == 0.5)
    let e = try Distribution(.exponential, positional: [], keywords: ["scale": 2])
    #expect(e.parameters == [0.5])
    #expect(try Distribution(.normal, positional: [], keywords: ["sigma": 3]).parameters == [0, 3])
    #expect(try Distribution(.normal, []).parameters == [0, 1])
    #expect(try Distribution.normal(1, 2).parameter("σ") == 2)
    #expect(try Distribution.normal(1, 2).parameter("mu") == 1)
}

@Test func displayShowsParametersMeanAndVariance() throws {
    #expect(try Distribution.normal(0, 1).description == "Normal(μ=0, σ=1)  mean 0, variance 1")
    #expect(try Distribution.binomial(10, 0.5).description == "Binomial(n=10, p=0.5)  mean 5, variance 2.5")
    #expect(try Distribution.exponential(rate: 4).description == "Exponential(λ=4)  mean 0.25, variance 0.0625")
}

@Test func geometricCountsTrialsAndDiscreteMassIsZeroOffIntegers() throws {
    let g = try Distribution.geometric(0.25)
    #expect(g.pdf(0) == 0)
    #expect(g.pdf(1) == 0.25)
    #expect(g.pdf(2) == 0.75 * 0.25)
    #expect(g.cdf(2.5) == g.cdf(2))
    #expect(try g.quantile(0.25) == 1)
    #expect(g.mean == 4)
    #expect(try Distribution.poisson(3).pdf(1.5) == 0)
    #expect(try Distribution.poisson(3).pdf(1.5, log: true) == -.infinity)
}

@Test func logLikelihoodSumsLogDensities() throws {
    let d = try Distribution.normal(1, 2)
    let xs = [0.5, 1.0, 3.0]
    let expected = xs.map { Rmath.dnorm($0, 1, 2, log: true) }.reduce(0, +)
    #expect(try d.loglik(xs) == expected)
    #expect(throws: ProbabilityError.self) { try d.loglik([]) }
}
