// The decimal digits of a Double (shortest round-trip, optionally rounded), the raw material of every printed number.

/// A finite nonzero Double as `±d₁.d₂d₃… × 10^exponent`, with no leading or trailing zero digit.
struct DecimalDigits: Equatable {
    var negative: Bool
    /// Digit values 0…9; `digits[0]` is nonzero.
    var digits: [UInt8]
    /// Decimal exponent of the first digit.
    var exponent: Int

    /// The shortest digits that read back to `x` (Swift's `description` is shortest round-trip);
    /// nil for zero, infinities and nan.
    init?(_ x: Double) {
        guard x.isFinite, x != 0 else { return nil }
        negative = x < 0
        var all: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        var exponentText = ""
        var inExponent = false
        for ch in x.magnitude.description.utf8 {
            if inExponent {
                exponentText.append(Character(UnicodeScalar(ch)))
            } else if ch == UInt8(ascii: "e") || ch == UInt8(ascii: "E") {
                inExponent = true
            } else if ch == UInt8(ascii: ".") {
                seenPoint = true
            } else if ch >= UInt8(ascii: "0") && ch <= UInt8(ascii: "9") {
                all.append(ch - UInt8(ascii: "0"))
                if !seenPoint { integerDigits += 1 }
            }
        }
        guard let firstNonzero = all.firstIndex(where: { $0 != 0 }) else { return nil }
        let lastNonzero = all.lastIndex(where: { $0 != 0 }) ?? firstNonzero
        digits = Array(all[firstNonzero...lastNonzero])
        exponent = integerDigits - 1 - firstNonzero + (Int(exponentText) ?? 0)
    }

    /// These digits rounded half away from zero to at most `significant` digits.
    ///
    /// Rounding the shortest decimal (not the exact binary value) means a number rounds the way
    /// it reads: 2.0000005 shows as 2.00001 even though its binary value is a hair below.
    func rounded(toSignificant significant: Int) -> DecimalDigits {
        let keep = max(1, significant)
        guard digits.count > keep else { return self }
        var out = Array(digits[0..<keep])
        var newExponent = exponent
        if digits[keep] >= 5 {
            var i = keep - 1
            while i >= 0 {
                if out[i] == 9 { out[i] = 0; i -= 1 } else { out[i] += 1; break }
            }
            if i < 0 { out.insert(1, at: 0); out.removeLast(); newExponent += 1 }
        }
        while out.count > 1, out.last == 0 { out.removeLast() }
        var copy = self
        copy.digits = out
        copy.exponent = newExponent
        return copy
    }

    /// True when the digits show no fractional part in fixed notation.
    var looksInteger: Bool { exponent >= digits.count - 1 }

    /// Fixed notation: `123.45`, `0.00012`, `1200`.
    func fixed(forceFraction: Bool = false) -> String {
        var s = negative ? "-" : ""
        let text = digits.map { Character(UnicodeScalar($0 + UInt8(ascii: "0"))) }
        if exponent < 0 {
            s += "0." + String(repeating: "0", count: -exponent - 1) + String(text)
        } else if exponent >= digits.count - 1 {
            s += String(text) + String(repeating: "0", count: exponent - (digits.count - 1))
            if forceFraction { s += ".0" }
        } else {
            s += String(text[0...exponent]) + "." + String(text[(exponent + 1)...])
        }
        return s
    }

    /// Exponent notation without `+` or leading zeros: `1.5e20`, `1e-5`.
    func scientific(forceFraction: Bool = false) -> String {
        var s = negative ? "-" : ""
        s.append(Character(UnicodeScalar(digits[0] + UInt8(ascii: "0"))))
        if digits.count > 1 {
            s += "." + String(digits.dropFirst().map { Character(UnicodeScalar($0 + UInt8(ascii: "0"))) })
        } else if forceFraction {
            s += ".0"
        }
        return s + "e" + String(exponent)
    }
}
