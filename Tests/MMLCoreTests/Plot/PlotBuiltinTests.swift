// The plot builtins as a learner calls them: golden terminal renderings of every kind,
// SVG from savefig parsed as XML, hold layering, the --plots folder, and numeric tangents.
// Re-record the goldens on purpose with Scripts/update-docs (MML_RECORD=1), then review the diff.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

private let goldenFolder = "Tests/MMLCoreTests/Snapshots/plots/"
private let iris = "t = read_csv(\"\(repositoryRoot)/Samples/data/iris.csv\")\n"

struct PlotCase: CustomTestStringConvertible, Sendable {
    var name: String
    var code: String
    var testDescription: String { name }
}

/// One script per plot kind and option; each must print exactly its golden file.
let plotCases: [PlotCase] = [
    PlotCase(name: "function", code: "f(x) = x^2 * sin(x)\nplot(f, -3, 3)"),
    PlotCase(name: "functions_labels", code: "plot([sin, cos], 0, 2*pi, label=[\"sin\", \"cos\"], title=\"sine and cosine\", xlabel=\"angle\", ylabel=\"value\")"),
    PlotCase(name: "data_line", code: "plot(1:10, (1:10) .^ 2 / 10)"),
    PlotCase(name: "index_line", code: "plot([3, 1, 4, 1, 5, 9, 2, 6])"),
    PlotCase(name: "scatter_groups", code: iris + "scatter(t.petal_length, t.petal_width, groups=t.species, xlabel=\"petal length\", ylabel=\"petal width\")"),
    PlotCase(name: "regression_hold", code: "xs = [1, 2, 3, 4, 5]\nys = [2.1, 3.9, 6.2, 7.8, 10.1]\nscatter(xs, ys, label=\"data\", hold=true)\nplot([1, 5], [2, 10], label=\"fit\", title=\"least squares\")"),
    PlotCase(name: "hist_density", code: iris + "hist(t.sepal_length, density=true, title=\"sepal length\")"),
    PlotCase(name: "hist_counts_normal", code: iris + "hist(t.sepal_width, bins=8, normal=true)"),
    PlotCase(name: "bar", code: iris + "g = group_by(t, \"species\")\nbar(g.keys, g.mean.petal_length, title=\"mean petal length\")"),
    PlotCase(name: "contour", code: "g(x, y) = x^2 + 3*y^2\ncontour(g, [-2, 2], [-2, 2], levels=6)"),
    PlotCase(name: "tangent", code: "plot_tangent(x -> x * exp(-x^2 / 2), 0.5)"),
    PlotCase(name: "boxplot_groups", code: iris + "boxplot(t.petal_length, groups=t.species)"),
    PlotCase(name: "boxplot_table", code: iris + "boxplot(select(t, \"sepal_length\", \"sepal_width\"))"),
    PlotCase(name: "qqplot", code: iris + "qqplot(t.sepal_width)"),
    PlotCase(name: "limits", code: "plot(x -> 1 / x, -2, 2, ylim=[-5, 5], xlim=[-1, 1], legend=false, height=10)"),
]

@Test("plot builtin golden", arguments: plotCases)
func plotBuiltinGolden(_ c: PlotCase) throws {
    let r = runMML(c.code)
    #expect(r.status == 0, "\(r.stderr)")
    Snapshot.expect(r.stdout, matches: goldenFolder + c.name + ".txt")
    for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(c.name): \(line)") }
}

@Test func plotsFollowTheInterpreterWidth() {
    let out = runMML("plot(sin, 0, 3)\nbar([\"a\", \"b\"], [1, 2])", configuration: SessionConfiguration(width: 50)).stdout
    #expect(out.contains("⠤⠤⠤ sin"))
    for line in out.split(separator: "\n") { #expect(line.count <= 50, "\(line)") }
}

@Test func holdDrawsNothingUntilAFigureIsFinished() {
    let held = runMML("plot(sin, 0, 1, hold=true, label=\"first\")\nplot(cos, 0, 1, hold=true, label=\"second\")")
    #expect(held.stdout == "")
    let done = runMML("plot(sin, 0, 1, hold=true, label=\"first\")\nplot(cos, 0, 1, label=\"second\")\nplot(exp, 0, 1)")
    // Two figures: the layered one (both labels), then a fresh one.
    let figures = done.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
    #expect(figures.count == 2)
    #expect(figures[0].contains("first") && figures[0].contains("second"))
    #expect(!figures[1].contains("first") && figures[1].contains("exp"))
}

@Test func tangentLegendGivesTheLine() {
    // Exact tangents: x² at 1 is y = 2x − 1; sin at 0 is y = x; exp at 0 is y = x + 1.
    for (code, equation) in [("x -> x^2, 1", "y = 2x − 1"), ("sin, 0", "y = x"), ("exp, 0", "y = x + 1"), ("x -> 5 - x^2, 0", "y = 5")] {
        let r = runMML("plot_tangent(\(code))")
        #expect(r.stdout.contains(equation), "plot_tangent(\(code)) should show \(equation):\n\(r.stdout)")
    }
}

@Test func histogramNormalFitUsesTheSampleMeanAndStd() {
    // pandas: iris sepal_length mean 5.843333…, std 0.828066…
    let r = runMML(iris + "hist(t.sepal_length, density=true)")
    #expect(r.stdout.contains("normal fit (μ = 5.843, σ = 0.8281)"))
}

@Test func savefigWritesTheLastFigureAsSVG() throws {
    let folder = try temporaryFolder("svg")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = runMML("""
        xs = [1, 2, 3, 4, 5]
        ys = [2.1, 3.9, 6.2, 7.8, 10.1]
        scatter(xs, ys, label="data", hold=true)
        plot([1, 5], [2, 10], label="fit", hold=true)
        plot(x -> 2 * x, 1, 5, label="2x", title="least squares", xlabel="x", ylabel="y")
        savefig("\(folder)/fit.svg")
        savefig("\(folder)/small.svg", width=400, height=300)
        """)
    #expect(r.status == 0, "\(r.stderr)")
    let doc = try parseSVG(try String(contentsOfFile: folder + "/fit.svg", encoding: .utf8))
    let root = try #require(doc.elements.first)
    #expect(root.name == "svg" && root.attributes["width"] == "800" && root.attributes["height"] == "500")
    #expect(doc.with("line", class: "axis").count == 2)
    #expect(doc.with("text", class: "x-tick-label").count >= 3 && doc.with("text", class: "y-tick-label").count >= 3)
    #expect(doc.with("text", class: "title").first?.text == "least squares")
    #expect(doc.with("text", class: "xlabel").first?.text == "x" && doc.with("text", class: "ylabel").first?.text == "y")
    #expect(doc.with("path", class: "line").count == 2)          // one path per line series
    #expect(doc.with("circle").count >= 5)                        // the five points (and a legend swatch)
    for label in ["data", "fit", "2x"] { #expect(doc.elements.contains { $0.name == "text" && $0.text == label }, "legend \(label)") }
    let small = try parseSVG(try String(contentsOfFile: folder + "/small.svg", encoding: .utf8))
    #expect(small.elements.first?.attributes["width"] == "400" && small.elements.first?.attributes["height"] == "300")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["fit.svg", "small.svg"])
}

@Test func contourSVGHasLinesAndBoxplotHasBoxes() throws {
    let folder = try temporaryFolder("svg2")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = runMML(iris + """
        contour((x, y) -> x^2 + y^2, [-2, 2], [-2, 2], levels=[1, 2, 3])
        savefig("\(folder)/c.svg")
        boxplot(t.sepal_length, groups=t.species)
        savefig("\(folder)/b.svg")
        """)
    #expect(r.status == 0, "\(r.stderr)")
    let c = try parseSVG(try String(contentsOfFile: folder + "/c.svg", encoding: .utf8))
    #expect(c.with("path", class: "contour-line").count == 3)     // one closed circle per level
    let b = try parseSVG(try String(contentsOfFile: folder + "/b.svg", encoding: .utf8))
    #expect(b.with("rect", class: "box-body").count == 3)
    #expect(b.with("text", class: "x-tick-label").map(\.text) == ["setosa", "versicolor", "virginica"])
}

@Test func plotsFolderReceivesEveryFinishedFigure() throws {
    let folder = try temporaryFolder("plots")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let session = Session(SessionConfiguration(plotDirectory: folder))
    let ip = session.interpreter
    guard session.run("plot(sin, 0, 1)\nscatter([1, 2], [3, 4], hold=true)", name: "p.mml").succeeded else { Issue.record("script failed"); return }
    // The held scatter is not finished, so only one file so far.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["fig1.svg"])
    _ = session.run("plot([1, 2], [4, 3])\nhist([1, 2, 2, 3])", name: "q.mml")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["fig1.svg", "fig2.svg", "fig3.svg"])
    #expect(ip.plots.figureCount == 3)
    let second = try parseSVG(try String(contentsOfFile: folder + "/fig2.svg", encoding: .utf8))
    #expect(second.with("circle").count >= 2)
    #expect(second.with("path", class: "line").count == 1)
}
