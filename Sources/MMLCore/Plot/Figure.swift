// The figure model shared by the terminal and SVG renderers: labels, axis limits and layers.

/// One layer of a figure.
public enum PlotLayer: Sendable, Equatable {
    case line(LineSeries)
    case scatter(ScatterSeries)
    case bars(BarSeries)
    case histogram(HistogramSeries)
    case contour(ContourSeries)
    case path(PathSeries)
    case reference(ReferenceLine)
    case boxplot(BoxplotSeries)
}

/// A figure: layers drawn in order over shared axes, with a title, axis labels and a legend.
public struct Figure: Sendable, Equatable {
    public var title: String?
    public var xlabel: String?
    public var ylabel: String?
    /// Fixed x-axis limits; nil chooses them from the data.
    public var xlim: ClosedRange<Double>?
    /// Fixed y-axis limits; nil chooses them from the data.
    public var ylim: ClosedRange<Double>?
    /// Show the legend: nil shows it when at least one layer has a label.
    public var showLegend: Bool?
    /// The layers, drawn first to last.
    public var layers: [PlotLayer]

    /// A figure with the given labels and layers.
    public init(title: String? = nil, xlabel: String? = nil, ylabel: String? = nil,
                xlim: ClosedRange<Double>? = nil, ylim: ClosedRange<Double>? = nil,
                showLegend: Bool? = nil, layers: [PlotLayer] = []) {
        self.title = title
        self.xlabel = xlabel
        self.ylabel = ylabel
        self.xlim = xlim
        self.ylim = ylim
        self.showLegend = showLegend
        self.layers = layers
    }

    /// Adds a layer on top of the others.
    public mutating func add(_ layer: PlotLayer) {
        layers.append(layer)
    }

    /// Categories on the x axis when the figure has bars or boxes (their labels), else nil.
    var categories: [String]? {
        var labels: [String]?
        for layer in layers {
            var these: [String]?
            if case .bars(let b) = layer { these = b.labels }
            if case .boxplot(let b) = layer { these = b.boxes.map(\.label) }
            if let these, these.count > (labels?.count ?? -1) { labels = these }
        }
        return labels
    }
}
