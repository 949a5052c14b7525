// Vectors and matrices (real, logical, complex) as text: the layout the value printer shows.
//
// Layout:
// - 0×0 prints `[]`; any other empty shape `empty 0×3 matrix`.
// - An n×1 vector (including 1×1) prints on one line: `[1, 2.5, -3]`. Past `maxElements` (20)
//   elements it shows the first and last k (k = 10, fewer down to 3 until the line fits the
//   width) around `…`, under a header `100-element vector`: `[1, 2, 3, …, 98, 99, 100]`. A line
//   still wider than the width wraps after a comma, continuation lines indented by one space.
// - Any other matrix (a 1×n row too) prints as a block: rows indented two spaces, columns two
//   apart, each column aligned on the decimal point (see GridLayout.swift). Elements are
//   formatted one by one in the style — no common scale factor, which misleads learners — so
//   integer matrices print as integers and a column mixing 1e-7 and 300 shows both legibly.
// - Past `maxRows` (20) rows the block shows the first and last 10 around a `⋮` row; past
//   `maxColumns` (20) columns, or when the columns do not fit in `width` (80), it shows columns
//   from the left and right alternately while they fit, around a `…` column (`⋱` where the
//   `⋮` row crosses it). An elided block gets the header `30×4 matrix`.
// - Logical elements print `true`/`false`, right-aligned; rational cells right-aligned too.
// - Complex elements print `a + bi` with real parts, signs and imaginary parts aligned separately;
//   headers say `complex` / `logical`: `30×4 complex matrix`, `100-element logical vector`.
import Numerics

/// A printed vector or matrix: an optional header and the body lines.
public struct MatrixDisplay: Sendable, Equatable {
    /// `30×4 matrix`, `100-element vector` (with `logical`/`complex`) when something is elided; else nil.
    public var header: String?
    /// Body lines, with no trailing newline: `[1, 2, 3]` for a vector, aligned rows for a matrix.
    public var lines: [String]
    /// True for the one-line forms without a header (`[]`, `[1, 2]`, `empty 0×3 matrix`),
    /// which read well after `x = `; false for blocks, which belong on the lines below.
    public var isInline: Bool

    public init(header: String?, lines: [String], isInline: Bool) {
        self.header = header
        self.lines = lines
        self.isInline = isInline
    }

    /// The header (if any) and the lines, joined by newlines.
    public var text: String { ((header.map { [$0] } ?? []) + lines).joined(separator: "\n") }
}

/// `m` laid out for display (a logical matrix prints `true`/`false`).
public func displayMatrix(_ m: Matrix, options: DisplayOptions = DisplayOptions()) -> MatrixDisplay {
    let kind = m.isLogical ? "logical " : ""
    if m.isLogical {
        return display(rows: m.rows, cols: m.cols, kind: kind, options: options,
                       text: { formatLogical(m.data[$0] != 0) },
                       cell: { [AlignedText(number: formatLogical(m.data[$0] != 0), whole: true)] })
    }
    let style = options.style
    return display(rows: m.rows, cols: m.cols, kind: kind, options: options,
                   text: { renderNumber(m.data[$0], style: style, rationalFallback: .short) },
                   cell: { [numberCell(m.data[$0], style: style)] })
}

/// The complex matrix `real + i·imaginary` laid out for display. The shape is `real`'s; an
/// `imaginary` of another shape contributes only the elements at indices it has (others are 0).
public func displayComplexMatrix(real: Matrix, imaginary: Matrix,
                                 options: DisplayOptions = DisplayOptions()) -> MatrixDisplay {
    let style = options.style
    func z(_ k: Int) -> Complex<Double> {
        Complex(real.data[k], k < imaginary.data.count ? imaginary.data[k] : 0)
    }
    return display(rows: real.rows, cols: real.cols, kind: "complex ", options: options,
                   text: { complexText(z($0), style: style, rationalFallback: .short) },
                   cell: { k in
                       let p = complexParts(z(k), style: style, rationalFallback: .short)
                       var im = numberCell(text: String(p.imaginary.dropLast()), style: style)
                       im.tail += "i"
                       return [numberCell(text: p.real, style: style), AlignedText(lead: p.sign, tail: ""), im]
                   })
}

// MARK: - Shared layout

/// The aligned cell of a number; rational cells are right-aligned as a whole.
private func numberCell(_ x: Double, style: FormatStyle) -> AlignedText {
    numberCell(text: renderNumber(x, style: style, rationalFallback: .short), style: style)
}

private func numberCell(text: String, style: FormatStyle) -> AlignedText {
    AlignedText(number: text, whole: style == .rational)
}

/// Chooses the empty, vector or block form; `text`/`cell` take a column-major element index.
private func display(rows: Int, cols: Int, kind: String, options: DisplayOptions,
                     text: (Int) -> String, cell: (Int) -> [AlignedText]) -> MatrixDisplay {
    if rows == 0 && cols == 0 { return MatrixDisplay(header: nil, lines: ["[]"], isInline: true) }
    if rows == 0 || cols == 0 {
        return MatrixDisplay(header: nil, lines: ["empty \(rows)×\(cols) \(kind)matrix"], isInline: true)
    }
    if cols == 1 {
        let (lines, elided) = vectorLines(count: rows, options: options, element: text)
        return MatrixDisplay(header: elided ? "\(rows)-element \(kind)vector" : nil,
                             lines: lines, isInline: !elided && lines.count == 1)
    }
    let (lines, elided) = layoutGrid(rows: rows, cols: cols, options: options) { i, j in
        cell(i + j * rows)
    }
    return MatrixDisplay(header: elided ? "\(rows)×\(cols) \(kind)matrix" : nil, lines: lines, isInline: false)
}

/// A vector as `[a, b, c]`, elided past `maxElements` and wrapped past `width`.
private func vectorLines(count n: Int, options: DisplayOptions,
                         element: (Int) -> String) -> (lines: [String], elided: Bool) {
    let limit = max(2, options.maxElements)
    if n <= limit {
        return (wrapList((0..<n).map(element), width: options.width), false)
    }
    // Format only the ends once; try k = limit/2 down to 3 (or less if the limit is tiny).
    let most = limit / 2
    let head = (0..<most).map(element)
    let tail = ((n - most)..<n).map(element)
    let fewest = min(3, most)
    var k = most
    while k > fewest {
        let items = Array(head.prefix(k)) + ["…"] + Array(tail.suffix(k))
        if listWidth(items) <= options.width { break }
        k -= 1
    }
    let items = Array(head.prefix(k)) + ["…"] + Array(tail.suffix(k))
    return (wrapList(items, width: options.width), true)
}

/// Width of `[a, b, c]` on one line.
private func listWidth(_ items: [String]) -> Int {
    items.reduce(0) { $0 + $1.count } + 2 * max(0, items.count - 1) + 2
}

/// `[a, b, c]` broken after commas so no line passes `width` (unless one item alone does).
private func wrapList(_ items: [String], width: Int) -> [String] {
    var lines: [String] = []
    var current = "["
    var atLineStart = true
    for (k, item) in items.enumerated() {
        let piece = item + (k == items.count - 1 ? "]" : ",")
        if !atLineStart && current.count + 1 + piece.count > width {
            lines.append(current)
            current = " " + piece
        } else {
            current += (atLineStart ? "" : " ") + piece
        }
        atLineStart = false
    }
    if items.isEmpty { current += "]" }
    lines.append(current)
    return lines
}
