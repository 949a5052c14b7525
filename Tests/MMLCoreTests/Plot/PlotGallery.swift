// The figures the golden and SVG tests render: one per plot kind, built from Samples/data.
import Foundation
import MMLTestSupport
@testable import MMLCore

enum PlotGallery {
    static func sample(_ name: String) throws -> Table {
        try CSV.read(path: repositoryRoot + "/Samples/data/\(name).csv").table
    }

    static func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
    }

    /// f(x) = x·sin x with f′ and the tangent at x = 1.
    static func functionAndDerivative() throws -> Figure {
        let xs = linspace(-3, 3, 241)
        let f = { (x: Double) in x * sin(x) }, df = { (x: Double) in sin(x) + x * cos(x) }
        return Figure(title: "f(x) = x·sin(x), f′ and the tangent at x = 1", xlabel: "x", ylabel: "y", layers: [
            .line(try LineSeries(xs: xs, ys: xs.map(f), label: "f")),
            .line(try LineSeries(xs: xs, ys: xs.map(df), label: "f′")),
            .line(try LineSeries(xs: [-1, 3], ys: [-1, 3].map { f(1) + df(1) * ($0 - 1) }, label: "tangent at 1")),
        ])
    }

    /// Iris sepal lengths as a density histogram with the fitted normal density over it.
    static func histogramWithDensity() throws -> Figure {
        let x = try sample("iris").column(named: "sepal_length").numbers ?? []
        let h = try Histogram.compute(x, bins: .auto, density: true, label: "sepal length")
        let (m, s) = meanAndSampleStd(x)
        let grid = linspace(h.edges.first!, h.edges.last!, 120)
        let pdf = grid.map { exp(-0.5 * pow(($0 - m) / s, 2)) / (s * (2 * Double.pi).squareRoot()) }
        return Figure(title: "Iris sepal length", xlabel: "cm", ylabel: "density",
                      layers: [.histogram(h), .line(try LineSeries(xs: grid, ys: pdf, label: "normal fit"))])
    }

    /// Anscombe's first set with its least-squares line.
    static func scatterWithRegression() throws -> Figure {
        let t = try sample("anscombe")
        let x = t["x1"]?.numbers ?? [], y = t["y1"]?.numbers ?? []
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        let slope = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let intercept = my - slope * mx
        return Figure(title: "Anscombe I", xlabel: "x1", ylabel: "y1", layers: [
            .scatter(try ScatterSeries(xs: x, ys: y, label: "data")),
            .line(try LineSeries(xs: [4, 14], ys: [4, 14].map { intercept + slope * $0 }, label: "least squares")),
        ])
    }

    /// Iris petals coloured by species.
    static func groupedScatter() throws -> Figure {
        let t = try sample("iris")
        let species = t["species"]?.strings ?? []
        let names = Array(Set(species.compactMap { $0 })).sorted()
        let groups = species.map { s in names.firstIndex(of: s ?? "") ?? 0 }
        return Figure(title: "Iris petals by species", xlabel: "petal length", ylabel: "petal width", layers: [
            .scatter(try ScatterSeries(xs: t["petal_length"]?.numbers ?? [], ys: t["petal_width"]?.numbers ?? [],
                                       groups: groups, groupNames: names)),
        ])
    }

    static func bars() throws -> Figure {
        Figure(title: "Fruit sold", ylabel: "kg", layers: [
            .bars(try BarSeries(labels: ["apples", "pears", "plums", "figs"], values: [12, 7.5, 3.2, 9])),
        ])
    }

    /// Gradient descent on g(x, y) = x² + 4y² from (−2, 1.5), over g's contours.
    static func contourWithPath() throws -> Figure {
        let g = { (x: Double, y: Double) in x * x + 4 * y * y }
        var p = (-2.0, 1.5)
        var xs = [p.0], ys = [p.1]
        for _ in 0..<12 {
            p = (p.0 - 0.1 * 2 * p.0, p.1 - 0.1 * 8 * p.1)
            xs.append(p.0)
            ys.append(p.1)
        }
        let c = try ContourSeries.sample(x: -2.5...2.5, y: -2...2, resolution: 41, label: "g", g)
        return Figure(title: "Gradient descent on x² + 4y²", xlabel: "x", ylabel: "y",
                      layers: [.contour(c), .path(try PathSeries(xs: xs, ys: ys, label: "gd, rate 0.1"))])
    }

    static func boxplot() throws -> Figure {
        let t = try sample("iris")
        let grouped = try t.groupBy("species")
        let boxes = try (0..<grouped.keys.count).map { k in
            try BoxStats.compute(grouped.group(k)?["petal_length"]?.numbers ?? [], label: grouped.keys[k].description)
        }
        return Figure(title: "Petal length by species", ylabel: "cm", layers: [.boxplot(BoxplotSeries(boxes: boxes))])
    }

    static func qqplot() throws -> Figure {
        let x = try sample("iris")["sepal_width"]?.numbers ?? []
        return try QQPlotData.compute(x, inverseNormal: acklamInverseNormal).figure(title: "Normal Q–Q plot of sepal width")
    }

    /// 1/x with its pole as a gap, clipped by fixed limits, and reference lines.
    static func gapsAndReferences() throws -> Figure {
        let xs = linspace(-2, 2, 201)
        return Figure(title: "1/x", ylim: -10...10, layers: [
            .line(try LineSeries(xs: xs, ys: xs.map { 1 / $0 }, label: "1/x")),
            .reference(ReferenceLine(.horizontal, at: 0)),
            .reference(ReferenceLine(.vertical, at: 0, label: "asymptote x = 0")),
        ])
    }

    /// Every gallery figure by golden-file name.
    static func all() throws -> [(String, Figure)] {
        [("function_derivative", try functionAndDerivative()), ("histogram_density", try histogramWithDensity()),
         ("scatter_regression", try scatterWithRegression()), ("scatter_groups", try groupedScatter()),
         ("bars", try bars()), ("contour_path", try contourWithPath()), ("boxplot", try boxplot()),
         ("qqplot", try qqplot()), ("gaps_references", try gapsAndReferences())]
    }
}
