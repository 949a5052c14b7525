// `trace=true`: the iterations as an aligned table (k, x, f(x), |∇f|), the middle of long runs
// elided, so a learner sees each step without a wall of numbers.

enum TraceTable {
    /// Rows shown at the start and at the end of a long run.
    static let head = 10
    static let tail = 5

    /// The table for a result; `columns` names the value and derivative columns.
    static func text(_ r: OptimizationResult, title: String, valueHeader: String = "f(x)", slopeHeader: String = "|∇f|") -> String {
        let n = r.x.count
        let xHeaders = n == 1 ? ["x"] : n <= 4 ? (1...n).map { "x\($0)" } : ["x"]
        let headers = ["k"] + xHeaders + [valueHeader, slopeHeader]
        let count = r.pathCount
        let shown: [Int?] = count > head + tail + 1
            ? Array(0..<head).map { Optional($0) } + [nil] + Array((count - tail)..<count).map { Optional($0) }
            : Array(0..<count).map { Optional($0) }
        var rows: [[String]] = []
        for k in shown {
            guard let k else {
                rows.append([])
                continue
            }
            let point = r.iterate(k)
            let xs = n <= 4 ? point.map(cell) : ["[" + point.map(cell).joined(separator: ", ") + "]"]
            rows.append([String(k)] + xs + [cell(r.values[k]), cell(r.gradientNorms[k])])
        }
        var widths = headers.map(\.count)
        for row in rows {
            for (j, c) in row.enumerated() { widths[j] = max(widths[j], c.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { j, c in String(repeating: " ", count: widths[j] - c.count) + c }.joined(separator: "  ")
        }
        var lines = [title, line(headers)]
        for row in rows {
            if row.isEmpty {
                let hidden = count - head - tail
                lines.append(String(repeating: " ", count: max(widths[0] - 1, 0)) + "⋮  (\(hidden) more step\(hidden == 1 ? "" : "s"))")
            } else {
                lines.append(line(row))
            }
        }
        lines.append(r.message)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cell(_ x: Double) -> String { formatNumber(x, style: .short) }
}
