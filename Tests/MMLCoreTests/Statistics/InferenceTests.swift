// Tests and intervals against SciPy (inference.json): t, z, proportions, chi-squared, sample size.
import Testing
@testable import MMLCore

private struct InferenceCase: Decodable {
    let kind: String
    let x, y: [Double]?
    let mu, sigma, p0, level: Double?
    let alt: String?
    let s, n: [Double]?
    let obs, probs: [Double]?
    let table: [[Double]]?
    let correction: Bool?
    let statistic, p: FixtureNumber?
    let df: Double?
    let ci: [FixtureNumber]?
    let p1, p2, power, alpha, exact: Double?
    let n_: Int?
    enum CodingKeys: String, CodingKey {
        case kind, x, y, mu, sigma, p0, level, alt, s, obs, probs, table, correction, statistic, p, df, ci
        case p1, p2, power, alpha, exact
        case n
    }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(String.self, forKey: .kind)
        x = try c.decodeIfPresent([Double].self, forKey: .x); y = try c.decodeIfPresent([Double].self, forKey: .y)
        mu = try c.decodeIfPresent(Double.self, forKey: .mu); sigma = try c.decodeIfPresent(Double.self, forKey: .sigma)
        p0 = try c.decodeIfPresent(Double.self, forKey: .p0); level = try c.decodeIfPresent(Double.self, forKey: .level)
        alt = try c.decodeIfPresent(String.self, forKey: .alt); s = try c.decodeIfPresent([Double].self, forKey: .s)
        obs = try c.decodeIfPresent([Double].self, forKey: .obs); probs = try c.decodeIfPresent([Double].self, forKey: .probs)
        table = try c.decodeIfPresent([[Double]].self, forKey: .table); correction = try c.decodeIfPresent(Bool.self, forKey: .correction)
        statistic = try c.decodeIfPresent(FixtureNumber.self, forKey: .statistic); p = try c.decodeIfPresent(FixtureNumber.self, forKey: .p)
        df = try c.decodeIfPresent(Double.self, forKey: .df); ci = try c.decodeIfPresent([FixtureNumber].self, forKey: .ci)
        p1 = try c.decodeIfPresent(Double.self, forKey: .p1); p2 = try c.decodeIfPresent(Double.self, forKey: .p2)
        power = try c.decodeIfPresent(Double.self, forKey: .power); alpha = try c.decodeIfPresent(Double.self, forKey: .alpha)
        exact = try c.decodeIfPresent(Double.self, forKey: .exact)
        // "n" is a list of trials for proportions and an integer for sample sizes.
        if let list = try? c.decodeIfPresent([Double].self, forKey: .n) { n = list; n_ = nil } else {
            n = nil; n_ = try c.decodeIfPresent(Int.self, forKey: .n)
        }
    }
}

private struct InferenceFile: Decodable { let cases: [InferenceCase] }

private func check(_ r: TestResult, _ c: InferenceCase, _ label: String) {
    if let st = c.statistic { #expect(ProbFixtures.close(r.statistic, st.value), "\(label) statistic \(r.statistic) vs \(st.value)") }
    if let p = c.p { #expect(ProbFixtures.close(r.p, p.value), "\(label) p \(r.p) vs \(p.value)") }
    if let df = c.df { #expect(ProbFixtures.close(r.df ?? .nan, df), "\(label) df \(String(describing: r.df)) vs \(df)") } else { #expect(r.df == nil) }
    if let ci = c.ci {
        #expect(ProbFixtures.close(r.ci?.lower ?? .nan, ci[0].value), "\(label) ci lower \(String(describing: r.ci)) vs \(ci[0].value)")
        #expect(ProbFixtures.close(r.ci?.upper ?? .nan, ci[1].value), "\(label) ci upper \(String(describing: r.ci)) vs \(ci[1].value)")
    }
}

@Test func testsAndIntervalsAgreeWithSciPy() throws {
    let file = try ProbFixtures.load("inference.json", as: InferenceFile.self)
    #expect(file.cases.count > 50)
    for c in file.cases {
        let alt = try c.alt.map(Alternative.init(parsing:)) ?? .twoSided
        let level = c.level ?? 0.95
        let label = "\(c.kind) \(alt.rawValue) \(level)"
        switch c.kind {
        case "t1": check(try Stats.ttest(c.x!, mu: c.mu!, alternative: alt, level: level), c, label)
        case "welch": check(try Stats.ttest(c.x!, c.y!, alternative: alt, level: level), c, label)
        case "t2pooled": check(try Stats.ttest(c.x!, c.y!, equalVar: true, alternative: alt, level: level), c, label)
        case "paired": check(try Stats.ttest(c.x!, c.y!, paired: true, alternative: alt, level: level), c, label)
        case "z1": check(try Stats.ztest(c.x!, mu: c.mu!, sigma: c.sigma!, alternative: alt, level: level), c, label)
        case "prop1": check(try Stats.propTest(successes: c.s![0], trials: c.n![0], p0: c.p0!, alternative: alt), c, label)
        case "prop2": check(try Stats.propTest(successes: c.s!, trials: c.n!, alternative: alt), c, label)
        case "gof": check(try Stats.chisqTest(observed: c.obs!, p: c.probs), c, label)
        case "table": check(try Stats.chisqTest(table: Matrix(rowArrays: c.table!), correction: c.correction!), c, "\(label) \(c.table!)")
        case "confint", "confint_z":
            let ci = try Stats.confint(c.x!, level: level, sigma: c.sigma)
            #expect(ProbFixtures.close(ci.lower, c.ci![0].value) && ProbFixtures.close(ci.upper, c.ci![1].value), "\(label) \(ci)")
        case "samplesize":
            let plan = try Stats.sampleSizeTwoProportions(p1: c.p1!, p2: c.p2!, power: c.power!, alpha: c.alpha!, alternative: alt)
            #expect(ProbFixtures.close(plan.exact, c.exact!), "\(label) \(plan.exact) vs \(c.exact!)")
            #expect(plan.perGroup == c.n_!)
        default: Issue.record("unknown case \(c.kind)")
        }
    }
}

@Test func reportStatesHypothesesStatisticAndDecision() throws {
    let r = try Stats.ttest([5.1, 4.9, 5.6, 5.8, 6.0, 5.4], mu: 5)
    let text = r.report
    #expect(text.hasPrefix("One-sample t-test"))
    #expect(text.contains("H0: the population mean equals 5 (μ = 5)"))
    #expect(text.contains("H1: the population mean differs from 5 (μ ≠ 5)"))
    #expect(text.contains("df = 5"))
    #expect(text.contains("95% confidence interval: ["))
    #expect(text.contains(r.rejected ? "reject H0" : "do not reject H0"))
    let strong = try Stats.propTest(successes: [120, 180], trials: [1000, 1000])
    #expect(strong.rejected)
    #expect(strong.decision.contains("reject H0"))
    #expect(strong.report.contains("z = "))
}

@Test func inferenceErrorsAreClear() {
    #expect(throws: ProbabilityError.self) { try Alternative(parsing: "bigger") }
    #expect(throws: ProbabilityError.self) { try Stats.ttest([1]) }
    #expect(throws: ProbabilityError.self) { try Stats.ttest([1, 2, 3], [1, 2], paired: true) }
    #expect(throws: ProbabilityError.self) { try Stats.confint([1, 2, 3], level: 95) }
    #expect(throws: ProbabilityError.self) { try Stats.propTest(successes: 11, trials: 10) }
    #expect(throws: ProbabilityError.self) { try Stats.chisqTest(observed: [1, 2], p: [0.5, 0.6]) }
    #expect(throws: ProbabilityError.self) { try Stats.chisqTest(table: Matrix(rowArrays: [[1, 2]])) }
    #expect(throws: ProbabilityError.self) { try Stats.sampleSizeTwoProportions(p1: 0.2, p2: 0.2) }
}
