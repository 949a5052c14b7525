// Small exact fractions behind `format("rat")`: continued fractions with a bounded denominator.

/// The fraction `numerator/denominator` (lowest terms, denominator ≥ 1) closest to `x` among the
/// continued-fraction convergents with denominator ≤ `maxDenominator`, if one lies within
/// `relativeTolerance · |x|` of `x`; nil otherwise (and for nan, inf, |x| ≥ 1e11).
///
/// The tolerance absorbs rounding: `1.0/3` and the `0.30000000000000004` of `0.1 + 0.2` still
/// show as `1/3` and `3/10`, while a generic Double such as `sqrt(2)` matches no small fraction
/// (its convergents miss by more than 1e-9). The tolerance is relative only, so a tiny residue
/// such as 1e-17 is not passed off as `0`; zero itself is `0/1`.
public func rationalApproximation(_ x: Double, maxDenominator: Int = 10_000,
                                  relativeTolerance: Double = 1e-12) -> (numerator: Int, denominator: Int)? {
    // Beyond 1e11 numerators (up to 1e15) would stop being exact in Double arithmetic.
    guard x.isFinite, x.magnitude < 1e11, maxDenominator >= 1 else { return nil }
    if x == 0 { return (0, 1) }
    let tolerance = relativeTolerance * x.magnitude
    // Convergents h/k from h₋₁/k₋₁ = 1/0 and h₋₂/k₋₂ = 0/1; every h, k stays below 1e15.
    var (h1, k1) = (1.0, 0.0), (h2, k2) = (0.0, 1.0)
    var r = x
    for _ in 0..<64 {
        let a = r.rounded(.down)
        let h = a * h1 + h2, k = a * k1 + k2
        if k > Double(maxDenominator) { return nil }
        if (x - h / k).magnitude <= tolerance {
            return (Int(h), Int(k))
        }
        let fraction = r - a
        if fraction == 0 || fraction.magnitude < 1e-300 { return nil }
        r = 1 / fraction
        if !r.isFinite || r > 1e15 { return nil }
        (h2, k2) = (h1, k1)
        (h1, k1) = (h, k)
    }
    return nil
}
