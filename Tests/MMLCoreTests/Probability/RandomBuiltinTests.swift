// The random builtins (seed, rand, randn, randint, choice, permutation, sample) against NumPy's
// legacy streams in random_streams.json, bit for bit, including NumPy's row-by-row layout.
import MMLTestSupport
import Testing
@testable import MMLCore

private struct Stream: Decodable {
    let name: String
    let seed: UInt32
    let args: [Double]
    let values: [Double]
}

private struct Streams: Decodable { let cases: [Stream] }

private func streams() throws -> [Stream] { try ProbFixtures.load("random_streams.json", as: Streams.self).cases }

/// The MML call that must reproduce a fixture case (with `n` draws), or nil when it has none.
private func mmlCall(_ c: Stream) -> (code: String, offset: Double)? {
    let a = c.args
    switch c.name {
    case "rand": return ("rand(n)", 0)
    case "randn": return ("randn(n)", 0)
    case "randint": return ("randint(a[1], a[2], n)", 0)
    // MML counts from 1: choice(k, n) and permutation(k) are NumPy's plus one.
    case "choice": return ("choice(a[1], n)", 1)
    case "choice_p": return ("choice(length(a), n, p=a)", 1)
    case "choice_noreplace": return a[1] == Double(c.values.count) ? ("choice(a[1], a[2], replace=false)", 1) : nil
    case "choice_noreplace_p": return ("choice(length(a) - 1, a[end], replace=false, p=a[1:end-1])", 1)
    case "permutation": return ("permutation(a[1])", 1)
    case "normal": return ("sample(Normal(a[1], a[2]), n)", 0)
    case "uniform": return ("sample(Uniform(a[1], a[2]), n)", 0)
    case "exponential": return ("sample(Exponential(a[1]), n)", 0)  // the rate λ; NumPy was given the scale 1/λ
    case "gamma": return ("sample(Gamma(a[1], a[2]), n)", 0)
    case "beta": return ("sample(Beta(a[1], a[2]), n)", 0)
    case "chisquare": return ("sample(ChiSquared(a[1]), n)", 0)
    case "standard_t": return ("sample(StudentT(a[1]), n)", 0)
    case "f": return ("sample(F(a[1], a[2]), n)", 0)
    case "binomial": return a[0] == 1 ? ("sample(Bernoulli(a[2]), n)", 0) : ("sample(Binomial(a[1], a[2]), n)", 0)
    case "poisson": return ("sample(Poisson(a[1]), n)", 0)
    case "geometric": return ("sample(Geometric(a[1]), n)", 0)
    case "rand_arrayseed": return ("seed(a); rand(n)", 0)
    default: return nil
    }
}

@Test func seedThreeRandnPrintsNumPysValue() {
    // np.random.seed(3); np.random.randn() is 1.7886284734303186 (repr of the double 0x1.c9e38e3e13df2p+0).
    let r = runMML("seed(3)\nprint(randn())\n")
    #expect(r.stdout == "1.7886284734303186\n")
    #expect(r.status == 0)
}

@Test func builtinStreamsMatchNumPyBitForBit() throws {
    var checked = 0
    for c in try streams() {
        guard let (code, offset) = mmlCall(c) else { continue }
        let ip = Interpreter()
        let a = BuiltinHarness.vector(c.args)
        let value = try BuiltinHarness.eval("seed(s); \(code)", ["s": .number(Double(c.seed)), "a": a, "n": .number(Double(c.values.count))], in: ip)
        let got = BuiltinHarness.numbers(value)
        let want = c.values.map { $0 + offset }
        #expect(got == want, "\(c.name)\(c.args) seed \(c.seed) via \(code): first difference at \(got.indices.first { $0 >= want.count || got[$0] != want[$0] } ?? -1)")
        checked += 1
    }
    #expect(checked >= 70)
}

@Test func singleDrawsContinueTheStreamLikeNumPy() throws {
    // randn_single: eleven separate np.random.randn() calls (the cached second normal carries over).
    for c in try streams() where c.name == "randn_single" {
        let ip = Interpreter()
        _ = try BuiltinHarness.eval("seed(s)", ["s": .number(Double(c.seed))], in: ip)
        let got = try (0..<c.values.count).map { _ in BuiltinHarness.numbers(try ip.evaluate("randn()"))[0] }
        #expect(got == c.values, "seed \(c.seed)")
    }
}

@Test func matricesAreFilledRowByRowAsNumPy() throws {
    // np.random.rand(m, n) is the 1-D stream laid out row by row: A[i, j] = stream[i·n + j].
    for c in try streams() where ["rand", "randn", "randint"].contains(c.name) && c.args.first ?? 0 == 0 {
        let (m, n) = (25, 40)
        let code = c.name == "randint" ? "randint(a[1], a[2], m, n)" : "\(c.name)(m, n)"
        let value = try BuiltinHarness.eval("seed(s); \(code)", ["s": .number(Double(c.seed)), "a": BuiltinHarness.vector(c.args),
                                                                  "m": .number(Double(m)), "n": .number(Double(n))])
        guard case .matrix(let a) = value else { Issue.record("\(c.name) gave \(value.typeName)"); continue }
        #expect(a.rows == m && a.cols == n)
        var mismatches = 0
        for i in 0..<m { for j in 0..<n where a[i, j] != c.values[i * n + j] { mismatches += 1 } }
        #expect(mismatches == 0, "\(c.name)\(c.args) seed \(c.seed): \(mismatches) elements out of place")
    }
}

@Test func seedWithoutArgumentsReportsTheSessionSeed() throws {
    let ip = Interpreter()
    // A fresh session picks its own seed; seed() reports it, and re-seeding with it replays the stream.
    let picked = BuiltinHarness.numbers(try ip.evaluate("seed()"))[0]
    let first = BuiltinHarness.numbers(try ip.evaluate("rand(5)"))
    let replay = BuiltinHarness.numbers(try BuiltinHarness.eval("seed(s); rand(5)", ["s": .number(picked)], in: ip))
    #expect(first == replay)
    #expect(BuiltinHarness.numbers(try ip.evaluate("seed(7); seed()")) == [7])
}

@Test func samplersWithoutABitExactTargetPassGoodnessOfFit() throws {
    // MvNormal draws match NumPy only in distribution: each standardised component of
    // 20,000 draws must pass a Kolmogorov–Smirnov test against Normal(0, 1) at a fixed seed.
    let ip = Interpreter()
    let code = """
        seed(11)
        D = MvNormal([1, -2], [2, 0.6; 0.6, 1])
        X = sample(D, 20000)
        L = [sqrt(2), 0; 0.6/sqrt(2), sqrt(1 - 0.18)]
        Z = (L \\ (X - [1, -2]')')'
        """
    _ = try ip.evaluate(code)
    for j in 1...2 {
        let z = BuiltinHarness.numbers(try ip.evaluate("Z[:, \(j)]")).sorted()
        let n = Double(z.count)
        var d = 0.0
        for (i, x) in z.enumerated() {
            let f = Rmath.pnorm(x, 0, 1)
            d = max(d, abs(f - Double(i) / n), abs(Double(i + 1) / n - f))
        }
        // The 1% critical value of the KS statistic is 1.628/√n.
        #expect(d < 1.628 / n.squareRoot(), "component \(j): D = \(d)")
    }
}
