// Normal Q–Q plot data: sorted sample against normal quantiles at R's plotting positions.

/// The points and reference line of a normal Q–Q plot.
public struct QQPlotData: Sendable, Equatable {
    /// Normal quantiles at the plotting positions (x axis).
    public var theoretical: [Double]
    /// The data, sorted (y axis).
    public var sample: [Double]
    /// The line through the first and third quartile pairs (R's qqline): y = intercept + slope·x.
    public var slope: Double
    public var intercept: Double

    /// Q–Q data for `data` (NaN left out). Plotting positions are R's `ppoints`:
    /// (i − a)/(n + 1 − 2a) with a = 3/8 for n ≤ 10, else 1/2. `inverseNormal` is the
    /// standard normal quantile function (the probability engine supplies it).
    public static func compute(_ data: [Double], inverseNormal: (Double) throws -> Double) throws -> QQPlotData {
        let sample = sortedFinite(data)
        guard sample.count >= 2 else { throw PlotError("qqplot needs at least two numbers") }
        let n = Double(sample.count)
        let a = sample.count <= 10 ? 3.0 / 8.0 : 0.5
        let theoretical = try (1...sample.count).map { try inverseNormal((Double($0) - a) / (n + 1 - 2 * a)) }
        let y1 = quantileType7(sorted: sample, 0.25), y3 = quantileType7(sorted: sample, 0.75)
        let x1 = try inverseNormal(0.25), x3 = try inverseNormal(0.75)
        let slope = (y3 - y1) / (x3 - x1)
        return QQPlotData(theoretical: theoretical, sample: sample, slope: slope, intercept: y1 - slope * x1)
    }

    /// A figure with the points as a scatter and the quartile line across them.
    public func figure(title: String? = "Normal Q–Q plot") throws -> Figure {
        let lo = theoretical.first ?? -1, hi = theoretical.last ?? 1
        let line = try LineSeries(xs: [lo, hi], ys: [intercept + slope * lo, intercept + slope * hi], label: "quartile line")
        return Figure(title: title, xlabel: "theoretical quantiles", ylabel: "sample quantiles",
                      layers: [.scatter(try ScatterSeries(xs: theoretical, ys: sample, label: "data")), .line(line)])
    }
}
