// Tests of the continued-fraction search behind format("rat") and exact steps, against
// fractions built exactly.
import Testing
@testable import MMLCore

@Suite("Display: rational approximation")
struct DisplayRationalTests {
    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }

    static func fraction(_ x: Double, maxDenominator: Int = 10_000, tolerance: Double = 1e-12) -> Rational? {
        Rational.approximating(x, maxDenominator: maxDenominator, tolerance: tolerance)
    }

    static func exact(_ p: Int, _ q: Int) -> Rational { Rational(numerator: p, denominator: q) }

    @Test func recoversEveryFractionWithSmallDenominator() {
        for q in 1...60 {
            for p in -130...130 where Self.gcd(p, q) == 1 {
                let r = Self.fraction(Double(p) / Double(q))
                #expect(r == Self.exact(p, q), "\(p)/\(q) gave \(String(describing: r))")
            }
        }
    }

    @Test func recoversLargeDenominatorsUpToTheBound() {
        #expect(Self.fraction(1234.0 / 9973) == Self.exact(1234, 9973))
        #expect(Self.fraction(-7.0 / 10_000) == Self.exact(-7, 10_000))
        #expect(Self.fraction(1.0 / 10_001) == nil)
        #expect(Self.fraction(1.0 / 10_001, maxDenominator: 20_000) == Self.exact(1, 10_001))
    }

    @Test func rejectsIrrationalsAndNonFinite() {
        #expect(Self.fraction(2.0.squareRoot()) == nil)
        #expect(Self.fraction(Double.pi) == nil)
        #expect(Self.fraction(Double.pi, maxDenominator: 113, tolerance: 1e-6) == Self.exact(355, 113))
        #expect(Self.fraction(.nan) == nil)
        #expect(Self.fraction(.infinity) == nil)
        #expect(Self.fraction(1e-17) == nil)
        #expect(Self.fraction(0) == Self.exact(0, 1))
    }

    @Test func formatKeepsFractionalPartsOfLargeNumbers() {
        #expect(formatScalar(1e12 + 0.5, mode: .rational) == "1000000000000.5")
        #expect(formatScalar(1e10 + 0.5, mode: .rational) == "20000000001/2")
    }

    @Test func absorbsRoundingError() {
        #expect(Self.fraction(0.1 + 0.2) == Self.exact(3, 10))
        #expect(Self.fraction(1.0 / 3 + 1.0 / 3 + 1.0 / 3 - 2.0 / 3) == Self.exact(1, 3))
        #expect(Self.fraction((1.0 / 7).nextUp.nextUp) == Self.exact(1, 7))
    }
}
