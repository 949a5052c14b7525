// Numeric derivatives of any order with an error estimate (Ridders' method, restarted at
// smaller steps): nderiv, numeric Taylor coefficients and plot tangents use this; the
// optimizers use the cheaper fixed-step stencils of FiniteDifferences.swift.
import Glibc

/// An estimate with its estimated absolute error.
public struct NumericEstimate: Sendable {
    public var value: Double
    public var error: Double

    public init(value: Double, error: Double) {
        self.value = value
        self.error = error
    }
}

extension FiniteDifferences {
    /// The highest derivative order `estimate` computes.
    public static let maximumOrder = 4

    /// The absolute error above which an estimate of the `order`-th derivative of size `value`
    /// is poor: 1e-8 relative for a first derivative, 100 times more per further order (each
    /// order divides the rounding error of f by one more power of a small step).
    public static func poorError(order: Int, value: Double) -> Double {
        1e-8 * Glibc.pow(100, Double(order - 1)) * max(1, abs(value))
    }

    /// The `order`-th derivative of `f` at `x`, with its estimated error.
    ///
    /// One Ridders tableau (central differences at steps h, h/1.4, h/1.4², … extrapolated to
    /// h = 0) is fooled when f varies on a scale much shorter than its first step: for
    /// sin(100x) from h = 0.1 its entries agree by chance on −0.59 (the truth is 15.4). So
    /// tableaus are restarted from steps 10, 100, … times smaller, and an estimate's error is
    /// taken as at least its distance from the next tableau's: the answer is the estimate that
    /// a second, independent tableau confirms best. Two tableaus agreeing to 1e-12 end the search.
    public static func estimate(_ f: (Double) throws -> Double, at x: Double, order: Int = 1) rethrows -> NumericEstimate {
        let scale = max(1, abs(x))
        var h = (order == 1 ? 0.1 : 0.2 * Double(order)) * scale
        var tableaus: [NumericEstimate] = []
        for _ in 0..<6 {
            tableaus.append(try ridders(f, x, h, order))
            h /= 10
            if tableaus.count >= 2 {
                let a = tableaus[tableaus.count - 2], b = tableaus[tableaus.count - 1]
                let size = max(1, abs(b.value))
                if abs(a.value - b.value) <= 1e-12 * size && max(a.error, b.error) <= 1e-12 * size { break }
            }
        }
        var best = NumericEstimate(value: tableaus[0].value, error: .infinity)
        for (k, t) in tableaus.enumerated() {
            var disagreement = Double.infinity
            if k > 0 { disagreement = min(disagreement, abs(t.value - tableaus[k - 1].value)) }
            if k + 1 < tableaus.count { disagreement = min(disagreement, abs(t.value - tableaus[k + 1].value)) }
            let error = max(t.error, disagreement.isNaN ? .infinity : disagreement)
            if error < best.error || (best.error.isInfinite && !best.value.isFinite) {
                best = NumericEstimate(value: t.value, error: error)
            }
        }
        return best
    }

    /// One Ridders tableau from step h, keeping the entry with the smallest error estimate.
    private static func ridders(_ f: (Double) throws -> Double, _ x: Double, _ h0: Double, _ order: Int) rethrows -> NumericEstimate {
        var h = h0
        // Start from a step at which the difference is defined (near the edge of a domain).
        var first = try central(f, x, h, order)
        var shrink = 0
        while !first.isFinite && shrink < 30 {
            h /= 4
            first = try central(f, x, h, order)
            shrink += 1
        }
        let factor = 1.4, factor2 = factor * factor
        let size = 12
        var table = [[Double]](repeating: [Double](repeating: .nan, count: size), count: size)
        table[0][0] = first
        var best = NumericEstimate(value: first, error: .infinity)
        for i in 1..<size {
            h /= factor
            table[0][i] = try central(f, x, h, order)
            var fac = factor2
            for j in 1...i {
                table[j][i] = (table[j - 1][i] * fac - table[j - 1][i - 1]) / (fac - 1)
                fac *= factor2
                let err = max(abs(table[j][i] - table[j - 1][i]), abs(table[j][i] - table[j - 1][i - 1]))
                if err <= best.error {
                    best = NumericEstimate(value: table[j][i], error: err)
                }
            }
            // Higher orders stopped improving: roundoff has taken over.
            if abs(table[i][i] - table[i - 1][i - 1]) >= 2 * best.error { break }
        }
        return best
    }

    /// Σᵢ (−1)ⁱ·C(k, i)·f(x + (k/2 − i)·h) / hᵏ: the k-th central difference (error even in h).
    private static func central(_ f: (Double) throws -> Double, _ x: Double, _ h: Double, _ k: Int) rethrows -> Double {
        var sum = 0.0
        var binomial = 1.0
        for i in 0...k {
            let sign = i % 2 == 0 ? 1.0 : -1.0
            sum += sign * binomial * (try f(x + (Double(k) / 2 - Double(i)) * h))
            binomial = binomial * Double(k - i) / Double(i + 1)
        }
        return sum / Glibc.pow(h, Double(k))
    }
}
