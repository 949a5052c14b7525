// cov and corr: of two vectors (a number) or of the columns of a matrix (a matrix).

extension Builtins {
    static let correlation: [Builtin] = [
        Builtin("cov", [.req("x"), .opt("y", "none"), .key("corrected", "true")], area: .statistics,
                summary: "Covariance of two vectors, or the covariance matrix of a matrix's columns",
                help: "cov(u, v) is the sample covariance Σ(u − ū)(v − v̄)/(n − 1), a number; corrected=false divides by n. cov(X) is the covariance matrix of the columns of X (each row one observation, each column one variable), as R's cov and NumPy's cov(X, rowvar=False). cov(D) of an MvNormal is its Σ.",
                examples: [BuiltinExample("cov([1, 2, 3], [1, 3, 2])", "0.5"), BuiltinExample("cov([1, 1; 2, 3; 3, 2])", "  1    0.5\n  0.5  1")],
                body: .general { args in
            let corrected = try args.bool("corrected", default: true)
            if case .object(let o as MvNormalValue) = try args.value("x") { return .matrix(o.distribution.covariance) }
            let x = try args.matrix("x")
            if args.has("y") {
                let y = try args.matrix("y")
                try requireVectors(args, x, y)
                return .number(try Stats.covariance(x.data, y.data, corrected: corrected))
            }
            if x.isVector || x.isRow { return .number(try Stats.variance(x.data, corrected: corrected)) }
            return .matrix(try Stats.covariance(x, corrected: corrected))
        }),
        Builtin("corr", [.req("x"), .opt("y", "none"), .key("method", "\"pearson\"")], area: .statistics,
                summary: "Correlation of two vectors, or the correlation matrix of a matrix's columns",
                help: "corr(u, v) is Pearson's r, between −1 and 1: how close the points (u, v) are to a line. method=\"spearman\" correlates the ranks instead (ties get their average rank), which measures any monotone relation and resists outliers. corr(X) is the matrix of correlations between the columns of X.",
                examples: [BuiltinExample("corr([1, 2, 3, 4], [2, 4, 5, 9])", "0.9647638212377322"), BuiltinExample("corr([1, 2, 3, 4], [1, 10, 100, 1000], method=\"spearman\")", "1")],
                body: .general { args in
            let text = try args.string("method", default: "pearson")
            guard let method = CorrelationMethod(rawValue: text.lowercased()) else {
                throw args.error("corr: method must be \"pearson\" or \"spearman\", not \"\(text)\"", at: "method")
            }
            let x = try args.matrix("x")
            if args.has("y") {
                let y = try args.matrix("y")
                try requireVectors(args, x, y)
                return .number(try Stats.correlation(x.data, y.data, method: method))
            }
            guard !(x.isVector || x.isRow) else {
                throw args.error("corr of a single vector is always 1; give a second vector or a matrix whose columns are the variables", at: "x",
                                 hint: "corr(u, v) for two vectors")
            }
            return .matrix(try Stats.correlation(x, method: method))
        }),
    ]

    private static func requireVectors(_ args: Arguments, _ x: Matrix, _ y: Matrix) throws {
        for (name, m) in [("x", x), ("y", y)] where !(m.isVector || m.isRow) {
            throw args.error("\(args.builtin.name)(u, v) needs two vectors, but `\(name)` is a \(m.shapeDescription) matrix", at: name,
                             hint: "for the columns of a matrix use \(args.builtin.name)(X)")
        }
    }
}
