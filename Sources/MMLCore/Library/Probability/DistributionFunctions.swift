// pdf, pmf, cdf, quantile and sample of a distribution, vectorised over x (a number, vector
// or matrix gives a result of the same shape). quantile also takes data (type-7 quantiles).

extension Builtins {
    static let distributionFunctions: [Builtin] = [
        Builtin("pdf", [.req("D"), .req("x"), .key("log", "false")], area: .probability,
                summary: "The probability density (or mass) of a distribution at x",
                help: "pdf(D, x) is the density of D at x, for every element of x. For a discrete D it is the probability P[X = x] (the same as pmf). log=true gives the log-density, accurate where the density itself underflows to 0. For MvNormal(μ, Σ), x is a point (a k-vector) or a matrix with one point per row.",
                examples: [BuiltinExample("pdf(Normal(0, 1), 0)", "0.3989422804014327"), BuiltinExample("pdf(Normal(0, 1), [-1, 0, 1])", "[0.241971, 0.398942, 0.241971]")],
                body: .general { args in
            let log = try args.bool("log", default: false)
            if case .object(let o as MvNormalValue) = try args.value("D") {
                return try multivariatePdf(o.distribution, try args.matrix("x"), log: log, args)
            }
            let d = try args.distribution("D")
            return try mapElements(args, "x") { d.pdf($0, log: log) }
        }),
        Builtin("pmf", [.req("D"), .req("x"), .key("log", "false")], area: .probability,
                summary: "The probability P[X = x] of a discrete distribution",
                help: "pmf(D, x) is P[X = x] for a discrete distribution (Bernoulli, Binomial, Poisson, Geometric), for every element of x; it is 0 at values X cannot take. log=true gives the log-probability.",
                examples: [BuiltinExample("pmf(Binomial(4, 0.5), 2)", "0.375"), BuiltinExample("pmf(Bernoulli(0.3), [0, 1])", "[0.7, 0.3]")],
                body: .general { args in
            let d = try args.distribution("D")
            guard d.family.isDiscrete else {
                throw args.error("pmf: \(d.family.name) is continuous, so P[X = x] is 0 everywhere; it has a density instead", at: "D",
                                 hint: "use pdf(D, x) for the density, or cdf for probabilities of intervals")
            }
            let log = try args.bool("log", default: false)
            return try mapElements(args, "x") { d.pdf($0, log: log) }
        }),
        Builtin("cdf", [.req("D"), .req("x"), .key("upper", "false"), .key("log", "false")], area: .probability,
                summary: "The cumulative probability P[X ≤ x]; upper=true gives P[X > x]",
                help: "cdf(D, x) is P[X ≤ x] for every element of x. upper=true gives the upper tail P[X > x], computed directly so that it stays accurate far in the tail (1 − cdf would round to 0 there): cdf(Normal(0, 1), 10, upper=true) is 7.6e-24. log=true gives the log of the probability.",
                examples: [BuiltinExample("cdf(Normal(0, 1), 1.96)", "0.9750021048517796"), BuiltinExample("cdf(Normal(0, 1), 10, upper=true)", "7.619853024160527e-24")],
                body: .general { args in
            let d = try args.distribution("D")
            let upper = try args.bool("upper", default: false), log = try args.bool("log", default: false)
            return try mapElements(args, "x") { d.cdf($0, upper: upper, log: log) }
        }),
        Builtin("quantile", [.req("x"), .req("p"), .key("upper", "false")], area: .probability,
                summary: "Quantiles of a distribution (the inverse cdf) or of data",
                help: "quantile(D, p) is the smallest x with P[X ≤ x] ≥ p, for every element of p; upper=true reads p as the upper-tail probability P[X > x]. quantile(data, p) is the sample quantile by linear interpolation between order statistics (type 7, the default of R and NumPy); on a matrix it works column by column (a vector p gives one row per probability).",
                examples: [BuiltinExample("quantile(Normal(0, 1), 0.975)", "1.9599639845400536"), BuiltinExample("quantile([1, 2, 3, 4, 5], [0.25, 0.5])", "[2, 3]")],
                body: .general { args in
            if let o = try args.value("x").distributionValue {
                let d = o.distribution, upper = try args.bool("upper", default: false)
                return try mapElements(args, "p") { try d.quantile($0, upper: upper) }
            }
            if args.has("upper") { throw args.error("quantile: upper= applies to distributions, not to data", at: "upper", hint: "for data, the upper p quantile is quantile(x, 1 − p)") }
            let data = try args.matrix("x")
            let p = try args.matrix("p")
            if data.isVector || data.isRow || data.isEmpty {
                let q = try Stats.quantile(data.data, p.data)
                if case .number = try args.value("p") { return .number(q[0]) }
                return .matrix(Matrix(rows: p.rows, cols: p.cols, data: q))
            }
            let perColumn = try (0..<data.cols).map { try Stats.quantile(data.column($0), p.data) }
            var out = Matrix(rows: p.count, cols: data.cols)
            for j in 0..<data.cols { for i in 0..<p.count { out[i, j] = perColumn[j][i] } }
            return .matrix(out)
        }),
        Builtin("sample", [.req("D"), .opt("n", "none"), .opt("cols", "none")], area: .probability,
                summary: "Random draws from a distribution",
                help: "sample(D) is one draw, sample(D, n) a vector of n, sample(D, n, cols) an n×cols matrix (filled row by row, as NumPy). The draws come from the session's generator (see seed) with NumPy's legacy samplers, so sample(Normal(μ, σ), n) equals np.random.normal(μ, σ, n) bit for bit, and likewise for every univariate family (Exponential(λ) as np.random.exponential(1/λ), Bernoulli(p) as binomial(1, p)). sample(MvNormal(μ, Σ), n) is an n×k matrix, one draw per row (matching NumPy in distribution only).",
                examples: [BuiltinExample("seed(3); sample(Normal(10, 2), 3)", "[13.5773, 10.873, 10.193]")],
                body: .general { args in
            let rng = args.interpreter.random
            if case .object(let o as MvNormalValue) = try args.value("D") {
                if args.has("cols") { throw args.error("sample(MvNormal, n) gives n rows of \(o.distribution.dimension) columns; cols does not apply", at: "cols") }
                let n = try args.int("n", default: 1, in: 0...Interpreter.maxElements / max(1, o.distribution.dimension))
                let draws = try o.distribution.sample(n, using: rng)
                return args.has("n") ? .matrix(draws) : .matrix(Matrix(column: draws.row(0)))
            }
            let d = try args.distribution("D")
            return try randomArray(args, mName: "n", nName: "cols") { rng, n in try d.sample(n, using: rng) }
        }),
    ]

    /// Applies `f` to every element of a numeric argument, keeping its shape.
    static func mapElements(_ args: Arguments, _ name: String, _ f: (Double) throws -> Double) throws -> Value {
        let v = try args.value(name)
        switch v {
        case .number(let x): return .number(try f(x))
        case .bool(let b): return .number(try f(b ? 1 : 0))
        default:
            let m = try args.matrix(name)
            return .matrix(Matrix(rows: m.rows, cols: m.cols, data: try m.data.map(f)))
        }
    }

    /// The MvNormal density at one point (a k-vector) or at each row of a matrix.
    private static func multivariatePdf(_ d: MvNormal, _ x: Matrix, log: Bool, _ args: Arguments) throws -> Value {
        let k = d.dimension
        if (x.isVector || x.isRow) && x.count == k {
            return .number(try d.pdf(x.data, log: log))
        }
        guard x.cols == k else {
            throw args.error("pdf: MvNormal is \(k)-dimensional, so x must be a \(k)-vector or a matrix with \(k) columns (one point per row), but it is \(x.shapeDescription)", at: "x")
        }
        return .matrix(Matrix(column: try (0..<x.rows).map { try d.pdf(x.row($0), log: log) }))
    }
}
