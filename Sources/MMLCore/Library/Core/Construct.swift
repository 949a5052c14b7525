// Builtins that make vectors and matrices and ask about their shape.

extension Builtins {
    static let construct: [Builtin] = [
        Builtin("zeros", [.req("m"), .opt("n", "none")], area: .construct, summary: "A vector or matrix of zeros",
                help: "zeros(n) is a vector of n zeros; zeros(m, n) an m×n matrix of zeros.",
                examples: [BuiltinExample("zeros(3)", "[0, 0, 0]"), BuiltinExample("zeros(2, 3)", "  0  0  0\n  0  0  0")],
                body: .general { try filled($0, 0) }),
        Builtin("ones", [.req("m"), .opt("n", "none")], area: .construct, summary: "A vector or matrix of ones",
                help: "ones(n) is a vector of n ones; ones(m, n) an m×n matrix of ones.",
                examples: [BuiltinExample("ones(2)", "[1, 1]"), BuiltinExample("ones(2, 2)", "  1  1\n  1  1")],
                body: .general { try filled($0, 1) }),
        Builtin("eye", [.req("m"), .opt("n", "m")], area: .construct, summary: "The identity matrix",
                help: "eye(n) is the n×n identity matrix I (ones on the diagonal); eye(m, n) is m×n.",
                examples: [BuiltinExample("eye(2)", "  1  0\n  0  1")], body: .general { args in
            let m = try args.int("m", in: 0...Int.max / 2)
            let n = try args.int("n", default: m, in: 0...Int.max / 2)
            var a = try Matrix.zeros(checkedRows: m, cols: n)
            for i in 0..<min(m, n) { a[i, i] = 1 }
            return .matrix(a)
        }),
        Builtin("diag", [.req("x")], area: .construct, summary: "A diagonal matrix from a vector, or the diagonal of a matrix",
                help: "diag(v) puts the elements of v on the diagonal of a square matrix; diag(A) gives the diagonal of A as a vector.",
                examples: [BuiltinExample("diag([1, 2])", "  1  0\n  0  2"), BuiltinExample("diag([1, 2; 3, 4])", "[1, 4]")], body: .general { args in
            let x = try args.matrix("x")
            if x.isVector {
                var a = try Matrix.zeros(checkedRows: x.count, cols: x.count)
                for i in 0..<x.count { a[i, i] = x.data[i] }
                return .matrix(a)
            }
            return .matrix(Matrix(column: (0..<min(x.rows, x.cols)).map { x[$0, $0] }))
        }),
        Builtin("linspace", [.req("a"), .req("b"), .opt("n", "100")], area: .construct, summary: "n equally spaced points from a to b",
                help: "linspace(a, b, n) is a vector of n points, the first a and the last exactly b.",
                examples: [BuiltinExample("linspace(0, 1, 5)", "[0, 0.25, 0.5, 0.75, 1]")], body: .general { args in
            let a = try args.number("a"), b = try args.number("b")
            let n = try args.int("n", default: 100, in: 0...Interpreter.maxElements)
            if n == 1 { return .matrix(Matrix(column: [b])) }
            let step = (b - a) / Double(n - 1)
            return .matrix(try Matrix.generated(count: n) { $0 == n - 1 ? b : a + Double($0) * step })
        }),
        Builtin("size", [.req("A"), .opt("dim", "none")], area: .construct, summary: "The shape [rows, cols]",
                help: "size(A) is [rows, cols]; unpack it with m, n = size(A). size(A, 1) is the number of rows, size(A, 2) the number of columns. On a table it is [rows, columns].",
                examples: [BuiltinExample("size([1, 2, 3; 4, 5, 6])", "[2, 3]"), BuiltinExample("size(ones(4, 2), 1)", "4")], body: .general { args in
            let (r, c) = try shape(args)
            if args.has("dim") { return .number(Double(try args.int("dim", in: 1...2) == 1 ? r : c)) }
            return .matrix(Matrix(column: [Double(r), Double(c)]))
        }),
        Builtin("rows", [.req("A")], area: .construct, summary: "The number of rows",
                examples: [BuiltinExample("rows(ones(4, 2))", "4")],
                calculus: FunctionCalculus(kernel: .unary { _ in 1 }, derivative: .partials { _ in [.zero] },
                                           note: "rows(A) counts the rows of A; it does not change with the variables", vector: .reduces,
                                           arrayKernel: { a in ArrayMath.scalar(Double(a[0].rows)) }),
                body: .general { .number(Double(try shape($0).0)) }),
        Builtin("cols", [.req("A")], area: .construct, summary: "The number of columns",
                examples: [BuiltinExample("cols(ones(4, 2))", "2")],
                calculus: FunctionCalculus(kernel: .unary { _ in 1 }, derivative: .partials { _ in [.zero] },
                                           note: "cols(A) counts the columns of A; it does not change with the variables", vector: .reduces,
                                           arrayKernel: { a in ArrayMath.scalar(Double(a[0].cols)) }),
                body: .general { .number(Double(try shape($0).1)) }),
        Builtin("length", [.req("x")], area: .construct, summary: "The number of elements",
                help: "length(x) is the number of elements of a vector or matrix (rows × cols), of characters of a string, of values of a tuple, or of rows of a table.",
                examples: [BuiltinExample("length([5, 6, 7])", "3"), BuiltinExample("length(1:10)", "10")],
                calculus: FunctionCalculus(kernel: .unary { _ in 1 }, derivative: .partials { _ in [.zero] },
                                           note: "length(u) counts the elements of u; it does not change with the variables", vector: .reduces,
                                           arrayKernel: { a in ArrayMath.scalar(Double(a[0].data.count)) }),
                body: .general { args in
            switch try args.value("x") {
            case .string(let s): return .number(Double(s.text.count))
            case .tuple(let t): return .number(Double(t.count))
            case .range(let r): return .number(Double(r.count))
            case .complexMatrix(let c): return .number(Double(c.rows * c.cols))
            case .object(let o as any ShapedObject): return .number(Double(o.length))
            default: return .number(Double(try args.matrix("x").count))
            }
        }),
        Builtin("reshape", [.req("A"), .req("m"), .req("n")], area: .construct, summary: "The same elements in an m×n shape (column by column)",
                help: "reshape(A, m, n) keeps the elements in column-major order (down the first column, then the next) and lays them out as m×n.",
                examples: [BuiltinExample("reshape(1:6, 2, 3)", "  1  3  5\n  2  4  6")], body: .general { args in
            let a = try args.matrix("A")
            let m = try args.int("m", in: 0...Interpreter.maxElements), n = try args.int("n", in: 0...Interpreter.maxElements)
            guard m.multipliedReportingOverflow(by: n) == (a.count, false) else {
                throw args.error("reshape: a \(a.shapeDescription) matrix has \(a.count) elements, but \(m)×\(n) needs \(m * n)")
            }
            return .matrix(a.reshaped(rows: m, cols: n))
        }),
        Builtin("hcat", [.rest("parts")], area: .construct, summary: "Join side by side: [A, B]",
                help: "hcat(A, B, …) puts matrices (or vectors, as columns) next to each other; they need the same number of rows.",
                examples: [BuiltinExample("hcat([1, 2], [3, 4])", "  1  3\n  2  4")], body: .general { args in
            let parts = try matrices(args)
            guard let first = parts.first else { return .matrix(Matrix(rows: 0, cols: 0)) }
            for (k, p) in parts.enumerated() where p.rows != first.rows {
                throw MMLError(kind: .shape, "hcat: part \(k + 1) has \(p.rows) rows but part 1 has \(first.rows)", at: args.restSpans[k])
            }
            let cols = parts.reduce(0) { $0 + $1.cols }
            return .matrix(try Matrix.concatenated(parts, rows: first.rows, cols: cols))
        }),
        Builtin("vcat", [.rest("parts")], area: .construct, summary: "Stack on top of each other: [A; B]",
                help: "vcat(A, B, …) stacks matrices (rows of each below the previous); they need the same number of columns. Vectors stack into a longer vector.",
                examples: [BuiltinExample("vcat([1, 2], [3])", "[1, 2, 3]"), BuiltinExample("vcat([1, 2]', [3, 4]')", "  1  2\n  3  4")], body: .general { args in
            let parts = try matrices(args)
            guard let first = parts.first else { return .matrix(Matrix(rows: 0, cols: 0)) }
            for (k, p) in parts.enumerated() where p.cols != first.cols {
                throw MMLError(kind: .shape, "vcat: part \(k + 1) has \(p.cols) columns but part 1 has \(first.cols)", at: args.restSpans[k])
            }
            return .matrix(try vstack(parts))
        }),
        Builtin("repeat", [.req("A"), .req("m"), .opt("n", "1")], area: .construct, summary: "Tile copies of A, m down and n across",
                help: "repeat(A, m, n) stacks m copies of A vertically and n horizontally. repeat(x, 3) of a number is a vector of three x.",
                examples: [BuiltinExample("repeat(7, 3)", "[7, 7, 7]"), BuiltinExample("repeat([1, 2]', 2, 2)", "  1  2  1  2\n  1  2  1  2")], body: .general { args in
            let a = try args.matrix("A")
            let m = try args.int("m", in: 0...Interpreter.maxElements), n = try args.int("n", default: 1, in: 0...Interpreter.maxElements)
            let rows = a.rows * m, cols = a.cols * n  // each at most maxElements², far from overflowing
            // Column by column of the result, each a run of A's column repeated (chunked, so a stop request is seen).
            return .matrix(try a.storage.withUnsafeBufferPointer { source in
                try Matrix.chunked(rows: rows, cols: cols) { range, out in
                    var k = range.lowerBound
                    while k < range.upperBound {
                        let j = k / rows, end = min(range.upperBound, (j + 1) * rows)
                        let column = (j % a.cols) * a.rows
                        var i = (k - j * rows) % a.rows
                        for t in k..<end {
                            out[t] = source[column + i]
                            i += 1
                            if i == a.rows { i = 0 }
                        }
                        k = end
                    }
                }
            })
        }),
        .unary("transpose", area: .construct, summary: "The transpose Aᵀ (the same as A')", examples: [BuiltinExample("transpose([1, 2; 3, 4])", "  1  3\n  2  4")], parameter: "A",
               calculus: FunctionCalculus(
                   kernel: .unary { $0 },
                   derivative: .directional({ _, du in Formula.apply("transpose", [du[0]]) },
                                            pullback: { _, seed, _ in [Formula.apply("transpose", [seed])] }),
                   note: "transpose is linear: d transpose(u) = transpose(du)", notation: .transposed, vector: .transposes,
                   rewrite: { a in
                       guard a.count == 1 else { return nil }
                       if !a[0].isNonScalar { return a[0] }
                       if case .call("transpose", let inner) = a[0], inner.count == 1 { return inner[0] }
                       return nil
                   },
                   arrayKernel: { a in ArrayMath.transpose(a[0]) })) { v, span in
            guard let m = v.asMatrix else { throw MMLError(kind: .type, "transpose needs a matrix, not a \(v.typeName)", at: span) }
            return m.count == 1 ? v : .matrix(try Interpreter.locating(at: span) { try m.transposedStoppably() })
        },
    ]

    private static func filled(_ args: Arguments, _ value: Double) throws -> Value {
        let m = try args.int("m", in: 0...Int.max / 2)
        let n = args.has("n") ? try args.int("n", in: 0...Int.max / 2) : 1
        return .matrix(try Matrix.chunked(rows: m, cols: n) { range, out in
            for i in range { out[i] = value }
        })
    }

    private static func shape(_ args: Arguments) throws -> (Int, Int) {
        let v = try args.value(args.builtin.parameters[0].name)
        switch v {
        case .number, .bool, .complex: return (1, 1)
        case .complexMatrix(let c): return (c.rows, c.cols)
        case .string(let s): return (1, s.text.count)
        case .object(let o as any ShapedObject): return o.shape
        default:
            guard let m = v.asMatrix else { throw args.typeError(args.builtin.parameters[0].name, expected: "a vector or matrix", got: v) }
            return (m.rows, m.cols)
        }
    }

    private static func matrices(_ args: Arguments) throws -> [Matrix] {
        try zip(args.rest, args.restSpans).map { v, span in
            guard let m = v.asMatrix else { throw MMLError(kind: .type, "\(args.builtin.name) joins numbers, vectors and matrices, not a \(v.typeName)", at: span) }
            return m
        }
    }

    /// Rows of each part below the previous one's.
    static func vstack(_ parts: [Matrix]) throws -> Matrix {
        let cols = parts.first?.cols ?? 0
        let rows = parts.reduce(0) { $0 + $1.rows }
        var out = try Matrix.zeros(checkedRows: rows, cols: cols)
        var offset = 0
        for p in parts {
            for j in 0..<cols {
                for i in 0..<p.rows { out[offset + i, j] = p[i, j] }
            }
            offset += p.rows
        }
        return out
    }
}
