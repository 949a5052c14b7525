// Contour helpers: sampling a function on a grid, choosing levels, interpolating inside the grid.

/// How `ContourLevels.choose` spaces levels.
public enum ContourSpacing: Sendable, Equatable {
    /// Round numbers evenly spaced between the smallest and largest z (as matplotlib).
    case linear
    /// Levels at evenly spaced quantiles of the z values, so each band covers about the
    /// same area: better for steep bowls such as the Rosenbrock function.
    case quantile
}

/// Level choice for contour plots.
public enum ContourLevels {
    /// About `count` levels strictly between the smallest and largest finite z.
    public static func choose(z: [Double], count: Int = 10, spacing: ContourSpacing = .linear) -> [Double] {
        let finite = z.filter(\.isFinite).sorted()
        guard let lo = finite.first, let hi = finite.last, hi > lo else { return [] }
        let n = min(max(count, 1), 100)
        switch spacing {
        case .linear:
            let inside = NiceScale(lo: lo, hi: hi, maxTicks: n + 1).ticks.filter { $0 > lo && $0 < hi }
            return inside.isEmpty ? [(lo + hi) / 2] : inside
        case .quantile:
            var levels: [Double] = []
            for k in 1...n {
                let q = quantileType7(sorted: finite, Double(k) / Double(n + 1))
                if q > lo && q < hi && q != levels.last { levels.append(q) }
            }
            return levels.isEmpty ? [(lo + hi) / 2] : levels
        }
    }
}

extension ContourSeries {
    /// Samples `f` on a `resolution × resolution` grid over the given ranges (non-finite
    /// values become NaN, so a pole leaves a hole rather than spoiling the levels).
    public static func sample(x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 60,
                              levels: [Double]? = nil, label: String? = nil,
                              _ f: (Double, Double) throws -> Double) throws -> ContourSeries {
        guard x.lowerBound.isFinite, x.upperBound.isFinite, y.lowerBound.isFinite, y.upperBound.isFinite,
              x.upperBound > x.lowerBound, y.upperBound > y.lowerBound else {
            throw PlotError("contour needs finite ranges with lower < upper, e.g. contour(g, [-2, 2], [-1, 3])")
        }
        let n = min(max(resolution, 2), 400)
        let xs = (0..<n).map { x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(n - 1) }
        let ys = (0..<n).map { y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(n - 1) }
        var z = [Double](repeating: .nan, count: n * n)
        for j in 0..<n {
            for i in 0..<n {
                let v = try f(xs[i], ys[j])
                z[j * n + i] = v.isFinite ? v : .nan
            }
        }
        return try ContourSeries(xs: xs, ys: ys, z: z, levels: levels, label: label)
    }

    /// z at (x, y) by bilinear interpolation; nil outside the grid or next to a NaN.
    func value(atX x: Double, y: Double) -> Double? {
        guard let i = cellIndex(xs, x), let j = cellIndex(ys, y) else { return nil }
        let nx = xs.count
        let tx = (x - xs[i]) / (xs[i + 1] - xs[i]), ty = (y - ys[j]) / (ys[j + 1] - ys[j])
        let a = z[j * nx + i], b = z[j * nx + i + 1], c = z[(j + 1) * nx + i + 1], d = z[(j + 1) * nx + i]
        let v = (1 - ty) * ((1 - tx) * a + tx * b) + ty * ((1 - tx) * d + tx * c)
        return v.isNaN ? nil : v
    }

    /// The band of `v`: how many levels lie at or below it (0…levels.count).
    func band(of v: Double) -> Int {
        var k = 0
        while k < levels.count && levels[k] <= v { k += 1 }
        return k
    }
}

/// The index i with grid[i] ≤ v ≤ grid[i + 1], or nil outside.
private func cellIndex(_ grid: [Double], _ v: Double) -> Int? {
    guard grid.count >= 2, let first = grid.first, let last = grid.last, v >= first, v <= last else { return nil }
    var lo = 0, hi = grid.count - 1
    while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if grid[mid] <= v { lo = mid } else { hi = mid }
    }
    return lo
}
