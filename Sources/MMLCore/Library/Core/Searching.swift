// Where values are: argmax and argmin, find (the positions of true entries) and unique.

extension Builtins {
    static let searching: [Builtin] = [
        position("argmax", largest: true), position("argmin", largest: false),
        Builtin("find", [.req("x")], area: .reduce, summary: "The positions (1-based) of the true or nonzero elements",
                help: "find(v) is the vector of indices i where v[i] is true (or nonzero), so v[find(v > 0)] is v[v > 0]. On a matrix the positions count down the columns, as A[k] indexes. An empty vector when there are none.",
                examples: [BuiltinExample("find([0, 3, 0, 5])", "[2, 4]"), BuiltinExample("find([4, 9, 1] > 3)", "[1, 2]")],
                body: .general { args in
            let m = try args.matrix("x")
            return .matrix(Matrix(column: m.data.indices.filter { m.data[$0] != 0 && !m.data[$0].isNaN }.map { Double($0 + 1) }))
        }),
        Builtin("unique", [.req("x")], area: .reduce, summary: "The distinct values, sorted",
                help: "unique(v) lists each value of v once, in increasing order (as NumPy's unique and R's sort(unique(v))); nan comes last, once. For strings (a text column of a table) it lists each category once, alphabetically. counts(v) also gives how often each occurs.",
                examples: [BuiltinExample("unique([3, 1, 3, 2, 1])", "[1, 2, 3]"), BuiltinExample("unique([\"b\", \"a\", \"b\"])", "[\"a\", \"b\"]")],
                body: .general { args in
            let x = try args.value("x")
            if !x.isString, let strings = x.stringValues {
                return .object(StringVector(Set(strings.compactMap { $0 }).sorted()))
            }
            let m = try args.matrix("x")
            // Sorted first (interruptibly, NaN last), then each run of equal values kept once.
            let ordered = try InterruptibleSort.ascending(m.data)
            var values: [Double] = []
            var poll = StopPoll()
            for x in ordered {
                try poll.advance()
                if let last = values.last, last == x || last.isNaN && x.isNaN { continue }
                values.append(x)
            }
            var out = Matrix(column: values)
            out.isLogical = m.isLogical
            return .matrix(out)
        }),
    ]

    /// argmax / argmin: the 1-based position of the first largest (smallest) element, ignoring
    /// nan; column by column on a matrix, or row by row with dim=2.
    private static func position(_ name: String, largest: Bool) -> Builtin {
        let which = largest ? "largest" : "smallest"
        return Builtin(name, [.req("x"), dimParameter], area: .reduce, summary: "The position of the \(which) element",
                       help: "\(name)(v) is the index i (from 1) of the \(which) element of v, so v[\(name)(v)] is \(largest ? "max" : "min")(v); the first one when several tie, and nan is ignored unless every element is nan. On a matrix it works column by column and gives a row of row indices, or row by row with \(name)(A, 2). m, i = \(largest ? "max" : "min")(v) gives both at once.",
                       examples: [BuiltinExample("\(name)([3, 7, 1, 7])", largest ? "2" : "3")], body: .general { args in
            guard !(try args.matrix("x")).isEmpty else { throw args.error("\(name) of an empty vector is undefined", at: "x") }
            return try position(args, largest: largest)
        })
    }

    /// The 1-based position of the first largest (smallest) element of `x`, along `dim`.
    static func position(_ args: Arguments, largest: Bool) throws -> Value {
        try reduce(args) { xs in
            var best: Int?
            for (i, x) in xs.enumerated() where !x.isNaN {
                if let b = best, largest ? !(x > xs[b]) : !(x < xs[b]) { continue }
                best = i
            }
            return Double((best ?? 0) + 1)
        }
    }
}
