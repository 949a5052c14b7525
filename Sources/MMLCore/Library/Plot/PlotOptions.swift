// The keyword options every plot call takes (title, axis labels, legend, limits, hold), and
// the conversions of arguments to plot data.

/// The common keywords, in the order signatures show them.
let plotKeywords: [BuiltinParameter] = [
    .key("title", "none"), .key("xlabel", "none"), .key("ylabel", "none"), .key("label", "none"),
    .key("legend", "auto"), .key("xlim", "auto"), .key("ylim", "auto"), .key("height", "16"), .key("hold", "false"),
]

/// Help text shared by every plot builtin.
let plotKeywordHelp = " Options: title=, xlabel=, ylabel= (strings); label= the legend text of the series (a list [\"a\", \"b\"] when there are several); legend=false hides the legend, true shows it; xlim=[lo, hi], ylim=[lo, hi] fix the axes; height= sets the rows of the plot area in the terminal; hold=true keeps the figure open without printing it, so the next plot call draws on top of it (the figure is printed when a call without hold=true finishes it)."

/// The common options of one plot call.
struct PlotCallOptions {
    var title: String?
    var xlabel: String?
    var ylabel: String?
    /// Legend texts, one per series (nil: the call's defaults).
    var labels: [String]?
    var legend: Bool?
    var xlim: ClosedRange<Double>?
    var ylim: ClosedRange<Double>?
    /// Rows of the terminal plot area (nil: the session's default).
    var height: Int?
    var hold = false

    init(_ args: Arguments) throws {
        if args.has("title") { title = try args.string("title") }
        if args.has("xlabel") { xlabel = try args.string("xlabel") }
        if args.has("ylabel") { ylabel = try args.string("ylabel") }
        if let v = args.optional("label") {
            guard let list = stringList(v) else { throw args.typeError("label", expected: "a string or a list of strings", got: v) }
            labels = list
        }
        if args.has("legend") { legend = try args.bool("legend", default: true) }
        xlim = try PlotCallOptions.limits(args, "xlim")
        ylim = try PlotCallOptions.limits(args, "ylim")
        if args.has("height") { height = try args.int("height", in: 5...200) }
        hold = try args.bool("hold", default: false)
    }

    private static func limits(_ args: Arguments, _ name: String) throws -> ClosedRange<Double>? {
        guard args.has(name) else { return nil }
        let m = try args.matrix(name)
        guard m.count == 2, m.data[0].isFinite, m.data[1].isFinite, m.data[0] < m.data[1] else {
            throw args.error("\(args.builtin.name): \(name) must be two finite numbers [lo, hi] with lo < hi", at: name)
        }
        return m.data[0]...m.data[1]
    }

    /// Label `k` of the series, or `fallback` when none was given.
    func label(_ k: Int, _ fallback: String?) -> String? {
        guard let labels else { return fallback }
        return k < labels.count ? labels[k] : fallback
    }

    /// Sets the figure's title, axis labels, limits and legend where given.
    func apply(to figure: inout Figure) {
        if let title { figure.title = title }
        if let xlabel { figure.xlabel = xlabel }
        if let ylabel { figure.ylabel = ylabel }
        if let xlim { figure.xlim = xlim }
        if let ylim { figure.ylim = ylim }
        if let legend { figure.showLegend = legend }
    }
}

extension Builtins {
    /// A plot builtin: the common keywords appended to its parameters.
    static func plotBuiltin(_ name: String, _ parameters: [BuiltinParameter], summary: String, help: String,
                            examples: [BuiltinExample], _ body: @escaping @Sendable (inout Arguments, PlotCallOptions) throws -> Value) -> Builtin {
        Builtin(name, parameters + plotKeywords, area: .plot, summary: summary, help: help + plotKeywordHelp, examples: examples,
                body: .general { args in
            let options = try PlotCallOptions(args)
            return try body(&args, options)
        })
    }
}

extension Arguments {
    /// A numeric argument as a list of numbers (a vector, range, row or single number).
    func numbers(_ name: String) throws -> [Double] {
        let v = try value(name)
        guard let m = v.asMatrix, m.isVector || m.isRow || m.count <= 1 else {
            throw typeError(name, expected: "a vector of numbers", got: v)
        }
        return m.data
    }

    /// Labels from strings, a string vector, or numbers (printed as numbers).
    func labels(_ name: String) throws -> [String] {
        let v = try value(name)
        if let list = stringList(v) { return list }
        guard let m = v.asMatrix else { throw typeError(name, expected: "strings or numbers", got: v) }
        return m.data.map { formatNumber($0, style: .short) }
    }

    /// Group numbers 0, 1, … for each element, and the group names in order (sorted keys).
    func groups(_ name: String) throws -> (indices: [Int], names: [String]) {
        let v = try value(name)
        let keys: [CellValue]
        if let list = stringList(v) {
            keys = list.map(CellValue.string)
        } else if let m = v.asMatrix {
            keys = m.data.map { .number($0) }
        } else {
            throw typeError(name, expected: "a vector or a list of labels, one per point", got: v)
        }
        let column: Column
        if case .string = keys.first { column = Column(name: "g", strings: keys.map(\.description)) } else {
            column = Column(name: "g", numbers: keys.map { if case .number(let x) = $0 { return x } else { return .nan } })
        }
        let grouped = try Interpreter.locating(at: span(name)) { try Table(columns: [column]).groupBy("g") }
        guard grouped.keys.count < 64 else {
            throw error("\(builtin.name): \(grouped.keys.count) groups are too many to tell apart", at: name, hint: "group by something with at most 64 values")
        }
        var indices = [Int](repeating: -1, count: keys.count)
        for (g, rows) in grouped.groups.enumerated() { for r in rows { indices[r] = g } }
        var names = grouped.keys.map(\.description)
        // Points whose key is missing (nan) form a group of their own, drawn last.
        if indices.contains(-1) {
            names.append("NA")
            indices = indices.map { $0 < 0 ? names.count - 1 : $0 }
        }
        return (indices, names)
    }
}
