// Descriptive statistics of data (column by column on a matrix) and the moments of a
// distribution: var, std, median, mode, iqr, zscore, skewness, kurtosis. (mean is in
// Library/Core/Reductions.swift and also accepts a distribution.)

extension Builtins {
    static let descriptive: [Builtin] = [
        Builtin("var", [.req("x"), dimParameter, .key("corrected", "true")], area: .statistics,
                summary: "Variance of data (n − 1 by default) or of a distribution",
                help: "var(x) is the sample variance Σ(x − x̄)²/(n − 1), the unbiased estimate (as R's var and NumPy's var(ddof=1)); corrected=false divides by n (NumPy's default). On a matrix it works column by column, giving a row (var(A, 2) row by row). var(D) of a distribution is its variance (for MvNormal, the variance of each component; cov(D) gives Σ).",
                examples: [BuiltinExample("var([2, 4, 4, 4, 5, 5, 7, 9])", "4.571428571428571"), BuiltinExample("var([2, 4, 4, 4, 5, 5, 7, 9], corrected=false)", "4"), BuiltinExample("var(Poisson(3))", "3")],
                body: .general { args in
            if let v = try moment(args, { $0.variance }, { $0.variances }) { return v }
            let corrected = try args.bool("corrected", default: true)
            return try reduce(args) { try Stats.variance($0, corrected: corrected) }
        }),
        Builtin("std", [.req("x"), dimParameter, .key("corrected", "true")], area: .statistics,
                summary: "Standard deviation of data (n − 1 by default) or of a distribution",
                help: "std(x) is √var(x), with the sample variance (n − 1) unless corrected=false. On a matrix it works column by column. std(D) of a distribution is its standard deviation.",
                examples: [BuiltinExample("std([2, 4, 4, 4, 5, 5, 7, 9], corrected=false)", "2"), BuiltinExample("std(Normal(5, 2))", "2")],
                body: .general { args in
            if let v = try moment(args, { $0.std }, { $0.variances.map { $0.squareRoot() } }) { return v }
            let corrected = try args.bool("corrected", default: true)
            return try reduce(args) { try Stats.std($0, corrected: corrected) }
        }),
        Builtin("median", [.req("x"), dimParameter], area: .statistics, summary: "The middle value of data, or the median of a distribution",
                help: "median(x) is the middle of the sorted data (the mean of the two middle values when n is even); column by column on a matrix (median(A, 2) row by row). median(D) is quantile(D, 0.5).",
                examples: [BuiltinExample("median([3, 1, 4, 1, 5])", "3"), BuiltinExample("median([1, 2, 3, 4])", "2.5")],
                body: .general { args in
            if let o = try args.value("x").distributionValue { return .number(try o.distribution.quantile(0.5)) }
            return try reduce(args) { try Stats.median($0) }
        }),
        Builtin("mode", [.req("x"), dimParameter], area: .statistics, summary: "The most frequent value of data",
                help: "mode(x) is the value that occurs most often; when several are equally frequent it is the smallest of them (as scipy.stats.mode). Column by column on a matrix. counts(x) shows every frequency.",
                examples: [BuiltinExample("mode([1, 2, 2, 3, 3])", "2")],
                body: .general { args in
            try reduce(args) { try Stats.mode($0) }
        }),
        Builtin("iqr", [.req("x"), dimParameter], area: .statistics, summary: "The interquartile range Q3 − Q1",
                help: "iqr(x) is quantile(x, 0.75) − quantile(x, 0.25) with type-7 quantiles (R's and NumPy's default); column by column on a matrix. iqr(D) of a distribution uses its exact quartiles.",
                examples: [BuiltinExample("iqr([1, 2, 3, 4, 5, 6, 7, 8])", "3.5")],
                body: .general { args in
            if let o = try args.value("x").distributionValue {
                return .number(try o.distribution.quantile(0.75) - o.distribution.quantile(0.25))
            }
            return try reduce(args) { try Stats.iqr($0) }
        }),
        Builtin("zscore", [.req("x"), .key("corrected", "true")], area: .statistics, summary: "Standardised values (x − mean)/std",
                help: "zscore(x) subtracts the mean and divides by the sample standard deviation (n − 1, as R's scale; corrected=false uses n, as SciPy's zscore). On a matrix each column is standardised on its own.",
                examples: [BuiltinExample("zscore([1, 2, 3])", "[-1, 0, 1]")],
                body: .general { args in
            let m = try args.matrix("x"), corrected = try args.bool("corrected", default: true)
            if m.isVector || m.isRow {
                return .matrix(Matrix(rows: m.rows, cols: m.cols, data: try Stats.zscore(m.data, corrected: corrected)))
            }
            var out = m
            out.isLogical = false
            for j in 0..<m.cols {
                let z = try Stats.zscore(m.column(j), corrected: corrected)
                for i in 0..<m.rows { out[i, j] = z[i] }
            }
            return .matrix(out)
        }),
        Builtin("skewness", [.req("x"), dimParameter, .key("bias", "true")], area: .statistics, summary: "Sample skewness (asymmetry) of data",
                help: "skewness(x) is g1 = m3/m2^(3/2) with central moments m_k = mean((x − x̄)^k), SciPy's default; 0 for symmetric data, positive for a long right tail. bias=false gives the adjusted G1 (Excel's SKEW). Column by column on a matrix.",
                examples: [BuiltinExample("skewness([1, 2, 3, 10])", "1.0182337649086284")],
                body: .general { args in
            let bias = try args.bool("bias", default: true)
            return try reduce(args) { try Stats.skewness($0, bias: bias) }
        }),
        Builtin("kurtosis", [.req("x"), dimParameter, .key("bias", "true")], area: .statistics, summary: "Sample excess kurtosis (tail weight) of data",
                help: "kurtosis(x) is the EXCESS kurtosis g2 = m4/m2² − 3, SciPy's default: 0 for a normal distribution, positive for heavier tails. bias=false gives the adjusted G2 (Excel's KURT). Column by column on a matrix.",
                examples: [BuiltinExample("kurtosis([1, 2, 3, 4])", "-1.36")],
                body: .general { args in
            let bias = try args.bool("bias", default: true)
            return try reduce(args) { try Stats.kurtosis($0, bias: bias) }
        }),
    ]

    /// The moment of a distribution argument `x`, or nil when `x` is data.
    static func moment(_ args: Arguments, _ univariate: (Distribution) -> Double, _ multivariate: (MvNormalValue) -> [Double]) throws -> Value? {
        let x = try args.value("x")
        if let o = x.distributionValue {
            if args.has("corrected") { throw args.error("\(args.builtin.name): corrected= applies to data, not to a distribution", at: "corrected") }
            return .number(univariate(o.distribution))
        }
        switch x {
        case .object(let o as MvNormalValue):
            return .matrix(Matrix(column: multivariate(o)))
        default:
            return nil
        }
    }
}
