// Plot helpers against NumPy/SciPy reference values (Scripts/fixtures/plots.py) and exact math.
import Foundation
import Testing
import MMLTestSupport
@testable import MMLCore

/// Tests/MMLCoreTests/Fixtures/plots/reference.json, made by Scripts/fixtures/plots.py.
struct PlotReference: Decodable {
    struct HistogramCase: Decodable {
        let name: String
        let data: [Double]
        let bins: BinSpec
        let density: Bool
        let edges: [Double]
        let counts: [Int]
        let heights: [Double]
    }
    enum BinSpec: Decodable {
        case rule(String), count(Int), edges([Double])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .count(n) }
            else if let s = try? c.decode(String.self) { self = .rule(s) }
            else { self = .edges(try c.decode([Double].self)) }
        }
        var bins: HistogramBins {
            switch self {
            case .count(let n): return .count(n)
            case .edges(let e): return .edges(e)
            case .rule(let r): return r == "sturges" ? .sturges : r == "fd" ? .freedmanDiaconis : .auto
            }
        }
    }
    struct BoxCase: Decodable {
        let name: String
        let data: [Double]
        let q1, median, q3, lowerWhisker, upperWhisker: Double
        let outliers: [Double]
    }
    struct QQCase: Decodable {
        let name: String
        let data: [Double]
        let theoretical: [Double]
        let slope, intercept: Double
    }
    let histograms: [HistogramCase]
    let boxplots: [BoxCase]
    let qq: [QQCase]

    static func load() throws -> PlotReference {
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/MMLCoreTests/Fixtures/plots/reference.json")
        return try JSONDecoder().decode(PlotReference.self, from: Data(contentsOf: url))
    }
}

private func nearlyEqual(_ a: Double, _ b: Double, rel: Double = 1e-12) -> Bool {
    abs(a - b) <= rel * max(1, abs(a), abs(b))
}

@Test func histogramsMatchNumPy() throws {
    for c in try PlotReference.load().histograms {
        let h = try Histogram.compute(c.data, bins: c.bins.bins, density: c.density)
        #expect(h.counts == c.counts, "\(c.name)")
        #expect(h.edges.count == c.edges.count, "\(c.name)")
        for (a, b) in zip(h.edges, c.edges) { #expect(nearlyEqual(a, b), "\(c.name) edge \(a) vs \(b)") }
        for (a, b) in zip(h.heights, c.heights) { #expect(nearlyEqual(a, b), "\(c.name) height \(a) vs \(b)") }
    }
}

@Test func histogramRejectsBadBins() {
    #expect(throws: PlotError.self) { try Histogram.compute([1, 2], bins: .count(0)) }
    #expect(throws: PlotError.self) { try Histogram.compute([1, 2], bins: .edges([1, 1])) }
    #expect(throws: PlotError.self) { try Histogram.compute([.nan], bins: .auto) }
    #expect(throws: PlotError.self) { try Histogram.compute([1], bins: .count(Int.max)) }
}

@Test func boxStatsMatchNumPy() throws {
    for c in try PlotReference.load().boxplots {
        let b = try BoxStats.compute(c.data, label: c.name)
        #expect(nearlyEqual(b.q1, c.q1) && nearlyEqual(b.median, c.median) && nearlyEqual(b.q3, c.q3), "\(c.name)")
        #expect(b.lowerWhisker == c.lowerWhisker && b.upperWhisker == c.upperWhisker, "\(c.name)")
        #expect(b.outliers == c.outliers, "\(c.name)")
    }
}

@Test func qqMatchesSciPy() throws {
    for c in try PlotReference.load().qq {
        let q = try QQPlotData.compute(c.data, inverseNormal: acklamInverseNormal)
        #expect(q.sample == c.data.sorted())
        for (a, b) in zip(q.theoretical, c.theoretical) { #expect(nearlyEqual(a, b, rel: 1e-8), "\(c.name) \(a) vs \(b)") }
        #expect(nearlyEqual(q.slope, c.slope, rel: 1e-8) && nearlyEqual(q.intercept, c.intercept, rel: 1e-8))
    }
}

/// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9),
/// refined by one Halley step with erfc: an inverse normal independent of the engine under test.
func acklamInverseNormal(_ p: Double) -> Double {
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    var x: Double
    if p < 0.02425 {
        let q = (-2 * log(p)).squareRoot()
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p > 1 - 0.02425 {
        let q = (-2 * log(1 - p)).squareRoot()
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else {
        let q = p - 0.5, r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
    let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    return x - u / (1 + x * u / 2)
}

@Test func niceTicksAreRoundAndInside() {
    let s = NiceScale(lo: 0, hi: 2 * Double.pi, maxTicks: 8)
    #expect(s.ticks == [0, 1, 2, 3, 4, 5, 6])
    #expect(s.labels == ["0", "1", "2", "3", "4", "5", "6"])
    let t = NiceScale(lo: -0.013, hi: 0.087, maxTicks: 6)
    #expect(t.step == 0.02)
    #expect(t.labels == ["0", "0.02", "0.04", "0.06", "0.08"])
    let u = NiceScale(lo: 0.25, hi: 0.26, maxTicks: 5)
    #expect(u.ticks.count >= 2)
    #expect(u.labels.allSatisfy { $0.hasPrefix("0.25") || $0.hasPrefix("0.26") })
    #expect(niceNumber(0.7, round: true) == 0.5)
    #expect(niceNumber(3.2, round: false) == 5)
    #expect(niceNumber(140, round: true) == 100)
    let big = NiceScale(lo: 0, hi: 3e7, maxTicks: 4)
    #expect(big.labels.contains("1e+07"))
    #expect(NiceScale(lo: -.infinity, hi: 1, maxTicks: 5).ticks.count == 1)
}

@Test func marchingSquaresFollowsLinearLevelsExactly() throws {
    // z = x + 2y is linear, so interpolated crossings lie exactly on x + 2y = level.
    let xs = (0...20).map { -1 + Double($0) * 0.1 }, ys = (0...10).map { -1 + Double($0) * 0.2 }
    var z: [Double] = []
    for y in ys { for x in xs { z.append(x + 2 * y) } }
    let c = try ContourSeries(xs: xs, ys: ys, z: z, levels: [0.3])
    let lines = c.contourLines(level: 0.3)
    #expect(lines.count == 1)
    for p in lines[0] { #expect(abs(p.x + 2 * p.y - 0.3) < 1e-12) }
    #expect(lines[0].count > 10)
}

@Test func marchingSquaresClosesLoops() throws {
    // z = |x| + |y| is linear within each grid cell (kinks on grid lines): a closed diamond.
    let g = (0...20).map { -2 + Double($0) * 0.2 }
    var z: [Double] = []
    for y in g { for x in g { z.append(abs(x) + abs(y)) } }
    let c = try ContourSeries(xs: g, ys: g, z: z, levels: [1.1])
    let lines = c.contourLines(level: 1.1)
    #expect(lines.count == 1)
    let loop = try #require(lines.first)
    #expect(loop.first == loop.last)
    for p in loop { #expect(abs(abs(p.x) + abs(p.y) - 1.1) < 1e-12) }
}

@Test func contourLevelsAndGridChecks() throws {
    let levels = ContourLevels.choose(z: [0, 3, 7, 10])
    #expect(levels == [1, 2, 3, 4, 5, 6, 7, 8, 9])
    #expect(ContourLevels.choose(z: [2, 2]) == [])
    #expect(throws: PlotError.self) { try ContourSeries(xs: [0, 1], ys: [0, 1], z: [1, 2, 3]) }
    #expect(throws: PlotError.self) { try ContourSeries(xs: [1, 0], ys: [0, 1], z: [1, 2, 3, 4]) }
    let s = try ContourSeries.sample(x: -1...1, y: -1...1, resolution: 5) { x, y in 1 / (x * x + y * y) }
    #expect(s.z[12].isNaN)   // the pole at the centre is a hole, not infinity
}

@Test func mismatchedSeriesAreErrors() {
    #expect(throws: PlotError.self) { try LineSeries(xs: [1, 2], ys: [1]) }
    #expect(throws: PlotError.self) { try ScatterSeries(xs: [1], ys: [1], groups: [0, 1]) }
    #expect(throws: PlotError.self) { try BarSeries(labels: ["a"], values: [1, 2]) }
}
