// Short number formatting for reports and distribution displays (6 significant digits).
import Glibc

/// Formats numbers for the plain-language reports of this engine.
enum NumberFormat {
    /// `digits` significant digits; integers print without a trailing ".0"; inf and nan by name.
    static func short(_ x: Double, digits: Int = 6) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        var s = String(cFormat: "%.\(digits)g", x)
        // %g keeps exponents as e-05; the short form reads better as e-5.
        if let e = s.firstIndex(of: "e") {
            let mantissa = s[..<e]
            var exponent = String(s[s.index(after: e)...])
            let sign = exponent.hasPrefix("-") ? "-" : ""
            exponent = String(exponent.drop(while: { $0 == "-" || $0 == "+" || $0 == "0" }))
            s = "\(mantissa)e\(sign)\(exponent.isEmpty ? "0" : exponent)"
        }
        return s
    }

    /// A p-value: tiny values as "< 1e-16" style bounds would hide information, so keep 4 digits.
    static func pValue(_ p: Double) -> String {
        short(p, digits: 4)
    }
}
