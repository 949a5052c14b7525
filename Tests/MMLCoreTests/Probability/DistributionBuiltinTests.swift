// Distribution builtins (constructors, pdf, cdf, quantile, mean, var) against SciPy's values in
// distributions.json, evaluated through MML; printing, fields and errors of distribution values.
import MMLTestSupport
import Testing
@testable import MMLCore

private struct Case: Decodable {
    let family: String
    let params: [Double]
    let fn: String
    let x: Double
    let value: FixtureNumber
}

private struct File: Decodable { let cases: [Case] }

/// The MML expression computing a fixture function of D at x.
private func expression(_ fn: String) -> String? {
    switch fn {
    case "pdf": return "pdf(D, x)"
    case "logpdf": return "pdf(D, x, log=true)"
    case "cdf": return "cdf(D, x)"
    case "sf": return "cdf(D, x, upper=true)"
    case "logcdf": return "cdf(D, x, log=true)"
    case "logsf": return "cdf(D, x, upper=true, log=true)"
    case "ppf": return "quantile(D, x)"
    case "isf": return "quantile(D, x, upper=true)"
    case "mean": return "mean(D)"
    case "var": return "var(D)"
    default: return nil
    }
}

@Test func distributionBuiltinsAgreeWithSciPy() throws {
    let cases = try ProbFixtures.load("distributions.json", as: File.self).cases
    #expect(cases.count >= 300)
    var failures: [String] = []
    let ip = Interpreter()
    for c in cases {
        guard let expr = expression(c.fn) else { Issue.record("unknown fixture function \(c.fn)"); continue }
        let params = c.params.enumerated().map { "p\($0.offset)" }.joined(separator: ", ")
        var vars: [String: Value] = ["x": .number(c.x)]
        for (i, p) in c.params.enumerated() { vars["p\(i)"] = .number(p) }
        let got = BuiltinHarness.numbers(try BuiltinHarness.eval("D = \(c.family)(\(params)); \(expr)", vars, in: ip))
        if got.count != 1 || !ProbFixtures.close(got[0], c.value.value) {
            failures.append("\(c.family)\(c.params) \(expr) at \(c.x): \(got), SciPy \(c.value.value)")
        }
    }
    #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.prefix(20).joined(separator: "\n"))")
}

@Test func densitiesKeepTheShapeOfX() throws {
    let v = try BuiltinHarness.eval("pdf(Normal(0, 1), [-1, 0; 1, 2])")
    guard case .matrix(let m) = v else { Issue.record("not a matrix"); return }
    #expect(m.rows == 2 && m.cols == 2)
    #expect(m[1, 0] == Rmath.dnorm(1, 0, 1) && m[1, 1] == Rmath.dnorm(2, 0, 1))
    #expect(BuiltinHarness.numbers(try BuiltinHarness.eval("cdf(Poisson(3), 0:2)")) == [0, 1, 2].map { Rmath.ppois(Double($0), 3) })
}

@Test func distributionsPrintParametersMeanAndVariance() {
    let r = runMML("D = Normal(2, 3)\nD\nF(5, 10)\n", echo: true)
    #expect(r.stdout == "D = Normal(μ=2, σ=3)  mean 2, variance 9\nNormal(μ=2, σ=3)  mean 2, variance 9\nF(d1=5, d2=10)  mean 1.25, variance 1.35417\n")
    #expect(runMML("print(typeof(Poisson(2)), Poisson(2).lambda, Poisson(2).λ)").stdout == "distribution 2 2\n")
}

@Test func parameterErrorsPointAtTheParameter() {
    let r = runMML("D = Normal(0, -1)")
    let d = r.diagnostics.first
    #expect(d?.message.contains("σ (the standard deviation) must be positive") == true)
    // The caret is under the -1 (UTF-8 offsets 14..<16), not under the whole call.
    #expect(d?.span.start == 14 && d?.span.end == 16)
    #expect(r.status == 1)
}

@Test func familiesAreValuesThatNameThemselves() throws {
    // The constructor itself is the family: fit(Normal, …) and posterior(…, Bernoulli, …).
    #expect(runMML("f = Normal\nprint(f(1, 2))").stdout == "Normal(μ=1, σ=2)  mean 1, variance 4\n")
    let e = runMML("pdf(Normal, 0)")
    #expect(e.diagnostics.first?.message.contains("must be a distribution with its parameters, not the family Normal itself") == true)
}
