// Descriptive statistics of a data vector: centre, spread, quantiles (type 7), shape.
//
// Conventions (documented for learners):
//   var/std: sample (n − 1) by default; corrected: false divides by n.
//   quantile: R's and NumPy's default, type 7 (linear interpolation between order statistics).
//   skewness/kurtosis: SciPy's default estimators (bias=True): g1 = m3/m2^1.5 and excess
//   g2 = m4/m2² − 3 with central moments m_k = mean((x − x̄)^k); bias: false gives the
//   adjusted G1/G2 (SciPy's bias=False, Excel's SKEW/KURT).
//   mode: the most frequent value; ties go to the smallest (as scipy.stats.mode).
//   zscore: (x − x̄)/s with the sample s (n − 1), as R's scale(); corrected: false uses n.
import Glibc

/// Statistics on data vectors and matrix columns. Every function checks its data and throws a
/// `ProbabilityError` naming the problem (empty data, NaN, too few values).
public enum Stats {
    static func check(_ x: [Double], _ what: String, atLeast need: Int = 1) throws {
        if x.isEmpty { throw ProbabilityError.emptyData(what) }
        if x.count < need { throw ProbabilityError.tooFew(what, need: need, got: x.count) }
        if containsNaN(x) { throw ProbabilityError.nanInData(what) }
    }

    /// A branch-free count (v != v only for NaN) that the compiler vectorises; a key-path
    /// closure or a short-circuit `||` here costs several times more on 10⁷ values.
    static func containsNaN(_ x: [Double]) -> Bool {
        x.withUnsafeBufferPointer { b in
            var count = 0
            for v in b { count &+= (v != v) ? 1 : 0 }
            return count > 0
        }
    }

    /// Σx/n, summed pairwise in blocks (as NumPy does) so long vectors keep their accuracy.
    public static func mean(_ x: [Double]) throws -> Double {
        try check(x, "mean")
        return sum(x) / Double(x.count)
    }

    /// Pairwise summation: error grows like log n rather than n.
    static func sum(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { b in b.baseAddress.map { pairwiseSum($0, b.count) } ?? 0 }
    }

    /// NumPy's scheme: blocks of ≤ 128 summed with 8 accumulators, blocks combined pairwise.
    private static func pairwiseSum(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        if n < 8 {
            var s = 0.0
            for i in 0..<n { s += p[i] }
            return s
        }
        if n <= 128 {
            var r0 = p[0], r1 = p[1], r2 = p[2], r3 = p[3], r4 = p[4], r5 = p[5], r6 = p[6], r7 = p[7]
            var i = 8
            while i + 8 <= n {
                r0 += p[i]; r1 += p[i + 1]; r2 += p[i + 2]; r3 += p[i + 3]
                r4 += p[i + 4]; r5 += p[i + 5]; r6 += p[i + 6]; r7 += p[i + 7]
                i += 8
            }
            var s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n { s += p[i]; i += 1 }
            return s
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(p, half) + pairwiseSum(p + half, n - half)
    }

    /// The middle value of the sorted data (the mean of the two middle ones for even n).
    public static func median(_ x: [Double]) throws -> Double {
        try check(x, "median")
        return quantileType7(sorted: try InterruptibleSort.sorted(x, by: <), 0.5)
    }

    /// The most frequent value (the smallest one when several are equally frequent).
    public static func mode(_ x: [Double]) throws -> Double {
        try check(x, "mode")
        let table = try counts(x)
        var best = table.values[0], bestCount = table.counts[0]
        for (v, c) in zip(table.values, table.counts) where c > bestCount {
            best = v; bestCount = c
        }
        return best
    }

    /// The variance: Σ(x − x̄)²/(n − 1), or /n with `corrected: false`.
    /// NumPy's algorithm (two passes, both summed pairwise), so var and std agree with
    /// `np.var`/`np.std` to the last bit and keep their accuracy on long vectors.
    /// `what` names the statistic in errors (std goes through here too).
    public static func variance(_ x: [Double], corrected: Bool = true, what: String = "var") throws -> Double {
        try check(x, what, atLeast: corrected ? 2 : 1)
        return uncheckedVariance(x, corrected: corrected)
    }

    /// `variance` of data already known to be NaN-free and long enough.
    static func uncheckedVariance(_ x: [Double], corrected: Bool) -> Double {
        let m = sum(x) / Double(x.count)
        let ss = x.withUnsafeBufferPointer { b in b.baseAddress.map { pairwiseSquares($0, b.count, about: m) } ?? 0 }
        return ss / Double(corrected ? x.count - 1 : x.count)
    }

    /// Σ(p[i] − m)², summed in exactly the blocks and order of `pairwiseSum`.
    private static func pairwiseSquares(_ p: UnsafePointer<Double>, _ n: Int, about m: Double) -> Double {
        @inline(__always) func sq(_ i: Int) -> Double { let d = p[i] - m; return d * d }
        if n < 8 {
            var s = 0.0
            for i in 0..<n { s += sq(i) }
            return s
        }
        if n <= 128 {
            var r0 = sq(0), r1 = sq(1), r2 = sq(2), r3 = sq(3), r4 = sq(4), r5 = sq(5), r6 = sq(6), r7 = sq(7)
            var i = 8
            while i + 8 <= n {
                r0 += sq(i); r1 += sq(i + 1); r2 += sq(i + 2); r3 += sq(i + 3)
                r4 += sq(i + 4); r5 += sq(i + 5); r6 += sq(i + 6); r7 += sq(i + 7)
                i += 8
            }
            var s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n { s += sq(i); i += 1 }
            return s
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSquares(p, half, about: m) + pairwiseSquares(p + half, n - half, about: m)
    }

    /// The standard deviation, √var (sample by default).
    public static func std(_ x: [Double], corrected: Bool = true) throws -> Double {
        try variance(x, corrected: corrected, what: "std").squareRoot()
    }

    /// The type-7 quantile at probability p (R's and NumPy's default).
    public static func quantile(_ x: [Double], _ p: Double) throws -> Double {
        try check(x, "quantile")
        guard p >= 0 && p <= 1 else {
            throw ProbabilityError("quantile needs a probability between 0 and 1, but got \(NumberFormat.short(p))",
                                   hint: "the 90th percentile is quantile(x, 0.9)")
        }
        return quantileType7(sorted: try InterruptibleSort.sorted(x, by: <), p)
    }

    /// Type-7 quantiles at several probabilities (sorting once).
    public static func quantile(_ x: [Double], _ ps: [Double], what: String = "quantile") throws -> [Double] {
        try check(x, what)
        let sorted = try InterruptibleSort.sorted(x, by: <)
        return try ps.map { p in
            guard p >= 0 && p <= 1 else {
                throw ProbabilityError("quantile needs probabilities between 0 and 1, but got \(NumberFormat.short(p))")
            }
            return quantileType7(sorted: sorted, p)
        }
    }

    /// The interquartile range Q3 − Q1 (type 7).
    public static func iqr(_ x: [Double]) throws -> Double {
        let q = try quantile(x, [0.25, 0.75], what: "iqr")
        return q[1] - q[0]
    }

    /// Standardised values (x − x̄)/s.
    public static func zscore(_ x: [Double], corrected: Bool = true) throws -> [Double] {
        let m = try mean(x)
        let s = try std(x, corrected: corrected)
        guard s > 0 else {
            throw ProbabilityError("zscore: all values are equal (standard deviation 0), so z-scores are undefined")
        }
        return x.map { ($0 - m) / s }
    }

    /// Central moments m2, m3, m4 (divided by n). The mean is only representable to half an ulp
    /// (1e-10 at 1e6), and for a nearly symmetric sample that error dominates m3; so moments are
    /// taken about the rounded mean and shifted by the exactly computed offset δ = mean(x − m).
    static func centralMoments(_ x: [Double]) -> (Double, Double, Double) {
        let n = Double(x.count)
        let m = sum(x) / n
        var s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0
        for v in x {
            let d = v - m, d2 = d * d
            s1 += d; s2 += d2; s3 += d2 * d; s4 += d2 * d2
        }
        let delta = s1 / n, r2 = s2 / n, r3 = s3 / n, r4 = s4 / n
        let d2 = delta * delta
        let m2 = r2 - d2
        let m3 = r3 - 3 * delta * r2 + 2 * d2 * delta
        let m4 = r4 - 4 * delta * r3 + 6 * d2 * r2 - 3 * d2 * d2
        return (m2, m3, m4)
    }

    /// Skewness g1 = m3/m2^1.5 (SciPy's default); `bias: false` gives the adjusted G1.
    public static func skewness(_ x: [Double], bias: Bool = true) throws -> Double {
        try check(x, "skewness", atLeast: bias ? 2 : 3)
        let (m2, m3, _) = centralMoments(x)
        guard m2 > 0 else { throw ProbabilityError("skewness: all values are equal, so the skewness is undefined") }
        let g1 = m3 / (m2 * m2.squareRoot())
        if bias { return g1 }
        let n = Double(x.count)
        return g1 * (n * (n - 1)).squareRoot() / (n - 2)
    }

    /// Excess kurtosis g2 = m4/m2² − 3 (SciPy's default, 0 for a normal); `bias: false` gives G2.
    public static func kurtosis(_ x: [Double], bias: Bool = true) throws -> Double {
        try check(x, "kurtosis", atLeast: bias ? 2 : 4)
        let (m2, _, m4) = centralMoments(x)
        guard m2 > 0 else { throw ProbabilityError("kurtosis: all values are equal, so the kurtosis is undefined") }
        let g2 = m4 / (m2 * m2) - 3
        if bias { return g2 }
        let n = Double(x.count)
        return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
    }
}
