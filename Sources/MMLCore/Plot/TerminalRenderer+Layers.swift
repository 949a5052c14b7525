// How each kind of layer is drawn on the terminal canvas, and the legend below the plot.

/// Lower eighth blocks, index = eighths filled (0 = none).
private let lowerBlocks: [Character?] = [nil, "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
/// Contour shades from the lowest band to the highest.
let contourShades: [Character] = [" ", "·", "░", "▒", "▓", "█"]

extension Figure {
    func draw(_ layer: PlotLayer, style: LayerStyle, on canvas: inout TerminalCanvas, _ t: TerminalTransform,
              useMarkers: Bool, color: Bool) {
        switch layer {
        case .line(let s):
            polyline(s.xs, s.ys, color: style.color, dash: color ? .solid : style.dash, on: &canvas, t)
        case .path(let s):
            polyline(s.xs, s.ys, color: style.color, dash: .solid, on: &canvas, t)
            for (x, y) in zip(s.xs, s.ys) { canvas.dot(x: t.px(x), y: t.py(y), color: style.color) }
            if let x = s.xs.first, let y = s.ys.first { canvas.mark(col: t.col(x), row: t.row(y), "○", color: style.color) }
            if s.xs.count > 1, let x = s.xs.last, let y = s.ys.last {
                canvas.mark(col: t.col(x), row: t.row(y), "●", color: style.color)
            }
        case .scatter(let s):
            for (k, (x, y)) in zip(s.xs, s.ys).enumerated() where x.isFinite && y.isFinite {
                let g = s.groups?[k] ?? 0
                let c = style.groupColors[min(g, style.groupColors.count - 1)]
                if useMarkers {
                    canvas.mark(col: t.col(x), row: t.row(y), style.groupMarkers[min(g, style.groupMarkers.count - 1)], color: c)
                } else {
                    canvas.dot(x: t.px(x), y: t.py(y), color: c)
                }
            }
        case .reference(let r):
            var step = 0
            if r.orientation == .vertical {
                canvas.line(t.px(r.value), 0, t.px(r.value), Double(canvas.pixelHeight - 1), color: -1, dash: .dotted, step: &step)
            } else {
                canvas.line(0, t.py(r.value), Double(canvas.pixelWidth - 1), t.py(r.value), color: -1, dash: .dotted, step: &step)
            }
        case .bars(let s):
            for (k, v) in s.values.enumerated() {
                let c0 = clampedInt(t.cellX(Double(k) - 0.3)), c1 = max(c0 + 1, clampedInt(t.cellX(Double(k) + 0.3).rounded(.up)))
                let first = max(0, c0), last = min(canvas.cols, c1)
                guard first < last else { continue }
                for c in first..<last { column(c, value: v, color: style.color, on: &canvas, t) }
            }
        case .histogram(let s):
            for c in 0..<canvas.cols {
                let x = t.x.lo + (Double(c) + 0.5) / Double(canvas.cols) * t.x.span
                if let k = Histogram.binIndex(of: x, edges: s.edges) {
                    column(c, value: s.heights[k], color: style.color, on: &canvas, t)
                }
            }
        case .contour(let s):
            guard !s.levels.isEmpty else { return }
            for row in 0..<canvas.rows {
                for c in 0..<canvas.cols {
                    let x = t.x.lo + (Double(c) + 0.5) / Double(canvas.cols) * t.x.span
                    let y = t.y.hi - (Double(row) + 0.5) / Double(canvas.rows) * t.y.span
                    guard let v = s.value(atX: x, y: y) else { continue }
                    let shade = s.band(of: v) * (contourShades.count - 1) / s.levels.count
                    if shade > 0 { canvas.setFill(col: c, row: row, contourShades[shade], color: nil) }
                }
            }
        case .boxplot(let s):
            for (k, box) in s.boxes.enumerated() { drawBox(box, at: Double(k), color: style.color, on: &canvas, t) }
        }
    }

    /// A polyline in braille; non-finite points break it.
    private func polyline(_ xs: [Double], _ ys: [Double], color: Int, dash: DashPattern, on canvas: inout TerminalCanvas,
                          _ t: TerminalTransform) {
        var step = 0
        var previous: (Double, Double)?
        for (x, y) in zip(xs, ys) {
            guard x.isFinite, y.isFinite else { previous = nil; continue }
            let p = (t.px(x), t.py(y))
            if let q = previous {
                canvas.line(q.0, q.1, p.0, p.1, color: color, dash: dash, step: &step)
            } else {
                canvas.dot(x: p.0, y: p.1, color: color)
            }
            previous = p
        }
    }

    /// One column of a bar from zero to `value`, in eighth blocks (upwards) or full and
    /// half blocks (downwards, where Unicode has no eighths).
    private func column(_ c: Int, value: Double, color: Int, on canvas: inout TerminalCanvas, _ t: TerminalTransform) {
        guard value.isFinite else { return }
        let total = canvas.rows * 8
        let base = (min(max(t.eighths(0), 0), Double(total)) / 8).rounded() * 8
        let top = min(max(t.eighths(value), 0), Double(total)).rounded()
        let b = Int(base), e = Int(top)
        for r in 0..<canvas.rows {
            let lo = r * 8, row = canvas.rows - 1 - r
            if e > b {
                let filled = min(max(e - max(b, lo), 0), 8)
                if lo >= b, let ch = lowerBlocks[filled] { canvas.setFill(col: c, row: row, ch, color: color) }
            } else if e < b {
                let filled = min(max(min(b, lo + 8) - max(e, lo), 0), 8)
                if lo + 8 <= b && filled > 0 {
                    canvas.setFill(col: c, row: row, filled >= 6 ? "█" : filled >= 3 ? "▀" : "▔", color: color)
                }
            }
        }
    }

    /// A vertical box with whiskers at category `x`: box edges, a heavy median line, whisker
    /// caps and outlier dots.
    private func drawBox(_ box: BoxStats, at x: Double, color: Int, on canvas: inout TerminalCanvas, _ t: TerminalTransform) {
        let centre = clampedInt(t.cellX(x))
        let half = max(1, min(4, clampedInt(t.cellX(x + 0.25) - t.cellX(x))))
        let left = centre - half, right = centre + half
        // Rows are clamped to just outside the grid so a box far off-screen costs nothing.
        func row(_ v: Double) -> Int { min(max(t.row(v), -1), canvas.rows) }
        let top = row(box.q3), bottom = row(box.q1), median = row(box.median)
        let upper = row(box.upperWhisker), lower = row(box.lowerWhisker)
        if upper < top { for r in upper..<top { canvas.mark(col: centre, row: r, "│", color: color) } }
        if lower > bottom { for r in (bottom + 1)...lower { canvas.mark(col: centre, row: r, "│", color: color) } }
        for c in (centre - 1)...(centre + 1) {
            canvas.mark(col: c, row: upper, "─", color: color)
            canvas.mark(col: c, row: lower, "─", color: color)
        }
        for r in top...max(top, bottom) {
            for c in left...right {
                let ch: Character
                if r == median { ch = c == left ? "┝" : c == right ? "┥" : "━" }
                else if r == top { ch = c == left ? "┌" : c == right ? "┐" : "─" }
                else if r == bottom { ch = c == left ? "└" : c == right ? "┘" : "─" }
                else { ch = c == left || c == right ? "│" : " " }
                canvas.mark(col: c, row: r, ch, color: color)
            }
        }
        for v in box.outliers { canvas.mark(col: centre, row: t.row(v), "•", color: color) }
    }

    /// Legend entries wrapped to `width`, plus a note on contour shading.
    func legendLines(styles: [LayerStyle], useMarkers: Bool, color: Bool, width: Int) -> [String] {
        var lines: [String] = []
        var current = "", currentWidth = 0
        for item in legendItems(styles: styles) {
            let sample: String
            switch item.sample {
            case .line(let dash): sample = lineSample(color ? .solid : dash)
            case .point(let marker): sample = useMarkers ? String(marker) : "⠶"
            case .block: sample = "█"
            case .path: sample = "○⠒●"
            case .box: sample = "┝━┥"
            case .reference: sample = lineSample(.dotted)
            }
            let text = fitted(item.text, max(1, width - sample.count - 3))
            let piece = (color ? "\u{1B}[\(paletteColor(item.color).ansi)m\(sample)\u{1B}[0m" : sample) + " " + text
            let pieceWidth = sample.count + 1 + text.count
            if currentWidth > 0 && currentWidth + 3 + pieceWidth > width {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            current += (currentWidth > 0 ? "   " : "  ") + piece
            currentWidth += (currentWidth > 0 ? 3 : 2) + pieceWidth
        }
        if currentWidth > 0 { lines.append(current) }
        for layer in layers {
            if case .contour(let s) = layer, let lo = s.levels.first, let hi = s.levels.last {
                let step = s.levels.count > 1 ? s.levels[1] - s.levels[0] : 1
                let range = lo == hi ? formatTick(lo, step: step) : "\(formatTick(lo, step: step)) to \(formatTick(hi, step: step))"
                lines.append(fitted("  shading ·░▒▓█ rises with \(s.label ?? "z"): \(s.levels.count) level\(s.levels.count == 1 ? "" : "s") from \(range)", width))
            }
        }
        return lines
    }

    /// Three braille cells of a horizontal line in the given dash pattern.
    private func lineSample(_ dash: DashPattern) -> String {
        var canvas = TerminalCanvas(cols: 3, rows: 1)
        var step = 0
        canvas.line(0, 2, 5, 2, color: 0, dash: dash, step: &step)
        return String((0..<3).map { canvas.cell(col: $0, row: 0).0 })
    }
}
