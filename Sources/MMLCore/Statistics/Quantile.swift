// Sample quantiles (Hyndman & Fan type 7, the default of R and NumPy), shared by describe and boxplots.

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

/// Mean and sample standard deviation (n − 1) of NaN-free data; NaN where undefined.
func meanAndSampleStd(_ x: [Double]) -> (mean: Double, std: Double) {
    guard !x.isEmpty else { return (.nan, .nan) }
    let mean = x.reduce(0, +) / Double(x.count)
    guard x.count > 1 else { return (mean, .nan) }
    // Two-pass formula: the sum of squared deviations does not cancel catastrophically.
    let ss = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, (ss / Double(x.count - 1)).squareRoot())
}
