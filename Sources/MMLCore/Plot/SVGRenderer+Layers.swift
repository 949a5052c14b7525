// The SVG elements of each kind of layer: one <path> per line, circles for points, rects for
// bars, marching-squares paths for contours.

/// Colours of contour lines from the lowest level to the highest (a viridis-like ramp).
private let contourRamp = ["#440154", "#3b528b", "#21918c", "#5ec962", "#b5a42a", "#e07b24"]

extension Figure {
    func svgElements(_ layer: PlotLayer, style: LayerStyle, _ t: SVGTransform) -> [String] {
        let colour = paletteColor(style.color).svg
        switch layer {
        case .line(let s):
            return ["<path class=\"series line\" d=\"\(pathData(s.xs, s.ys, t))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"]
        case .scatter(let s):
            var out = ["<g class=\"series scatter\">"]
            for (k, (x, y)) in zip(s.xs, s.ys).enumerated() where x.isFinite && y.isFinite {
                let g = s.groups?[k] ?? 0
                let c = paletteColor(style.groupColors[min(g, style.groupColors.count - 1)]).svg
                out.append("<circle cx=\"\(svgNumber(t.sx(x)))\" cy=\"\(svgNumber(t.sy(y)))\" r=\"3.5\" fill=\"\(c)\" fill-opacity=\"0.8\"/>")
            }
            out.append("</g>")
            return out
        case .path(let s):
            var out = ["<g class=\"series optimizer-path\">",
                       "<path class=\"path-line\" d=\"\(pathData(s.xs, s.ys, t))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"]
            for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite {
                out.append("<circle class=\"iterate\" cx=\"\(svgNumber(t.sx(x)))\" cy=\"\(svgNumber(t.sy(y)))\" r=\"2.5\" fill=\"\(colour)\"/>")
            }
            if let x = s.xs.first, let y = s.ys.first, x.isFinite, y.isFinite {
                out.append("<circle class=\"start\" cx=\"\(svgNumber(t.sx(x)))\" cy=\"\(svgNumber(t.sy(y)))\" r=\"6\" fill=\"white\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
            }
            if s.xs.count > 1, let x = s.xs.last, let y = s.ys.last, x.isFinite, y.isFinite {
                out.append("<circle class=\"end\" cx=\"\(svgNumber(t.sx(x)))\" cy=\"\(svgNumber(t.sy(y)))\" r=\"6\" fill=\"\(colour)\"/>")
            }
            out.append("</g>")
            return out
        case .bars(let s):
            var out = ["<g class=\"series bars\">"]
            for (k, v) in s.values.enumerated() where v.isFinite {
                out.append(rect(x0: Double(k) - 0.35, x1: Double(k) + 0.35, y0: 0, y1: v, colour: colour, t))
            }
            out.append("</g>")
            return out
        case .histogram(let s):
            var out = ["<g class=\"series histogram\">"]
            for (k, v) in s.heights.enumerated() where v > 0 {
                out.append(rect(x0: s.edges[k], x1: s.edges[k + 1], y0: 0, y1: v, colour: colour, t))
            }
            out.append("</g>")
            return out
        case .contour(let s):
            var out = ["<g class=\"contour\" fill=\"none\" stroke-width=\"1.2\">"]
            for (k, level) in s.levels.enumerated() {
                let lines = s.contourLines(level: level)
                guard !lines.isEmpty else { continue }
                let d = lines.map { line in
                    line.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(svgNumber(t.sx($0.element.x))) \(svgNumber(t.sy($0.element.y)))" }
                        .joined(separator: " ")
                }.joined(separator: " ")
                let ramp = contourRamp[s.levels.count > 1 ? k * (contourRamp.count - 1) / (s.levels.count - 1) : 0]
                out.append("<path class=\"contour-line\" data-level=\"\(xmlEscaped(formatTableNumber(level)))\" d=\"\(d)\" stroke=\"\(ramp)\"/>")
            }
            out.append("</g>")
            return out
        case .reference(let r):
            let (x1, y1, x2, y2) = r.orientation == .vertical
                ? (t.sx(r.value), t.top, t.sx(r.value), t.bottom)
                : (t.left, t.sy(r.value), t.right, t.sy(r.value))
            return ["<line class=\"refline\" x1=\"\(svgNumber(x1))\" y1=\"\(svgNumber(y1))\" x2=\"\(svgNumber(x2))\" y2=\"\(svgNumber(y2))\" stroke=\"\(neutralColor.svg)\" stroke-width=\"1.5\" stroke-dasharray=\"4 4\"/>"]
        case .boxplot(let s):
            var out: [String] = []
            for (k, box) in s.boxes.enumerated() {
                let x = Double(k)
                let cx = svgNumber(t.sx(x))
                out.append("<g class=\"box\">")
                out.append("<line class=\"whisker\" x1=\"\(cx)\" y1=\"\(svgNumber(t.sy(box.upperWhisker)))\" x2=\"\(cx)\" y2=\"\(svgNumber(t.sy(box.lowerWhisker)))\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>")
                for v in [box.lowerWhisker, box.upperWhisker] {
                    out.append("<line class=\"whisker-cap\" x1=\"\(svgNumber(t.sx(x - 0.1)))\" y1=\"\(svgNumber(t.sy(v)))\" x2=\"\(svgNumber(t.sx(x + 0.1)))\" y2=\"\(svgNumber(t.sy(v)))\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>")
                }
                out.append(rect(x0: x - 0.25, x1: x + 0.25, y0: box.q1, y1: box.q3, colour: colour, t, stroke: true, className: "box-body"))
                out.append("<line class=\"median\" x1=\"\(svgNumber(t.sx(x - 0.25)))\" y1=\"\(svgNumber(t.sy(box.median)))\" x2=\"\(svgNumber(t.sx(x + 0.25)))\" y2=\"\(svgNumber(t.sy(box.median)))\" stroke=\"black\" stroke-width=\"2\"/>")
                for v in box.outliers {
                    out.append("<circle class=\"outlier\" cx=\"\(cx)\" cy=\"\(svgNumber(t.sy(v)))\" r=\"3\" fill=\"none\" stroke=\"\(colour)\"/>")
                }
                out.append("</g>")
            }
            return out
        }
    }

    /// Path data through the finite points; a NaN or infinity starts a new subpath.
    private func pathData(_ xs: [Double], _ ys: [Double], _ t: SVGTransform) -> String {
        var parts: [String] = []
        var pen = false
        for (x, y) in zip(xs, ys) {
            guard x.isFinite, y.isFinite else { pen = false; continue }
            parts.append("\(pen ? "L" : "M")\(svgNumber(t.sx(x))) \(svgNumber(t.sy(y)))")
            pen = true
        }
        return parts.joined(separator: " ")
    }

    /// A rectangle between two data corners.
    private func rect(x0: Double, x1: Double, y0: Double, y1: Double, colour: String, _ t: SVGTransform, stroke: Bool = false,
                      className: String = "bar") -> String {
        let left = min(t.sx(x0), t.sx(x1)), right = max(t.sx(x0), t.sx(x1))
        let top = min(t.sy(y0), t.sy(y1)), bottom = max(t.sy(y0), t.sy(y1))
        let outline = stroke ? " stroke=\"\(colour)\" stroke-width=\"1.5\"" : " stroke=\"white\" stroke-width=\"0.5\""
        return "<rect class=\"\(className)\" x=\"\(svgNumber(left))\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(right - left))\" height=\"\(svgNumber(bottom - top))\" fill=\"\(colour)\" fill-opacity=\"0.75\"\(outline)/>"
    }
}
