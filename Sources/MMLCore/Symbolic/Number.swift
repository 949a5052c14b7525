// Exact numbers for symbolic formulas: rationals while they fit in Int, Doubles otherwise.
import Glibc

/// A numeric constant inside a formula. Integers and fractions stay exact (so `x/3` prints as
/// `x/3`, not `0.333…·x`); anything that overflows or is irrational becomes a `Double`.
public enum Number: Hashable, Sendable, Comparable {
    /// `num/den` in lowest terms with `den > 0`.
    case rational(Int, Int)
    /// An inexact real (never an integer-valued finite Double; those become rationals).
    case real(Double)

    /// An integer constant.
    public static func int(_ n: Int) -> Number { .rational(n, 1) }

    /// Builds the canonical number for a Double: integer-valued doubles become exact.
    public init(_ d: Double) {
        if d.isFinite, d.rounded() == d, abs(d) < 9.0e15 {
            self = .rational(Int(d), 1)
        } else {
            self = .real(d)
        }
    }

    /// `p/q` reduced; falls back to a Double when `q == 0` or reduction overflows.
    public static func fraction(_ p: Int, _ q: Int) -> Number {
        if q == 0 { return .real(Double(p) / 0.0) }
        if p == 0 { return .rational(0, 1) }
        let g = gcd(p.magnitude, q.magnitude)
        var n = p / Int(g), d = q / Int(g)
        if d < 0 {
            if n == Int.min || d == Int.min { return .real(Double(p) / Double(q)) }
            n = -n; d = -d
        }
        return .rational(n, d)
    }

    public var double: Double {
        switch self {
        case .rational(let n, let d): return d == 1 ? Double(n) : Double(n) / Double(d)
        case .real(let x): return x
        }
    }

    public var isZero: Bool { self == .rational(0, 1) }
    public var isOne: Bool { self == .rational(1, 1) }
    public var isMinusOne: Bool { self == .rational(-1, 1) }
    public var isNegative: Bool { double < 0 }
    /// The integer value when this is an exact integer.
    public var intValue: Int? {
        if case .rational(let n, 1) = self { return n }
        return nil
    }
    public var isInteger: Bool { intValue != nil }

    public static func < (a: Number, b: Number) -> Bool { a.double < b.double }

    public static func + (a: Number, b: Number) -> Number {
        if case .rational(let p, let q) = a, case .rational(let r, let s) = b {
            let (ps, o1) = p.multipliedReportingOverflow(by: s)
            let (rq, o2) = r.multipliedReportingOverflow(by: q)
            let (num, o3) = ps.addingReportingOverflow(rq)
            let (den, o4) = q.multipliedReportingOverflow(by: s)
            if !(o1 || o2 || o3 || o4) { return fraction(num, den) }
        }
        return Number(a.double + b.double)
    }

    public static prefix func - (a: Number) -> Number {
        if case .rational(let p, let q) = a, p != Int.min { return .rational(-p, q) }
        return Number(-a.double)
    }

    public static func - (a: Number, b: Number) -> Number { a + (-b) }

    public static func * (a: Number, b: Number) -> Number {
        if case .rational(let p, let q) = a, case .rational(let r, let s) = b {
            let (num, o1) = p.multipliedReportingOverflow(by: r)
            let (den, o2) = q.multipliedReportingOverflow(by: s)
            if !(o1 || o2) { return fraction(num, den) }
        }
        return Number(a.double * b.double)
    }

    /// `a / b`; division by exact zero gives an infinite/NaN real.
    public static func / (a: Number, b: Number) -> Number {
        if case .rational(let r, let s) = b, r != 0 { return a * fraction(s, r) }
        return Number(a.double / b.double)
    }

    /// `a ^ b` when the result is exact (integer exponents of rationals), else nil unless
    /// both are inexact-friendly (the caller decides whether to fold an irrational power).
    public func power(_ e: Number) -> Number? {
        guard let k = e.intValue else {
            // Perfect roots such as 4^(1/2) = 2 stay exact; others are left symbolic.
            if case .rational(let p, let q) = e, case .rational(let n, 1) = self, n >= 0, q == 2 {
                let r = Int(Double(n).squareRoot().rounded())
                if r * r == n { return Number.int(r).power(.int(p)) }
            }
            if case .real = self { return Number(pow(double, e.double)) }
            if case .real = e { return Number(pow(double, e.double)) }
            return nil
        }
        if case .rational(let p, let q) = self {
            if k == 0 { return .int(1) }
            if p == 0 { return k > 0 ? .int(0) : nil }
            if abs(k) > 4096 { return Number(pow(double, Double(k))) }
            var base = k > 0 ? self : Number.fraction(q, p)
            var n = abs(k)
            var acc = Number.int(1)
            while n > 0 {
                if n & 1 == 1 { acc = acc * base }
                n >>= 1
                if n > 0 { base = base * base }
            }
            return acc
        }
        return Number(pow(double, Double(k)))
    }
}

private func gcd(_ a: UInt, _ b: UInt) -> UInt {
    var a = a, b = b
    while b != 0 { (a, b) = (b, a % b) }
    return a == 0 ? 1 : a
}

