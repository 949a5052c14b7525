// Byte counts and other rough magnitudes in messages: "512 bytes", "3.21 MiB", "7.28 TiB", "1.2e+16".
import RealModule

/// A byte count for a message, in binary units with three significant digits: 512 bytes,
/// 3.21 MiB, 100 GiB. Every message about sizes (matrices, strings, files, the memory
/// budget) uses it, so they read alike.
func formatBytes(_ bytes: Double) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = bytes, unit = 0
    while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
    return unit == 0 ? "\(Int(value)) bytes" : "\(formatThreeDigits(value)) \(units[unit])"
}

/// Three significant digits, scientific for very large or small numbers (a condition
/// number, a size): 0.00123, 12.3, 1.2e+16.
func formatThreeDigits(_ x: Double) -> String {
    if !x.isFinite { return NumberFormat.short(x) }
    let mag = abs(x)
    if mag != 0 && (mag >= 1e6 || mag < 1e-3) {
        let e = Int(Double.log10(mag).rounded(.down))
        var m = x / pow10(e)
        var exp = e
        if abs(m) >= 9.995 { m /= 10; exp += 1 }
        return "\(trimmed(m, digits: 2))e\(exp >= 0 ? "+" : "")\(exp)"
    }
    return trimmed(x, digits: mag >= 100 ? 0 : (mag >= 10 ? 1 : 2))
}

private func pow10(_ e: Int) -> Double {
    var r = 1.0
    for _ in 0..<abs(e) { r *= 10 }
    return e >= 0 ? r : 1 / r
}

private func trimmed(_ x: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let r = (x * scale).rounded() / scale
    if r == r.rounded() && abs(r) < 1e15 { return String(Int(r)) }
    return String(r)
}
