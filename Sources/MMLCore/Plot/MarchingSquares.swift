// Marching squares: the polylines where a gridded z crosses a level, joined cell to cell.

/// A point in data coordinates.
public struct PlotPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

extension ContourSeries {
    /// The contour lines of `level`: polylines in data coordinates (a closed loop repeats its
    /// first point at the end). Cells with a NaN corner are skipped; saddle cells are
    /// resolved by the value at the cell centre.
    public func contourLines(level: Double) -> [[PlotPoint]] {
        let nx = xs.count, ny = ys.count
        guard nx >= 2, ny >= 2, z.count == nx * ny, level.isFinite else { return [] }
        // Edge keys: horizontal edge from (i, j) to (i+1, j) is 2·(j·nx + i); vertical edge
        // from (i, j) to (i, j+1) is 2·(j·nx + i) + 1. Neighbouring cells share edge keys,
        // which is how segments are joined without comparing floating-point positions.
        var points: [Int: PlotPoint] = [:]
        var segments: [(Int, Int)] = []
        func crossing(_ i0: Int, _ j0: Int, _ i1: Int, _ j1: Int) -> PlotPoint {
            let z0 = z[j0 * nx + i0], z1 = z[j1 * nx + i1]
            let t = z1 == z0 ? 0.5 : (level - z0) / (z1 - z0)
            return PlotPoint(x: xs[i0] + t * (xs[i1] - xs[i0]), y: ys[j0] + t * (ys[j1] - ys[j0]))
        }
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let a = z[j * nx + i], b = z[j * nx + i + 1]
                let c = z[(j + 1) * nx + i + 1], d = z[(j + 1) * nx + i]
                if a.isNaN || b.isNaN || c.isNaN || d.isNaN { continue }
                let index = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0)
                if index == 0 || index == 15 { continue }
                let bottom = 2 * (j * nx + i), top = 2 * ((j + 1) * nx + i)
                let left = 2 * (j * nx + i) + 1, right = 2 * (j * nx + i + 1) + 1
                func edgePoint(_ key: Int) -> Int {
                    if points[key] == nil {
                        switch key {
                        case bottom: points[key] = crossing(i, j, i + 1, j)
                        case top: points[key] = crossing(i, j + 1, i + 1, j + 1)
                        case left: points[key] = crossing(i, j, i, j + 1)
                        default: points[key] = crossing(i + 1, j, i + 1, j + 1)
                        }
                    }
                    return key
                }
                let centreAbove = (a + b + c + d) / 4 >= level
                let pairs: [(Int, Int)]
                switch index {
                case 1, 14: pairs = [(left, bottom)]
                case 2, 13: pairs = [(bottom, right)]
                case 3, 12: pairs = [(left, right)]
                case 4, 11: pairs = [(right, top)]
                case 6, 9: pairs = [(bottom, top)]
                case 7, 8: pairs = [(left, top)]
                case 5: pairs = centreAbove ? [(bottom, right), (left, top)] : [(left, bottom), (right, top)]
                default: pairs = centreAbove ? [(left, bottom), (right, top)] : [(bottom, right), (left, top)]  // 10
                }
                for (p, q) in pairs { segments.append((edgePoint(p), edgePoint(q))) }
            }
        }
        return joinSegments(segments).map { chain in chain.compactMap { points[$0] } }
    }
}

/// Joins segments that share edge keys into chains of keys.
private func joinSegments(_ segments: [(Int, Int)]) -> [[Int]] {
    var byKey: [Int: [Int]] = [:]
    for (s, (p, q)) in segments.enumerated() {
        byKey[p, default: []].append(s)
        byKey[q, default: []].append(s)
    }
    var used = [Bool](repeating: false, count: segments.count)
    var chains: [[Int]] = []
    func extend(from start: Int) -> [Int] {
        var out: [Int] = []
        var current = start
        while let next = byKey[current]?.first(where: { !used[$0] }) {
            used[next] = true
            let (p, q) = segments[next]
            current = p == current ? q : p
            out.append(current)
        }
        return out
    }
    for s in segments.indices where !used[s] {
        used[s] = true
        let (p, q) = segments[s]
        let forward = extend(from: q)
        let backward = extend(from: p)
        chains.append(backward.reversed() + [p, q] + forward)
    }
    return chains
}
