// Sums, products, means and extremes: of a vector's elements, or column by column of a matrix.
import ComplexModule

extension Builtins {
    static let reductions: [Builtin] = [
        reduction("sum", summary: "Sum of the elements", examples: [BuiltinExample("sum([1, 2, 3])", "6"), BuiltinExample("sum([1, 2; 3, 4])", "  4  6")],
                  complex: { zs in zs.reduce(.zero, +) },
                  calculus: FunctionCalculus(
                      kernel: .unary { $0 },
                      derivative: .directional({ _, du in Formula.apply("sum", [du[0]]) }, pullback: { _, seed, _ in [seed] }),
                      note: "sum is linear: d sum(u) = sum(du)", vector: .reduces,
                      rewrite: { Formula.linearReduction("sum", $0) },
                      arrayKernel: { a in ArrayMath.scalar(a[0].data.reduce(0, +)) })) { xs in
            var s = 0.0
            for x in xs { s += x }
            return s
        },
        reduction("prod", summary: "Product of the elements", examples: [BuiltinExample("prod(1:5)", "120")],
                  complex: { zs in zs.reduce(.one, *) }) { xs in xs.reduce(1, *) },
        // mean also takes a distribution (its expected value, see Library/Probability) and sums
        // pairwise as NumPy does, so mean(randn(n)) after seed(s) equals NumPy's to the last bit.
        reduction("mean", summary: "Arithmetic mean (average) of data, or the mean of a distribution",
                  examples: [BuiltinExample("mean([1, 2, 3, 4])", "2.5"), BuiltinExample("mean([1, 2; 3, 4])", "  2  3"), BuiltinExample("mean(Exponential(4))", "0.25")],
                  object: distributionMean, needsData: true, complex: { zs in zs.reduce(.zero, +) / Complex(Double(zs.count)) },
                  calculus: FunctionCalculus(
                      kernel: .unary { $0 },
                      derivative: .directional({ _, du in Formula.apply("mean", [du[0]]) },
                                               pullback: { u, seed, _ in [Formula.div(seed, Formula.apply("length", [u[0]]))] }),
                      note: "mean is linear: d mean(u) = mean(du)", vector: .reduces,
                      rewrite: { Formula.linearReduction("mean", $0) },
                      arrayKernel: { a in ArrayMath.scalar(a[0].data.reduce(0, +) / Double(a[0].data.count)) })) { xs in
            Stats.sum(xs) / Double(xs.count)
        },
        Builtin("cumsum", [.req("x"), dimParameter], area: .reduce, summary: "Running totals",
                help: "cumsum(v) is the vector of partial sums v[1], v[1] + v[2], …; on a matrix it runs down each column, or along each row with dim=2 (cumsum(A, 2)).",
                examples: [BuiltinExample("cumsum([1, 2, 3, 4])", "[1, 3, 6, 10]"), BuiltinExample("cumsum([1, 2; 3, 4], 2)", "  1  3\n  3  7")], body: .general { args in
            var m = try args.matrix("x")
            let dim = try args.int("dim", default: 1, in: 1...2)
            m.isLogical = false
            // Runs of `count` elements `step` apart: down a column (stride 1) or along a row (stride rows).
            let alongRows = dim == 2 && !m.isRow && !m.isVector
            let (runs, count) = m.isRow || m.isVector ? (1, m.count) : alongRows ? (m.rows, m.cols) : (m.cols, m.rows)
            let (step, next) = alongRows ? (m.rows, 1) : (1, m.rows)
            for j in 0..<runs {
                var s = 0.0
                for i in 0..<count {
                    try StopToken.check(at: i)
                    let k = j * next + i * step
                    s += m.data[k]
                    m.data[k] = s
                }
            }
            return .matrix(m)
        }),
        extreme("min", summary: "Smallest element, or the elementwise minimum of two arguments", example: BuiltinExample("min([3, 1, 2])", "1"),
                pair: BuiltinExample("min([1, 5], 3)", "[1, 3]"),
                calculus: FunctionCalculus(arity: 2...2, kernel: .binary(smaller), derivative: .partials { a in
                    let s = RuleForms.step(Formula.sub(a[1], a[0]))
                    return [s, Formula.sub(.one, s)]
                }, note: "min(a, b) follows a where a < b and b elsewhere (piecewise)", notation: .command("\\min")), smaller),
        extreme("max", summary: "Largest element, or the elementwise maximum of two arguments", example: BuiltinExample("max([3, 1, 2])", "3"),
                pair: BuiltinExample("max([-1, 2, -3], 0)", "[0, 2, 0]"),
                calculus: FunctionCalculus(arity: 2...2, kernel: .binary(larger), derivative: .partials { a in
                    let s = RuleForms.step(Formula.sub(a[0], a[1]))
                    return [s, Formula.sub(.one, s)]
                }, note: "max(a, b) follows a where a > b and b elsewhere (piecewise)", notation: .command("\\max")), larger),
    ]

    /// The smaller of two numbers, ignoring a NaN.
    @Sendable static func smaller(_ a: Double, _ b: Double) -> Double { a.isNaN ? b : b.isNaN ? a : Swift.min(a, b) }
    /// The larger of two numbers, ignoring a NaN.
    @Sendable static func larger(_ a: Double, _ b: Double) -> Double { a.isNaN ? b : b.isNaN ? a : Swift.max(a, b) }

    /// The dimension a reduction works along, given by position (`sum(A, 2)`, as NumPy, Octave
    /// and R users type it) or by name (`sum(A, dim=2)`).
    static let dimParameter = BuiltinParameter.opt("dim", "1")
    static let dimHelp = "On a matrix it works column by column and gives a row (dim=1), or row by row with dim=2, giving a column: NAME(A, 2) or NAME(A, dim=2)."

    /// A reduction over a vector's elements, or over each column of a matrix (giving a row),
    /// or over each row with dim=2 (giving a column).
    /// `object` handles a domain object argument (e.g. the mean of a distribution); nil when it does not apply.
    /// `complex` reduces complex data the same way (complex vectors and matrices, e.g. eigenvalues).
    /// `needsData`: empty data is an error (a mean of nothing), where sum and prod of nothing are 0 and 1.
    static func reduction(_ name: String, summary: String, examples: [BuiltinExample], object: (@Sendable (any MMLObject) -> Value?)? = nil,
                          needsData: Bool = false, complex: (@Sendable ([Complex<Double>]) -> Complex<Double>)? = nil,
                          calculus: FunctionCalculus? = nil, _ f: @escaping @Sendable ([Double]) -> Double) -> Builtin {
        Builtin(name, [.req("x"), dimParameter], area: .reduce, summary: summary,
                help: "\(name)(v) reduces a vector to a number. " + dimHelp.replacingOccurrences(of: "NAME", with: name)
                    + (complex == nil ? "" : " Complex vectors and matrices reduce the same way."),
                examples: examples, calculus: calculus, body: .general { args in
            let x = try args.value("x")
            if let object, case .object(let o) = x, let v = object(o) { return v }
            if let complex, case .complexMatrix(let c) = x {
                if needsData && c.rows * c.cols == 0 { throw emptyDataError(args) }
                return try reduceComplex(c, dim: try args.int("dim", default: 1, in: 1...2), complex)
            }
            if let complex, case .complex(let z) = x { return .complex(complex([z])) }
            if needsData, try args.matrix("x").isEmpty { throw emptyDataError(args) }
            return try reduce(args, f)
        })
    }

    /// The one error for a summary of empty data (as every statistic in Statistics/ gives it).
    static func emptyDataError(_ args: Arguments) -> MMLError {
        ProbabilityError.emptyData(args.builtin.name).located(at: args.span("x"))
    }

    /// A complex vector to one complex number; a complex matrix along `dim`.
    static func reduceComplex(_ c: ComplexMatrix, dim: Int, _ f: ([Complex<Double>]) -> Complex<Double>) throws -> Value {
        let element = { (i: Int, j: Int) in c[i, j] }
        if c.rows == 1 || c.cols == 1 {
            return .complex(f((0..<(c.rows * c.cols)).map { c.rows == 1 ? element(0, $0) : element($0, 0) }))
        }
        let parts = dim == 1 ? (0..<c.cols).map { j in f((0..<c.rows).map { element($0, j) }) }
                             : (0..<c.rows).map { i in f((0..<c.cols).map { element(i, $0) }) }
        let (rows, cols) = dim == 1 ? (1, c.cols) : (c.rows, 1)
        return .complexMatrix(try ComplexMatrix(real: Matrix(rows: rows, cols: cols, data: parts.map(\.real)),
                                                imaginary: Matrix(rows: rows, cols: cols, data: parts.map(\.imaginary))))
    }

    /// `x` reduced by `f`: a vector (or row) to a number, a matrix along the argument `dim`.
    static func reduce(_ args: Arguments, _ f: ([Double]) throws -> Double) throws -> Value {
        let m = try args.matrix("x")
        let dim = try args.int("dim", default: 1, in: 1...2)
        if m.isVector || m.isRow || m.isEmpty { return .number(try f(m.data)) }
        return .matrix(try reduceMatrix(m, dim: dim, f))
    }

    static func reduceMatrix(_ m: Matrix, dim: Int, _ f: ([Double]) throws -> Double) rethrows -> Matrix {
        if dim == 1 { return Matrix(rows: 1, cols: m.cols, data: try Stats.columnwise(m, f)) }
        return Matrix(column: try (0..<m.rows).map { try f(m.row($0)) })
    }

    /// min or max; `f` of two numbers ignores a NaN (it is the formula kernel too).
    private static func extreme(_ name: String, summary: String, example: BuiltinExample, pair: BuiltinExample, calculus: FunctionCalculus,
                                _ f: @escaping @Sendable (Double, Double) -> Double) -> Builtin {
        Builtin(name, [.req("x"), .opt("y", "none"), .key("dim", "1")], area: .reduce, summary: summary,
                help: "\(name)(v) is the \(name == "min" ? "smallest" : "largest") element of v (column by column for a matrix, giving a row; \(name)(A, dim=2) for rows: the dimension is named here because \(name)(a, b) compares elementwise, broadcasting a number: \(pair.code)). NaN is ignored unless every element is NaN. m, i = \(name)(v) also gives the position i of the first \(name == "min" ? "smallest" : "largest") element (as argmax/argmin).",
                examples: [example, pair], calculus: calculus, body: .general { args in
            if args.has("y") {
                return try Elementwise.combine(name, try args.value("x"), try args.value("y"), args, ("x", "y"), f)
            }
            let m = try args.matrix("x")
            guard !m.isEmpty else { throw emptyDataError(args) }
            let pick: ([Double]) -> Double = { xs in xs.reduce(Double.nan, f) }
            let extreme = try reduce(args, pick)
            // m, i = max(v): the value and its position, a tuple with parts value and index.
            guard args.resultCount == 2 else { return extreme }
            return .record(Record(tuple: ["value", "index"], [extreme, try position(args, largest: name == "max")]))
        })
    }
}
