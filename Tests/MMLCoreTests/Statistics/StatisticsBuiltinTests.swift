// Statistics builtins evaluated through MML against NumPy/SciPy fixtures (descriptive.json,
// inference.json, estimation.json): column-wise statistics, tests and their fields, fits,
// conjugate updates, and mle against the closed-form MLE.
import MMLTestSupport
import Testing
@testable import MMLCore

private struct Vectors: Decodable {
    struct V: Decodable {
        let name: String
        let data: [Double]
        let mean, median, mode, `var`, var_n, std, std_n, iqr, skewness, kurtosis: Double
        let quantiles_p, quantiles, zscore: [Double]
    }
    struct M: Decodable { let rows: [[Double]]; let cov, corr, spearman: [[Double]] }
    let vectors: [V]
    let matrix: M
}

private func close(_ got: [Double], _ want: [Double], rel: Double = 1e-10) -> Bool {
    got.count == want.count && zip(got, want).allSatisfy { ProbFixtures.close($0, $1, rel: rel) }
}

@Test func descriptiveBuiltinsAgreeWithNumPy() throws {
    let file = try ProbFixtures.load("descriptive.json", as: Vectors.self)
    for c in file.vectors {
        let vars: [String: Value] = ["x": BuiltinHarness.vector(c.data), "p": BuiltinHarness.vector(c.quantiles_p)]
        func value(_ code: String) throws -> [Double] { BuiltinHarness.numbers(try BuiltinHarness.eval(code, vars)) }
        let expected: [(String, [Double])] = [
            ("mean(x)", [c.mean]), ("median(x)", [c.median]), ("mode(x)", [c.mode]), ("var(x)", [c.var]),
            ("var(x, corrected=false)", [c.var_n]), ("std(x)", [c.std]), ("std(x, corrected=false)", [c.std_n]),
            ("iqr(x)", [c.iqr]), ("quantile(x, p)", c.quantiles), ("zscore(x)", c.zscore),
            ("skewness(x)", [c.skewness]), ("kurtosis(x)", [c.kurtosis]),
        ]
        for (code, want) in expected {
            #expect(close(try value(code), want), "\(c.name): \(code)")
        }
    }
    // Column by column on a matrix: the same numbers as each column alone.
    let rows = file.matrix.rows
    let x: Value = BuiltinHarness.matrix(rows)
    for f in ["mean", "median", "var", "std", "iqr", "skewness", "kurtosis", "mode"] {
        let whole = BuiltinHarness.numbers(try BuiltinHarness.eval("\(f)(X)", ["X": x]))
        let each = try (0..<rows[0].count).map { j in
            BuiltinHarness.numbers(try BuiltinHarness.eval("\(f)(v)", ["v": BuiltinHarness.vector(rows.map { $0[j] })]))[0]
        }
        #expect(whole == each, "\(f) column by column")
    }
    #expect(close(BuiltinHarness.numbers(try BuiltinHarness.eval("cov(X)", ["X": x])), file.matrix.cov.flatMap { $0 }))
    #expect(close(BuiltinHarness.numbers(try BuiltinHarness.eval("corr(X)", ["X": x])), file.matrix.corr.flatMap { $0 }))
    #expect(close(BuiltinHarness.numbers(try BuiltinHarness.eval("corr(X, method=\"spearman\")", ["X": x])), file.matrix.spearman.flatMap { $0 }))
}

/// A JSON number or list of numbers.
private struct OneOrMany: Decodable {
    let values: [Double]
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let list = try? c.decode([Double].self) { values = list } else { values = [try c.decode(Double.self)] }
    }
}

private struct Inference: Decodable {
    struct C: Decodable {
        let kind: String
        let x, y, s, obs, probs: [Double]?
        /// Trials (a list) for proportion tests; the per-group size (a number) for sample sizes.
        let n: OneOrMany?
        let table: [[Double]]?
        let mu, level, sigma, p0, p1, p2, power, alpha: FixtureNumber?
        let correction: Bool?
        let alt: String?
        let statistic, df, p, exact: FixtureNumber?
        let ci: [FixtureNumber]?
    }
    let cases: [C]
}

/// The MML call for an inference fixture case, and its variables.
private func call(_ c: Inference.C) -> (String, [String: Value]) {
    var v: [String: Value] = [:]
    for (name, data) in [("x", c.x), ("y", c.y), ("s", c.s), ("n", c.n?.values), ("obs", c.obs), ("probs", c.probs)] {
        if let data { v[name] = BuiltinHarness.vector(data) }
    }
    if let t = c.table { v["T"] = BuiltinHarness.matrix(t) }
    for (name, x) in [("mu", c.mu), ("level", c.level), ("sigma", c.sigma), ("p0", c.p0), ("p1", c.p1), ("p2", c.p2), ("power", c.power), ("alpha", c.alpha)] {
        if let x { v[name] = .number(x.value) }
    }
    v["alt"] = .string(c.alt ?? "two-sided")
    let common = "alternative=alt, level=level"
    switch c.kind {
    case "t1": return ("ttest(x, mu=mu, \(common))", v)
    case "welch": return ("ttest(x, y, mu=mu, \(common))", v)
    case "t2pooled": return ("ttest(x, y, mu=mu, equal_var=true, \(common))", v)
    case "paired": return ("ttest(x, y, mu=mu, paired=true, \(common))", v)
    case "z1": return ("ztest(x, mu=mu, sigma=sigma, \(common))", v)
    case "prop1": return ("prop_test(s, n, p0=p0, \(common))", v)
    case "prop2": return ("prop_test(s, n, \(common))", v)
    case "gof": return (c.probs == nil ? "chisq_test(obs)" : "chisq_test(obs, probs)", v)
    case "table": return ("chisq_test(T, correction=\(c.correction ?? true))", v)
    case "confint": return ("confint(x, level)", v)
    case "confint_z": return ("confint(x, level, sigma=sigma)", v)
    default: return ("sample_size(p1, p2, power=power, alpha=alpha, alternative=alt)", v)
    }
}

@Test func inferenceBuiltinsAgreeWithSciPy() throws {
    let cases = try ProbFixtures.load("inference.json", as: Inference.self).cases
    #expect(cases.count >= 50)
    for c in cases {
        let (code, vars) = call(c)
        let ip = Interpreter()
        _ = try BuiltinHarness.eval("r = \(code)", vars, in: ip)
        func field(_ f: String) throws -> [Double] { BuiltinHarness.numbers(try ip.evaluate("r.\(f)")) }
        switch c.kind {
        case "confint", "confint_z":
            #expect(close(BuiltinHarness.numbers(try ip.evaluate("r")), c.ci!.map(\.value)), "\(c.kind)")
        case "samplesize":
            #expect(try field("n") == c.n?.values, "n")
            #expect(close(try field("exact"), [c.exact!.value]), "exact")
        default:
            #expect(close(try field("statistic"), [c.statistic!.value]), "\(c.kind) statistic via \(code)")
            #expect(close(try field("p"), [c.p!.value]), "\(c.kind) p via \(code)")
            if let df = c.df { #expect(close(try field("df"), [df.value]), "\(c.kind) df") }
            if let ci = c.ci { #expect(close(try field("ci"), ci.map(\.value)), "\(c.kind) ci") }
        }
    }
}

private struct Estimation: Decodable {
    struct Fit: Decodable { let family: String; let data: [Double]; let params: [Double]; let loglik: Double }
    struct Post: Decodable {
        let prior: PriorSpec
        let lik: String
        let data: [Double]
        let trials, sigma: Double?
        let posterior: [Double]
        let map, mle, mean: Double
    }
    struct PriorSpec: Decodable {
        let family: String, params: [Double]
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            family = try c.decode(String.self)
            params = try c.decode([Double].self)
        }
    }
    let fits: [Fit]
    let posteriors: [Post]
}

@Test func fitLoglikAndPosteriorAgreeWithSciPy() throws {
    let file = try ProbFixtures.load("estimation.json", as: Estimation.self)
    for f in file.fits {
        let extra = f.family == "Binomial" ? ", n=\(Int(f.params[0]))" : ""
        let ip = Interpreter()
        _ = try BuiltinHarness.eval("D = fit(\(f.family), x\(extra))", ["x": BuiltinHarness.vector(f.data)], in: ip)
        let keywords = Distribution.Family(rawValue: f.family)!.parameters.map(\.keyword)
        let got = try keywords.map { BuiltinHarness.numbers(try ip.evaluate("D.\($0)"))[0] }
        #expect(close(got, f.params), "fit(\(f.family))")
        #expect(close(BuiltinHarness.numbers(try ip.evaluate("loglik(D, x)")), [f.loglik]), "loglik(\(f.family))")
    }
    for p in file.posteriors {
        let family = ["bernoulli": "Bernoulli", "binomial": "Binomial", "poisson": "Poisson", "normal": "Normal"][p.lik]!
        var extra = ""
        if let t = p.trials { extra = ", n=\(Int(t))" }
        if p.sigma != nil { extra = ", sigma=sigma" }
        let ip = Interpreter()
        let vars: [String: Value] = ["x": BuiltinHarness.vector(p.data), "a": .number(p.prior.params[0]), "b": .number(p.prior.params[1]), "sigma": .number(p.sigma ?? 1)]
        _ = try BuiltinHarness.eval("u = posterior(\(p.prior.family)(a, b), \(family), x\(extra))", vars, in: ip)
        let post = Distribution.Family(rawValue: p.prior.family)!.parameters.map(\.keyword)
        let got = try post.map { BuiltinHarness.numbers(try ip.evaluate("u.posterior.\($0)"))[0] }
        #expect(close(got, p.posterior), "posterior \(p.prior.family)–\(family)")
        #expect(close(BuiltinHarness.numbers(try ip.evaluate("[u.map, u.mle, u.mean]")), [p.map, p.mle, p.mean]))
        let map = try BuiltinHarness.eval("map_estimate(\(p.prior.family)(a, b), \(family), x\(extra))", vars)
        #expect(close(BuiltinHarness.numbers(map), [p.map]))
    }
}

@Test func mleByNelderMeadFindsTheClosedFormEstimates() throws {
    let file = try ProbFixtures.load("estimation.json", as: Estimation.self)
    // Normal (two parameters, from a poor start) and Exponential (one, a number θ).
    for f in file.fits where f.family == "Normal" || f.family == "Exponential" {
        let code = f.family == "Normal"
            ? "mle(t -> -loglik(Normal(t[1], t[2]), x), [0, 1])"
            : "mle(λ -> -loglik(Exponential(λ), x), 1)"
        let ip = Interpreter()
        _ = try BuiltinHarness.eval("r = \(code)", ["x": BuiltinHarness.vector(f.data)], in: ip)
        #expect(BuiltinHarness.numbers(try ip.evaluate("r.converged")) == [1])
        #expect(close(BuiltinHarness.numbers(try ip.evaluate("r.x")), f.params, rel: 1e-7), "mle \(f.family)")
        #expect(close(BuiltinHarness.numbers(try ip.evaluate("-r.value")), [f.loglik], rel: 1e-12), "max loglik \(f.family)")
    }
}

@Test func nelderMeadMinimisesRosenbrock() throws {
    // (1 − x)² + 100(y − x²)² has its minimum 0 at (1, 1).
    let r = try NelderMead().minimize({ v in (1 - v[0]) * (1 - v[0]) + 100 * (v[1] - v[0] * v[0]) * (v[1] - v[0] * v[0]) }, from: [-1.2, 1])
    #expect(r.converged)
    #expect(abs(r.x[0] - 1) < 1e-8 && abs(r.x[1] - 1) < 1e-8)
}

@Test func testResultsPrintAReportAndHaveFields() {
    let r = runMML("r = ttest([1, 2, 3, 4, 5], 2)\nprint(r.df, r.rejected)\nprint(r.p > 0.2)\n")
    #expect(r.stdout.hasPrefix("4 false\ntrue\n"))
    let z = runMML("z = ztest([1, 2, 3], 2, sigma=1)\nz.df")
    #expect(z.diagnostics.first?.message.contains("has no field `df`") == true)
    let e = runMML("ttest([1, 2, 3], 2)", echo: true)
    #expect(e.stdout.contains("H0: the population mean equals 2 (μ = 2)"))
    #expect(e.stdout.contains("do not reject H0"))
}
