// Chooses a figure's axis ranges from its layers: data extents, a small margin, bars from zero.

/// The data range an axis shows.
struct AxisRange: Equatable {
    var lo: Double
    var hi: Double

    var span: Double { hi - lo }
}

/// Running minimum and maximum of the finite values seen.
private struct Extent {
    var lo = Double.infinity
    var hi = -Double.infinity

    mutating func add(_ v: Double) {
        guard v.isFinite else { return }
        lo = min(lo, v)
        hi = max(hi, v)
    }

    mutating func add<S: Sequence>(_ values: S) where S.Element == Double {
        for v in values { add(v) }
    }

    var isEmpty: Bool { lo > hi }
}

extension Figure {
    /// The x and y ranges to draw: `xlim`/`ylim` when set, else the data extents. Scatter
    /// points, paths and boxes get a 4% margin so markers are not cut in half; bars and
    /// histograms start at zero; a contour grid fills the plot exactly.
    func axisRanges() -> (x: AxisRange, y: AxisRange) {
        var xs = Extent(), ys = Extent()
        var padX = false, padY = false
        var zeroBaseline = false, hasContour = false
        for layer in layers {
            switch layer {
            case .line(let s):
                for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite {
                    xs.add(x)
                    ys.add(y)
                }
                padY = true
            case .scatter(let s):
                xs.add(s.xs); ys.add(s.ys)
                padX = true; padY = true
            case .path(let s):
                xs.add(s.xs); ys.add(s.ys)
                padX = true; padY = true
            case .bars(let s):
                xs.add([-0.5, Double(s.values.count) - 0.5])
                ys.add(s.values); ys.add(0)
                zeroBaseline = true
            case .histogram(let s):
                xs.add(s.edges)
                ys.add(s.heights); ys.add(0)
                zeroBaseline = true
            case .contour(let s):
                xs.add(s.xs); ys.add(s.ys)
                hasContour = true
            case .reference(let r):
                if r.orientation == .vertical { xs.add(r.value) } else { ys.add(r.value) }
            case .boxplot(let s):
                xs.add([-0.5, Double(s.boxes.count) - 0.5])
                for box in s.boxes {
                    ys.add([box.lowerWhisker, box.upperWhisker])
                    ys.add(box.outliers)
                }
                padY = true
            }
        }
        if hasContour { padX = false; padY = false }
        var x = Figure.finish(xs, pad: padX ? 0.04 : 0, zeroBaseline: false)
        var y = Figure.finish(ys, pad: padY || zeroBaseline ? 0.05 : 0, zeroBaseline: zeroBaseline)
        if let xlim, xlim.upperBound > xlim.lowerBound, xlim.lowerBound.isFinite, xlim.upperBound.isFinite {
            x = AxisRange(lo: xlim.lowerBound, hi: xlim.upperBound)
        }
        if let ylim, ylim.upperBound > ylim.lowerBound, ylim.lowerBound.isFinite, ylim.upperBound.isFinite {
            y = AxisRange(lo: ylim.lowerBound, hi: ylim.upperBound)
        }
        return (x, y)
    }

    private static func finish(_ e: Extent, pad: Double, zeroBaseline: Bool) -> AxisRange {
        guard !e.isEmpty else { return AxisRange(lo: 0, hi: 1) }
        var lo = e.lo, hi = e.hi
        // Keep the span finite even for data near ±1.8e308.
        if !(hi - lo).isFinite {
            lo /= 2
            hi /= 2
        }
        if hi == lo {
            let d = lo == 0 ? 1 : abs(lo) * 0.1
            return AxisRange(lo: lo - d, hi: hi + d)
        }
        let margin = (hi - lo) * pad
        // Bars rest on the axis: no margin on the side of the zero baseline.
        let loPad = zeroBaseline && lo == 0 ? 0 : margin
        let hiPad = zeroBaseline && hi == 0 ? 0 : margin
        return AxisRange(lo: lo - loPad, hi: hi + hiPad)
    }
}
