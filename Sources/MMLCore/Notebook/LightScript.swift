// Scripts as notebook cells and back, in jupytext's "light" format: a paragraph of `#` comment
// lines (set off by blank lines) is a markdown cell, each other paragraph a code cell, and a
// comment touching code stays in the code. A paragraph that leaves a bracket or a block open
// runs on over the blank lines until the code is whole, so a function with a blank line inside
// stays one cell. Blank lines other than the one between two cells are kept as the cell's
// `lines_to_next_cell`, so a script written this way comes back byte for byte.

/// One cell of a notebook.
public struct NotebookCell: Equatable, Sendable {
    public enum Kind: String, Sendable { case code, markdown }

    public var kind: Kind
    /// The cell's text, without a trailing newline (markdown without its `# ` prefixes).
    public var source: String
    /// Blank lines after the cell in the script; nil for the usual number (one between two
    /// cells, none after the last).
    public var linesToNextCell: Int?

    public init(_ kind: Kind, _ source: String, linesToNextCell: Int? = nil) {
        self.kind = kind
        self.source = source
        self.linesToNextCell = linesToNextCell
    }
}

/// Converts between MML scripts and notebook cells.
public enum LightScript {
    /// The cells of a script.
    public static func cells(from script: String) -> [NotebookCell] {
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }  // the newline that ends the last line
        var cells: [NotebookCell] = []
        var i = lines.startIndex
        while i < lines.endIndex {
            guard !lines[i].isEmpty else {
                // Blank lines before the first cell have no cell to belong to; count them on the
                // previous cell otherwise.
                if let last = cells.indices.last { cells[last].linesToNextCell = (cells[last].linesToNextCell ?? 0) + 1 }
                i += 1
                continue
            }
            var end = paragraphEnd(lines, from: i)
            let kind: NotebookCell.Kind = lines[i..<end].allSatisfy(isMarkdownLine) ? .markdown : .code
            if kind == .code {
                // Run on over blank lines while a bracket, string or block is still open.
                while Parser.parse(lines[i..<end].joined(separator: "\n"), source: SourceID(-1)).isIncomplete {
                    guard let next = lines[end...].firstIndex(where: { !$0.isEmpty }) else { break }
                    end = paragraphEnd(lines, from: next)
                }
            }
            let body = lines[i..<end]
            let source = kind == .markdown ? body.map(markdownText).joined(separator: "\n") : body.joined(separator: "\n")
            cells.append(NotebookCell(kind, source, linesToNextCell: 0))
            i = end
        }
        // Keep only the counts that differ from the usual.
        for k in cells.indices where cells[k].linesToNextCell == usualBlankLines(after: k, of: cells.count) {
            cells[k].linesToNextCell = nil
        }
        return cells
    }

    /// The script of cells: markdown as `# ` comment lines, cells apart by their blank lines.
    public static func script(from cells: [NotebookCell]) -> String {
        var out = ""
        for (k, cell) in cells.enumerated() {
            switch cell.kind {
            case .code: out += cell.source
            case .markdown:
                out += cell.source.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n")
            }
            out += "\n" + String(repeating: "\n", count: cell.linesToNextCell ?? usualBlankLines(after: k, of: cells.count))
        }
        return out
    }

    /// One blank line between cells, none after the last.
    public static func usualBlankLines(after index: Int, of count: Int) -> Int {
        index == count - 1 ? 0 : 1
    }

    /// The index after the last non-blank line of the paragraph that starts at `start`.
    private static func paragraphEnd(_ lines: [String], from start: Int) -> Int {
        lines[start...].firstIndex(where: \.isEmpty) ?? lines.endIndex
    }

    /// `#` alone or `# text`: a line a markdown cell is made of (`#!` and `#text` are code).
    private static func isMarkdownLine(_ line: String) -> Bool {
        line == "#" || line.hasPrefix("# ")
    }

    private static func markdownText(_ line: String) -> String {
        String(line.dropFirst(line == "#" ? 1 : 2))
    }
}
