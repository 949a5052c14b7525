// Scalars as text: real numbers, complex numbers and booleans, in the short, long and rational styles.
//
// Conventions (the same inside matrices):
// - `nan`, `inf`, `-inf`; negative zero prints as `0`.
// - An integer-valued number with |x| ≤ 2^53 prints all its digits and no `.0` (`42`, `-7`,
//   `9007199254740992`) in every style. Beyond 2^53 not every integer is a Double, so
//   integer-valued numbers print in exponent form (`1e20`, `1.152921504606847e18`) rather than
//   with digits that suggest false precision.
// - Exponent form is `1.5e20` / `1e-5`: no `+`, no leading zeros, and it reads back as MML input.
// - long: the shortest round-trip digits; fixed notation unless |x| < 1e-4 (`0.0001`, `1e-5`).
// - short: 6 significant digits; fixed notation for 1e-4 ≤ |x| < 1e6, exponent form otherwise
//   (`1234567.8` → `1.23457e6`). A non-integer that rounds to an integer-looking value keeps
//   one `.0` (`2.0000001` → `2.0`, `999999.97` → `1.0e6`), so `2` always means exactly 2.
// - rational: `1/3`, `-5/2` when a fraction with denominator ≤ 10,000 matches to 1e-12
//   (relative, so tiny values such as 1e-300 stay as they are); otherwise short (matrix cells) or long (standalone scalars).
// - Complex: `1 + 2i`, `1 - 2i`, `0 + 1i`, `-0.5 + 0.866025i`, `nan + nani`, `1 + infi`; a
//   rational imaginary part is parenthesised: `1/2 + (1/3)i`.
import Numerics

/// Largest magnitude up to which every integer is exactly a Double (2^53).
let exactIntegerLimit: Double = 9_007_199_254_740_992

/// `x` as text in `style` (see the conventions above); `.rational` falls back to `.short`.
public func formatNumber(_ x: Double, style: FormatStyle) -> String {
    renderNumber(x, style: style, rationalFallback: .short)
}

/// A standalone scalar as the value printer shows it under the session's format `mode`.
///
/// Scalars always show the shortest round-trip decimal (`0.1 + 0.2` is `0.30000000000000004`);
/// `short`/`long` only change matrix precision. In rational mode a scalar shows as a fraction when
/// one matches, else round-trip.
public func formatScalar(_ x: Double, mode: FormatStyle) -> String {
    renderNumber(x, style: mode == .rational ? .rational : .long, rationalFallback: .long)
}

/// A standalone complex scalar under the session's format `mode` (parts round-trip, as for reals).
public func formatComplexScalar(_ z: Complex<Double>, mode: FormatStyle) -> String {
    complexText(z, style: mode == .rational ? .rational : .long, rationalFallback: .long)
}

/// `true` or `false`.
public func formatLogical(_ b: Bool) -> String { b ? "true" : "false" }

// MARK: - Internals shared with the matrix printer

/// The text every style shares: `nan`, `inf`, `-inf`, `0`, and integers up to 2^53 in full; nil otherwise.
private func exactText(_ x: Double) -> String? {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return "0" }
    if x.magnitude <= exactIntegerLimit, x.rounded(.towardZero) == x {
        return String(Int64(x))
    }
    return nil
}

/// A number that `exactText` does not cover, rounded to `significant` digits: fixed notation
/// for exponents from -4 to `significant` − 1, exponent form otherwise. With `keepsFraction`
/// a non-integer that rounds to an integer-looking value keeps one `.0`.
private func significantText(_ x: Double, significant: Int, keepsFraction: Bool) -> String {
    guard let d = DecimalDigits(x)?.rounded(toSignificant: significant) else {
        return String(describing: x)
    }
    if x.rounded(.towardZero) == x { return d.scientific() }
    let forceFraction = keepsFraction && d.looksInteger  // x is not an integer: don't let it read as one
    if d.exponent < -4 || d.exponent >= significant {
        return d.scientific(forceFraction: forceFraction)
    }
    return d.fixed(forceFraction: forceFraction)
}

/// Numbers in the plain-language text of engines — test reports, distributions, steps of
/// working, error messages — written as the short style writes them (`nan`, `inf`, `1.5e-8`),
/// except that a non-integer rounding to an integer prints as one (`95` for 95.00000000000001).
enum NumberFormat {
    /// `digits` significant digits (integers up to 2^53 in full).
    static func short(_ x: Double, digits: Int = 6) -> String {
        exactText(x) ?? significantText(x, significant: digits, keepsFraction: false)
    }

    /// A p-value, to 4 significant digits.
    static func pValue(_ p: Double) -> String {
        short(p, digits: 4)
    }
}

func renderNumber(_ x: Double, style: FormatStyle, rationalFallback: FormatStyle) -> String {
    if let text = exactText(x) { return text }
    switch style {
    case .rational:
        // Beyond 1e11 the relative tolerance (0.1 there) would swallow a visible fraction such as .5.
        if x.magnitude < 1e11, let r = Rational.approximating(x) {
            return r.description
        }
        return renderNumber(x, style: rationalFallback == .rational ? .short : rationalFallback,
                            rationalFallback: .short)
    case .long:
        guard let d = DecimalDigits(x) else { return String(describing: x) }
        // Integer-valued here means beyond 2^53 (smaller integers returned above).
        return d.exponent < -4 || x.rounded(.towardZero) == x ? d.scientific() : d.fixed()
    case .short:
        return significantText(x, significant: FormatStyle.shortSignificantDigits, keepsFraction: true)
    }
}

/// The parts of a complex number as printed: real text, the sign between, imaginary text with `i`.
func complexParts(_ z: Complex<Double>, style: FormatStyle, rationalFallback: FormatStyle)
    -> (real: String, sign: String, imaginary: String)
{
    // rawStorage, not real/imaginary: swift-numerics reports every non-finite part as nan, and a
    // learner should see `1 + infi` for complex(1, inf).
    let (x, y) = z.rawStorage
    let re = renderNumber(x, style: style, rationalFallback: rationalFallback)
    let negative = y < 0  // false for nan and for -0, which print as `+ nan`, `+ 0`
    var im = renderNumber(y.isNaN ? y : y.magnitude, style: style, rationalFallback: rationalFallback)
    if im.contains("/") { im = "(" + im + ")" }
    return (re, negative ? "-" : "+", im + "i")
}

func complexText(_ z: Complex<Double>, style: FormatStyle, rationalFallback: FormatStyle) -> String {
    let p = complexParts(z, style: style, rationalFallback: rationalFallback)
    return "\(p.real) \(p.sign) \(p.imaginary)"
}
