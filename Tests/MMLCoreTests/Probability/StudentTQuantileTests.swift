// Student t quantiles on a grid of ν and tail probabilities against mpmath (fixture:
// t_quantiles.json, made by Scripts/fixtures/t_quantiles.py), to 1e-12 relative.
import Testing
@testable import MMLCore

private struct TCase: Decodable {
    let nu: Double
    let p: Double
    let t: String
}

private struct TFile: Decodable { let cases: [TCase] }

@Test func studentTQuantilesAgreeWithMpmathInBothTails() throws {
    let cases = try ProbFixtures.load("t_quantiles.json", as: TFile.self).cases
    #expect(cases.count >= 60)
    var failures: [String] = []
    for c in cases {
        let want = try #require(Double(c.t))
        let d = try Distribution.studentT(c.nu)
        let lower = try d.quantile(c.p), upper = try d.quantile(c.p, upper: true)
        let logLower = try d.quantile(.log(c.p), log: true)
        for (name, got, expected) in [("lower", lower, -want), ("upper", upper, want), ("log lower", logLower, -want)]
        where !ProbFixtures.close(got, expected, rel: 1e-12, abs: 0) {
            failures.append("StudentT(\(c.nu)) \(name) quantile at \(c.p) = \(got), mpmath \(expected)")
        }
        if want == 0 && (lower.sign == .minus || upper.sign == .minus) {
            failures.append("StudentT(\(c.nu)) median is -0")
        }
    }
    #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.joined(separator: "\n"))")
}

@Test func studentTQuantileOfCertaintyAndOverflow() throws {
    let d = try Distribution.studentT(0.1)
    #expect(try d.quantile(0) == -.infinity)
    #expect(try d.quantile(1) == .infinity)
    #expect(try d.quantile(1e-300, upper: true) == .infinity)  // beyond the largest double
    #expect(try d.quantile(0.5) == 0)
}
