// Plot builtins for curves and data: plot, scatter, hist, bar. Each call draws a figure in
// the terminal at once (see PlotSession for hold=true layering and savefig).

extension Builtins {
    static let plots: [Builtin] = plotCurves + plotMore

    static let plotCurves: [Builtin] = [
        plotBuiltin("plot", [.req("x"), .opt("y", "none"), .opt("b", "none")], summary: "Plot functions on an interval, or a line through data points",
                    help: "plot(f, a, b) draws y = f(x) for x from a to b (from −5 to 5 when a and b are left out); plot([f, g], a, b) draws several functions in one figure with a legend. plot(xs, ys) draws the line through the points (xs[k], ys[k]); plot(ys) uses 1, 2, 3, … as x. plot(D) draws a distribution: the pdf of a continuous one, the pmf of a discrete one as bars (plot(D, a, b) for a range). A value of f that is not finite (log(0), 1/0) leaves a gap. The figure prints in the terminal (braille dots) and savefig(\"name.svg\") saves it.",
                    examples: [BuiltinExample("plot(sin, 0, 2*pi, height=6)", " 1 ┤          ⢀⣀⣠⠤⠤⠔⠒⠒⠒⠒⠒⠒⠦⠤⠤⣄⣀⡀\n   │    ⢀⣀⡤⠔⠒⠉⠁                ⠉⠙⠒⠦⢤⣀\n   │⣀⡠⠔⠚⠉                            ⠉⠒⠦⣄⣀\n 0 ┤⠁                                    ⠈⠙⠲⠤⣀                            ⣀⡤⠔⠊⠉\n   │                                          ⠉⠓⠲⠤⣄⣀                ⢀⣀⠤⠔⠚⠉⠁\n-1 ┤                                               ⠈⠉⠙⠒⠒⠲⠤⠤⠤⠤⠤⠤⠔⠒⠒⠋⠉⠁\n   └┬───────────┬──────────┬───────────┬───────────┬───────────┬───────────┬───\n    0           1          2           3           4           5           6\n                                         x\n  ⠤⠤⠤ sin\n")]) { args, options in
            let ip = args.interpreter
            let x = try args.value("x")
            if let functions = functionList(x) {
                let a = try args.number("y", default: -5), b = try args.number("b", default: 5)
                guard a.isFinite, b.isFinite, a < b else {
                    throw args.error("plot: the interval must have a < b, both finite; got \(formatNumber(a, style: .short)) and \(formatNumber(b, style: .short))",
                                     hint: "e.g. plot(f, -2, 2)")
                }
                var layers: [PlotLayer] = []
                for (k, f) in functions.enumerated() {
                    let (xs, ys) = try ip.sample(f, from: a, to: b, at: args.span("x"))
                    layers.append(.line(try LineSeries(xs: xs, ys: ys, label: options.label(k, functionLabel(f)))))
                }
                return try ip.present(Figure(xlabel: "x", layers: layers), options: options, at: args.callSpan)
            }
            if let o = x.distributionValue {
                return try plotDistribution(o.distribution, args, options)
            }
            let ys: [Double], xs: [Double]
            if args.has("y") {
                xs = try args.numbers("x")
                ys = try args.numbers("y")
            } else {
                ys = try args.numbers("x")
                xs = (0..<ys.count).map { Double($0 + 1) }
            }
            let line = try LineSeries(xs: xs, ys: ys, label: options.label(0, nil))
            return try ip.present(Figure(layers: [.line(line)]), options: options, at: args.callSpan)
        },
        plotBuiltin("scatter", [.req("xs"), .req("ys"), .key("groups", "none")], summary: "Plot points (xs[k], ys[k]), optionally coloured by group",
                    help: "scatter(xs, ys) draws a dot at each point. groups=labels (one per point: strings such as a table's species column, or numbers) colours the points by group, with the groups in the legend; without colour each group gets its own marker (• × + o).",
                    examples: [BuiltinExample("scatter([1, 2, 3, 4], [1, 3, 2, 4], height=5)", "4 ┤                                                                        ⠐\n  │                          ⡀\n  │\n2 ┤                                                 ⠈\n  │   ⠄\n  └───┬──────────┬───────────┬───────────┬──────────┬───────────┬──────────┬───\n     1.0        1.5         2.0         2.5        3.0         3.5        4.0\n")]) { args, options in
            let xs = try args.numbers("xs"), ys = try args.numbers("ys")
            var groups: [Int]?, names: [String]?
            if args.has("groups") {
                let g = try args.groups("groups")
                guard g.indices.count == xs.count else {
                    throw args.error("scatter: \(g.indices.count) group labels for \(xs.count) points", at: "groups", hint: "give one label per point")
                }
                groups = g.indices
                names = options.labels.flatMap { $0.count == g.names.count ? $0 : nil } ?? g.names
            }
            let series = try ScatterSeries(xs: xs, ys: ys, groups: groups, groupNames: names, label: groups == nil ? options.label(0, nil) : nil)
            return try args.interpreter.present(Figure(layers: [.scatter(series)]), options: options, at: args.callSpan)
        },
        plotBuiltin("hist", [.req("data"), .key("bins", "\"auto\""), .key("density", "false"), .key("normal", "density")],
                    summary: "A histogram of data, optionally with a fitted normal curve",
                    help: "hist(data) counts the values in equal bins chosen by NumPy's \"auto\" rule (the narrower of Sturges and Freedman–Diaconis); bins=12 asks for 12 bins, bins=[0, 1, 2, 5] gives the edges, bins=\"sturges\" or \"fd\" picks a rule. density=true scales the bars so their area is 1 and overlays the normal curve with the data's mean and standard deviation (normal=false leaves it out; normal=true with counts scales the curve to the counts). nan values are left out.",
                    examples: [BuiltinExample("hist([1, 2, 2, 3, 3, 3, 4, 4, 5], bins=5, height=5)", "count\n  │                              ▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆\n2 ┤               ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁████████████████▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁\n  │               ██████████████████████████████████████████████\n  │▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅██████████████████████████████████████████████▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅\n0 ┤████████████████████████████████████████████████████████████████████████████\n  └┬──────────────────┬──────────────────┬─────────────────┬──────────────────┬\n   1                  2                  3                 4                  5\n")]) { args, options in
            let data = try args.matrix("data").data
            let bins = try histogramBins(args)
            let density = try args.bool("density", default: false)
            let normal = try args.bool("normal", default: density)
            let series = try Histogram.compute(data, bins: bins, density: density, label: options.label(0, nil))
            var layers: [PlotLayer] = [.histogram(series)]
            if normal {
                let finite = data.filter(\.isFinite)
                let (mean, sd) = meanAndSampleStd(finite)
                if sd > 0, let lo = series.edges.first, let hi = series.edges.last {
                    let scale = density ? 1 : Double(finite.count) * (hi - lo) / Double(series.heights.count)
                    let xs = (0...200).map { lo + (hi - lo) * Double($0) / 200 }
                    let ys = xs.map { Rmath.dnorm($0, mean, sd) * scale }
                    let label = options.label(1, "normal fit (μ = \(legendNumber(mean)), σ = \(legendNumber(sd)))")
                    layers.append(.line(try LineSeries(xs: xs, ys: ys, label: label)))
                }
            }
            let ylabel = density ? "density" : "count"
            return try args.interpreter.present(Figure(ylabel: ylabel, layers: layers), options: options, at: args.callSpan)
        },
        plotBuiltin("bar", [.req("labels"), .req("values")], summary: "A bar chart: one bar per label",
                    help: "bar([\"A\", \"B\"], [3, 5]) draws a bar of height 3 labelled A and one of height 5 labelled B. Labels may be strings, a table's string column, or numbers.",
                    examples: [BuiltinExample("bar([\"A\", \"B\", \"C\"], [3, 5, 2], height=5)", "5 ┤                              ▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆▆\n  │                              ████████████████\n  │     ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇         ████████████████\n  │     ████████████████         ████████████████         ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇\n0 ┤     ████████████████         ████████████████         ████████████████\n  └────────────┬─────────────────────────┬────────────────────────┬────────────\n               A                         B                        C\n")]) { args, options in
            let labels = try args.labels("labels"), values = try args.numbers("values")
            let series = try BarSeries(labels: labels, values: values, label: options.label(0, nil))
            return try args.interpreter.present(Figure(layers: [.bars(series)]), options: options, at: args.callSpan)
        },
    ]

    /// The functions of `f` or of a list `[f, g]`, or nil when it is not a function.
    static func functionList(_ v: Value) -> [Function]? {
        switch v {
        case .function(let f): return [f]
        case .tuple(let items) where !items.isEmpty:
            var out: [Function] = []
            for item in items {
                guard case .function(let f) = item else { return nil }
                out.append(f)
            }
            return out
        default: return nil
        }
    }

    private static func histogramBins(_ args: Arguments) throws -> HistogramBins {
        guard let v = args.optional("bins") else { return .auto }
        if let rule = v.text {
            switch rule.lowercased() {
            case "auto": return .auto
            case "sturges": return .sturges
            case "fd", "freedman-diaconis": return .freedmanDiaconis
            default: throw args.error("hist: unknown bin rule \"\(rule)\"", at: "bins", hint: "use \"auto\", \"sturges\", \"fd\", a number of bins or a vector of edges")
            }
        }
        guard let m = v.asMatrix else { throw args.typeError("bins", expected: "a number of bins, a vector of edges or a rule name", got: v) }
        if m.count == 1 { return .count(try args.int("bins", in: 1...Histogram.maximumBins)) }
        return .edges(m.data)
    }
}

/// plot(D): the pdf of a continuous distribution as a curve, the pmf of a discrete one as bars,
/// over [a, b] or, by default, the range holding all but 0.1% of the probability at each end.
private func plotDistribution(_ d: Distribution, _ args: Arguments, _ options: PlotCallOptions) throws -> Value {
    let ip = args.interpreter
    func quantile(_ q: Double) throws -> Double {
        return try args.blaming("x") { try d.quantile(q) }
    }
    let lo = try args.has("y") ? args.number("y") : quantile(0.001)
    let hi = try args.has("b") ? args.number("b") : quantile(0.999)
    guard lo.isFinite, hi.isFinite, lo < hi else {
        throw args.error("plot: the interval must have a < b, both finite; got \(formatNumber(lo, style: .short)) and \(formatNumber(hi, style: .short))",
                         hint: "e.g. plot(D, -4, 4)")
    }
    let name = d.signatureWithValues
    if d.family.isDiscrete {
        let ks = Array(stride(from: lo.rounded(.up), through: hi.rounded(.down), by: 1))
        guard !ks.isEmpty, ks.count <= 200 else {
            throw args.error("plot: a discrete distribution is drawn with one bar per value, and [\(formatNumber(lo, style: .short)), \(formatNumber(hi, style: .short))] holds \(ks.count)",
                             hint: "give a range with 1 to 200 whole numbers, e.g. plot(D, 0, 20)")
        }
        let bars = try BarSeries(labels: ks.map { formatNumber($0, style: .short) }, values: ks.map { d.pdf($0) }, label: options.label(0, "pmf of " + name))
        return try ip.present(Figure(xlabel: "k", ylabel: "P(X = k)", layers: [.bars(bars)]), options: options, at: args.callSpan)
    }
    let xs = (0...400).map { lo + (hi - lo) * Double($0) / 400 }
    let line = try LineSeries(xs: xs, ys: xs.map { d.pdf($0) }, label: options.label(0, "pdf of " + name))
    return try ip.present(Figure(xlabel: "x", ylabel: "density", layers: [.line(line)]), options: options, at: args.callSpan)
}
