// Sample size per group for a two-proportion z-test at a given power and significance level.

/// How many subjects each group needs.
public struct SampleSizePlan: Sendable, CustomStringConvertible {
    /// The unrounded solution of the formula.
    public let exact: Double
    /// Subjects per group (exact rounded up).
    public let perGroup: Int
    public let p1: Double, p2: Double, power: Double, alpha: Double
    public let alternative: Alternative

    public var description: String {
        "Sample size for a two-proportion z-test\n"
            + "  p1 = \(NumberFormat.short(p1)), p2 = \(NumberFormat.short(p2)), α = \(NumberFormat.short(alpha)) (\(alternative.rawValue)), power = \(NumberFormat.short(power))\n"
            + "  n = \(perGroup) per group (\(perGroup * 2) in total; formula gives \(NumberFormat.short(exact)))"
    }
}

extension Stats {
    /// n = (z_{1−α/2}·√(2p̄q̄) + z_{power}·√(p1q1 + p2q2))² / (p1 − p2)² per group, p̄ = (p1 + p2)/2
    /// (the classical formula without continuity correction; α is not halved for one-sided tests).
    public static func sampleSizeTwoProportions(p1: Double, p2: Double, power: Double = 0.8, alpha: Double = 0.05,
                                                alternative: Alternative = .twoSided) throws -> SampleSizePlan {
        guard p1 > 0 && p1 < 1 else { throw ProbabilityError.badLevel("p1", p1) }
        guard p2 > 0 && p2 < 1 else { throw ProbabilityError.badLevel("p2", p2) }
        guard p1 != p2 else { throw ProbabilityError("sample size: p1 and p2 are equal, so no sample size can detect a difference") }
        guard power > 0 && power < 1 else { throw ProbabilityError.badLevel("power", power) }
        guard alpha > 0 && alpha < 1 else { throw ProbabilityError.badLevel("alpha", alpha) }
        let za = Rmath.qnorm(alternative == .twoSided ? alpha / 2 : alpha, 0, 1, lower: false)
        let zb = Rmath.qnorm(power, 0, 1)
        let pbar = (p1 + p2) / 2
        let a = za * (2 * pbar * (1 - pbar)).squareRoot() + zb * (p1 * (1 - p1) + p2 * (1 - p2)).squareRoot()
        let n = a * a / ((p1 - p2) * (p1 - p2))
        let rounded = n.rounded(.up)
        guard rounded < 1e15 else { throw ProbabilityError("sample size: the difference is too small to detect with any realistic sample") }
        return SampleSizePlan(exact: n, perGroup: Int(rounded), p1: p1, p2: p2, power: power, alpha: alpha, alternative: alternative)
    }
}
