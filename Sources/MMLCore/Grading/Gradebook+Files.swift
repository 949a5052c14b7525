// What a graded class gives the instructor and the learners: the gradebook as CSV (a row per
// learner) and JSON (everything, for a learning platform), a summary with a bar chart of how
// many learners passed each check, and each learner's feedback.

extension Gradebook {
    /// `learner,total,<check>,…`: the points of every check, hidden ones included.
    public func csv() throws -> String {
        var names = ["learner", "total"]
        for check in checks {
            var name = check.label, n = 2
            while names.contains(name) {
                name = "\(check.label) (\(n))"
                n += 1
            }
            names.append(name)
        }
        var columns = [Column(name: names[0], strings: rows.map(\.learner)), Column(name: names[1], numbers: rows.map(\.total))]
        for k in checks.indices { columns.append(Column(name: names[k + 2], numbers: rows.map { $0.scores[k].earned })) }
        return try CSV.encode(Table(columns: columns))
    }

    /// Everything, as JSON.
    public func json() -> String {
        let counts = passCounts
        var out = "{\n  \"maximum\": \(Self.number(maximum)),\n  \"learners\": \(rows.count),\n  \"checks\": ["
        out += checks.enumerated().map { k, check in
            "\n    {\"label\": \(Self.string(check.label)), \"points\": \(Self.number(check.points)), \"hidden\": \(check.hidden), \"passed\": \(counts[k])}"
        }.joined(separator: ",")
        out += "\n  ],\n  \"grades\": ["
        out += rows.map { row in
            var item = "\n    {\"learner\": \(Self.string(row.learner)), \"file\": \(row.file.map(Self.string) ?? "null"), "
            item += "\"total\": \(Self.number(row.total)), \"status\": \(Self.string(row.status)), \"reason\": \(Self.string(row.reason)),\n     \"checks\": ["
            item += zip(checks, row.scores).map { check, score in
                "\n       {\"label\": \(Self.string(check.label)), \"points\": \(Self.number(check.points)), \"earned\": \(Self.number(score.earned)), "
                    + "\"status\": \(Self.string(score.status.rawValue)), \"problem\": \(score.problem.map(Self.string) ?? "null")}"
            }.joined(separator: ",")
            return item + "\n     ]}"
        }.joined(separator: ",")
        return out + "\n  ]\n}\n"
    }

    /// The bar chart of how many learners passed each check (checks numbered as in `summary`).
    public func chart() throws -> Figure {
        let series = try BarSeries(labels: checks.indices.map { "\($0 + 1)" }, values: passCounts.map(Double.init))
        return Figure(title: "Learners who passed each check (of \(rows.count))", xlabel: "check", ylabel: "learners",
                      ylim: 0...Double(max(rows.count, 1)), layers: [.bars(series)])
    }

    /// For the instructor: each check with its points and how many passed, then the chart.
    public func summary(width: Int = 80) -> String {
        let counts = passCounts
        var out = "\(rows.count) learner\(rows.count == 1 ? "" : "s"), \(checks.count) check\(checks.count == 1 ? "" : "s"), \(Self.points(maximum)) available\n\n"
        let labelWidth = min(40, checks.map(\.label.count).max() ?? 0)
        for (k, check) in checks.enumerated() {
            let label = check.label.count > labelWidth ? String(check.label.prefix(labelWidth - 1)) + "…" : check.label
            let pad = String(repeating: " ", count: labelWidth - label.count)
            var worth = Self.points(check.points) + (check.hidden ? ", hidden" : "")
            worth += String(repeating: " ", count: max(0, 18 - worth.count))
            out += "\(k + 1 < 10 ? " " : "")\(k + 1). \(label)\(pad)  \(worth)  passed by \(counts[k]) of \(rows.count)\n"
        }
        let totals = rows.map(\.total)
        if !totals.isEmpty {
            let mean = totals.reduce(0, +) / Double(totals.count)
            out += "\nmean total \(formatScalar((mean * 100).rounded() / 100, mode: .short)) of \(formatScalar(maximum, mode: .short))"
            let troubled = rows.filter { $0.status != "ran" }
            if !troubled.isEmpty { out += "; " + troubled.map { "\($0.learner): \($0.status)" }.joined(separator: ", ") }
            out += "\n"
        }
        if !checks.isEmpty, let figure = try? chart() {
            out += "\n" + figure.renderTerminal(TerminalPlotOptions(width: width, height: 12))
        }
        return out
    }

    /// A learner's feedback: ✓/✗ per visible check with its points, what went wrong in plain
    /// words, and the hidden checks only as a total unless `reveal`.
    public func feedback(for row: Row, reveal: Bool = false) -> String {
        var out = "\(row.learner): \(Self.points(row.total, of: maximum))\n"
        if let file = row.file { out += "submission: \(file)\n" }
        out += "\n"
        var hiddenEarned = 0.0, hiddenPoints = 0.0, hiddenCount = 0
        for (check, score) in zip(checks, row.scores) {
            if check.hidden && !reveal {
                hiddenEarned += score.earned
                hiddenPoints += check.points
                hiddenCount += 1
                continue
            }
            let mark = score.status == .passed ? "✓" : "✗"
            var line = "\(mark) \(check.label)  [\(Self.points(score.earned, of: check.points))]"
            if let problem = score.problem {
                let lines = problem.split(separator: "\n", omittingEmptySubsequences: false)
                // A matrix problem is a block of its own lines, already indented under the label.
                line += problem.hasPrefix("\n") ? lines.dropFirst().map { "\n" + $0 }.joined() : ": " + lines.joined(separator: "\n    ")
            }
            out += line.split(separator: "\n", omittingEmptySubsequences: false).map { $0.allSatisfy(\.isWhitespace) ? "" : String($0) }
                .joined(separator: "\n") + "\n"
        }
        if hiddenCount > 0 {
            out += "\(hiddenCount) hidden check\(hiddenCount == 1 ? "" : "s"): \(Self.points(hiddenEarned, of: hiddenPoints))\n"
        }
        if !row.reason.isEmpty {
            out += "\n" + row.reason + (row.reason.hasSuffix("\n") ? "" : "\n")
        }
        return out
    }

    /// `2 points`, `1 point`.
    public static func points(_ x: Double) -> String {
        "\(formatScalar(x, mode: .short)) point\(x == 1 ? "" : "s")"
    }

    /// `3 of 5 points`.
    public static func points(_ x: Double, of total: Double) -> String {
        "\(formatScalar(x, mode: .short)) of \(points(total))"
    }

    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
