// The layers a figure is made of: plain data, no drawing code (the renderers draw them).

/// A polyline through (x, y) points; a NaN or infinite y (or x) breaks the line there.
public struct LineSeries: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]
    /// Legend text; unlabelled series are left out of the legend.
    public var label: String?
    /// Palette index; nil picks the next free colour.
    public var color: Int?

    /// A line; `xs` and `ys` must have the same length.
    public init(xs: [Double], ys: [Double], label: String? = nil, color: Int? = nil) throws {
        try checkSameLength(xs, ys, "a line")
        self.xs = xs
        self.ys = ys
        self.label = label
        self.color = color
    }
}

/// Points; optionally each point has a group (0, 1, 2, …) that picks its colour or marker,
/// e.g. PCA scores coloured by species, with `groupNames` for the legend.
public struct ScatterSeries: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]
    /// Group index of each point (same length as `xs`), or nil for one group.
    public var groups: [Int]?
    /// Legend names of the groups, by group index.
    public var groupNames: [String]?
    public var label: String?
    public var color: Int?

    /// Points; `xs`, `ys` (and `groups`) must have the same length, groups must be ≥ 0.
    public init(xs: [Double], ys: [Double], groups: [Int]? = nil, groupNames: [String]? = nil,
                label: String? = nil, color: Int? = nil) throws {
        try checkSameLength(xs, ys, "a scatter plot")
        if let groups {
            guard groups.count == xs.count else {
                throw PlotError("a scatter plot got \(groups.count) group labels for \(xs.count) points")
            }
            guard groups.allSatisfy({ $0 >= 0 && $0 < 64 }) else {
                throw PlotError("scatter groups must be numbered 0 to 63")
            }
        }
        self.xs = xs
        self.ys = ys
        self.groups = groups
        self.groupNames = groupNames
        self.label = label
        self.color = color
    }

    /// Number of groups (1 without groups).
    public var groupCount: Int { (groups?.max() ?? 0) + 1 }
}

/// Bars at categories 0, 1, 2, … on the x axis, labelled below.
public struct BarSeries: Sendable, Equatable {
    public var labels: [String]
    public var values: [Double]
    public var label: String?
    public var color: Int?

    /// Bars; one label per value.
    public init(labels: [String], values: [Double], label: String? = nil, color: Int? = nil) throws {
        guard labels.count == values.count else {
            throw PlotError("bar needs one label per value, but got \(labels.count) labels and \(values.count) values")
        }
        self.labels = labels
        self.values = values
        self.label = label
        self.color = color
    }
}

/// Histogram bars: `edges.count == heights.count + 1`; heights are counts or densities.
public struct HistogramSeries: Sendable, Equatable {
    /// Bin edges, increasing.
    public var edges: [Double]
    /// Bar heights (counts, or densities when `density` is true).
    public var heights: [Double]
    /// Number of data points in each bin.
    public var counts: [Int]
    /// True when heights are densities (the bars' total area is 1).
    public var density: Bool
    public var label: String?
    public var color: Int?

    /// A histogram from edges and heights (use `Histogram.compute` to bin data).
    public init(edges: [Double], heights: [Double], counts: [Int], density: Bool, label: String? = nil, color: Int? = nil) throws {
        guard edges.count == heights.count + 1, counts.count == heights.count, !heights.isEmpty else {
            throw PlotError("a histogram needs one more edge than bins")
        }
        self.edges = edges
        self.heights = heights
        self.counts = counts
        self.density = density
        self.label = label
        self.color = color
    }
}

/// z sampled on a grid: `z[j * xs.count + i]` is the value at (`xs[i]`, `ys[j]`); NaN where undefined.
public struct ContourSeries: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]
    public var z: [Double]
    /// The z values drawn as contour lines (SVG) or shading boundaries (terminal), increasing.
    public var levels: [Double]
    public var label: String?

    /// A contour grid; `levels` nil chooses round-number levels from the data.
    public init(xs: [Double], ys: [Double], z: [Double], levels: [Double]? = nil, label: String? = nil) throws {
        guard xs.count >= 2, ys.count >= 2 else { throw PlotError("a contour grid needs at least 2 x and 2 y values") }
        guard isIncreasing(xs), isIncreasing(ys) else {
            throw PlotError("a contour grid's x and y values must be finite and strictly increasing")
        }
        guard z.count == xs.count * ys.count else {
            throw PlotError("a contour grid of \(xs.count)×\(ys.count) points needs \(xs.count * ys.count) z values, not \(z.count)")
        }
        self.xs = xs
        self.ys = ys
        self.z = z
        self.levels = (levels ?? ContourLevels.choose(z: z)).filter(\.isFinite).sorted()
        self.label = label
    }
}

/// An optimizer's iterates, drawn as a line with a marker at every point, the start and the end.
public struct PathSeries: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]
    public var label: String?
    public var color: Int?

    /// A path; `xs` and `ys` must have the same length.
    public init(xs: [Double], ys: [Double], label: String? = nil, color: Int? = nil) throws {
        try checkSameLength(xs, ys, "a path")
        self.xs = xs
        self.ys = ys
        self.label = label
        self.color = color
    }
}

/// A vertical (x = value) or horizontal (y = value) line across the whole plot.
public struct ReferenceLine: Sendable, Equatable {
    public enum Orientation: Sendable, Equatable { case vertical, horizontal }
    public var orientation: Orientation
    public var value: Double
    public var label: String?

    /// A reference line.
    public init(_ orientation: Orientation, at value: Double, label: String? = nil) {
        self.orientation = orientation
        self.value = value
        self.label = label
    }
}

/// Box-and-whisker summaries, one box per category 0, 1, 2, … on the x axis.
public struct BoxplotSeries: Sendable, Equatable {
    public var boxes: [BoxStats]
    public var label: String?
    public var color: Int?

    /// Boxes (use `BoxStats.compute` for each group of data).
    public init(boxes: [BoxStats], label: String? = nil, color: Int? = nil) {
        self.boxes = boxes
        self.label = label
        self.color = color
    }
}

/// True when every value is finite and larger than the one before.
func isIncreasing(_ v: [Double]) -> Bool {
    v.allSatisfy(\.isFinite) && zip(v, v.dropFirst()).allSatisfy { $0 < $1 }
}
