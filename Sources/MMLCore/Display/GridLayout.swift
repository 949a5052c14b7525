// Lays out a grid of number cells in aligned columns within a width budget, eliding middle rows and columns.
//
// A cell is a list of fields (one for a real number; real, sign and imaginary part for a
// complex one). Each field is split at its alignment point — the decimal point, or the `e` of an
// exponent, or the end of the text — and within a column every field is padded so those points
// line up:
//
//       1.5       -2
//     -10        300
//       0.333333   4.0e6
//
// Rows are indented by two spaces and columns separated by two. Only the rows and columns that
// are shown are ever formatted, so printing a 10⁴×10⁴ matrix costs a few hundred cells.

/// Text split at its alignment point: `lead` is right-aligned before it, `tail` left-aligned after.
struct AlignedText: Equatable {
    var lead: String
    var tail: String

    /// A number split at its decimal point (or `e`, or not at all); with `whole`, all of it is lead.
    init(number text: String, whole: Bool = false) {
        if !whole, let cut = text.firstIndex(where: { $0 == "." || $0 == "e" }) {
            lead = String(text[..<cut])
            tail = String(text[cut...])
        } else {
            lead = text
            tail = ""
        }
    }

    init(lead: String, tail: String) {
        self.lead = lead
        self.tail = tail
    }
}

/// The rows or columns shown out of `count`: all, or the first and last few around a gap.
struct ShownIndices {
    var head: [Int]
    var tail: [Int]
    /// True when indices between `head` and `tail` are left out (a gap marker is shown there).
    var elided: Bool
    var all: [Int] { head + tail }

    /// All of `0..<count` when at most `limit`, else `limit / 2` from the top and the rest from the bottom.
    init(count: Int, limit: Int) {
        let limit = max(2, limit)
        if count <= limit {
            head = Array(0..<max(0, count))
            tail = []
            elided = false
        } else {
            let top = limit / 2
            head = Array(0..<top)
            tail = Array((count - (limit - top))..<count)
            elided = true
        }
    }

    init(head: [Int], tail: [Int], elided: Bool) {
        self.head = head
        self.tail = tail
        self.elided = elided
    }
}

private let indent = "  "
private let separator = "  "

/// Widths of each field of one column over the shown rows.
private struct ColumnLayout {
    var leads: [Int]
    var tails: [Int]
    var width: Int { zip(leads, tails).reduce(0) { $0 + $1.0 + $1.1 } + max(0, leads.count - 1) }

    init(cells: [[AlignedText]]) {
        let fields = cells.map(\.count).max() ?? 0
        leads = Array(repeating: 0, count: fields)
        tails = Array(repeating: 0, count: fields)
        for cell in cells {
            for (f, text) in cell.enumerated() {
                leads[f] = max(leads[f], text.lead.count)
                tails[f] = max(tails[f], text.tail.count)
            }
        }
    }

    func render(_ cell: [AlignedText]) -> String {
        var parts: [String] = []
        for f in 0..<leads.count {
            let text = f < cell.count ? cell[f] : AlignedText(lead: "", tail: "")
            parts.append(padLeft(text.lead, leads[f]) + padRight(text.tail, tails[f]))
        }
        return parts.joined(separator: " ")
    }

    /// A blank column with `mark` on the alignment point of its first field.
    func marker(_ mark: String) -> String {
        let spine = max(0, (leads.first ?? 1) - 1)
        return padRight(String(repeating: " ", count: spine) + mark, width)
    }
}

func padLeft(_ s: String, _ width: Int) -> String {
    let n = s.count
    return n >= width ? s : String(repeating: " ", count: width - n) + s
}

func padRight(_ s: String, _ width: Int) -> String {
    let n = s.count
    return n >= width ? s : s + String(repeating: " ", count: width - n)
}

/// `s` without the spaces at its end.
func trimTrailing(_ s: String) -> String {
    var s = s
    while s.last == " " { s.removeLast() }
    return s
}

/// Rows of a `rows × cols` grid laid out within `options`; `elided` tells whether any row or
/// column was left out. `cell(i, j)` is called only for shown cells.
func layoutGrid(rows: Int, cols: Int, options: DisplayOptions,
                cell: (Int, Int) -> [AlignedText]) -> (lines: [String], elided: Bool) {
    let shownRows = ShownIndices(count: rows, limit: options.maxRows)
    let candidates = ShownIndices(count: cols, limit: options.maxColumns)
    let rowList = shownRows.all
    var layouts: [Int: (ColumnLayout, [[AlignedText]])] = [:]
    for j in candidates.all {
        let cells = rowList.map { cell($0, j) }
        layouts[j] = (ColumnLayout(cells: cells), cells)
    }
    let columns = chooseColumns(candidates: candidates, cols: cols, width: options.width) {
        layouts[$0]?.0.width ?? 0
    }

    func line(_ piece: (Int) -> String, gap: String) -> String {
        var parts = columns.head.map(piece)
        if columns.elided { parts.append(gap) }
        parts += columns.tail.map(piece)
        let text = indent + parts.joined(separator: separator)
        return String(text.reversed().drop(while: { $0 == " " }).reversed())
    }

    var lines: [String] = []
    for r in rowList.indices {
        if shownRows.elided && r == shownRows.head.count {
            lines.append(line({ layouts[$0]?.0.marker("⋮") ?? "⋮" }, gap: "⋱"))
        }
        lines.append(line({ j in
            guard let (layout, cells) = layouts[j] else { return "" }
            return layout.render(cells[r])
        }, gap: "…"))
    }
    return (lines, shownRows.elided || columns.elided)
}

/// The columns that fit in `width`: all candidates when they fit (and none were dropped by
/// count), else columns taken alternately from the left and the right while they fit, at least one.
private func chooseColumns(candidates: ShownIndices, cols: Int, width: Int,
                           columnWidth: (Int) -> Int) -> ShownIndices {
    let all = candidates.all
    let total = indent.count + all.map(columnWidth).reduce(0, +) + separator.count * max(0, all.count - 1)
    if !candidates.elided && total <= width { return candidates }
    // Each column costs its width plus a separator; the `…` column adds one.
    let budget = width - indent.count - 1
    var left: [Int] = [], right: [Int] = []
    var used = 0
    var li = 0, ri = all.count - 1
    var takeLeft = true
    while li <= ri {
        let j = takeLeft ? all[li] : all[ri]
        let cost = columnWidth(j) + separator.count
        if used + cost > budget && !(left.isEmpty && right.isEmpty) { break }
        used += cost
        if takeLeft { left.append(j); li += 1 } else { right.insert(j, at: 0); ri -= 1 }
        takeLeft.toggle()
    }
    if left.count + right.count == cols { return ShownIndices(head: left + right, tail: [], elided: false) }
    return ShownIndices(head: left, tail: right, elided: true)
}
