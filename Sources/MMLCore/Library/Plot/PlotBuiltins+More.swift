// Plot builtins for functions of two variables, tangents and distributions of data —
// contour, plot_tangent, boxplot, qqplot — and savefig.

extension Builtins {
    static let plotMore: [Builtin] = [
        plotBuiltin("contour", [.req("g"), .req("xrange"), .req("yrange"), .key("levels", "10"), .key("n", "60")],
                    summary: "Contours of a function of two variables",
                    help: "contour(g, [x0, x1], [y0, y1]) samples g(x, y) on an n×n grid (n=60) and draws its level sets: shaded bands in the terminal (darker = higher), contour lines in SVG (marching squares). levels=8 asks for about 8 round-number levels; levels=[1, 2, 5] gives them. Non-finite values leave holes.",
                    examples: [BuiltinExample("contour((x, y) -> x^2 + y^2, [-1, 1], [-1, 1], levels=3, height=6)", "y\n 1 ┤████▒▒▒▒▒▒▒▒▒▒▒▒▒·········································▒▒▒▒▒▒▒▒▒▒▒▒▒████\n   │▒▒▒▒▒··············                                     ··············▒▒▒▒▒\n   │▒···········                                                   ···········▒\n 0 ┤▒···········                                                   ···········▒\n   │▒▒▒▒▒··············                                     ··············▒▒▒▒▒\n-1 ┤████▒▒▒▒▒▒▒▒▒▒▒▒▒·········································▒▒▒▒▒▒▒▒▒▒▒▒▒████\n   └┬────────────────────────────────────┬────────────────────────────────────┬\n    -1                                   0                                    1\n                                         x\n  shading ·░▒▓█ rises with z: 3 levels from 0.5 to 1.5\n")]) { args, options in
            let ip = args.interpreter
            let g = try args.function("g")
            let span = args.span("g")
            let xr = try range(args, "xrange"), yr = try range(args, "yrange")
            let n = try args.int("n", default: 60, in: 2...400)
            var explicit: [Double]?, count = 10
            if let v = args.optional("levels") {
                guard let m = v.asMatrix else { throw args.typeError("levels", expected: "a number of levels or a vector of levels", got: v) }
                if m.count == 1 { count = try args.int("levels", in: 1...100) } else { explicit = m.data }
            }
            var series = try ContourSeries.sample(x: xr, y: yr, resolution: n, levels: explicit, label: options.label(0, nil)) { x, y in
                try ip.checkInterrupt(at: span)
                return try ip.callNumber(g, [x, y], what: "contour", at: span)
            }
            if explicit == nil { series.levels = ContourLevels.choose(z: series.z, count: count) }
            let names = (g as? UserFunction)?.parameters.map(\.name) ?? []
            let figure = Figure(xlabel: names.count == 2 ? names[0] : "x", ylabel: names.count == 2 ? names[1] : "y", layers: [.contour(series)])
            return try ip.present(figure, options: options, at: args.callSpan)
        },
        plotBuiltin("plot_path", [.req("result"), .key("levels", "10"), .key("n", "60")],
                    summary: "An optimizer's path over the contours of the function it minimised",
                    help: "plot_path(r) takes the result of gd, newton or minimize on a function of two variables and draws the contours of that function around the path (shaded bands in the terminal, lines in SVG), with the iterates joined from the start ○ to the end ●. levels and n are as for contour.",
                    examples: [BuiltinExample("r = gd((x, y) -> x^2 + 4*y^2, [2, 1], rate=0.1, steps=20); size(r.path)", "[21, 2]")]) { args, options in
            let ip = args.interpreter
            let span = args.span("result")
            guard case .record(let r) = try args.value("result"), case .matrix(let path)? = r["path"], case .function(let f)? = r["f"] else {
                throw args.error("plot_path needs the result of gd, newton or minimize", at: "result", hint: "r = gd(f, [1, 1]); plot_path(r)")
            }
            guard path.cols == 2, path.rows >= 1 else {
                throw args.error("plot_path draws paths in two variables, but this path has \(path.cols) coordinate\(path.cols == 1 ? "" : "s")", at: "result",
                                 hint: path.cols == 1 ? "for one variable, plot(r.values) shows f along the path" : nil)
            }
            let xs = path.column(0), ys = path.column(1)
            func padded(_ v: [Double]) -> ClosedRange<Double> {
                let finite = v.filter(\.isFinite)
                let lo = finite.min() ?? -1, hi = finite.max() ?? 1
                let pad = max((hi - lo) * 0.25, 0.5)
                return (lo - pad)...(hi + pad)
            }
            // f takes x and y, or one vector (the calling convention of gd).
            let spread = (f as? UserFunction)?.parameters.count == 2
            var series = try ContourSeries.sample(x: padded(xs), y: padded(ys), resolution: try args.int("n", default: 60, in: 2...400), levels: nil, label: nil) { x, y in
                try ip.checkInterrupt(at: span)
                if spread { return try ip.callNumber(f, [x, y], what: "plot_path", at: span) }
                guard case .number(let z) = try ip.call(f, [.matrix(Matrix(column: [x, y]))], at: span) else { return .nan }
                return z
            }
            // Quantile spacing shows the valley floor of steep functions such as Rosenbrock's.
            series.levels = ContourLevels.choose(z: series.z, count: try args.int("levels", default: 10, in: 1...100), spacing: .quantile)
            let line = try PathSeries(xs: xs, ys: ys, label: options.label(0, "path, \(path.rows) points"))
            let names = (f as? UserFunction)?.parameters.map(\.name) ?? []
            let figure = Figure(xlabel: names.count == 2 ? names[0] : "x", ylabel: names.count == 2 ? names[1] : "y", layers: [.contour(series), .path(line)])
            return try ip.present(figure, options: options, at: args.callSpan)
        },
        plotBuiltin("plot_tangent", [.req("f"), .req("a"), .opt("lo", "a - 2"), .opt("hi", "a + 2")],
                    summary: "A function with its tangent line at x = a",
                    help: "plot_tangent(f, a) draws f from a − 2 to a + 2 (or from lo to hi), the tangent line y = f(a) + f′(a)·(x − a) and the point (a, f(a)); the legend gives the tangent's equation. f′(a) is exact when f is a math function or lambda MML can differentiate (as f' is); otherwise (a block function or a builtin) it is estimated numerically, as nderiv(f, a) does (about 10 correct digits).",
                    examples: [BuiltinExample("plot_tangent(x -> x^2, 1, height=8)", "  │                                                                        ⣀\n  │                                                                   ⢀⣠⠴⠒⠉\n  │                                                              ⢀⣀⡤⠖⠊⠉\n5 ┤                                                         ⢀⣀⠤⠖⠚⠉     ⢀⣀⡀ ⠤\n  │                                                   ⣀⣀⠤⠴⢒⡋⠉⡠⠤ ⠠⠒⠂ ⠉⠉\n  │                                           ⣀⣀⣠⠤⠴⠶⠞⠉⠓⠊ ⠈⠁\n  │   ⠤⠤⠤⣄⣀⣀⣀⣀                   ⣀⣀⣀⣀⣤⠤⠤⠶•⠒⠚⠉⠉⠁\n0 ┤          ⠈⠉⠉⠉⠉⠉⠉⠉⠉⢉⣉⡉⠉⠭⠝⠉⠙⠋⠉⠉⠁\n  └───┬───────┬────────┬────────┬────────┬───────┬────────┬────────┬───────┬───\n     -1.0    -0.5      0       0.5      1.0     1.5      2.0      2.5     3.0\n                                        x\n  ⠤⠤⠤ x -> x^2   ⠤⠤  tangent at x = 1: y = 2x − 1\n")]) { args, options in
            let ip = args.interpreter
            let f = try args.function("f")
            let span = args.span("f")
            let a = try args.number("a")
            let lo = try args.number("lo", default: a - 2), hi = try args.number("hi", default: a + 2)
            guard a.isFinite, lo.isFinite, hi.isFinite, lo < hi else {
                throw args.error("plot_tangent: need finite a and lo < hi", hint: "e.g. plot_tangent(f, 1) or plot_tangent(f, 1, -2, 4)")
            }
            let fa = try ip.callNumber(f, [a], what: "plot_tangent", at: span)
            var (slope, isExact) = try ip.slope(f, at: a, span: span)
            // A numeric slope of 1e-13 at a turning point is rounding noise: call it flat.
            if !isExact && abs(slope) < 1e-9 * max(1, abs(fa)) { slope = 0 }
            guard fa.isFinite, slope.isFinite else {
                throw args.error("plot_tangent: \(functionLabel(f)) has no tangent at x = \(legendNumber(a)) (its value or slope is not finite)", at: "a")
            }
            let (xs, ys) = try ip.sample(f, from: lo, to: hi, at: span)
            let tangent = lineEquation(slope: slope, intercept: fa - slope * a)
            let layers: [PlotLayer] = [
                .line(try LineSeries(xs: xs, ys: ys, label: options.label(0, functionLabel(f)))),
                .line(try LineSeries(xs: [lo, hi], ys: [fa + slope * (lo - a), fa + slope * (hi - a)],
                                     label: options.label(1, "tangent at x = \(legendNumber(a)): \(tangent)"))),
                .scatter(try ScatterSeries(xs: [a], ys: [fa])),
            ]
            // The tangent line can run far off the curve's range; keep the curve in view.
            var figure = Figure(xlabel: "x", layers: layers)
            let finite = ys.filter(\.isFinite)
            if let ymin = finite.min(), let ymax = finite.max(), ymax > ymin {
                let pad = (ymax - ymin) * 0.1
                figure.ylim = (ymin - pad)...(ymax + pad)
            }
            return try ip.present(figure, options: options, at: args.callSpan)
        },
        plotBuiltin("boxplot", [.req("data"), .key("groups", "none")], summary: "Box-and-whisker plots of data",
                    help: "boxplot(v) draws one box: the quartiles (type 7), the median, whiskers to the furthest values within 1.5·IQR of the box, and the outliers beyond as dots. boxplot(M) draws one box per column of a matrix, boxplot(t) one per numeric column of a table, and boxplot(v, groups=labels) one per group (e.g. groups=t.species). label=[…] names the boxes.",
                    examples: [BuiltinExample("boxplot([1, 2, 3, 4, 5, 6, 20], height=6)", "20 ┤                                     •\n   │\n   │\n10 ┤\n   │                                 ┝━━━━━━━┥\n   │                                 └───────┘\n   └─────────────────────────────────────┬─────────────────────────────────────\n\n")]) { args, options in
            let data = try args.value("data")
            var parts: [(String, [Double])] = []
            if case .object(let t as TableValue) = data {
                parts = t.table.columns.compactMap { c in c.kind == .number ? (c.name, c.numbers ?? []) : nil }
                guard !parts.isEmpty else { throw args.error("boxplot: the table has no numeric column", at: "data") }
            } else if args.has("groups") {
                let values = try args.numbers("data")
                let g = try args.groups("groups")
                guard g.indices.count == values.count else {
                    throw args.error("boxplot: \(g.indices.count) group labels for \(values.count) values", at: "groups", hint: "give one label per value")
                }
                parts = g.names.enumerated().map { k, name in (name, zip(values, g.indices).filter { $0.1 == k }.map(\.0)) }
            } else {
                let m = try args.matrix("data")
                if m.isVector || m.isRow { parts = [("", m.data)] } else { parts = (0..<m.cols).map { (String($0 + 1), m.column($0)) } }
            }
            if let labels = options.labels, labels.count == parts.count {
                for k in parts.indices { parts[k].0 = labels[k] }
            }
            let boxes = try parts.map { try BoxStats.compute($0.1, label: $0.0) }
            return try args.interpreter.present(Figure(layers: [.boxplot(BoxplotSeries(boxes: boxes))]), options: options, at: args.callSpan)
        },
        plotBuiltin("qqplot", [.req("data")], summary: "A normal Q–Q plot: sorted data against normal quantiles",
                    help: "qqplot(data) plots the sorted data against the standard normal quantiles at R's plotting positions (ppoints), with the line through the first and third quartiles (R's qqline). Points close to the line mean the data look normal; an S-shape means heavier or lighter tails. Quantiles come from Rmath's qnorm.",
                    examples: [BuiltinExample("qqplot([2.1, 1.9, 3.2, 2.5, 2.8, 2.2], height=6)", "                                 Normal Q–Q plot\nsample quantiles\n  │                                                                        •\n3 ┤                                                       •   ⣀⣀⣀⣀⠤⠤⠤⠤⠒⠒⠒⠒⠉⠉\n  │                                            ⣀⣀⣀⡠⠤⠤⠤⠔⠒⠒⠒⠊⠉⠉⠉\n  │                            ⢀⣀⣀⣀⠤⠤⠤⠤⠒⠒⠒⠒⠉⠉⠉•\n  │             ⣀⣀⣀⣀⠤⠤⠤•⠒⠒⠒⠊⠉⠉⠉⠁   •\n2 ┤   •⠤⠒⠒⠒⠒⠉⠉⠉⠉\n  └──────────┬─────────────┬─────────────┬────────────┬─────────────┬──────────\n            -1.0          -0.5           0           0.5           1.0\n                              theoretical quantiles\n  • data   ⠤⠤⠤ quartile line\n")]) { args, options in
            let qq = try QQPlotData.compute(try args.matrix("data").data) { Rmath.qnorm($0, 0, 1) }
            return try args.interpreter.present(try qq.figure(), options: options, at: args.callSpan)
        },
        Builtin("savefig", [.req("path"), .key("width", "800"), .key("height", "500")], area: .plot,
                summary: "Save the last figure as an SVG file",
                help: "savefig(\"name.svg\") writes the most recent figure as a standalone SVG image (800×500 pixels unless width= and height= say otherwise) with the same axes, ticks, labels and legend as in the terminal. The file is written whole or not at all (a temporary file renamed over it).",
                examples: [BuiltinExample("plot([1, 2], [3, 4], hold=true); savefig(\"/tmp/mml-example.svg\")", "")], body: .general { args in
            let ip = args.interpreter
            let path = try args.string("path")
            guard path.lowercased().hasSuffix(".svg") else {
                throw args.error("savefig writes SVG images: the file name must end in .svg", at: "path", hint: "e.g. savefig(\"figure.svg\")")
            }
            guard let figure = ip.plots.lastFigure else {
                throw args.error("savefig: there is no figure to save yet", hint: "draw one first, e.g. plot(sin, 0, 2*pi)")
            }
            let width = try args.int("width", default: 800, in: 100...10_000), height = try args.int("height", default: 500, in: 100...10_000)
            let saved = ip.plots.svgSize
            ip.plots.svgSize = (width, height)
            defer { ip.plots.svgSize = saved }
            try ip.writeSVG(figure, to: try ip.fileAccess.checkWrite(path, at: args.span("path")), at: args.span("path"))
            return .nothing
        }),
    ]

    /// A [lo, hi] argument as a range.
    private static func range(_ args: Arguments, _ name: String) throws -> ClosedRange<Double> {
        let m = try args.matrix(name)
        guard m.count == 2, m.data[0].isFinite, m.data[1].isFinite, m.data[0] < m.data[1] else {
            throw args.error("\(args.builtin.name): \(name) must be two finite numbers [lo, hi] with lo < hi", at: name, hint: "e.g. [-2, 2]")
        }
        return m.data[0]...m.data[1]
    }
}
