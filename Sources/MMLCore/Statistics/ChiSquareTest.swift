// Pearson's chi-squared tests: goodness of fit to given probabilities, and independence in a table.

extension Stats {
    /// Goodness of fit of observed counts to probabilities p (uniform when nil).
    public static func chisqTest(observed: [Double], p: [Double]? = nil, alpha: Double = 0.05) throws -> TestResult {
        try checkLevelAndAlpha(0.95, alpha)
        guard observed.count >= 2 else { throw ProbabilityError("chisq_test needs at least 2 categories, but got \(observed.count)") }
        guard observed.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw ProbabilityError("chisq_test: observed counts must be non-negative numbers") }
        let k = observed.count
        let probs = p ?? Array(repeating: 1 / Double(k), count: k)
        guard probs.count == k else {
            throw ProbabilityError("chisq_test: \(k) observed counts but \(probs.count) probabilities", hint: "give one probability per category")
        }
        guard probs.allSatisfy({ $0 > 0 }), abs(probs.reduce(0, +) - 1) < 1e-8 else {
            throw ProbabilityError("chisq_test: the probabilities must be positive and sum to 1", hint: "divide by the total: p ./ sum(p)")
        }
        let n = observed.reduce(0, +)
        guard n > 0 else { throw ProbabilityError("chisq_test: all observed counts are 0") }
        var stat = 0.0
        for i in 0..<k {
            let e = n * probs[i]
            stat += (observed[i] - e) * (observed[i] - e) / e
        }
        let df = Double(k - 1)
        let described = p == nil ? "all \(k) categories are equally likely" : "the categories follow the given probabilities"
        return TestResult(title: "Chi-squared goodness-of-fit test", nullHypothesis: described,
                          alternativeHypothesis: "the category probabilities differ from those in H0", alternative: .greater,
                          statisticName: "X²", statistic: stat, df: df, p: Rmath.pchisq(stat, df, lower: false),
                          estimateName: nil, estimate: nil, ci: nil, level: 0.95, alpha: alpha)
    }

    /// Test of independence of rows and columns of a contingency table of counts. For a 2×2 table
    /// Yates' continuity correction is applied unless `correction` is false (as R and SciPy do).
    public static func chisqTest(table: Matrix, correction: Bool = true, alpha: Double = 0.05) throws -> TestResult {
        try checkLevelAndAlpha(0.95, alpha)
        guard table.rows >= 2 && table.cols >= 2 else {
            throw ProbabilityError("chisq_test needs a table with at least 2 rows and 2 columns, but it is \(table.shapeDescription)",
                                   hint: "for one row of counts use the goodness-of-fit form chisq_test(counts)")
        }
        guard table.data.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw ProbabilityError("chisq_test: table entries must be non-negative counts") }
        let rowSums = (0..<table.rows).map { table.row($0).reduce(0, +) }
        let colSums = (0..<table.cols).map { table.column($0).reduce(0, +) }
        let total = rowSums.reduce(0, +)
        guard rowSums.allSatisfy({ $0 > 0 }) && colSums.allSatisfy({ $0 > 0 }) else {
            throw ProbabilityError("chisq_test: a row or column of the table is all zeros, so its expected counts are 0")
        }
        let df = Double((table.rows - 1) * (table.cols - 1))
        let yates = correction && df == 1
        var stat = 0.0
        for i in 0..<table.rows {
            for j in 0..<table.cols {
                let e = rowSums[i] * colSums[j] / total
                var d = abs(table[i, j] - e)
                if yates { d = max(0, d - min(0.5, d)) }
                stat += d * d / e
            }
        }
        return TestResult(title: "Chi-squared test of independence" + (yates ? " (Yates' continuity correction)" : ""),
                          nullHypothesis: "rows and columns are independent",
                          alternativeHypothesis: "rows and columns are associated", alternative: .greater,
                          statisticName: "X²", statistic: stat, df: df, p: Rmath.pchisq(stat, df, lower: false),
                          estimateName: nil, estimate: nil, ci: nil, level: 0.95, alpha: alpha)
    }
}
