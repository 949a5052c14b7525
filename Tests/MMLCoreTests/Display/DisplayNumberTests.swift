// Golden tests of scalar display: real numbers in each style, complex numbers, booleans, format names.
import Numerics
import Testing
@testable import MMLCore

@Suite("Display: numbers")
struct DisplayNumberTests {
    @Test("special values and signed zero", arguments: FormatStyle.allCases)
    func specials(style: FormatStyle) {
        #expect(formatNumber(.nan, style: style) == "nan")
        #expect(formatNumber(-.nan, style: style) == "nan")
        #expect(formatNumber(.infinity, style: style) == "inf")
        #expect(formatNumber(-.infinity, style: style) == "-inf")
        #expect(formatNumber(0, style: style) == "0")
        #expect(formatNumber(-0.0, style: style) == "0")
    }

    @Test("integers print without .0 up to 2^53 in every style", arguments: FormatStyle.allCases)
    func integers(style: FormatStyle) {
        #expect(formatNumber(1, style: style) == "1")
        #expect(formatNumber(-7, style: style) == "-7")
        #expect(formatNumber(1_000_000, style: style) == "1000000")
        #expect(formatNumber(123_456_789, style: style) == "123456789")
        #expect(formatNumber(9_007_199_254_740_992, style: style) == "9007199254740992")
        #expect(formatNumber(-9_007_199_254_740_992, style: style) == "-9007199254740992")
    }

    @Test func integersBeyondTwoToThe53UseExponentForm() {
        #expect(formatNumber(9_007_199_254_740_994, style: .long) == "9.007199254740994e15")
        #expect(formatNumber(9_007_199_254_740_994, style: .short) == "9.0072e15")
        #expect(formatNumber(1e20, style: .long) == "1e20")
        #expect(formatNumber(-1e20, style: .short) == "-1e20")
        #expect(formatNumber(1_152_921_504_606_846_976, style: .long) == "1.152921504606847e18")
        #expect(formatNumber(1_152_921_504_606_846_976, style: .short) == "1.15292e18")
        #expect(formatNumber(1e300, style: .long) == "1e300")
        #expect(formatNumber(.greatestFiniteMagnitude, style: .long) == "1.7976931348623157e308")
        #expect(formatNumber(.greatestFiniteMagnitude, style: .short) == "1.79769e308")
    }

    @Test func longIsShortestRoundTrip() {
        #expect(formatNumber(0.1, style: .long) == "0.1")
        #expect(formatNumber(0.1 + 0.2, style: .long) == "0.30000000000000004")
        #expect(formatNumber(1.0 / 3, style: .long) == "0.3333333333333333")
        #expect(formatNumber(-2.0 / 3, style: .long) == "-0.6666666666666666")
        #expect(formatNumber(Double.pi, style: .long) == "3.141592653589793")
        #expect(formatNumber(2.5, style: .long) == "2.5")
        #expect(formatNumber(1234567.8, style: .long) == "1234567.8")
        #expect(formatNumber(123456789012345.6, style: .long) == "123456789012345.6")
    }

    @Test func exponentFormBelowOneTenThousandth() {
        #expect(formatNumber(0.0001, style: .long) == "0.0001")
        #expect(formatNumber(0.00012, style: .long) == "0.00012")
        #expect(formatNumber(1e-5, style: .long) == "1e-5")
        #expect(formatNumber(-1.5e-5, style: .long) == "-1.5e-5")
        #expect(formatNumber(1e-300, style: .long) == "1e-300")
        #expect(formatNumber(1e-300, style: .short) == "1e-300")
        #expect(formatNumber(.leastNonzeroMagnitude, style: .long) == "5e-324")
        #expect(formatNumber(.leastNormalMagnitude, style: .long) == "2.2250738585072014e-308")
        #expect(formatNumber(1.23456789e-7, style: .short) == "1.23457e-7")
        #expect(formatNumber(0.000123456789, style: .short) == "0.000123457")
    }

    @Test func shortHasSixSignificantDigits() {
        #expect(formatNumber(0.1 + 0.2, style: .short) == "0.3")
        #expect(formatNumber(1.0 / 3, style: .short) == "0.333333")
        #expect(formatNumber(2.0 / 3, style: .short) == "0.666667")
        #expect(formatNumber(Double.pi, style: .short) == "3.14159")
        #expect(formatNumber(-Double.pi * 100, style: .short) == "-314.159")
        #expect(formatNumber(12345.678, style: .short) == "12345.7")
        #expect(formatNumber(2.5, style: .short) == "2.5")
        #expect(formatNumber(1234567.8, style: .short) == "1.23457e6")
        #expect(formatNumber(0.9999999, style: .short) == "1.0")
        // Rounds the digits as written: 2.0000005 reads as ...05 and rounds up.
        #expect(formatNumber(2.000005, style: .short) == "2.00001")
    }

    @Test func shortKeepsDotZeroWhenANonIntegerRoundsToAnInteger() {
        #expect(formatNumber(2.0000001, style: .short) == "2.0")
        #expect(formatNumber(-2.0000001, style: .short) == "-2.0")
        #expect(formatNumber(123456.7, style: .short) == "123457.0")
        #expect(formatNumber(999999.97, style: .short) == "1.0e6")
        #expect(formatNumber(2.0000001, style: .long) == "2.0000001")
    }

    @Test func rationalShowsSmallFractions() {
        #expect(formatNumber(1.0 / 3, style: .rational) == "1/3")
        #expect(formatNumber(-2.0 / 3, style: .rational) == "-2/3")
        #expect(formatNumber(0.1 + 0.2, style: .rational) == "3/10")
        #expect(formatNumber(2.5, style: .rational) == "5/2")
        #expect(formatNumber(-0.125, style: .rational) == "-1/8")
        #expect(formatNumber(1.0 / 9999, style: .rational) == "1/9999")
        #expect(formatNumber(22.0 / 7, style: .rational) == "22/7")
        #expect(formatNumber(4, style: .rational) == "4")
    }

    @Test func rationalFallsBackToShortForMatrixCellsAndLongForScalars() {
        #expect(formatNumber(2.0.squareRoot(), style: .rational) == "1.41421")
        #expect(formatNumber(Double.pi, style: .rational) == "3.14159")
        #expect(formatNumber(1.0 / 10001, style: .rational) == "9.999e-5")
        #expect(formatNumber(1e-300, style: .rational) == "1e-300")
        #expect(formatScalar(2.0.squareRoot(), mode: .rational) == "1.4142135623730951")
        #expect(formatScalar(1.0 / 3, mode: .rational) == "1/3")
    }

    @Test("standalone scalars round-trip in short and long mode", arguments: [FormatStyle.short, .long])
    func scalarsRoundTrip(mode: FormatStyle) {
        #expect(formatScalar(0.1 + 0.2, mode: mode) == "0.30000000000000004")
        #expect(formatScalar(1.0 / 3, mode: mode) == "0.3333333333333333")
        #expect(formatScalar(42, mode: mode) == "42")
        #expect(formatScalar(-0.0, mode: mode) == "0")
        #expect(formatScalar(1e-5, mode: mode) == "1e-5")
        #expect(formatScalar(1.5e20, mode: mode) == "1.5e20")
    }

    @Test func complexNumbers() {
        #expect(formatComplex(Complex(1, 2), style: .short) == "1 + 2i")
        #expect(formatComplex(Complex(1, -2), style: .short) == "1 - 2i")
        #expect(formatComplex(Complex(0, 1), style: .short) == "0 + 1i")
        #expect(formatComplex(Complex(0, -0.0), style: .short) == "0 + 0i")
        #expect(formatComplex(Complex(-0.0, -1), style: .short) == "0 - 1i")
        #expect(formatComplex(Complex(-0.5, 0.75.squareRoot()), style: .short) == "-0.5 + 0.866025i")
        #expect(formatComplex(Complex(-0.5, -(0.75.squareRoot())), style: .long) == "-0.5 - 0.8660254037844386i")
        #expect(formatComplex(Complex(1e-20, 1.5e20), style: .long) == "1e-20 + 1.5e20i")
        #expect(formatComplex(Complex(.nan, .nan), style: .short) == "nan + nani")
        #expect(formatComplex(Complex(1, .infinity), style: .short) == "1 + infi")
        #expect(formatComplex(Complex(-.infinity, -.infinity), style: .short) == "-inf - infi")
        #expect(formatComplex(Complex(0.5, 1.0 / 3), style: .rational) == "1/2 + (1/3)i")
        #expect(formatComplex(Complex(2, -1.0 / 3), style: .rational) == "2 - (1/3)i")
        #expect(formatComplexScalar(Complex(0.1 + 0.2, 1), mode: .short) == "0.30000000000000004 + 1i")
        #expect(formatComplexScalar(Complex(0.5, 2.0.squareRoot()), mode: .rational) == "1/2 + 1.4142135623730951i")
    }

    @Test func logicalsAndStyleNames() {
        #expect(formatLogical(true) == "true")
        #expect(formatLogical(false) == "false")
        #expect(FormatStyle(name: "short") == .short)
        #expect(FormatStyle(name: "LONG") == .long)
        #expect(FormatStyle(name: "rat") == .rational)
        #expect(FormatStyle(name: "rational") == .rational)
        #expect(FormatStyle(name: "medium") == nil)
    }
}
