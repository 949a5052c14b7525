// Round-number axis ticks (Heckbert's "nice numbers", Graphics Gems 1990) and their labels.
import Glibc

/// Tick positions and labels for one axis.
public struct NiceScale: Sendable, Equatable {
    /// The tick values, increasing, all inside the axis range.
    public var ticks: [Double]
    /// The spacing between ticks (a nice number: 1, 2 or 5 times a power of ten).
    public var step: Double
    /// The tick labels, formatted with just enough decimals for `step`.
    public var labels: [String]

    /// Ticks inside `lo...hi` at about `maxTicks` round-number positions (at least 2 when the
    /// range allows; never more than 50).
    public init(lo: Double, hi: Double, maxTicks: Int) {
        let target = min(max(maxTicks, 2), 50)
        guard lo.isFinite, hi.isFinite, hi > lo, (hi - lo).isFinite else {
            let v = lo.isFinite ? lo : 0
            self.ticks = [v]
            self.step = 1
            self.labels = [formatTick(v, step: 1)]
            return
        }
        var step = niceNumber((hi - lo) / Double(target - 1), round: true)
        var ticks = NiceScale.ticks(lo: lo, hi: hi, step: step)
        // A nice step can leave only one tick inside a narrow range: try the smaller nice steps.
        var attempts = 0
        while ticks.count < 2 && attempts < 6 {
            step = smallerNiceNumber(step)
            ticks = NiceScale.ticks(lo: lo, hi: hi, step: step)
            attempts += 1
        }
        while ticks.count > 50 {
            step = niceNumber(step * 2.5, round: false)
            ticks = NiceScale.ticks(lo: lo, hi: hi, step: step)
        }
        self.ticks = ticks
        self.step = step
        self.labels = formatTicks(ticks, step: step)
    }

    /// Multiples of `step` in `lo...hi` (with a small tolerance at the ends).
    static func ticks(lo: Double, hi: Double, step: Double) -> [Double] {
        let eps = step * 1e-9
        let first = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        guard first.isFinite, last.isFinite, last - first < 1000 else { return [] }
        var out: [Double] = []
        var k = first
        while k <= last {
            let v = k * step
            if v >= lo - eps && v <= hi + eps { out.append(abs(v) < eps ? 0 : v) }
            k += 1
        }
        return out
    }
}

/// A "nice" number near `x`: 1, 2, 5 or 10 times a power of ten; rounded to the nearest when
/// `round`, else the smallest nice number ≥ x.
public func niceNumber(_ x: Double, round: Bool) -> Double {
    guard x > 0, x.isFinite else { return 1 }
    let exponent = floor(log10(x))
    let fraction = x / pow(10, exponent)
    let nice: Double
    if round {
        nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
    } else {
        nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    }
    return nice * pow(10, exponent)
}

/// The next smaller nice number (10 → 5 → 2 → 1 → 0.5 …).
func smallerNiceNumber(_ x: Double) -> Double {
    let exponent = floor(log10(x) + 1e-9)
    let fraction = (x / pow(10, exponent) * 1e6).rounded() / 1e6
    let power = pow(10, exponent)
    if fraction >= 5 { return 2 * power }
    if fraction >= 2 { return 1 * power }
    return 0.5 * power
}

/// Labels for ticks spaced `step` apart: fixed decimals, or %g for very large or tiny values.
func formatTicks(_ ticks: [Double], step: Double) -> [String] {
    ticks.map { formatTick($0, step: step) }
}

/// One tick label with as many decimals as `step` needs ("0.25" for step 0.25, "2" for step 1).
func formatTick(_ v: Double, step: Double) -> String {
    if v == 0 { return "0" }
    let magnitude = abs(v)
    if magnitude >= 1e6 || step < 1e-5 {
        return String(cFormat: "%g", v)
    }
    var decimals = 0
    while decimals < 10 {
        let scaled = step * pow(10, Double(decimals))
        if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { break }
        decimals += 1
    }
    return String(cFormat: "%.\(decimals)f", v)
}
