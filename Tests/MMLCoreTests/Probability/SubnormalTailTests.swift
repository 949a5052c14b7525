// Normal probabilities and densities whose true values are subnormal doubles, against mpmath
// (fixture: subnormal_tails.json, made by Scripts/fixtures/prob_edges.py).
import Testing
@testable import MMLCore

private struct TailCase: Decodable {
    let mu: Double
    let sigma: Double
    let fn: String
    let x: Double
    let value: Double
}

private struct TailFile: Decodable { let cases: [TailCase] }

@Test func normalTailsStaySubnormalInsteadOfRoundingToZero() throws {
    let cases = try ProbFixtures.load("subnormal_tails.json", as: TailFile.self).cases
    #expect(cases.count >= 30)
    var failures: [String] = []
    for c in cases {
        let d = try Distribution.normal(c.mu, c.sigma)
        let got = switch c.fn {
        case "cdf": d.cdf(c.x)
        case "sf": d.cdf(c.x, upper: true)
        default: d.pdf(c.x)
        }
        // A subnormal keeps fewer digits: allow two units of the smallest subnormal besides 1e-12.
        if !ProbFixtures.close(got, c.value, rel: 1e-12, abs: 2 * Double.leastNonzeroMagnitude) {
            failures.append("\(d.signatureWithValues).\(c.fn)(\(c.x)) = \(got), mpmath \(c.value)")
        }
    }
    #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.joined(separator: "\n"))")
}
