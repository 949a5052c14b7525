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
