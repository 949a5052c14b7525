// counts (a frequency table) and describe (count, mean, std, min, quartiles, max) as values
// that print as small tables and have fields.

/// A frequency table as an MML value: fields values, counts, proportions.
public final class FrequencyTableValue: MMLObject {
    public let table: FrequencyTable
    /// The categories, in the order of `table`, when the data were strings (then
    /// `table.values` are just 1…k).
    public let categories: [String]?
    public init(_ table: FrequencyTable, categories: [String]? = nil) {
        self.table = table
        self.categories = categories
    }

    /// The frequency table of strings (a text column): categories in alphabetical order; missing
    /// cells are not counted.
    public convenience init(strings: [String?]) {
        var tally: [String: Int] = [:]
        for case let s? in strings { tally[s, default: 0] += 1 }
        let names = tally.keys.sorted()
        self.init(FrequencyTable(values: names.indices.map { Double($0 + 1) }, counts: names.map { tally[$0]! }), categories: names)
    }

    public var typeName: String { "frequency table" }
    /// Three columns: value (left-aligned for categories, right-aligned for numbers), count, proportion.
    public func display(_ options: DisplayOptions) -> String {
        let labels = categories ?? table.values.map { NumberFormat.short($0) }
        let rows = zip(zip(labels, table.counts), table.proportions).map { pair, share in
            [pair.0, String(pair.1), NumberFormat.short(share, digits: 4)]
        }
        let header = ["value", "count", "proportion"]
        let widths = (0..<3).map { j in ([header[j]] + rows.map { $0[j] }).map(\.count).max() ?? 0 }
        return ([header] + rows).map { row in
            (0..<3).map { j in
                let pad = String(repeating: " ", count: widths[j] - row[j].count)
                return j == 0 && categories != nil ? row[j] + pad : pad + row[j]
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
    static let fields: [ResultField] = [
        ResultField("values", "the distinct values (or categories), in increasing order"),
        ResultField("counts", "how often each occurs"),
        ResultField("proportions", "each count divided by the total"),
    ]
    public var fieldNames: [String] { Self.fields.map(\.name) }
    public func field(_ name: String) -> Value? {
        switch name {
        case "values": return categories.map { .object(StringVector($0)) } ?? .matrix(Matrix(column: table.values))
        case "counts": return .matrix(Matrix(column: table.counts.map(Double.init)))
        case "proportions": return .matrix(Matrix(column: table.proportions))
        default: return nil
        }
    }
}

/// The describe summary of a vector, or of each column of a matrix.
public final class SummaryValue: MMLObject {
    public let columns: [DataSummary]
    /// True when the data was a matrix: fields are rows with one entry per column.
    public let isMatrix: Bool

    public init(_ columns: [DataSummary], isMatrix: Bool) {
        self.columns = columns
        self.isMatrix = isMatrix
    }

    public var typeName: String { "summary" }

    /// The fields `describe` declares (for a matrix, each a row with one entry per column);
    /// the engine's `DataSummary.fields` gives their values, and a test keeps the two in step.
    static let fields: [ResultField] = [
        ResultField("count", "how many values"), ResultField("mean", "the mean"),
        ResultField("std", "the sample standard deviation (n − 1)"), ResultField("min", "the smallest value"),
        ResultField("q1", "the first quartile"), ResultField("median", "the median"),
        ResultField("q3", "the third quartile"), ResultField("max", "the largest value"),
    ]

    public var fieldNames: [String] { columns.first?.fields.map(\.0) ?? [] }

    public func field(_ name: String) -> Value? {
        guard let k = fieldNames.firstIndex(of: name) else { return nil }
        let values = columns.map { $0.fields[k].1 }
        return isMatrix ? .matrix(Matrix(rows: 1, cols: values.count, data: values)) : .number(values[0])
    }

    public func display(_ options: DisplayOptions) -> String {
        guard isMatrix else { return columns.first?.description ?? "" }
        // One column of numbers per data column, right-aligned under "col j" headers.
        let names = fieldNames
        let header = [""] + columns.indices.map { "col \($0 + 1)" }
        var grid = [header]
        for (k, name) in names.enumerated() {
            grid.append([name] + columns.map { NumberFormat.short($0.fields[k].1) })
        }
        let widths = (0..<header.count).map { j in grid.map { $0[j].count }.max() ?? 0 }
        return grid.map { row in
            row.enumerated().map { j, cell in
                j == 0 ? padRight(cell, widths[0])
                       : String(repeating: " ", count: widths[j] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension Builtins {
    static let summaries: [Builtin] = [
        Builtin("counts", [.req("x")], area: .statistics, summary: "A frequency table: each distinct value and how often it occurs",
                help: "counts(x) lists the distinct values of x in increasing order with their counts and proportions. The result has fields values, counts and proportions (counts divided by the total), e.g. for a bar chart. For strings (a text column of a table, t.species) it counts each category, in alphabetical order, leaving out missing cells.",
                examples: [BuiltinExample("counts([2, 1, 2, 3, 2])", "value  count  proportion\n    1      1         0.2\n    2      3         0.6\n    3      1         0.2")],
                result: .fields(FrequencyTableValue.fields),
                body: .general { args in
            let x = try args.value("x")
            if !x.isString, let strings = x.stringValues { return .object(FrequencyTableValue(strings: strings)) }
            return .object(FrequencyTableValue(try Stats.counts(try args.data("x"))))
        }),
        Builtin("describe", [.req("x")], area: .statistics, summary: "Summary statistics: count, mean, std, min, quartiles, max",
                help: "describe(x) gives the count, mean, sample standard deviation (n − 1), minimum, first quartile, median, third quartile and maximum, like pandas' describe (type-7 quartiles). On a matrix it describes every column. Fields: count, mean, std, min, q1, median, q3, max (rows with one entry per column for a matrix). On a table it gives a table with one column per numeric column (missing cells left out).",
                examples: [BuiltinExample("describe([2, 4, 4, 4, 5, 5, 7, 9])", "count  8\nmean   5\nstd    2.13809\nmin    2\nq1     4\nmedian 4.5\nq3     5.5\nmax    9")],
                result: .fields(SummaryValue.fields),
                body: .general { args in
            if case .object(let t as TableValue) = try args.value("x") {
                return .object(TableValue(try Interpreter.locating(at: args.span("x")) { try t.table.describe() }))
            }
            let m = try args.matrix("x")
            if m.isVector || m.isRow || m.isEmpty { return .object(SummaryValue([try Stats.describe(m.data)], isMatrix: false)) }
            return .object(SummaryValue(try (0..<m.cols).map { try Stats.describe(m.column($0)) }, isMatrix: true))
        }),
    ]
}
