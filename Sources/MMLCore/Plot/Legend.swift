// The legend entries of a figure, shared by both renderers (each draws its own samples).

/// What a legend entry's sample looks like.
enum LegendSample: Equatable {
    case line(DashPattern)
    case point(Character)
    case block
    case path
    case box
    case reference
}

/// One legend entry.
struct LegendItem: Equatable {
    var sample: LegendSample
    /// Palette index (negative = neutral).
    var color: Int
    var text: String
}

extension Figure {
    /// Entries for labelled layers (scatter groups by their group names), in layer order.
    func legendItems(styles: [LayerStyle]) -> [LegendItem] {
        var items: [LegendItem] = []
        for (layer, style) in zip(layers, styles) {
            switch layer {
            case .line(let s):
                if let label = s.label { items.append(LegendItem(sample: .line(style.dash), color: style.color, text: label)) }
            case .path(let s):
                if let label = s.label { items.append(LegendItem(sample: .path, color: style.color, text: label)) }
            case .scatter(let s):
                let names = s.groupNames ?? []
                for g in 0..<s.groupCount {
                    let text = g < names.count ? names[g] : (s.groupCount == 1 ? s.label : s.label.map { "\($0) \(g + 1)" })
                    guard let text else { continue }
                    items.append(LegendItem(sample: .point(style.groupMarkers[g]), color: style.groupColors[g], text: text))
                }
            case .bars(let s):
                if let label = s.label { items.append(LegendItem(sample: .block, color: style.color, text: label)) }
            case .histogram(let s):
                if let label = s.label { items.append(LegendItem(sample: .block, color: style.color, text: label)) }
            case .boxplot(let s):
                if let label = s.label { items.append(LegendItem(sample: .box, color: style.color, text: label)) }
            case .reference(let r):
                if let label = r.label { items.append(LegendItem(sample: .reference, color: -1, text: label)) }
            case .contour:
                break
            }
        }
        return (showLegend ?? !items.isEmpty) ? items : []
    }
}

/// Where a legend box sits inside the plot area.
enum LegendCorner: CaseIterable {
    // In order of preference when several are equally empty (matplotlib's order).
    case topRight, topLeft, bottomLeft, bottomRight
}

extension Figure {
    /// The corner where a legend box covering `width` × `height` of the plot area (as
    /// fractions) hides the fewest data points, like matplotlib's loc="best".
    func bestLegendCorner(width: Double, height: Double, x: AxisRange, y: AxisRange) -> LegendCorner {
        let points = legendAvoidancePoints()
        func covered(_ corner: LegendCorner) -> Int {
            let right = corner == .topRight || corner == .bottomRight, top = corner == .topRight || corner == .topLeft
            let x0 = right ? x.hi - width * x.span : x.lo, x1 = right ? x.hi : x.lo + width * x.span
            let y0 = top ? y.hi - height * y.span : y.lo, y1 = top ? y.hi : y.lo + height * y.span
            return points.filter { $0.0 >= x0 && $0.0 <= x1 && $0.1 >= y0 && $0.1 <= y1 }.count
        }
        var best = LegendCorner.topRight, fewest = Int.max
        for corner in LegendCorner.allCases {
            let n = covered(corner)
            if n < fewest { (best, fewest) = (corner, n) }
        }
        return best
    }

    /// Points of the data in plot coordinates that a legend should not hide: the samples of
    /// lines and paths (with midpoints, so a steep segment counts), markers, bar and bin tops,
    /// and the boxes of box plots.
    private func legendAvoidancePoints() -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        func polyline(_ xs: [Double], _ ys: [Double]) {
            let pairs = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
            for (k, p) in pairs.enumerated() {
                points.append(p)
                if k + 1 < pairs.count {
                    let q = pairs[k + 1]
                    for t in [0.25, 0.5, 0.75] { points.append((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1))) }
                }
            }
        }
        for layer in layers {
            switch layer {
            case .line(let s): polyline(s.xs, s.ys)
            case .path(let s): polyline(s.xs, s.ys)
            case .scatter(let s): points += zip(s.xs, s.ys).map { ($0, $1) }
            case .bars(let s):
                for (k, v) in s.values.enumerated() { points += [(Double(k), v), (Double(k), v / 2)] }
            case .histogram(let s):
                for (k, h) in s.heights.enumerated() where k + 1 < s.edges.count {
                    let mid = (s.edges[k] + s.edges[k + 1]) / 2
                    points += [(mid, h), (mid, h / 2)]
                }
            case .boxplot(let s):
                for (k, b) in s.boxes.enumerated() {
                    points += [b.lowerWhisker, b.q1, b.median, b.q3, b.upperWhisker].map { (Double(k), $0) }
                }
            case .contour, .reference:
                break
            }
        }
        return points
    }
}
