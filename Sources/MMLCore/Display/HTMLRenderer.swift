// Values as HTML, for notebooks: matrices and data tables as tables (long ones as head, ⋮,
// tail), records and reports — optimizer results, test results, posteriors, summaries — as a
// table of fields with the sentence that matters emphasised, and check lines as ✓/✗. Self-
// contained markup with inline styles only: notebooks load no stylesheet of ours.

/// HTML forms of values and checks.
public enum HTMLRenderer {
    /// The shown value as HTML, or nil when its text says it as well (numbers, strings,
    /// vectors, functions).
    public static func html(of shown: ShownValue) -> String? {
        guard let body = html(shown.value, options: shown.options) else { return nil }
        guard let name = shown.name else { return body }
        return "<div style=\"display:flex;align-items:center;gap:0.6em\"><code>\(escaped(name)) =</code>\(body)</div>"
    }

    /// The value as HTML, or nil when it has no richer form than its text.
    public static func html(_ value: Value, options: DisplayOptions) -> String? {
        switch value {
        case .matrix(let m) where m.count > 0 && m.cols > 1: return matrix(m, options: options)
        case .record(let r): return record(r, options: options)
        case .object(let o as TableValue): return table(o.table, options: options)
        case .object(let o as GroupedValue): return grouped(o)
        case .object(let o as TestResultValue): return testResult(o.result)
        case .object(let o as PosteriorValue): return posterior(o.update)
        case .object(let o as SummaryValue): return summary(o)
        case .object(let o as FrequencyTableValue): return frequencies(o.table)
        default: return nil
        }
    }

    /// `✓ label` in green, or `✗ label: what differs` in red.
    public static func check(_ outcome: CheckOutcome) -> String {
        let (mark, color) = outcome.passed ? ("✓", "#1a7f37") : ("✗", "#cf222e")
        let problem = outcome.passed ? "" : ": " + escaped(outcome.problem ?? "failed")
        return "<div><span style=\"color:\(color);font-weight:bold\">\(mark)</span> \(escaped(outcome.label))\(problem)</div>"
    }

    // MARK: Matrices and tables

    /// A matrix as a table between bracket rules, elided past the display limits as in the terminal.
    static func matrix(_ m: Matrix, options: DisplayOptions) -> String {
        let style = options.style
        let rows = LaTeXRenderer.kept(m.rows, limit: options.maxRows), cols = LaTeXRenderer.kept(m.cols, limit: options.maxColumns)
        var out = "<table style=\"border-left:2px solid;border-right:2px solid;border-collapse:separate;font-family:monospace\">"
        for i in rows {
            out += "<tr>"
            for j in cols {
                let text: String
                switch (i, j) {
                case let (i?, j?):
                    let x = m[i, j]
                    text = m.isLogical ? formatLogical(x != 0) : renderNumber(x, style: style, rationalFallback: .short)
                case (nil, nil): text = "⋱"
                case (nil, _): text = "⋮"
                case (_, nil): text = "…"
                }
                out += "<td style=\"text-align:right;padding:0.1em 0.6em\">\(escaped(text))</td>"
            }
            out += "</tr>"
        }
        out += "</table>"
        if rows.contains(nil) || cols.contains(nil) { out = "<div>\(m.rows)×\(m.cols) matrix</div>" + out }
        return out
    }

    /// A data table: a header of column names, 1-based row numbers, the first and last rows
    /// around a ⋮ row when it is longer than `maxRows`, and its size below.
    static func table(_ t: Table, options: DisplayOptions) -> String {
        var out = "<table><thead><tr><th></th>"
        for name in t.columnNames { out += "<th>\(escaped(name))</th>" }
        out += "</tr></thead><tbody>"
        for row in LaTeXRenderer.kept(t.nrows, limit: options.maxRows) {
            guard let row else {
                out += "<tr><th>⋮</th>" + String(repeating: "<td>⋮</td>", count: t.ncols) + "</tr>"
                continue
            }
            out += "<tr><th>\(row + 1)</th>"
            for column in t.columns {
                let align = column.kind == .string ? "left" : "right"
                out += "<td style=\"text-align:\(align)\">\(escaped(column.cell(row).description))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table><p>\(t.sizeDescription)</p>"
    }

    private static func grouped(_ g: GroupedValue) -> String {
        let t = g.grouped
        var out = "<p>table grouped by <code>\(escaped(t.keyName))</code>: \(t.groups.count) group\(t.groups.count == 1 ? "" : "s")</p>"
        out += "<table><thead><tr><th>\(escaped(t.keyName))</th><th>rows</th></tr></thead><tbody>"
        for (key, rows) in zip(t.keys, t.groups) {
            out += "<tr><td>\(escaped(key.description))</td><td style=\"text-align:right\">\(rows.count)</td></tr>"
        }
        return out + "</tbody></table><p>summaries: <code>g.count</code>, <code>g.mean</code>, <code>g.sum</code>, <code>g.min</code>, "
            + "<code>g.max</code>, <code>g.std</code>, <code>g.median</code>, or <code>summarize(g, f)</code></p>"
    }

    private static func summary(_ s: SummaryValue) -> String {
        var out = "<table>"
        if s.isMatrix { out += "<tr><th></th>" + s.columns.indices.map { "<th>col \($0 + 1)</th>" }.joined() + "</tr>" }
        for (k, name) in s.fieldNames.enumerated() {
            out += "<tr><th style=\"text-align:left\">\(name)</th>"
            out += s.columns.map { "<td style=\"text-align:right\">\(escaped(NumberFormat.short($0.fields[k].1)))</td>" }.joined()
            out += "</tr>"
        }
        return out + "</table>"
    }

    private static func frequencies(_ f: FrequencyTable) -> String {
        var out = "<table><thead><tr><th>value</th><th>count</th><th>proportion</th></tr></thead><tbody>"
        for ((value, count), share) in zip(zip(f.values, f.counts), f.proportions) {
            out += "<tr>" + [NumberFormat.short(value), String(count), NumberFormat.short(share, digits: 4)]
                .map { "<td style=\"text-align:right\">\(escaped($0))</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    // MARK: Records and reports

    /// A record: its title above a table of fields; the `message` of a result emphasised.
    static func record(_ r: Record, options: DisplayOptions) -> String {
        let printer = ValuePrinter(options: options)
        let rows = r.fields.map { name, value -> (String, String) in
            if let html = html(value, options: options) { return (name, html) }
            if name == "message", let s = value.text { return (name, "<em>\(escaped(s))</em>") }
            let text = escaped(printer.nested(value))
            return (name, text.contains("\n") ? "<pre style=\"margin:0\">\(text)</pre>" : "<code>\(text)</code>")
        }
        return fields(title: r.title, rows, empty: "(no fields)")
    }

    private static func testResult(_ t: TestResult) -> String {
        var rows = [("H0", escaped(t.nullHypothesis)), ("H1", escaped(t.alternativeHypothesis)),
                    (t.statisticName, NumberFormat.short(t.statistic, digits: 5))]
        if let df = t.df { rows.append(("df", NumberFormat.short(df, digits: 5))) }
        rows.append(("p-value", NumberFormat.pValue(t.p)))
        if let estimate = t.estimate, let name = t.estimateName { rows.append(("estimate", "\(escaped(name)) = \(NumberFormat.short(estimate))")) }
        if let ci = t.ci { rows.append(("\(NumberFormat.short(t.level * 100))% CI", escaped(ci.description))) }
        return fields(title: t.title, rows, empty: "") + "<p><strong>\(escaped(t.decision))</strong></p>"
    }

    private static func posterior(_ u: PosteriorUpdate) -> String {
        let symbol = u.likelihood.parameterSymbol
        let rows = [("prior", u.prior.signatureWithValues),
                    ("likelihood", "\(u.likelihood), \(u.n) observation\(u.n == 1 ? "" : "s"), sum \(NumberFormat.short(u.total))"),
                    ("posterior", u.posterior.signatureWithValues),
                    ("MAP \(symbol)", u.map.map { NumberFormat.short($0) } ?? "not unique (the posterior has no single peak)"),
                    ("MLE \(symbol)", NumberFormat.short(u.mle)),
                    ("posterior mean", NumberFormat.short(u.posteriorMean))]
        return fields(title: "Bayesian update for \(symbol)", rows.map { ($0, escaped($1)) }, empty: "")
    }

    /// A two-column table of names and (already escaped) values under a bold title.
    private static func fields(title: String?, _ rows: [(String, String)], empty: String) -> String {
        var out = title.map { "<div><strong>\(escaped($0))</strong></div>" } ?? ""
        out += "<table>"
        for (name, value) in rows {
            out += "<tr><th style=\"text-align:left;vertical-align:top\">\(escaped(name))</th><td style=\"text-align:left\">\(value)</td></tr>"
        }
        if rows.isEmpty { out += "<tr><td>\(empty)</td></tr>" }
        return out + "</table>"
    }

    /// Text escaped for HTML content and attribute values.
    static func escaped(_ text: String) -> String { xmlEscaped(text) }
}
