// SVG output parsed as XML (FoundationXML on Linux) and checked for the expected elements.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MMLCore

/// Collects every element (name, attributes, text) of a parsed document.
final class SVGCollector: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }
    var elements: [Element] = []
    private var open: [Int] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func with(_ name: String, class cls: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (cls == nil || $0.classes.contains(cls!)) }
    }
}

func parseSVG(_ svg: String) throws -> SVGCollector {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = SVGCollector()
    parser.delegate = collector
    guard parser.parse() else {
        throw PlotError("invalid XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
    }
    return collector
}

@Test func everyGalleryFigureIsValidSVGWithAxesAndLabels() throws {
    for (name, figure) in try PlotGallery.all() {
        let doc = try parseSVG(figure.renderSVG())
        let root = try #require(doc.elements.first, "\(name)")
        #expect(root.name == "svg" && root.attributes["width"] == "800" && root.attributes["height"] == "500")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(doc.with("line", class: "axis").count == 2, "\(name)")
        #expect(doc.with("text", class: "x-tick-label").count >= 2, "\(name)")
        #expect(doc.with("text", class: "y-tick-label").count >= 2, "\(name)")
        #expect(doc.with("line", class: "x-tick").count == doc.with("text", class: "x-tick-label").count)
        #expect(doc.with("text", class: "title").first?.text == figure.title, "\(name)")
        // One <path> per line series.
        let lineLayers = figure.layers.filter { if case .line = $0 { return true } else { return false } }.count
        #expect(doc.with("path", class: "line").count == lineLayers, "\(name)")
    }
}

@Test func svgSeriesElementsMatchTheData() throws {
    let scatter = try parseSVG(try PlotGallery.groupedScatter().renderSVG())
    #expect(scatter.with("circle").count == 150 + 3)   // points + legend swatches
    let legend = scatter.elements.filter { $0.name == "text" && ["setosa", "versicolor", "virginica"].contains($0.text) }
    #expect(legend.count == 3)
    let fills = Set(scatter.with("circle").compactMap { $0.attributes["fill"] })
    #expect(fills == ["#1f77b4", "#ff7f0e", "#2ca02c"])

    let bars = try parseSVG(try PlotGallery.bars().renderSVG())
    #expect(bars.with("rect", class: "bar").count == 4)
    #expect(bars.with("text", class: "x-tick-label").map(\.text) == ["apples", "pears", "plums", "figs"])

    let contour = try parseSVG(try PlotGallery.contourWithPath().renderSVG())
    #expect(contour.with("path", class: "contour-line").count == 11)
    #expect(contour.with("circle", class: "iterate").count == 13)
    #expect(contour.with("circle", class: "start").count == 1 && contour.with("circle", class: "end").count == 1)

    let hist = try parseSVG(try PlotGallery.histogramWithDensity().renderSVG())
    let h = try Histogram.compute(try PlotGallery.sample("iris")["sepal_length"]?.numbers ?? [], density: true)
    #expect(hist.with("rect", class: "bar").count == h.heights.filter { $0 > 0 }.count)

    let box = try parseSVG(try PlotGallery.boxplot().renderSVG())
    #expect(box.with("rect", class: "box-body").count == 3 && box.with("line", class: "median").count == 3)

    let gaps = try parseSVG(try PlotGallery.gapsAndReferences().renderSVG())
    #expect(gaps.with("line", class: "refline").count == 2)
    let d = gaps.with("path", class: "line").first?.attributes["d"] ?? ""
    #expect(d.filter { $0 == "M" }.count == 2)   // the pole at 0 splits the curve in two
}

@Test func svgEscapesText() throws {
    let f = Figure(title: "a < b & \"c\"", xlabel: "x's", ylabel: "<y>",
                   layers: [.line(try LineSeries(xs: [0, 1], ys: [0, 1], label: "f & g"))])
    let doc = try parseSVG(f.renderSVG())
    #expect(doc.with("text", class: "title").first?.text == "a < b & \"c\"")
    #expect(doc.with("text", class: "xlabel").first?.text == "x's")
    #expect(doc.with("text", class: "ylabel").first?.text == "<y>")
    #expect(doc.elements.contains { $0.name == "text" && $0.text == "f & g" })
}

@Test func legendGoesWhereTheDataIsNot() throws {
    func legendX(_ figure: Figure) throws -> Double {
        let doc = try parseSVG(figure.renderSVG())
        let box = try #require(doc.with("rect").first { $0.attributes["stroke"] == "#999999" })
        return Double(box.attributes["x"] ?? "") ?? .nan
    }
    func legendY(_ figure: Figure) throws -> Double {
        let doc = try parseSVG(figure.renderSVG())
        let box = try #require(doc.with("rect").first { $0.attributes["stroke"] == "#999999" })
        return Double(box.attributes["y"] ?? "") ?? .nan
    }
    let xs = (0...50).map { Double($0) / 50 }
    // Rising to the top right: the legend moves to the top left.
    let rising = Figure(layers: [.line(try LineSeries(xs: xs, ys: xs, label: "rising"))])
    #expect(try legendX(rising) < 400)
    // Falling from the top left: the top right is free.
    let falling = Figure(layers: [.line(try LineSeries(xs: xs, ys: xs.map { 1 - $0 }, label: "falling"))])
    #expect(try legendX(falling) > 400)
    // A bump in the middle top, flat ends high: both top corners are taken, a bottom one is free.
    let high = Figure(layers: [.line(try LineSeries(xs: xs, ys: xs.map { 1 - 0.9 * sin(.pi * $0) }, label: "valley"))])
    #expect(try legendY(high) > 250)
}

@Test func oneUnnamedBoxHasNoEmptyTickLabel() throws {
    let doc = try parseSVG(try Figure(layers: [.boxplot(BoxplotSeries(boxes: [BoxStats.compute([1, 2, 3, 9], label: "")]))]).renderSVG())
    #expect(doc.with("text", class: "x-tick-label").allSatisfy { !$0.text.isEmpty })
    let named = try parseSVG(try Figure(layers: [.boxplot(BoxplotSeries(boxes: [BoxStats.compute([1, 2, 3, 9], label: "a")]))]).renderSVG())
    #expect(named.with("text", class: "x-tick-label").map(\.text) == ["a"])
}
