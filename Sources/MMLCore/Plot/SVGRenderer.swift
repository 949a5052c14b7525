// Renders a Figure as a standalone SVG document (800×500 by default): grid, axes, ticks,
// labels, title, the layers clipped to the plot area, and a legend box.
import Glibc

/// Maps data coordinates to SVG pixels.
struct SVGTransform {
    let x: AxisRange
    let y: AxisRange
    let left: Double, top: Double, width: Double, height: Double

    func sx(_ v: Double) -> Double { clampCoordinate(left + (v - x.lo) / x.span * width) }
    func sy(_ v: Double) -> Double { clampCoordinate(top + (y.hi - v) / y.span * height) }
    var right: Double { left + width }
    var bottom: Double { top + height }
}

/// Keeps far off-plot coordinates printable (the clip path hides them anyway).
private func clampCoordinate(_ v: Double) -> Double { min(max(v, -1e5), 1e5) }

/// A coordinate or length with two decimals, no trailing zeros ("12.5", "3").
func svgNumber(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    var s = String(cFormat: "%.2f", v)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s == "-0" ? "0" : s
}

/// Text escaped for XML content and attribute values.
func xmlEscaped(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default:
            // Control characters other than tab and newline are not allowed in XML 1.0.
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { out += " " } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}

extension Figure {
    /// The figure as a standalone SVG document of `width × height` pixels.
    public func renderSVG(width: Int = 800, height: Int = 500) -> String {
        let w = Double(min(max(width, 200), 10_000)), h = Double(min(max(height, 150), 10_000))
        let (xr, yr) = axisRanges()
        let hasTitle = !(title ?? "").isEmpty
        let top = hasTitle ? 45.0 : 20.0
        let left = 72.0, right = 24.0, bottom = (xlabel ?? "").isEmpty ? 40.0 : 60.0
        let t = SVGTransform(x: xr, y: yr, left: left, top: top, width: w - left - right, height: h - top - bottom)
        let styles = layerStyles()

        var out: [String] = []
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">")
        if let title, hasTitle { out.append("<title>\(xmlEscaped(title))</title>") }
        out.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(Int(w))\" height=\"\(Int(h))\" fill=\"white\"/>")
        out.append("<defs><clipPath id=\"plot-area\"><rect x=\"\(svgNumber(t.left))\" y=\"\(svgNumber(t.top))\" width=\"\(svgNumber(t.width))\" height=\"\(svgNumber(t.height))\"/></clipPath></defs>")

        let yScale = NiceScale(lo: yr.lo, hi: yr.hi, maxTicks: 7)
        let xTicks: [(Double, String)]
        if let categories {
            xTicks = categories.enumerated().map { (Double($0.offset), $0.element) }
        } else {
            let xScale = NiceScale(lo: xr.lo, hi: xr.hi, maxTicks: 9)
            xTicks = Array(zip(xScale.ticks, xScale.labels))
        }
        // Light grid lines behind the data.
        out.append("<g class=\"grid\" stroke=\"#e8e8e8\" stroke-width=\"1\">")
        for (v, _) in xTicks where categories == nil {
            out.append("<line x1=\"\(svgNumber(t.sx(v)))\" y1=\"\(svgNumber(t.top))\" x2=\"\(svgNumber(t.sx(v)))\" y2=\"\(svgNumber(t.bottom))\"/>")
        }
        for v in yScale.ticks {
            out.append("<line x1=\"\(svgNumber(t.left))\" y1=\"\(svgNumber(t.sy(v)))\" x2=\"\(svgNumber(t.right))\" y2=\"\(svgNumber(t.sy(v)))\"/>")
        }
        out.append("</g>")

        out.append("<g class=\"layers\" clip-path=\"url(#plot-area)\">")
        for (layer, style) in zip(layers, styles) { out.append(contentsOf: svgElements(layer, style: style, t)) }
        out.append("</g>")

        // Axes, ticks and tick labels.
        out.append("<g class=\"axes\" stroke=\"#333333\" stroke-width=\"1\">")
        out.append("<line class=\"axis x-axis\" x1=\"\(svgNumber(t.left))\" y1=\"\(svgNumber(t.bottom))\" x2=\"\(svgNumber(t.right))\" y2=\"\(svgNumber(t.bottom))\"/>")
        out.append("<line class=\"axis y-axis\" x1=\"\(svgNumber(t.left))\" y1=\"\(svgNumber(t.top))\" x2=\"\(svgNumber(t.left))\" y2=\"\(svgNumber(t.bottom))\"/>")
        for (v, _) in xTicks {
            out.append("<line class=\"tick x-tick\" x1=\"\(svgNumber(t.sx(v)))\" y1=\"\(svgNumber(t.bottom))\" x2=\"\(svgNumber(t.sx(v)))\" y2=\"\(svgNumber(t.bottom + 5))\"/>")
        }
        for v in yScale.ticks {
            out.append("<line class=\"tick y-tick\" x1=\"\(svgNumber(t.left - 5))\" y1=\"\(svgNumber(t.sy(v)))\" x2=\"\(svgNumber(t.left))\" y2=\"\(svgNumber(t.sy(v)))\"/>")
        }
        out.append("</g>")
        out.append("<g class=\"tick-labels\" fill=\"#333333\">")
        for (v, label) in xTicks where !label.isEmpty {  // one unnamed box has a tick but no label
            out.append("<text class=\"tick-label x-tick-label\" x=\"\(svgNumber(t.sx(v)))\" y=\"\(svgNumber(t.bottom + 18))\" text-anchor=\"middle\">\(xmlEscaped(label))</text>")
        }
        for (v, label) in zip(yScale.ticks, yScale.labels) {
            out.append("<text class=\"tick-label y-tick-label\" x=\"\(svgNumber(t.left - 8))\" y=\"\(svgNumber(t.sy(v) + 4))\" text-anchor=\"end\">\(xmlEscaped(label))</text>")
        }
        out.append("</g>")

        if let title, hasTitle {
            out.append("<text class=\"title\" x=\"\(svgNumber(t.left + t.width / 2))\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">\(xmlEscaped(title))</text>")
        }
        if let xlabel, !xlabel.isEmpty {
            out.append("<text class=\"xlabel\" x=\"\(svgNumber(t.left + t.width / 2))\" y=\"\(svgNumber(h - 14))\" text-anchor=\"middle\" font-size=\"13\">\(xmlEscaped(xlabel))</text>")
        }
        if let ylabel, !ylabel.isEmpty {
            let cx = 18.0, cy = t.top + t.height / 2
            out.append("<text class=\"ylabel\" x=\"\(svgNumber(cx))\" y=\"\(svgNumber(cy))\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 \(svgNumber(cx)) \(svgNumber(cy)))\">\(xmlEscaped(ylabel))</text>")
        }
        out.append(contentsOf: svgLegend(legendItems(styles: styles), t))
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// A legend box in the corner of the plot where it hides the least data.
    private func svgLegend(_ items: [LegendItem], _ t: SVGTransform) -> [String] {
        guard !items.isEmpty else { return [] }
        let longest = items.map(\.text.count).max() ?? 0
        let boxWidth = 44.0 + 7.0 * Double(longest), rowHeight = 18.0
        let boxHeight = rowHeight * Double(items.count) + 8
        let corner = bestLegendCorner(width: (boxWidth + 8) / t.width, height: (boxHeight + 8) / t.height, x: t.x, y: t.y)
        let x0 = corner == .topRight || corner == .bottomRight ? t.right - boxWidth - 8 : t.left + 8
        let y0 = corner == .topRight || corner == .topLeft ? t.top + 8 : t.bottom - boxHeight - 8
        var out = ["<g class=\"legend\">",
                   "<rect x=\"\(svgNumber(x0))\" y=\"\(svgNumber(y0))\" width=\"\(svgNumber(boxWidth))\" height=\"\(svgNumber(boxHeight))\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#999999\"/>"]
        for (k, item) in items.enumerated() {
            let cy = y0 + 4 + rowHeight * (Double(k) + 0.5)
            let colour = paletteColor(item.color).svg
            switch item.sample {
            case .line, .reference, .path:
                let dash = item.sample == .reference ? " stroke-dasharray=\"4 4\"" : ""
                out.append("<line x1=\"\(svgNumber(x0 + 8))\" y1=\"\(svgNumber(cy))\" x2=\"\(svgNumber(x0 + 30))\" y2=\"\(svgNumber(cy))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>")
                if item.sample == .path {
                    out.append("<circle cx=\"\(svgNumber(x0 + 30))\" cy=\"\(svgNumber(cy))\" r=\"3\" fill=\"\(colour)\"/>")
                }
            case .point:
                out.append("<circle cx=\"\(svgNumber(x0 + 19))\" cy=\"\(svgNumber(cy))\" r=\"4\" fill=\"\(colour)\"/>")
            case .block, .box:
                out.append("<rect x=\"\(svgNumber(x0 + 12))\" y=\"\(svgNumber(cy - 6))\" width=\"14\" height=\"12\" fill=\"\(colour)\" fill-opacity=\"0.75\"/>")
            }
            out.append("<text x=\"\(svgNumber(x0 + 38))\" y=\"\(svgNumber(cy + 4))\">\(xmlEscaped(item.text))</text>")
        }
        out.append("</g>")
        return out
    }
}
