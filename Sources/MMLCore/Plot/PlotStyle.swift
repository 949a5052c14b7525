// Colours, markers and dash patterns, assigned to a figure's layers the same way for both renderers.

/// One palette entry: the SVG colour and the ANSI foreground code used for it on a terminal.
struct PaletteColor: Sendable {
    let svg: String
    let ansi: String
}

/// Plot colours, in the order series receive them (matplotlib's first six, which stay
/// distinguishable for the common kinds of colour blindness better than pure RGB).
let plotPalette: [PaletteColor] = [
    PaletteColor(svg: "#1f77b4", ansi: "34"),   // blue
    PaletteColor(svg: "#ff7f0e", ansi: "33"),   // orange → yellow on a terminal
    PaletteColor(svg: "#2ca02c", ansi: "32"),   // green
    PaletteColor(svg: "#d62728", ansi: "31"),   // red
    PaletteColor(svg: "#9467bd", ansi: "35"),   // purple
    PaletteColor(svg: "#17becf", ansi: "36"),   // cyan
]

/// The neutral colour of reference lines.
let neutralColor = PaletteColor(svg: "#555555", ansi: "90")

/// Palette entry `i` (cycling); negative means neutral.
func paletteColor(_ i: Int) -> PaletteColor {
    i < 0 ? neutralColor : plotPalette[i % plotPalette.count]
}

/// Marker characters for scatter groups on a terminal without colour.
let scatterMarkers: [Character] = ["•", "×", "+", "o", "*", "#"]

/// How a line is broken into dashes: on/off run lengths in braille dots (terminal) and, ×3, in SVG pixels.
enum DashPattern: Int, Sendable, CaseIterable {
    case solid, dashed, dotted, dashDot

    /// Alternating on/off run lengths; empty for solid.
    var runs: [Int] {
        switch self {
        case .solid: return []
        case .dashed: return [4, 3]
        case .dotted: return [1, 2]
        case .dashDot: return [5, 2, 1, 2]
        }
    }

    /// Whether the dot at `step` along the line is drawn.
    func isOn(_ step: Int) -> Bool {
        let runs = self.runs
        guard !runs.isEmpty else { return true }
        var k = step % runs.reduce(0, +)
        for (i, run) in runs.enumerated() {
            if k < run { return i % 2 == 0 }
            k -= run
        }
        return true
    }

    /// The SVG stroke-dasharray, nil for solid.
    var svgDashArray: String? {
        runs.isEmpty ? nil : runs.map { String($0 * 3) }.joined(separator: " ")
    }
}

/// The colour, marker and dash a layer is drawn with.
struct LayerStyle: Sendable {
    /// Palette index (negative = neutral).
    var color: Int
    /// Palette index of each scatter group (one entry otherwise).
    var groupColors: [Int]
    /// Marker of each scatter group, for terminals without colour.
    var groupMarkers: [Character]
    /// Dash pattern for lines when colour is off (and for reference lines always).
    var dash: DashPattern
}

extension Figure {
    /// Styles for each layer: automatic colours in order (a scatter with groups takes one per
    /// group), explicit `color` kept; lines get solid, dashed, dotted, dash-dot in turn.
    func layerStyles() -> [LayerStyle] {
        var nextColor = 0, nextDash = 0, nextMarker = 0
        func take(_ explicit: Int?) -> Int {
            if let explicit { return max(0, explicit) }
            defer { nextColor += 1 }
            return nextColor
        }
        func dash() -> DashPattern {
            defer { nextDash += 1 }
            return DashPattern(rawValue: nextDash % DashPattern.allCases.count) ?? .solid
        }
        return layers.map { layer in
            switch layer {
            case .line(let s):
                let c = take(s.color)
                return LayerStyle(color: c, groupColors: [c], groupMarkers: ["•"], dash: dash())
            case .scatter(let s):
                let n = s.groupCount
                let base = s.color ?? nextColor
                if s.color == nil { nextColor += n }
                let colors = (0..<n).map { base + $0 }
                let marks = (0..<n).map { scatterMarkers[(nextMarker + $0) % scatterMarkers.count] }
                nextMarker += n
                return LayerStyle(color: base, groupColors: colors, groupMarkers: marks, dash: .solid)
            case .path(let s):
                let c = take(s.color)
                return LayerStyle(color: c, groupColors: [c], groupMarkers: ["•"], dash: .solid)
            case .bars(let s):
                let c = take(s.color)
                return LayerStyle(color: c, groupColors: [c], groupMarkers: ["█"], dash: .solid)
            case .histogram(let s):
                let c = take(s.color)
                return LayerStyle(color: c, groupColors: [c], groupMarkers: ["█"], dash: .solid)
            case .boxplot(let s):
                let c = take(s.color)
                return LayerStyle(color: c, groupColors: [c], groupMarkers: ["•"], dash: .solid)
            case .contour, .reference:
                return LayerStyle(color: -1, groupColors: [-1], groupMarkers: ["•"], dash: .dotted)
            }
        }
    }
}
