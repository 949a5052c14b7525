// Box-plot statistics: quartiles (type 7), Tukey whiskers at 1.5 IQR, and the outliers beyond.

/// The five-number summary a box plot draws, plus its outliers.
public struct BoxStats: Sendable, Equatable {
    /// The category label under the box.
    public var label: String
    public var q1: Double
    public var median: Double
    public var q3: Double
    /// The smallest data value ≥ q1 − 1.5·IQR.
    public var lowerWhisker: Double
    /// The largest data value ≤ q3 + 1.5·IQR.
    public var upperWhisker: Double
    /// Values beyond the whiskers, ascending.
    public var outliers: [Double]
    /// Number of values summarised (NaN left out).
    public var count: Int

    /// Summarises `data` (NaN left out); quartiles are type 7, as in R's default and NumPy.
    public static func compute(_ data: [Double], label: String = "") throws -> BoxStats {
        let x = sortedFinite(data)
        guard !x.isEmpty else { throw PlotError("boxplot needs at least one number in '\(label)'") }
        let q1 = quantileType7(sorted: x, 0.25), med = quantileType7(sorted: x, 0.5), q3 = quantileType7(sorted: x, 0.75)
        let reach = 1.5 * (q3 - q1)
        let lowFence = q1 - reach, highFence = q3 + reach
        let inside = x.filter { $0 >= lowFence && $0 <= highFence }
        return BoxStats(label: label, q1: q1, median: med, q3: q3,
                        lowerWhisker: inside.first ?? q1, upperWhisker: inside.last ?? q3,
                        outliers: x.filter { $0 < lowFence || $0 > highFence }, count: x.count)
    }
}
