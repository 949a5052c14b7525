// Sums, products, means and extremes: of a vector's elements, or column by column of a matrix.

extension Builtins {
    static let reductions: [Builtin] = [
        reduction("sum", summary: "Sum of the elements", examples: [BuiltinExample("sum([1, 2, 3])", "6"), BuiltinExample("sum([1, 2; 3, 4])", "  4  6")]) { xs in
            var s = 0.0
            for x in xs { s += x }
            return s
        },
        reduction("prod", summary: "Product of the elements", examples: [BuiltinExample("prod(1:5)", "120")]) { xs in xs.reduce(1, *) },
        // mean also takes a distribution (its expected value, see Library/Probability) and sums
        // pairwise as NumPy does, so mean(randn(n)) after seed(s) equals NumPy's to the last bit.
        reduction("mean", summary: "Arithmetic mean (average) of data, or the mean of a distribution",
                  examples: [BuiltinExample("mean([1, 2, 3, 4])", "2.5"), BuiltinExample("mean([1, 2; 3, 4])", "  2  3"), BuiltinExample("mean(Exponential(4))", "0.25")],
                  object: distributionMean) { xs in
            xs.isEmpty ? .nan : Stats.sum(xs) / Double(xs.count)
        },
        Builtin("cumsum", [.req("x")], area: .reduce, summary: "Running totals",
                help: "cumsum(v) is the vector of partial sums v[1], v[1] + v[2], …; on a matrix it runs down each column.",
                examples: [BuiltinExample("cumsum([1, 2, 3, 4])", "[1, 3, 6, 10]")], body: .general { args in
            let x = try args.matrix("x")
            // Column by column (a row vector is one run): the total restarts at each column.
            let run = max(1, x.isRow ? x.cols : x.rows)
            var total = 0.0
            return .matrix(try x.storage.withUnsafeBufferPointer { source in
                try Matrix.chunked(rows: x.rows, cols: x.cols) { range, out in
                    for k in range {
                        if k % run == 0 { total = 0 }
                        total += source[k]
                        out[k] = total
                    }
                }
            })
        }),
        extreme("min", summary: "Smallest element, or the elementwise minimum of two arguments", example: BuiltinExample("min([3, 1, 2])", "1"),
                pair: BuiltinExample("min([1, 5], 3)", "[1, 3]")) { Swift.min($0, $1) },
        extreme("max", summary: "Largest element, or the elementwise maximum of two arguments", example: BuiltinExample("max([3, 1, 2])", "3"),
                pair: BuiltinExample("max([-1, 2, -3], 0)", "[0, 2, 0]")) { Swift.max($0, $1) },
    ]

    /// A reduction over a vector's elements, or over each column of a matrix (giving a row),
    /// or over each row with dim=2 (giving a column).
    /// `object` handles a domain object argument (e.g. the mean of a distribution); nil when it does not apply.
    static func reduction(_ name: String, summary: String, examples: [BuiltinExample], object: (@Sendable (any MMLObject) -> Value?)? = nil,
                          _ f: @escaping @Sendable ([Double]) -> Double) -> Builtin {
        Builtin(name, [.req("x"), .key("dim", "1")], area: .reduce, summary: summary,
                help: "\(name)(v) reduces a vector to a number. On a matrix it works column by column and gives a row (dim=1), or row by row with dim=2, giving a column.",
                examples: examples, body: .general { args in
            if let object, case .object(let o) = try args.value("x"), let v = object(o) { return v }
            let m = try args.matrix("x")
            if m.isVector || m.isRow || m.isEmpty { return .number(f(m.data)) }
            return .matrix(try reduceMatrix(m, dim: try args.int("dim", default: 1, in: 1...2), f))
        })
    }

    static func reduceMatrix(_ m: Matrix, dim: Int, _ f: ([Double]) -> Double) throws -> Matrix {
        if dim == 1 { return Matrix(rows: 1, cols: m.cols, data: (0..<m.cols).map { f(m.column($0)) }) }
        return Matrix(column: (0..<m.rows).map { f(m.row($0)) })
    }

    private static func extreme(_ name: String, summary: String, example: BuiltinExample, pair: BuiltinExample, _ f: @escaping @Sendable (Double, Double) -> Double) -> Builtin {
        Builtin(name, [.req("x"), .opt("y", "none"), .key("dim", "1")], area: .reduce, summary: summary,
                help: "\(name)(v) is the \(name == "min" ? "smallest" : "largest") element of v (column by column for a matrix, giving a row; dim=2 for rows). \(name)(a, b) compares elementwise, broadcasting a number: \(pair.code). NaN is ignored unless every element is NaN.",
                examples: [example, pair], body: .general { args in
            if args.has("y") {
                return try Elementwise.combine(name, try args.value("x"), try args.value("y"), args, ("x", "y")) { a, b in
                    a.isNaN ? b : b.isNaN ? a : f(a, b)
                }
            }
            let m = try args.matrix("x")
            guard !m.isEmpty else { throw args.error("\(name) of an empty vector is undefined", at: "x") }
            let pick: ([Double]) -> Double = { xs in xs.reduce(Double.nan) { $0.isNaN ? $1 : $1.isNaN ? $0 : f($0, $1) } }
            if m.isVector || m.isRow { return .number(pick(m.data)) }
            return .matrix(try reduceMatrix(m, dim: try args.int("dim", default: 1, in: 1...2), pick))
        })
    }
}
