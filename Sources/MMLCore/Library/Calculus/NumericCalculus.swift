// Numeric derivatives (central differences refined by Richardson extrapolation, Ridders' method)
// and numeric limits (values approaching the point, extrapolated to it).
import Foundation

/// An estimate with its estimated absolute error.
struct NumericEstimate {
    var value: Double
    var error: Double
}

enum NumericCalculus {
    /// The highest derivative order `nderiv` computes.
    static let maximumOrder = 4

    /// The `order`-th derivative of `f` at `x`: central differences of shrinking step
    /// h, h/1.4, h/1.4², … combined in a Richardson (Neville) tableau, keeping the entry with
    /// the smallest error estimate (Ridders' method).
    static func derivative(_ f: (Double) throws -> Double, at x: Double, order: Int = 1) throws -> NumericEstimate {
        let scale = max(1, abs(x))
        var h = (order == 1 ? 0.1 : 0.2 * Double(order)) * scale
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
    private static func central(_ f: (Double) throws -> Double, _ x: Double, _ h: Double, _ k: Int) throws -> Double {
        var sum = 0.0
        var binomial = 1.0
        for i in 0...k {
            let sign = i % 2 == 0 ? 1.0 : -1.0
            sum += sign * binomial * (try f(x + (Double(k) / 2 - Double(i)) * h))
            binomial = binomial * Double(k - i) / Double(i + 1)
        }
        return sum / pow(h, Double(k))
    }

    /// The limit of f(x) as x approaches `a` from one side (`direction` +1: from above,
    /// −1: from below), or as x → ±∞ when `a` is infinite. Values at a ± h, h halving, are
    /// extrapolated to h = 0 by polynomial (Neville) extrapolation.
    static func oneSidedLimit(_ f: (Double) throws -> Double, at a: Double, direction: Double) throws -> NumericEstimate {
        // Near infinity, x = 1/t with t → 0⁺ turns the limit into one at 0.
        func g(_ h: Double) throws -> Double {
            if a.isInfinite { return try f(a > 0 ? 1 / h : -1 / h) }
            return try f(a + direction * h)
        }
        var h = a.isInfinite ? 1e-2 : 1e-2 * max(1, abs(a))
        let count = 14
        var hs: [Double] = [], values: [Double] = []
        for _ in 0..<count {
            let v = try g(h)
            if v.isFinite {
                hs.append(h)
                values.append(v)
            }
            h /= 2
        }
        guard values.count >= 3 else { return NumericEstimate(value: values.last ?? .nan, error: .infinity) }
        // Growing without bound: the magnitude keeps doubling (or faster) as h halves.
        let n = values.count
        let ratios = (n - 4..<n - 1).filter { $0 >= 0 }.map { abs(values[$0 + 1]) / max(abs(values[$0]), .leastNormalMagnitude) }
        if abs(values[n - 1]) > 1e6, ratios.allSatisfy({ $0 > 1.5 }), values[(n - 4)...].allSatisfy({ $0.sign == values[n - 1].sign }) {
            return NumericEstimate(value: values[n - 1] > 0 ? .infinity : -.infinity, error: 0)
        }
        // Neville extrapolation to h = 0 on windows of the sequence; keep the steadiest estimate.
        var best = NumericEstimate(value: values[n - 1], error: abs(values[n - 1] - values[n - 2]))
        for start in 0..<(n - 1) {
            var p = Array(values[start...])
            let xs = Array(hs[start...])
            var previous = p[0]
            for level in 1..<min(p.count, 6) {
                for i in 0..<(p.count - level) {
                    p[i] = (xs[i + level] * p[i] - xs[i] * p[i + 1]) / (xs[i + level] - xs[i])
                }
                let err = abs(p[0] - previous)
                if err < best.error { best = NumericEstimate(value: p[0], error: err) }
                previous = p[0]
            }
        }
        return best
    }

    /// A limit value with noise below its error estimate rounded away: an estimate within its
    /// own error of a whole number (or of 0) is that number.
    static func tidy(_ e: NumericEstimate) -> Double {
        let r = e.value.rounded()
        if e.value.isFinite, abs(e.value - r) <= max(e.error, 1e-12 * max(1, abs(r))), abs(e.value - r) < 1e-8 * max(1, abs(r)) { return r }
        return e.value
    }
}
