// Parses a CSV cell's bytes as a number without making a String: an exact fast path for
// the common short decimals, strtod (in the C locale) for the rest.
import Glibc

/// Powers of ten that a Double holds exactly (10⁰…10²²).
private let exactPowersOfTen: [Double] = (0...22).map { e in
    var p = 1.0
    for _ in 0..<e { p *= 10 }
    return p
}

/// What a cell's bytes are, for type inference.
enum CellClass {
    case number(Double)
    case boolean(Bool)
    case missing
    case text
}

/// Classifies trimmed cell bytes: a missing marker ("", NA, N/A, NaN, nan), a boolean
/// (true/false, any case), a decimal number (optionally signed, with fraction and exponent,
/// or inf/infinity), or text.
@inline(__always)
func classifyCell(_ p: UnsafePointer<UInt8>, _ n: Int) -> CellClass {
    if n == 0 { return .missing }
    let first = p[0]
    if (first >= 0x30 && first <= 0x39) || first == 0x2D || first == 0x2B || first == 0x2E {
        if let x = parseDecimal(p, n) { return .number(x) }
        return classifyWord(p, n)
    }
    return classifyWord(p, n)
}

/// The non-numeric-looking cells: missing markers, booleans, infinities, text.
private func classifyWord(_ p: UnsafePointer<UInt8>, _ n: Int) -> CellClass {
    if n == 2 && p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "A") { return .missing }
    if n == 3 && p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "/") && p[2] == UInt8(ascii: "A") { return .missing }
    if equalsIgnoringCase(p, n, "nan") { return .missing }
    if equalsIgnoringCase(p, n, "true") { return .boolean(true) }
    if equalsIgnoringCase(p, n, "false") { return .boolean(false) }
    var body = p
    var length = n
    var sign = 1.0
    if n > 0 && (p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+")) {
        sign = p[0] == UInt8(ascii: "-") ? -1 : 1
        body += 1
        length -= 1
    }
    if equalsIgnoringCase(body, length, "inf") || equalsIgnoringCase(body, length, "infinity") {
        return .number(sign * .infinity)
    }
    return .text
}

/// True when the `n` bytes at `p` spell `word` (lowercase ASCII) in any letter case.
@inline(__always)
private func equalsIgnoringCase(_ p: UnsafePointer<UInt8>, _ n: Int, _ word: StaticString) -> Bool {
    guard n == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for i in 0..<n {
        let b = p[i]
        let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
        if lower != w[i] { return false }
    }
    return true
}

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit in the mantissa) filling
/// exactly `n` bytes; nil if the bytes are anything else.
@inline(__always)
func parseDecimal(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
    var i = 0
    var negative = false
    if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
        negative = p[0] == UInt8(ascii: "-")
        i = 1
    }
    var mantissa: UInt64 = 0
    var significant = 0      // digits accumulated into mantissa after leading zeros
    var digits = 0           // all mantissa digits seen
    var exponent = 0         // power of ten applied to mantissa
    var dropped = false      // a non-zero digit did not fit in the mantissa
    while i < n, p[i] &- 0x30 < 10 {
        let d = UInt64(p[i] &- 0x30)
        if significant < 19 {
            mantissa = mantissa &* 10 &+ d
            if mantissa != 0 { significant += 1 }
        } else {
            exponent += 1
            if d != 0 { dropped = true }
        }
        digits += 1
        i += 1
    }
    if i < n && p[i] == UInt8(ascii: ".") {
        i += 1
        while i < n, p[i] &- 0x30 < 10 {
            let d = UInt64(p[i] &- 0x30)
            if significant < 19 {
                mantissa = mantissa &* 10 &+ d
                if mantissa != 0 { significant += 1 }
                exponent -= 1
            } else if d != 0 {
                dropped = true
            }
            digits += 1
            i += 1
        }
    }
    guard digits > 0 else { return nil }
    if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
        i += 1
        var expNegative = false
        if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
            expNegative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var e = 0
        var expDigits = 0
        while i < n, p[i] &- 0x30 < 10 {
            if e < 100_000 { e = e * 10 + Int(p[i] &- 0x30) }
            expDigits += 1
            i += 1
        }
        guard expDigits > 0 else { return nil }
        exponent += expNegative ? -e : e
    }
    guard i == n else { return nil }
    // Clinger's fast path: an exact mantissa times an exact power of ten rounds once.
    if !dropped && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
        let m = Double(mantissa)
        let x = exponent < 0 ? m / exactPowersOfTen[-exponent] : m * exactPowersOfTen[exponent]
        return negative ? -x : x
    }
    return slowDecimal(p, n)
}

/// Correctly rounded conversion of an already validated decimal through strtod. The bytes
/// are copied so strtod sees a terminated string; the caller has set a C numeric locale.
private func slowDecimal(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer in
        for i in 0..<n { buffer[i] = CChar(bitPattern: p[i]) }
        buffer[n] = 0
        return strtod(buffer.baseAddress!, nil)
    }
}

/// Runs `body` with the C numeric locale on this thread, so strtod reads '.' as the decimal
/// point even when the program has called setlocale (the REPL does, for libedit).
func withCNumericLocale<T>(_ body: () throws -> T) rethrows -> T {
    guard let c = newlocale(Int32(1 << LC_NUMERIC), "C", nil) else { return try body() }
    let old = uselocale(c)
    defer {
        uselocale(old)
        freelocale(c)
    }
    return try body()
}
