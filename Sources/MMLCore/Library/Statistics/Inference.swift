// Confidence intervals and hypothesis tests: confint, ttest, ztest, prop_test, chisq_test,
// sample_size. Tests return a value that prints as a short plain-language report and has
// fields p, statistic, df, ci, estimate, …

/// A hypothesis test's result as an MML value.
public final class TestResultValue: MMLObject {
    public let result: TestResult
    public init(_ result: TestResult) { self.result = result }

    public var typeName: String { "test result" }

    public func display(_ options: DisplayOptions) -> String { result.report }

    /// The fields of a test's result: df only for t and chi-squared tests, ci and estimate
    /// only for tests with an interval. Each test builtin declares its own choice.
    static func fields(df: Bool, ci: Bool, estimate: Bool) -> [ResultField] {
        var fields = [ResultField("statistic", "the test statistic (t, z or X²)"), ResultField("p", "the p-value")]
        if df { fields.append(ResultField("df", "the degrees of freedom")) }
        if ci { fields.append(ResultField("ci", "the confidence interval [lo, hi] at level")) }
        if estimate { fields.append(ResultField("estimate", "the point estimate (a mean, a difference, a proportion)")) }
        return fields + [
            ResultField("level", "the confidence level of ci"),
            ResultField("alpha", "the significance level α of the decision"),
            ResultField("rejected", "true when p < α: H0 is rejected"),
            ResultField("alternative", "\"two-sided\", \"less\" or \"greater\""),
            ResultField("h0", "the null hypothesis in words"),
            ResultField("h1", "the alternative hypothesis in words"),
            ResultField("title", "the test's name, e.g. \"Welch two-sample t-test\""),
        ]
    }

    public var fieldNames: [String] {
        Self.fields(df: result.df != nil, ci: result.ci != nil, estimate: result.estimate != nil).map(\.name)
    }

    public func field(_ name: String) -> Value? {
        switch name {
        case "statistic": return .number(result.statistic)
        case "p", "pvalue", "p_value": return .number(result.p)
        case "df": return result.df.map(Value.number)
        case "ci": return result.ci.map { .matrix(Matrix(column: [$0.lower, $0.upper])) }
        case "estimate": return result.estimate.map(Value.number)
        case "level": return .number(result.level)
        case "alpha": return .number(result.alpha)
        case "rejected": return .bool(result.rejected)
        case "alternative": return .string(result.alternative.rawValue)
        case "h0": return .string(result.nullHypothesis)
        case "h1": return .string(result.alternativeHypothesis)
        case "title": return .string(result.title)
        default: return nil
        }
    }
}

/// A sample-size plan as an MML value: fields n (per group), total, exact.
public final class SampleSizeValue: MMLObject {
    public let plan: SampleSizePlan
    public init(_ plan: SampleSizePlan) { self.plan = plan }
    public var typeName: String { "sample size" }
    public func display(_ options: DisplayOptions) -> String { plan.description }
    static let fields: [ResultField] = [
        ResultField("n", "subjects needed in each group (rounded up)"),
        ResultField("total", "subjects needed in both groups together"),
        ResultField("exact", "n before rounding up"),
    ]
    public var fieldNames: [String] { Self.fields.map(\.name) }
    public func field(_ name: String) -> Value? {
        switch name {
        case "n": return .number(Double(plan.perGroup))
        case "total": return .number(Double(plan.perGroup) * 2)
        case "exact": return .number(plan.exact)
        default: return nil
        }
    }
}

extension Builtins {
    static let inference: [Builtin] = [
        Builtin("confint", [.req("x"), .opt("level", "0.95"), .key("sigma", "none")], area: .statistics,
                summary: "Confidence interval [lo, hi] for the mean of data",
                help: "confint(x, level) is the t interval x̄ ± t·s/√n with n − 1 degrees of freedom, as [lo, hi]; level is 0.95 unless given. With sigma= (a known population standard deviation) it is the z interval x̄ ± z·σ/√n. Unpack it with lo, hi = confint(x).",
                examples: [BuiltinExample("confint([4.1, 5.2, 6.3, 5.0, 4.4], 0.95)", "[3.94276, 6.05724]")],
                body: .general { args in
            let sigma = args.has("sigma") ? try args.number("sigma") : nil
            let ci = try Stats.confint(try args.data("x"), level: try args.number("level", default: 0.95), sigma: sigma)
            return .matrix(Matrix(column: [ci.lower, ci.upper]))
        }),
        Builtin("ttest", [.req("x"), .opt("y", "none"), .key("mu", "0"), .key("paired", "false"), .key("equal_var", "false"),
                          .key("alternative", "\"two-sided\""), .key("level", "0.95"), .key("alpha", "0.05")], area: .statistics,
                summary: "Student's t-test: one sample, two samples (Welch) or paired",
                help: "ttest(x, μ0) tests whether the mean of x is μ0 (also ttest(x, mu=μ0)); ttest(x, y) compares two means with Welch's test (unequal variances); equal_var=true pools the variances (Student's test); paired=true tests the differences x − y. alternative=\"less\" or \"greater\" makes it one-sided (H1: mean < or > μ0). The result prints a short report — hypotheses, t, df, p-value, the confidence interval at level, and the decision at α.",
                examples: [BuiltinExample("ttest([5.1, 4.9, 5.6, 5.8, 6.0, 5.4], 5).p", "0.04102919855187953")],
                result: .fields(TestResultValue.fields(df: true, ci: true, estimate: true)),
                body: .general { args in
            let x = try args.data("x")
            let alternative = try parseAlternative(args)
            let level = try args.number("level", default: 0.95), alpha = try args.number("alpha", default: 0.05)
            var mu = try args.number("mu", default: 0)
            if let y = args.optional("y") {
                if case .number(let m) = y {
                    if args.has("mu") { throw args.error("ttest: μ0 is given twice, as the second argument and as mu=", at: "mu") }
                    mu = m
                } else {
                    let yData = try args.data("y")
                    let paired = try args.bool("paired", default: false), equalVar = try args.bool("equal_var", default: false)
                    if paired && equalVar { throw args.error("ttest: equal_var applies to two independent samples, not to paired=true", at: "equal_var") }
                    return .object(TestResultValue(try Stats.ttest(x, yData, mu: mu, equalVar: equalVar, paired: paired,
                                                                   alternative: alternative, level: level, alpha: alpha)))
                }
            }
            for key in ["paired", "equal_var"] where args.has(key) {
                throw args.error("ttest: \(key)= needs a second sample y", at: key, hint: "ttest(x, y, \(key)=true)")
            }
            return .object(TestResultValue(try Stats.ttest(x, mu: mu, alternative: alternative, level: level, alpha: alpha)))
        }),
        Builtin("ztest", [.req("x"), .opt("y", "none"), .key("mu", "0"), .key("sigma", "required"),
                          .key("alternative", "\"two-sided\""), .key("level", "0.95"), .key("alpha", "0.05")], area: .statistics,
                summary: "z-test for a mean (or two) when the population σ is known",
                help: "ztest(x, μ0, sigma=σ) tests whether the mean of x is μ0 when the population standard deviation σ is known. ztest(x, y, sigma=[σx, σy]) compares two means (one σ for both is allowed). alternative=\"less\" or \"greater\" makes it one-sided. For proportions use prop_test.",
                examples: [BuiltinExample("ztest([5.1, 4.9, 5.6, 5.8, 6.0, 5.4], 5, sigma=0.5).statistic", "2.2861904265976287")],
                result: .fields(TestResultValue.fields(df: false, ci: true, estimate: true)),
                body: .general { args in
            guard args.has("sigma") else {
                throw args.error("ztest needs the known population standard deviation, sigma=…", hint: "when σ is unknown, use ttest")
            }
            let x = try args.data("x")
            let alternative = try parseAlternative(args)
            let level = try args.number("level", default: 0.95), alpha = try args.number("alpha", default: 0.05)
            var mu = try args.number("mu", default: 0)
            let sigma = try args.data("sigma")
            if let y = args.optional("y") {
                if case .number(let m) = y {
                    if args.has("mu") { throw args.error("ztest: μ0 is given twice, as the second argument and as mu=", at: "mu") }
                    mu = m
                } else {
                    guard sigma.count == 1 || sigma.count == 2 else { throw args.error("ztest(x, y): sigma must be one σ for both samples or [σx, σy]", at: "sigma") }
                    return .object(TestResultValue(try Stats.ztest(x, try args.data("y"), mu: mu, sigmaX: sigma[0], sigmaY: sigma[sigma.count - 1],
                                                                   alternative: alternative, level: level, alpha: alpha)))
                }
            }
            guard sigma.count == 1 else { throw args.error("ztest(x): sigma must be one number, the population standard deviation", at: "sigma") }
            return .object(TestResultValue(try Stats.ztest(x, mu: mu, sigma: sigma[0], alternative: alternative, level: level, alpha: alpha)))
        }),
        Builtin("prop_test", [.req("successes"), .req("trials"), .key("p0", "0.5"), .key("alternative", "\"two-sided\""),
                              .key("level", "0.95"), .key("alpha", "0.05")], area: .statistics,
                summary: "z-test for one proportion, or for the difference of two (an A/B test)",
                help: "prop_test(k, n) tests whether a proportion is p0 (0.5 unless given) from k successes in n trials. prop_test([k1, k2], [n1, n2]) compares two proportions with the pooled two-proportion z-test — the classic A/B test. The interval is the Wald interval (for two groups, unpooled). R's prop.test reports X² = z² with a continuity correction instead; this is the textbook z-test.",
                examples: [BuiltinExample("prop_test([30, 18], [250, 260]).p", "0.049656445815885526")],
                result: .fields(TestResultValue.fields(df: false, ci: true, estimate: true)),
                body: .general { args in
            let alternative = try parseAlternative(args)
            let level = try args.number("level", default: 0.95), alpha = try args.number("alpha", default: 0.05)
            let k = try args.data("successes"), n = try args.data("trials")
            if k.count == 1 && n.count == 1 {
                return .object(TestResultValue(try Stats.propTest(successes: k[0], trials: n[0], p0: try args.number("p0", default: 0.5),
                                                                  alternative: alternative, level: level, alpha: alpha)))
            }
            if args.has("p0") { throw args.error("prop_test: p0 applies to one proportion; two proportions are tested for equality", at: "p0") }
            return .object(TestResultValue(try Stats.propTest(successes: k, trials: n, alternative: alternative, level: level, alpha: alpha)))
        }),
        Builtin("chisq_test", [.req("observed"), .opt("p", "uniform"), .key("correction", "true"), .key("alpha", "0.05")], area: .statistics,
                summary: "Pearson's chi-squared test: goodness of fit, or independence in a table",
                help: "chisq_test(counts) tests whether the observed counts fit the probabilities p (equal probabilities unless given): chisq_test([50, 30, 15, 5], [0.4, 0.3, 0.2, 0.1]). chisq_test(table) with a matrix of counts (at least 2×2) tests whether rows and columns are independent; a 2×2 table gets Yates' continuity correction unless correction=false (as R and SciPy).",
                examples: [BuiltinExample("chisq_test([50, 30, 15, 5], [0.4, 0.3, 0.2, 0.1]).statistic", "6.25")],
                result: .fields(TestResultValue.fields(df: true, ci: false, estimate: false)),
                body: .general { args in
            let alpha = try args.number("alpha", default: 0.05)
            let observed = try args.matrix("observed")
            if observed.isVector || observed.isRow {
                if args.has("correction") { throw args.error("chisq_test: correction= applies to a 2×2 table, not to a goodness-of-fit test", at: "correction") }
                let p = args.has("p") ? try args.data("p") : nil
                return .object(TestResultValue(try Stats.chisqTest(observed: observed.data, p: p, alpha: alpha)))
            }
            if args.has("p") { throw args.error("chisq_test: p= applies to a vector of counts (goodness of fit), not to a table", at: "p") }
            return .object(TestResultValue(try Stats.chisqTest(table: observed, correction: try args.bool("correction", default: true), alpha: alpha)))
        }),
        Builtin("sample_size", [.req("p1"), .req("p2"), .key("power", "0.8"), .key("alpha", "0.05"), .key("alternative", "\"two-sided\"")], area: .statistics,
                summary: "Subjects per group needed to detect p1 vs p2 with a two-proportion z-test",
                help: "sample_size(p1, p2) is how many subjects each group of an A/B test needs so that a two-proportion z-test at level α detects the difference between conversion rates p1 and p2 with the given power (the chance of detecting it when it is real). Classical formula without continuity correction.",
                examples: [BuiltinExample("sample_size(0.10, 0.12).n", "3841")],
                result: .fields(SampleSizeValue.fields),
                body: .general { args in
            .object(SampleSizeValue(try Stats.sampleSizeTwoProportions(
                p1: try args.number("p1"), p2: try args.number("p2"), power: try args.number("power", default: 0.8),
                alpha: try args.number("alpha", default: 0.05), alternative: try parseAlternative(args))))
        }),
    ]

    /// The `alternative=` argument, "two-sided" unless given.
    private static func parseAlternative(_ args: Arguments) throws -> Alternative {
        let text = try args.string("alternative", default: "two-sided")
        return try args.blaming("alternative") { try Alternative(parsing: text) }
    }
}
