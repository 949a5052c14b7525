// Exact fractions with overflow-checked Int arithmetic, so row reduction of small rational
// matrices gives exactly 1/3, not 0.33333333333333331.

/// A fraction in lowest terms (positive denominator). Arithmetic throws `Overflow` rather than
/// trapping; the caller then falls back to floating point.
struct ExactFraction: Equatable {
    struct Overflow: Error {}

    private(set) var num: Int
    private(set) var den: Int

    static let zero = ExactFraction(uncheckedNum: 0, den: 1)
    static let one = ExactFraction(uncheckedNum: 1, den: 1)

    private init(uncheckedNum: Int, den: Int) {
        self.num = uncheckedNum
        self.den = den
    }

    init(_ n: Int, _ d: Int) throws {
        guard d != 0, n != Int.min, d != Int.min else { throw Overflow() }
        let g = Self.gcd(abs(n), abs(d))
        let sign = d < 0 ? -1 : 1
        self.num = sign * n / g
        self.den = sign * d / g
    }

    /// The fraction a Double stands for, when it is a small rational (1/3, 0.1, -5/2, 7), else nil.
    init?(exactly x: Double) {
        guard let r = Rational.approximating(x, maxDenominator: 1_000_000, tolerance: 4 * Double.ulpOfOne),
              let f = try? ExactFraction(r.numerator, r.denominator) else { return nil }
        self = f
    }

    var doubleValue: Double { Double(num) / Double(den) }
    var isZero: Bool { num == 0 }
    /// |value| as a Double, for choosing the largest pivot.
    var magnitude: Double { abs(doubleValue) }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return Swift.max(x, 1)
    }

    private static func mul(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw Overflow() }
        return r
    }

    private static func add(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw Overflow() }
        return r
    }

    func times(_ o: ExactFraction) throws -> ExactFraction {
        // Cross-cancel first to keep the numbers small.
        let g1 = Self.gcd(abs(num), o.den), g2 = Self.gcd(abs(o.num), den)
        return try ExactFraction(Self.mul(num / g1, o.num / g2), Self.mul(den / g2, o.den / g1))
    }

    func dividing(by o: ExactFraction) throws -> ExactFraction {
        guard !o.isZero else { throw Overflow() }
        return try times(ExactFraction(o.den, o.num))
    }

    func plus(_ o: ExactFraction) throws -> ExactFraction {
        let g = Self.gcd(den, o.den)
        let n = try Self.add(Self.mul(num, o.den / g), Self.mul(o.num, den / g))
        return try ExactFraction(n, Self.mul(den / g, o.den))
    }

    func negated() throws -> ExactFraction { try ExactFraction(num == Int.min ? num : -num, den) }
}
