// Sample quantiles (Hyndman & Fan type 7, the default of R and NumPy) and the summaries built on
// them, shared by quantile, describe (vectors and tables), group summaries and plots.

/// The type-7 quantile of already sorted, NaN-free data: linear interpolation between the
/// order statistics at position `p·(n−1)`. NaN for empty data.
func quantileType7(sorted x: [Double], _ p: Double) -> Double {
    guard !x.isEmpty, p.isFinite else { return .nan }
    let h = min(max(p, 0), 1) * Double(x.count - 1)
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, x.count - 1)
    let frac = h - Double(lo)
    // x[lo] + frac·(x[hi] − x[lo]) is exact at frac = 0 and keeps ties exact.
    return frac == 0 ? x[lo] : x[lo] + frac * (x[hi] - x[lo])
}

/// The NaN-free values of `x`, sorted ascending.
func sortedFinite(_ x: [Double]) -> [Double] {
    x.filter { !$0.isNaN }.sorted()
}

/// Mean and sample standard deviation (n − 1) of NaN-free data, as `mean` and `std` compute
/// them; NaN where undefined.
func meanAndSampleStd(_ x: [Double]) -> (mean: Double, std: Double) {
    guard !x.isEmpty else { return (.nan, .nan) }
    let mean = Stats.sum(x) / Double(x.count)
    guard x.count > 1 else { return (mean, .nan) }
    return (mean, Stats.uncheckedVariance(x, corrected: true).squareRoot())
}

extension DataSummary {
    /// The summary of NaN-free values in any order; with none, count 0 and NaN elsewhere.
    init(values x: [Double]) throws {
        let sorted = try InterruptibleSort.sorted(x, by: <)
        let (mean, std) = meanAndSampleStd(x)
        self.init(count: x.count, mean: mean, std: std, min: sorted.first ?? .nan,
                  q1: quantileType7(sorted: sorted, 0.25), median: quantileType7(sorted: sorted, 0.5),
                  q3: quantileType7(sorted: sorted, 0.75), max: sorted.last ?? .nan)
    }
}
