// Histogram binning: bin edges by a rule (NumPy's "auto" by default) and counts per bin.
import Glibc

/// How `Histogram.compute` chooses bins.
public enum HistogramBins: Sendable, Equatable {
    /// NumPy's "auto": the narrower of the Sturges and Freedman–Diaconis widths (Sturges
    /// alone when the IQR is 0). Sturges suits small normal-looking samples, Freedman–
    /// Diaconis resists outliers and large samples; the narrower one shows more detail.
    case auto
    /// Sturges: width = range / (log₂ n + 1).
    case sturges
    /// Freedman–Diaconis: width = 2·IQR·n^(−1/3) (Sturges when the IQR is 0).
    case freedmanDiaconis
    /// This many equal bins over the data range.
    case count(Int)
    /// These edges (increasing); values outside them are not counted.
    case edges([Double])
}

/// Binning of data into histograms, following numpy.histogram.
public enum Histogram {
    /// The most bins a rule may choose (explicit counts may not exceed it either).
    public static let maximumBins = 10_000

    /// Bins `data` (NaN and infinite values are left out). Equal-width bins span
    /// [min, max] (±0.5 when all values are equal); every bin is half-open [a, b) except
    /// the last, which includes its right edge. With `density`, heights are
    /// count / (total · width), so the bars' area is 1.
    public static func compute(_ data: [Double], bins: HistogramBins = .auto, density: Bool = false,
                               label: String? = nil) throws -> HistogramSeries {
        let values = data.filter(\.isFinite)
        let edges = try binEdges(values, bins: bins)
        var counts = [Int](repeating: 0, count: edges.count - 1)
        if case .edges = bins {
            for v in values {
                if let k = binIndex(of: v, edges: edges) { counts[k] += 1 }
            }
        } else {
            countEqualBins(values, edges: edges, into: &counts)
        }
        var heights = counts.map(Double.init)
        if density {
            let total = Double(counts.reduce(0, +))
            for k in heights.indices {
                heights[k] = total > 0 ? heights[k] / (total * (edges[k + 1] - edges[k])) : 0
            }
        }
        return try HistogramSeries(edges: edges, heights: heights, counts: counts, density: density, label: label)
    }

    /// The bin edges `bins` gives for finite `values`.
    public static func binEdges(_ values: [Double], bins: HistogramBins) throws -> [Double] {
        if case .edges(let edges) = bins {
            guard edges.count >= 2, edges.allSatisfy(\.isFinite),
                  zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw PlotError("histogram bin edges must be at least two finite, strictly increasing numbers")
            }
            return edges
        }
        guard let lo = values.min(), let hi = values.max() else {
            throw PlotError("hist needs at least one finite number", hint: "the data is empty or all NaN")
        }
        var first = lo, last = hi
        if first == last {
            first -= 0.5
            last += 0.5
        }
        let n: Int
        switch bins {
        case .count(let k):
            guard k >= 1 && k <= maximumBins else {
                throw PlotError("bins=\(k) is not a usable number of bins", hint: "use a count from 1 to \(maximumBins)")
            }
            n = k
        default:
            let width = ruleWidth(values, bins: bins, range: hi - lo)
            n = width > 0 ? min(maximumBins, Int(((last - first) / width).rounded(.up))) : 1
        }
        // As numpy.linspace: k·step + first, with the last edge exactly `last`.
        let step = (last - first) / Double(n)
        return (0...n).map { k in k == n ? last : Double(k) * step + first }
    }

    /// The bin width a rule picks (0 means one bin).
    static func ruleWidth(_ values: [Double], bins: HistogramBins, range: Double) -> Double {
        let n = Double(values.count)
        let sturges = range / (log2(n) + 1)
        let sorted = values.sorted()
        let iqr = quantileType7(sorted: sorted, 0.75) - quantileType7(sorted: sorted, 0.25)
        let fd = 2 * iqr * pow(n, -1.0 / 3.0)
        switch bins {
        case .sturges: return sturges
        case .freedmanDiaconis: return fd > 0 ? fd : sturges
        default: return fd > 0 ? min(fd, sturges) : sturges
        }
    }

    /// numpy's fast path for equal bins: compute the index, then correct it against the
    /// actual edges so floating-point rounding never puts a value in the wrong bin.
    private static func countEqualBins(_ values: [Double], edges: [Double], into counts: inout [Int]) {
        let n = counts.count
        let first = edges[0], last = edges[n]
        let norm = Double(n) / (last - first)
        for v in values where v >= first && v <= last {
            var k = Int(((v - first) * norm).rounded(.down))
            k = min(max(k, 0), n - 1)
            if v < edges[k] { k -= 1 }
            if k < n - 1 && v >= edges[k + 1] { k += 1 }
            counts[min(max(k, 0), n - 1)] += 1
        }
    }

    /// The bin holding `v` (right-open bins, the last closed), or nil outside the edges.
    static func binIndex(of v: Double, edges: [Double]) -> Int? {
        guard let first = edges.first, let last = edges.last, v >= first, v <= last else { return nil }
        if v == last { return edges.count - 2 }
        var lo = 0, hi = edges.count - 1   // edges[lo] <= v < edges[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if edges[mid] <= v { lo = mid } else { hi = mid }
        }
        return lo
    }
}
