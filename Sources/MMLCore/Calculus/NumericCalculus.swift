// Numeric limits (values approaching the point, extrapolated to it); numeric derivatives live
// in the engine (Calculus/FiniteDifferences+Adaptive.swift).
import Glibc

enum NumericCalculus {
    /// The limit of f(x) as x approaches `a` from one side (`direction` +1: from above,
    /// −1: from below), or as x → ±∞ when `a` is infinite (then x = ±1/t with t → 0⁺).
    /// Values at steps h, h/2, h/4, … are extrapolated to h = 0 in a Richardson tableau
    /// (f(a + h) = L + c₁h + c₂h² + …), keeping the entry with the smallest error estimate
    /// and stopping when roundoff makes higher orders worse. A value that keeps growing in
    /// magnitude without settling is ±∞.
    static func oneSidedLimit(_ f: (Double) throws -> Double, at a: Double, direction: Double) throws -> NumericEstimate {
        func g(_ h: Double) throws -> Double {
            if a.isInfinite { return try f(a > 0 ? 1 / h : -1 / h) }
            return try f(a + direction * h)
        }
        var h = a.isInfinite ? 0.1 : 0.1 * max(1, abs(a))
        let size = 24
        var raw: [Double] = []
        var table: [[Double]] = []
        var best = NumericEstimate(value: .nan, error: .infinity)
        var settled = false
        for k in 0..<size {
            let v = try g(h)
            h /= 2
            raw.append(v)
            guard v.isFinite else { table.append([]); continue }
            var row = [v]
            if !settled, k > 0, table[k - 1].count == k {
                var factor = 2.0
                for j in 1...k {
                    let r = (factor * row[j - 1] - table[k - 1][j - 1]) / (factor - 1)
                    row.append(r)
                    factor *= 2
                    let err = max(abs(r - row[j - 1]), abs(r - table[k - 1][j - 1]))
                    if err <= best.error { best = NumericEstimate(value: r, error: err) }
                }
                // Higher orders stopped improving: roundoff has taken over.
                if k >= 3, abs(row[k] - table[k - 1][k - 1]) >= 2 * best.error { settled = true }
            } else if !settled, k > 0 {
                // A gap (a value that was not finite) restarts the tableau here.
                row = [v]
            }
            table.append(settled ? [] : row)
            if best.error.isInfinite, v.isFinite { best = NumericEstimate(value: v, error: .infinity) }
        }
        // Unbounded: the last values share a sign and grow steadily in magnitude.
        let tail = raw.suffix(8)
        if tail.count == 8, tail.allSatisfy({ $0.isFinite || $0.isInfinite }), let last = tail.last, !last.isNaN,
           tail.allSatisfy({ $0.sign == last.sign && $0 != 0 }),
           zip(tail, tail.dropFirst()).allSatisfy({ abs($1) > abs($0) * 1.01 }),
           best.error > 1e-6 * max(1, abs(best.value)) || abs(last) > 1e12 {
            return NumericEstimate(value: last > 0 ? .infinity : -.infinity, error: 0)
        }
        // The values must approach the estimate as h shrinks (sin(1/x) at 0 does not):
        // their distance at h ≈ 2e-4…5e-5 is at most half that at h ≈ 6e-3…1.5e-3.
        let distance = raw.map { abs($0 - best.value) }
        let early = distance[4...6].max() ?? .infinity, late = distance[9...11].max() ?? .infinity
        if late <= max(1e-6 * max(1, abs(best.value)), 0.5 * early) { return best }
        // Extrapolation failed (values that oscillate while they converge, as sin(x)/x as
        // x → ∞): fall back on the values themselves, if they close in on their last one.
        let finite = raw.filter { $0.isFinite }
        guard finite.count >= 12, let last = finite.last else { return NumericEstimate(value: best.value, error: .infinity) }
        let spreadLate = finite.suffix(4).map { abs($0 - last) }.max() ?? .infinity
        let spreadEarly = finite.dropLast(8).suffix(4).map { abs($0 - last) }.max() ?? 0
        if spreadLate <= max(1e-6 * max(1, abs(last)), 0.25 * spreadEarly) {
            return NumericEstimate(value: last, error: spreadLate)
        }
        return NumericEstimate(value: best.value, error: .infinity)
    }

    /// A limit value with its extrapolation noise removed: an estimate within its own error
    /// (and within 1e-8 relative) of a whole number or a fraction with a denominator up to 12
    /// is that number, so limit(x -> (1 - cos(x))/x^2, 0) shows 0.5.
    static func tidy(_ e: NumericEstimate) -> Double {
        guard e.value.isFinite, abs(e.value) < 1e12 else { return e.value }
        let tolerance = min(max(10 * e.error, 64 * e.value.ulp), 1e-8 * max(1, abs(e.value)))
        for q in 1...12 {
            let p = (e.value * Double(q)).rounded()
            let candidate = p / Double(q)
            if abs(e.value - candidate) <= tolerance { return candidate }
        }
        return e.value
    }
}
