// Small exact fractions for display: recovers 1/3 from 0.333…33 by continued fractions.

/// A fraction `numerator / denominator` in lowest terms with a positive denominator.
public struct Rational: Sendable, Equatable, CustomStringConvertible {
    public var numerator: Int
    public var denominator: Int

    /// A fraction as given (callers keep it in lowest terms with a positive denominator).
    public init(numerator: Int, denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// "1/3", "-5/2", or "4" when the denominator is 1.
    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// The small fraction `x` is (within rounding), or nil when there is none (and for nan, inf).
    ///
    /// Walks the continued-fraction convergents of |x| and keeps the first p/q with
    /// q ≤ `maxDenominator` and |x − p/q| ≤ `tolerance`·|x|. The default tolerance (1e-12)
    /// accepts the rounding error of a few arithmetic steps (`1.0/3`, the `0.30000000000000004`
    /// of `0.1 + 0.2`) but not a typed decimal such as 0.333333 or a generic Double such as
    /// `sqrt(2)`. The bound is relative only, so a tiny value such as 1e-17 is not passed off
    /// as `0` (zero itself is `0`).
    public static func approximating(_ x: Double, maxDenominator: Int = 10_000,
                                     tolerance: Double = 1e-12) -> Rational? {
        guard x.isFinite, maxDenominator >= 1 else { return nil }
        let limit = Double(1 << 52)  // numerators stay exact in a Double and fit an Int
        let ax = abs(x)
        guard ax < limit else { return nil }
        let tol = tolerance * ax
        let sign = x < 0 ? -1 : 1
        // Convergents h/k from the recurrence h(n) = a(n)·h(n−1) + h(n−2).
        var (h0, h1) = (0, 1)
        var (k0, k1) = (1, 0)
        var rest = ax
        for _ in 0..<64 {
            let a = rest.rounded(.down)
            guard a < limit else { return nil }
            let ai = Int(a)
            let (ah, o1) = ai.multipliedReportingOverflow(by: h1)
            let (ak, o2) = ai.multipliedReportingOverflow(by: k1)
            guard !o1, !o2 else { return nil }
            let (h, o3) = ah.addingReportingOverflow(h0)
            let (k, o4) = ak.addingReportingOverflow(k0)
            guard !o3, !o4, k <= maxDenominator else { return nil }
            (h0, h1, k0, k1) = (h1, h, k1, k)
            if abs(ax - Double(h) / Double(k)) <= tol {
                return Rational(numerator: h == 0 ? 0 : sign * h, denominator: k)
            }
            let frac = rest - a
            guard frac > 0 else { return nil }
            rest = 1 / frac
        }
        return nil
    }
}
