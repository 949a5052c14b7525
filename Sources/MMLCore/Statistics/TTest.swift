// Confidence intervals for a mean and t-tests: one-sample, two-sample (Welch or pooled), paired.

extension Stats {
    /// A confidence interval for the mean: t-based, or z-based when σ is known.
    public static func confint(_ x: [Double], level: Double = 0.95, sigma: Double? = nil) throws -> Interval {
        try checkLevelAndAlpha(level, 0.05)
        if let sigma {
            try check(x, "confint")
            guard sigma > 0 && sigma.isFinite else { throw ProbabilityError("confint: sigma (the known standard deviation) must be positive, but it is \(NumberFormat.short(sigma))") }
            let se = sigma / Double(x.count).squareRoot()
            return interval(try mean(x), se: se, level: level, alternative: .twoSided) { Rmath.qnorm($0, 0, 1) }
        }
        try check(x, "confint", atLeast: 2)
        let n = Double(x.count)
        let se = try std(x) / n.squareRoot()
        return interval(try mean(x), se: se, level: level, alternative: .twoSided) { Rmath.qt($0, n - 1) }
    }

    /// One-sample t-test of H0: mean = mu.
    public static func ttest(_ x: [Double], mu: Double = 0, alternative: Alternative = .twoSided,
                             level: Double = 0.95, alpha: Double = 0.05) throws -> TestResult {
        try checkLevelAndAlpha(level, alpha)
        try check(x, "ttest", atLeast: 2)
        let n = Double(x.count)
        let m = try mean(x), se = try std(x) / n.squareRoot()
        guard se > 0 else { throw ProbabilityError("ttest: all values are equal, so the standard error is 0 and t is undefined") }
        return tResult(title: "One-sample t-test", estimateName: "mean of x", estimate: m, null: mu, se: se, df: n - 1,
                       h0: "the population mean equals \(NumberFormat.short(mu)) (μ = \(NumberFormat.short(mu)))",
                       h1: "the population mean \(alternative.words) \(NumberFormat.short(mu)) (μ \(alternative.symbol) \(NumberFormat.short(mu)))",
                       alternative: alternative, level: level, alpha: alpha)
    }

    /// Two-sample t-test of H0: mean(x) − mean(y) = mu. Welch's by default; `equalVar` pools the
    /// variances; `paired` tests the differences x − y.
    public static func ttest(_ x: [Double], _ y: [Double], mu: Double = 0, equalVar: Bool = false, paired: Bool = false,
                             alternative: Alternative = .twoSided, level: Double = 0.95, alpha: Double = 0.05) throws -> TestResult {
        try checkLevelAndAlpha(level, alpha)
        let m0 = NumberFormat.short(mu)
        if paired {
            guard x.count == y.count else {
                throw ProbabilityError("a paired t-test needs x and y of the same length (one pair per subject), but they have \(x.count) and \(y.count) values")
            }
            try check(x, "ttest", atLeast: 2); try check(y, "ttest", atLeast: 2)
            let d = zip(x, y).map { $0 - $1 }
            let n = Double(d.count)
            let se = try std(d) / n.squareRoot()
            guard se > 0 else { throw ProbabilityError("ttest: all differences are equal, so the standard error is 0 and t is undefined") }
            return tResult(title: "Paired t-test", estimateName: "mean of the differences x − y", estimate: try mean(d), null: mu, se: se, df: n - 1,
                           h0: "the mean difference equals \(m0) (μ_d = \(m0))",
                           h1: "the mean difference \(alternative.words) \(m0) (μ_d \(alternative.symbol) \(m0))",
                           alternative: alternative, level: level, alpha: alpha)
        }
        try check(x, "ttest", atLeast: 2); try check(y, "ttest", atLeast: 2)
        let n1 = Double(x.count), n2 = Double(y.count)
        let v1 = try variance(x), v2 = try variance(y)
        let diff = try mean(x) - mean(y)
        let se: Double, df: Double
        if equalVar {
            let sp2 = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
            se = (sp2 * (1 / n1 + 1 / n2)).squareRoot()
            df = n1 + n2 - 2
        } else {
            let a = v1 / n1, b = v2 / n2
            se = (a + b).squareRoot()
            df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1))
        }
        guard se > 0 else { throw ProbabilityError("ttest: both samples are constant, so the standard error is 0 and t is undefined") }
        return tResult(title: equalVar ? "Two-sample t-test (pooled variance)" : "Welch two-sample t-test",
                       estimateName: "mean of x − mean of y", estimate: diff, null: mu, se: se, df: df,
                       h0: "the two population means differ by \(m0) (μ_x − μ_y = \(m0))",
                       h1: "the difference of the population means \(alternative.words) \(m0) (μ_x − μ_y \(alternative.symbol) \(m0))",
                       alternative: alternative, level: level, alpha: alpha)
    }

    static func tResult(title: String, estimateName: String, estimate: Double, null: Double, se: Double, df: Double,
                        h0: String, h1: String, alternative: Alternative, level: Double, alpha: Double) -> TestResult {
        let t = (estimate - null) / se
        let p = pValue(alternative, lowerTail: Rmath.pt(t, df), upperTail: Rmath.pt(t, df, lower: false))
        let ci = interval(estimate, se: se, level: level, alternative: alternative) { Rmath.qt($0, df) }
        return TestResult(title: title, nullHypothesis: h0, alternativeHypothesis: h1, alternative: alternative,
                          statisticName: "t", statistic: t, df: df, p: p, estimateName: estimateName,
                          estimate: estimate, ci: ci, level: level, alpha: alpha)
    }
}
