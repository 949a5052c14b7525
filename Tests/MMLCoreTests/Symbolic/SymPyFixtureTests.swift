// MML's derivatives against SymPy's (Scripts/fixtures/symbolic.py): values at several points
// and the size of the simplified derivative.
import Foundation
import MMLCore
import MMLTestSupport
import Testing

struct SymbolicFixtures: Decodable {
    struct Partial: Decodable {
        let values: [Double]
        let sympyNodeCount: Int
        let sympy: String
    }
    struct Case: Decodable {
        let f: String
        let variables: [String]
        let points: [[Double]]
        let partials: [String: Partial]
    }
    let source: String
    let cases: [Case]

    static func load() throws -> SymbolicFixtures {
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/MMLCoreTests/Fixtures/symbolic/derivatives.json")
        return try JSONDecoder().decode(SymbolicFixtures.self, from: Data(contentsOf: url))
    }
}

/// |a − b| ≤ tol·max(|b|, 1): relative for ordinary values, absolute near zero.
func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool {
    abs(a - b) <= tol * max(abs(b), 1)
}

@Suite("Symbolic: SymPy fixtures")
struct SymbolicSymPyFixtureTests {
    @Test("at least 200 fixture functions")
    func fixtureSize() throws {
        #expect(try SymbolicFixtures.load().cases.count >= 200)
    }

    @Test("every derivative agrees with SymPy's at every point (relative 1e-9)")
    func derivativesAgree() throws {
        let fixtures = try SymbolicFixtures.load()
        var failures: [String] = []
        for c in fixtures.cases {
            let f = try TestFormulaParser.parse(c.f)
            for v in c.variables {
                guard let reference = c.partials[v] else { continue }
                let d = try f.derivative(v)
                let compiled = try d.compiled(variables: c.variables)
                for (p, expected) in zip(c.points, reference.values) {
                    let got = try compiled.evaluate(p)
                    if !close(got, expected) {
                        failures.append("d/d\(v) \(c.f) at \(p): MML \(got) = \(d.ascii), SymPy \(expected) = \(reference.sympy)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) mismatches:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test("median node-count ratio MML/SymPy simplify(diff(f)) is at most 1.2")
    func nodeCountRatio() throws {
        let fixtures = try SymbolicFixtures.load()
        var ratios: [(Double, String)] = []
        for c in fixtures.cases {
            let f = try TestFormulaParser.parse(c.f)
            for v in c.variables {
                guard let reference = c.partials[v] else { continue }
                let d = try f.derivative(v)
                ratios.append((Double(d.nodeCount) / Double(max(reference.sympyNodeCount, 1)),
                               "d/d\(v) \(c.f): \(d.ascii)  vs  \(reference.sympy)"))
            }
        }
        ratios.sort { $0.0 < $1.0 }
        let values = ratios.map(\.0)
        func quantile(_ q: Double) -> Double { values[min(values.count - 1, Int(q * Double(values.count - 1)))] }
        let median = quantile(0.5)
        print("node-count ratio MML/SymPy over \(values.count) derivatives: min \(quantile(0)) q1 \(quantile(0.25)) median \(median) q3 \(quantile(0.75)) p90 \(quantile(0.9)) max \(quantile(1))")
        print("share with ratio ≤ 1: \(Double(values.filter { $0 <= 1 }.count) / Double(values.count))")
        let edges = [0.5, 0.8, 1.0, 1.2, 1.5, 2.0, 3.0, Double.infinity]
        var lower = 0.0
        for upper in edges {
            let n = values.filter { $0 > lower && $0 <= upper }.count
            print(String(format: "  ratio in (%.1f, %.1f]: %d", lower, upper, n))
            lower = upper
        }
        for (r, text) in ratios.suffix(8) { print(String(format: "  ratio %.2f  ", r) + text) }
        #expect(median <= 1.2)
    }
}
