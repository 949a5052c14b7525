// Renders a Figure as terminal text: title, y tick labels on the left, the braille plot area,
// the x axis with tick labels, the x label and a legend. Deterministic: same figure, same text.

/// Options for terminal rendering.
public struct TerminalPlotOptions: Sendable, Equatable {
    /// Total width in columns (the terminal's width; 80 when output is not a terminal).
    public var width: Int
    /// Height of the plot area in rows.
    public var height: Int
    /// Use ANSI colours (only on a terminal, never with NO_COLOR). Without colour, series
    /// are told apart by dash patterns and marker characters.
    public var color: Bool

    /// Options; width is clamped to at least 30 and height to at least 5 when rendering.
    public init(width: Int = 80, height: Int = 20, color: Bool = false) {
        self.width = width
        self.height = height
        self.color = color
    }
}

/// Maps data coordinates to the canvas.
struct TerminalTransform {
    let x: AxisRange
    let y: AxisRange
    let cols: Int
    let rows: Int

    /// Continuous braille pixel column of `v`.
    func px(_ v: Double) -> Double { (v - x.lo) / x.span * Double(cols * 2 - 1) }
    /// Continuous braille pixel row of `v` (0 at the top).
    func py(_ v: Double) -> Double { (y.hi - v) / y.span * Double(rows * 4 - 1) }
    /// Continuous cell column of `v` (0 at the left edge of the plot).
    func cellX(_ v: Double) -> Double { (v - x.lo) / x.span * Double(cols) }
    /// Height of `v` above the bottom edge in eighths of a row.
    func eighths(_ v: Double) -> Double { (v - y.lo) / y.span * Double(rows * 8) }
    /// The cell row holding `v`, clamped to finite Int range (may lie outside the grid).
    func row(_ v: Double) -> Int { clampedInt(py(v).rounded() / 4) }
    /// The cell column holding `v`.
    func col(_ v: Double) -> Int { clampedInt(px(v).rounded() / 2) }
}

/// `v` rounded down to an Int, kept within ±1e9 so conversion can never trap.
func clampedInt(_ v: Double) -> Int {
    guard v.isFinite else { return v > 0 ? 1_000_000_000 : -1_000_000_000 }
    return Int(min(max(v.rounded(.down), -1e9), 1e9))
}

extension Figure {
    /// The figure as terminal text (lines joined by "\n", no trailing newline).
    public func renderTerminal(_ options: TerminalPlotOptions = TerminalPlotOptions()) -> String {
        let width = min(max(options.width, 30), 1000)
        let rows = min(max(options.height, 5), 200)
        let (xr, yr) = axisRanges()
        let yScale = NiceScale(lo: yr.lo, hi: yr.hi, maxTicks: max(2, rows / 4 + 1))
        let leftWidth = yScale.labels.map(\.count).max() ?? 1
        let cols = max(10, width - leftWidth - 3)
        let t = TerminalTransform(x: xr, y: yr, cols: cols, rows: rows)
        let styles = layerStyles()

        var canvas = TerminalCanvas(cols: cols, rows: rows)
        let useMarkers = !options.color && dataSeriesCount > 1
        for (layer, style) in zip(layers, styles) {
            draw(layer, style: style, on: &canvas, t, useMarkers: useMarkers, color: options.color)
        }

        var lines: [String] = []
        let indent = String(repeating: " ", count: leftWidth + 2)
        if let title, !title.isEmpty { lines.append(fitted(indent + centred(title, in: cols), width)) }
        if let ylabel, !ylabel.isEmpty { lines.append(fitted(ylabel, width)) }
        var tickRows: [Int: String] = [:]
        for (v, label) in zip(yScale.ticks, yScale.labels) {
            let r = t.row(v)
            if r >= 0 && r < rows && tickRows[r] == nil { tickRows[r] = label }
        }
        for r in 0..<rows {
            var line = padLeft(tickRows[r] ?? "", leftWidth) + " " + (tickRows[r] == nil ? "│" : "┤")
            line += renderCells(canvas, row: r, color: options.color)
            lines.append(trimTrailing(line))
        }
        let (axisLine, labelLine) = xAxisLines(t, leftWidth: leftWidth)
        lines.append(axisLine)
        lines.append(trimTrailing(labelLine))
        if let xlabel, !xlabel.isEmpty { lines.append(fitted(trimTrailing(indent + centred(xlabel, in: cols)), width)) }
        lines.append(contentsOf: legendLines(styles: styles, useMarkers: useMarkers, color: options.color, width: width))
        return lines.joined(separator: "\n")
    }

    /// Series that need telling apart: each line, path, bar set, histogram, box set and scatter group.
    var dataSeriesCount: Int {
        layers.reduce(0) { n, layer in
            switch layer {
            case .scatter(let s): return n + s.groupCount
            case .contour, .reference: return n
            default: return n + 1
            }
        }
    }

    /// One row of cells, with ANSI colour runs when asked.
    private func renderCells(_ canvas: TerminalCanvas, row: Int, color: Bool) -> String {
        var out = ""
        var current: Int? = nil
        for c in 0..<canvas.cols {
            let (ch, colorIndex) = canvas.cell(col: c, row: row)
            let wanted = color && ch != " " ? colorIndex : nil
            if wanted != current {
                if current != nil { out += "\u{1B}[0m" }
                if let wanted { out += "\u{1B}[\(paletteColor(wanted).ansi)m" }
                current = wanted
            }
            out.append(ch)
        }
        if current != nil { out += "\u{1B}[0m" }
        return out
    }

    /// The x axis line with tick marks, and the tick labels under it (overlapping labels are
    /// thinned: fewer ticks are tried until the labels fit).
    private func xAxisLines(_ t: TerminalTransform, leftWidth: Int) -> (String, String) {
        let cols = t.cols
        var placed: [(col: Int, label: String)] = []
        if let categories {
            let slot = max(1, cols / max(1, categories.count))
            for (k, name) in categories.enumerated() {
                let c = t.col(Double(k))
                guard c >= 0 && c < cols else { continue }
                placed.append((c, String(name.prefix(max(1, slot - 1)))))
            }
        } else {
            var maxTicks = max(2, cols / 8)
            while true {
                let scale = NiceScale(lo: t.x.lo, hi: t.x.hi, maxTicks: maxTicks)
                let candidate = zip(scale.ticks, scale.labels).map { (t.col($0), $1) }.filter { $0.0 >= 0 && $0.0 < cols }
                if labelsFit(candidate, cols: cols) || maxTicks <= 2 {
                    placed = candidate.map { (col: $0.0, label: $0.1) }
                    break
                }
                maxTicks -= 1
            }
        }
        var axis = Array(repeating: Character("─"), count: cols)
        for p in placed { axis[p.col] = "┬" }
        let axisLine = String(repeating: " ", count: leftWidth + 1) + "└" + String(axis)
        var labels = Array(repeating: Character(" "), count: leftWidth + 3 + cols)
        var lastEnd = -1
        for p in placed {
            let chars = Array(p.label)
            let start = max(0, leftWidth + 2 + p.col - (chars.count - 1) / 2)
            guard start > lastEnd, start + chars.count <= labels.count else { continue }
            for (k, ch) in chars.enumerated() { labels[start + k] = ch }
            lastEnd = start + chars.count
        }
        return (axisLine, String(labels))
    }

    private func labelsFit(_ placed: [(Int, String)], cols: Int) -> Bool {
        var lastEnd = -2
        for (c, label) in placed {
            let start = c - (label.count - 1) / 2
            if start <= lastEnd + 1 { return false }
            lastEnd = start + label.count - 1
        }
        return true
    }
}

/// `s` cut to `width` columns, ending in "…" when it was longer (for text without colour codes).
func fitted(_ s: String, _ width: Int) -> String {
    guard s.count > width else { return s }
    let trimmed = s.drop { $0 == " " }
    if trimmed.count <= width { return String(repeating: " ", count: width - trimmed.count) + trimmed }
    return String(trimmed.prefix(max(0, width - 1))) + "…"
}

/// `s` centred in `width` columns (left-aligned when longer).
func centred(_ s: String, in width: Int) -> String {
    let gap = max(0, width - s.count)
    return String(repeating: " ", count: gap / 2) + s
}
