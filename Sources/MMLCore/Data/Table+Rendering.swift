// Tables printed as aligned text: 1-based row numbers, numbers right-aligned, a row count.

extension Table {
    /// The table as aligned text. Past `maxRows` rows only the first and last `maxRows/2` are
    /// shown, with a `⋮` line between; the last line reads `150 rows × 5 columns`.
    public func rendered(maxRows: Int = 20) -> String {
        let shown: [Int?]
        if nrows > max(maxRows, 2) {
            let half = max(maxRows, 2) / 2
            shown = Array(0..<half).map(Optional.some) + [nil] + Array((nrows - half)..<nrows).map(Optional.some)
        } else {
            shown = Array(0..<nrows).map(Optional.some)
        }
        let indexWidth = String(nrows).count
        var grid: [[String]] = [[String(repeating: " ", count: indexWidth)] + columnNames]
        for row in shown {
            guard let row else { grid.append([]); continue }
            grid.append([String(row + 1)] + columns.map { $0.cell(row).description })
        }
        var widths = [Int](repeating: 0, count: ncols + 1)
        for line in grid where !line.isEmpty {
            for (j, cell) in line.enumerated() { widths[j] = max(widths[j], cell.count) }
        }
        var lines: [String] = []
        for line in grid {
            if line.isEmpty {
                lines.append(padLeft("⋮", widths[0]))
                continue
            }
            var parts: [String] = []
            for (j, cell) in line.enumerated() {
                let numeric = j == 0 || columns[j - 1].kind != .string
                parts.append(numeric ? padLeft(cell, widths[j]) : padRight(cell, widths[j]))
            }
            lines.append(trimTrailing(parts.joined(separator: "  ")))
        }
        lines.append(sizeDescription)
        return lines.joined(separator: "\n")
    }

    /// `150 rows × 5 columns`.
    public var sizeDescription: String {
        let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(nrows, "row")) × \(plural(ncols, "column"))"
    }
}

/// A number as a table cell: `NA` when missing, otherwise as engine reports write numbers
/// (integers in full, 6 significant digits).
func formatTableNumber(_ x: Double) -> String {
    x.isNaN ? "NA" : NumberFormat.short(x)
}

