// z-tests: a mean with known σ (one or two samples) and proportions (one, or two with a pooled z).
//
// Proportions: the test statistic uses the null standard error (p0 for one sample, the pooled
// proportion for two); the confidence interval is the Wald interval with the estimated standard
// error (for two samples, unpooled). This is the textbook "two-proportion z-test"; R's
// prop.test instead reports the equivalent X² = z² with a continuity correction and a Wilson interval.

extension Stats {
    /// One-sample z-test of H0: mean = mu, with known population standard deviation sigma.
    public static func ztest(_ x: [Double], mu: Double = 0, sigma: Double, alternative: Alternative = .twoSided,
                             level: Double = 0.95, alpha: Double = 0.05) throws -> TestResult {
        try checkLevelAndAlpha(level, alpha)
        try check(x, "ztest")
        guard sigma > 0 && sigma.isFinite else { throw ProbabilityError("ztest: sigma (the known standard deviation) must be positive, but it is \(NumberFormat.short(sigma))") }
        let se = sigma / Double(x.count).squareRoot()
        let m0 = NumberFormat.short(mu)
        return zResult(title: "One-sample z-test (σ = \(NumberFormat.short(sigma)) known)", estimateName: "mean of x",
                       estimate: try mean(x), null: mu, se: se, ciSE: se,
                       h0: "the population mean equals \(m0) (μ = \(m0))",
                       h1: "the population mean \(alternative.words) \(m0) (μ \(alternative.symbol) \(m0))",
                       alternative: alternative, level: level, alpha: alpha)
    }

    /// Two-sample z-test of H0: mean(x) − mean(y) = mu with known σx and σy.
    public static func ztest(_ x: [Double], _ y: [Double], mu: Double = 0, sigmaX: Double, sigmaY: Double,
                             alternative: Alternative = .twoSided, level: Double = 0.95, alpha: Double = 0.05) throws -> TestResult {
        try checkLevelAndAlpha(level, alpha)
        try check(x, "ztest"); try check(y, "ztest")
        guard sigmaX > 0 && sigmaY > 0 && sigmaX.isFinite && sigmaY.isFinite else {
            throw ProbabilityError("ztest: the known standard deviations must be positive")
        }
        let se = (sigmaX * sigmaX / Double(x.count) + sigmaY * sigmaY / Double(y.count)).squareRoot()
        let m0 = NumberFormat.short(mu)
        return zResult(title: "Two-sample z-test (σ known)", estimateName: "mean of x − mean of y",
                       estimate: try mean(x) - mean(y), null: mu, se: se, ciSE: se,
                       h0: "the two population means differ by \(m0) (μ_x − μ_y = \(m0))",
                       h1: "the difference of the population means \(alternative.words) \(m0) (μ_x − μ_y \(alternative.symbol) \(m0))",
                       alternative: alternative, level: level, alpha: alpha)
    }

    /// One-proportion z-test of H0: p = p0, from `successes` out of `trials`.
    public static func propTest(successes: Double, trials: Double, p0: Double = 0.5, alternative: Alternative = .twoSided,
                                level: Double = 0.95, alpha: Double = 0.05) throws -> TestResult {
        try checkLevelAndAlpha(level, alpha)
        try checkCounts(successes, trials)
        guard p0 > 0 && p0 < 1 else { throw ProbabilityError.badLevel("p0", p0) }
        let phat = successes / trials
        let se0 = (p0 * (1 - p0) / trials).squareRoot()
        let seHat = (phat * (1 - phat) / trials).squareRoot()
        let q0 = NumberFormat.short(p0)
        return zResult(title: "One-proportion z-test", estimateName: "sample proportion", estimate: phat, null: p0, se: se0, ciSE: seHat,
                       h0: "the population proportion equals \(q0) (p = \(q0))",
                       h1: "the population proportion \(alternative.words) \(q0) (p \(alternative.symbol) \(q0))",
                       alternative: alternative, level: level, alpha: alpha)
    }

    /// Two-proportion z-test of H0: p1 = p2 (pooled standard error), e.g. an A/B test.
    public static func propTest(successes: [Double], trials: [Double], alternative: Alternative = .twoSided,
                                level: Double = 0.95, alpha: Double = 0.05) throws -> TestResult {
        if successes.count == 1 && trials.count == 1 {
            return try propTest(successes: successes[0], trials: trials[0], alternative: alternative, level: level, alpha: alpha)
        }
        guard successes.count == 2 && trials.count == 2 else {
            throw ProbabilityError("prop_test compares one or two proportions: give successes and trials as single numbers or as pairs, but got \(successes.count) and \(trials.count)",
                                   hint: "for more groups use chisq_test on a table of counts")
        }
        try checkLevelAndAlpha(level, alpha)
        try checkCounts(successes[0], trials[0]); try checkCounts(successes[1], trials[1])
        let (x1, x2, n1, n2) = (successes[0], successes[1], trials[0], trials[1])
        let p1 = x1 / n1, p2 = x2 / n2
        let pooled = (x1 + x2) / (n1 + n2)
        let se0 = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        guard se0 > 0 else {
            throw ProbabilityError("prop_test: every trial in both groups was a success (or every one a failure), so the proportions cannot be compared")
        }
        let seHat = (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2).squareRoot()
        return zResult(title: "Two-proportion z-test (pooled)", estimateName: "p1 − p2", estimate: p1 - p2, null: 0, se: se0, ciSE: seHat,
                       h0: "the two population proportions are equal (p1 = p2)",
                       h1: "the first proportion \(alternative.words) the second (p1 \(alternative.symbol) p2)",
                       alternative: alternative, level: level, alpha: alpha)
    }

    static func checkCounts(_ x: Double, _ n: Double) throws {
        guard n >= 1 && n == n.rounded() && n.isFinite else {
            throw ProbabilityError("the number of trials must be a whole number ≥ 1, but it is \(NumberFormat.short(n))")
        }
        guard x >= 0 && x <= n && x == x.rounded() else {
            throw ProbabilityError("the number of successes must be a whole number between 0 and the number of trials (\(NumberFormat.short(n))), but it is \(NumberFormat.short(x))")
        }
    }

    static func zResult(title: String, estimateName: String, estimate: Double, null: Double, se: Double, ciSE: Double,
                        h0: String, h1: String, alternative: Alternative, level: Double, alpha: Double) -> TestResult {
        let z = (estimate - null) / se
        let p = pValue(alternative, lowerTail: Rmath.pnorm(z, 0, 1), upperTail: Rmath.pnorm(z, 0, 1, lower: false))
        let ci = interval(estimate, se: ciSE, level: level, alternative: alternative) { Rmath.qnorm($0, 0, 1) }
        return TestResult(title: title, nullHypothesis: h0, alternativeHypothesis: h1, alternative: alternative,
                          statisticName: "z", statistic: z, df: nil, p: p, estimateName: estimateName,
                          estimate: estimate, ci: ci, level: level, alpha: alpha)
    }
}
