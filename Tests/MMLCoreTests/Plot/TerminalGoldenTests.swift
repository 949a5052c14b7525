// Golden terminal renderings of every plot kind. Re-record on purpose with Scripts/update-docs
// (MML_RECORD=1), then review the diff.
import Foundation
import Testing
import MMLTestSupport
@testable import MMLCore

private func checkGolden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    Snapshot.expect(text + "\n", matches: "Tests/MMLCoreTests/Fixtures/plots/\(name).txt", sourceLocation: sourceLocation)
}

@Suite struct TerminalGolden {
    @Test func everyPlotKindWithoutColour() throws {
        for (name, figure) in try PlotGallery.all() {
            try checkGolden(name, figure.renderTerminal(TerminalPlotOptions(width: 80, height: 16, color: false)))
        }
    }

    @Test func colourAndNarrowWidth() throws {
        let f = try PlotGallery.functionAndDerivative()
        try checkGolden("function_derivative_color", f.renderTerminal(TerminalPlotOptions(width: 80, height: 16, color: true)))
        try checkGolden("scatter_groups_narrow", try PlotGallery.groupedScatter().renderTerminal(TerminalPlotOptions(width: 50, height: 12)))
    }
}

@Test func terminalLinesFitTheWidthAndAreDeterministic() throws {
    for (_, figure) in try PlotGallery.all() {
        for width in [30, 64, 120] {
            let text = figure.renderTerminal(TerminalPlotOptions(width: width, height: 10))
            #expect(text == figure.renderTerminal(TerminalPlotOptions(width: width, height: 10)))
            for line in text.split(separator: "\n") { #expect(line.count <= width, "\(line)") }
        }
    }
}

@Test func colourOffHasNoEscapesAndColourOnDoes() throws {
    let f = try PlotGallery.groupedScatter()
    #expect(!f.renderTerminal(TerminalPlotOptions(color: false)).contains("\u{1B}"))
    let coloured = f.renderTerminal(TerminalPlotOptions(color: true))
    for code in ["\u{1B}[34m", "\u{1B}[33m", "\u{1B}[32m"] { #expect(coloured.contains(code)) }
}

@Test func distinctMarkersWithoutColour() throws {
    let text = try PlotGallery.groupedScatter().renderTerminal(TerminalPlotOptions(width: 80, height: 16))
    for marker in ["•", "×", "+"] { #expect(text.contains(marker)) }
    #expect(text.contains("• setosa") && text.contains("× versicolor") && text.contains("+ virginica"))
}

@Test func hostileDataDoesNotCrash() throws {
    let huge = [-Double.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude]
    let figures = [
        Figure(layers: [.line(try LineSeries(xs: huge, ys: huge))]),
        Figure(layers: [.line(try LineSeries(xs: [.nan, .infinity], ys: [1, .nan]))]),
        Figure(layers: [.scatter(try ScatterSeries(xs: [], ys: []))]),
        Figure(ylim: 0...1, layers: [.boxplot(BoxplotSeries(boxes: [try BoxStats.compute([1e300, 2e300, -1e300])]))]),
        Figure(xlim: 100...101, layers: [.bars(try BarSeries(labels: ["a"], values: [.infinity]))]),
        Figure(layers: [.histogram(try Histogram.compute([1e-300, 2e-300, 1e300]))]),
        Figure(layers: [.path(try PathSeries(xs: [1e308, -1e308], ys: [5, 5]))]),
    ]
    for f in figures {
        _ = f.renderTerminal(TerminalPlotOptions(width: 5, height: 1))
        _ = f.renderTerminal()
        _ = f.renderSVG()
    }
}
