// Property tests of number display: long output reads back exactly, short output is within its precision.
import Testing
@testable import MMLCore

@Suite("Display: round trip")
struct DisplayRoundTripTests {
    /// A deterministic spread of doubles: random bit patterns (finite ones) plus decimal-looking values.
    static let samples: [Double] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        var xs: [Double] = []
        while xs.count < 3000 {
            let bits = Double(bitPattern: next())
            if bits.isFinite { xs.append(bits) }
            let scale = Double(Int(next() % 41) - 20)
            xs.append(Double(Int64(bitPattern: next() % 2_000_000) - 1_000_000) / 997 * pow10(scale))
        }
        return xs
    }()

    static func pow10(_ e: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(e.magnitude) { r *= 10 }
        return e < 0 ? 1 / r : r
    }

    @Test func longReadsBackToTheSameDouble() {
        for x in Self.samples {
            let text = formatNumber(x, style: .long)
            #expect(Double(text) == (x == 0 ? 0 : x), "\(x) printed as \(text)")
            #expect(!text.contains("+") && !text.contains("e0") && !text.contains("e-0"), "\(text)")
        }
    }

    @Test func shortIsWithinSixDigitsAndShort() {
        for x in Self.samples {
            let text = formatNumber(x, style: .short)
            guard let back = Double(text) else {
                Issue.record("\(x) printed as unreadable \(text)")
                continue
            }
            let isExactInteger = x.rounded(.towardZero) == x && x.magnitude <= 9_007_199_254_740_992
            if isExactInteger {
                #expect(back == x, "\(x) printed as \(text)")
            } else {
                #expect((back - x).magnitude <= 5e-6 * x.magnitude, "\(x) printed as \(text)")
                // Significant digits of the mantissa, not counting the `.0` kept on rounded non-integers.
                var mantissa = Substring(text.split(separator: "e").first ?? "")
                if mantissa.hasSuffix(".0") { mantissa = mantissa.dropLast(2) }
                let digits = mantissa.filter(\.isNumber).drop(while: { $0 == "0" })
                #expect(digits.count <= 6, "\(x) printed as \(text)")
            }
        }
    }
}
