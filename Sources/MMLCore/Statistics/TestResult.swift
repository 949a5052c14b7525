// The result of a hypothesis test, with a short plain-language report; and the alternative kinds.

/// Which alternative hypothesis a test weighs against H0.
public enum Alternative: String, Sendable, CaseIterable {
    case twoSided = "two-sided", less, greater

    /// Parses "two-sided" (also "two.sided", "two_sided"), "less" or "greater".
    public init(parsing s: String) throws {
        switch s.lowercased() {
        case "two-sided", "two.sided", "two_sided", "twosided": self = .twoSided
        case "less": self = .less
        case "greater": self = .greater
        default:
            throw ProbabilityError("alternative must be \"two-sided\", \"less\" or \"greater\", but it is \"\(s)\"")
        }
    }

    /// The relation symbol of H1, e.g. "≠".
    var symbol: String {
        switch self {
        case .twoSided: "≠"
        case .less: "<"
        case .greater: ">"
        }
    }

    /// The relation in words, e.g. "is different from".
    var words: String {
        switch self {
        case .twoSided: "differs from"
        case .less: "is less than"
        case .greater: "is greater than"
        }
    }
}

/// A closed interval [lower, upper] (either end may be infinite for one-sided intervals).
public struct Interval: Sendable, Equatable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double
    public init(_ lower: Double, _ upper: Double) { self.lower = lower; self.upper = upper }
    public var description: String { "[\(NumberFormat.short(lower)), \(NumberFormat.short(upper))]" }
}

/// A hypothesis test: what was tested, the statistic, degrees of freedom, p-value, a confidence
/// interval and the decision at α. Fields map to `r.statistic`, `r.df`, `r.p`, `r.ci`.
public struct TestResult: Sendable, CustomStringConvertible {
    /// E.g. "Welch two-sample t-test".
    public let title: String
    /// H0 in words, e.g. "the mean of x equals 0 (μ = 0)".
    public let nullHypothesis: String
    /// H1 in words.
    public let alternativeHypothesis: String
    public let alternative: Alternative
    /// The statistic's symbol: "t", "z" or "X²".
    public let statisticName: String
    public let statistic: Double
    /// Degrees of freedom (nil for z-tests).
    public let df: Double?
    public let p: Double
    /// What the interval estimates, e.g. "mean of x − mean of y" (nil when there is no interval).
    public let estimateName: String?
    /// The point estimate (e.g. the sample mean or difference).
    public let estimate: Double?
    /// The confidence interval at `level` (nil for chi-squared tests).
    public let ci: Interval?
    public let level: Double
    public let alpha: Double

    /// True when p < α: the data are unlikely under H0.
    public var rejected: Bool { p < alpha }

    /// One line: the decision at α.
    public var decision: String {
        let a = NumberFormat.short(alpha)
        return rejected
            ? "p = \(NumberFormat.pValue(p)) < α = \(a): reject H0 — the data are evidence that \(alternativeHypothesis)."
            : "p = \(NumberFormat.pValue(p)) ≥ α = \(a): do not reject H0 — the data are consistent with H0: \(nullHypothesis)."
    }

    /// The short plain-language report.
    public var report: String {
        var lines = [title,
                     "  H0: \(nullHypothesis)",
                     "  H1: \(alternativeHypothesis)"]
        var stat = "  \(statisticName) = \(NumberFormat.short(statistic, digits: 5))"
        if let df { stat += ", df = \(NumberFormat.short(df, digits: 5))" }
        stat += ", p-value = \(NumberFormat.pValue(p))"
        lines.append(stat)
        if let estimate, let estimateName {
            lines.append("  estimate: \(estimateName) = \(NumberFormat.short(estimate))")
        }
        if let ci {
            lines.append("  \(NumberFormat.short(level * 100))% confidence interval: \(ci)")
        }
        lines.append("  " + decision)
        return lines.joined(separator: "\n")
    }

    public var description: String { report }
}

/// Checks shared by the tests: level and α in (0, 1).
func checkLevelAndAlpha(_ level: Double, _ alpha: Double) throws {
    guard level > 0 && level < 1 else { throw ProbabilityError.badLevel("level", level) }
    guard alpha > 0 && alpha < 1 else { throw ProbabilityError.badLevel("alpha", alpha) }
}

/// The p-value of a statistic with the given tail functions (cdf and upper tail at the statistic).
func pValue(_ alternative: Alternative, lowerTail: Double, upperTail: Double) -> Double {
    switch alternative {
    case .less: return lowerTail
    case .greater: return upperTail
    case .twoSided: return min(1, 2 * min(lowerTail, upperTail))
    }
}

/// estimate ± quantile·se, one-sided when the alternative is.
func interval(_ estimate: Double, se: Double, level: Double, alternative: Alternative, quantile: (Double) -> Double) -> Interval {
    switch alternative {
    case .twoSided:
        let q = quantile((1 + level) / 2)
        return Interval(estimate - q * se, estimate + q * se)
    case .less:
        return Interval(-.infinity, estimate + quantile(level) * se)
    case .greater:
        return Interval(estimate - quantile(level) * se, .infinity)
    }
}
