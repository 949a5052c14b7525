// Tests of the continued-fraction search behind format("rat"), against fractions built exactly.
import Testing
@testable import MMLCore

@Suite("Display: rational approximation")
struct DisplayRationalTests {
    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }

    @Test func recoversEveryFractionWithSmallDenominator() {
        for q in 1...60 {
            for p in -130...130 where Self.gcd(p, q) == 1 {
                let r = rationalApproximation(Double(p) / Double(q))
                #expect(r?.numerator == p && r?.denominator == q, "\(p)/\(q) gave \(String(describing: r))")
            }
        }
    }

    @Test func recoversLargeDenominatorsUpToTheBound() {
        #expect(rationalApproximation(1234.0 / 9973)! == (1234, 9973))
        #expect(rationalApproximation(-7.0 / 10_000)! == (-7, 10_000))
        #expect(rationalApproximation(1.0 / 10_001) == nil)
        #expect(rationalApproximation(1.0 / 10_001, maxDenominator: 20_000)! == (1, 10_001))
    }

    @Test func rejectsIrrationalsAndNonFinite() {
        #expect(rationalApproximation(2.0.squareRoot()) == nil)
        #expect(rationalApproximation(Double.pi) == nil)
        #expect(rationalApproximation(Double.pi, maxDenominator: 113, relativeTolerance: 1e-6)! == (355, 113))
        #expect(rationalApproximation(.nan) == nil)
        #expect(rationalApproximation(.infinity) == nil)
        #expect(rationalApproximation(1e12 + 0.5) == nil)
        #expect(rationalApproximation(1e-17) == nil)
        #expect(rationalApproximation(0)! == (0, 1))
    }

    @Test func absorbsRoundingError() {
        #expect(rationalApproximation(0.1 + 0.2)! == (3, 10))
        #expect(rationalApproximation(1.0 / 3 + 1.0 / 3 + 1.0 / 3 - 2.0 / 3)! == (1, 3))
        #expect(rationalApproximation((1.0 / 7).nextUp.nextUp)! == (1, 7))
    }
}
