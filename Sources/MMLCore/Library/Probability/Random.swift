// Random numbers from the session's generator (NumPy's legacy MT19937 stream): seed, rand,
// randn, randint, choice, permutation/shuffle.
//
// Layout: NumPy fills an m×n array row by row; MML stores matrices column by column. So
// rand(m, n) draws the m·n numbers in NumPy's order and places draw k at row k ÷ n,
// column k mod n: rand(m, n) equals np.random.rand(m, n) element for element.

extension Builtins {
    static let random: [Builtin] = [
        Builtin("seed", [.opt("n", "none")], area: .probability, summary: "Set the random seed, or read it with seed()",
                help: "seed(n) restarts the random stream from n, a whole number in 0…4294967295, exactly as NumPy's np.random.seed(n): after seed(3), randn() is 1.7886284734303186 in MML and in NumPy, on every machine. seed() returns the seed in use; until seed is called a session starts from a seed picked at random, so seed() tells you how to replay a run. seed([a, b, …]) seeds from a vector of numbers, as np.random.seed([a, b, …]); a vector of one number is NumPy's seed([a]), a different stream from seed(a).",
                examples: [BuiltinExample("seed(3); randn()", "1.7886284734303186"), BuiltinExample("seed(42); seed()", "42")],
                body: .general { args in
            let rng = args.interpreter.random
            guard let v = args.optional("n") else { return .number(Double(rng.seedValue)) }
            // Any vector, even of one number, seeds through init_by_array as NumPy does:
            // np.random.seed([0]) is a different stream from np.random.seed(0).
            if case .matrix(let m) = v, !m.data.isEmpty {
                let words = try m.data.map { x -> UInt32 in
                    guard x.isFinite, x == x.rounded(), x >= 0, x <= 4_294_967_295 else {
                        throw args.error("seed: every number of a seed array must be a whole number in 0…4294967295, not \(NumberFormat.short(x))", at: "n")
                    }
                    return UInt32(x)
                }
                try rng.seed(array: words)
                return .nothing
            }
            let n = try args.number("n")
            try args.blaming("n") { try rng.seed(number: n) }
            return .nothing
        }),
        Builtin("rand", [.opt("m", "none"), .opt("n", "none")], area: .probability, summary: "Uniform random numbers in [0, 1)",
                help: "rand() is one number, rand(n) a vector of n, rand(m, n) an m×n matrix. The numbers are NumPy's, bit for bit: after seed(s), rand(m, n) equals np.random.rand(m, n) element for element (NumPy fills row by row, and so does MML here). For a uniform on [a, b] use sample(Uniform(a, b), n).",
                examples: [BuiltinExample("seed(0); rand()", "0.5488135039273248"), BuiltinExample("seed(0); rand(2, 3)", "  0.548814  0.715189  0.602763\n  0.544883  0.423655  0.645894")],
                body: .general { args in
            try randomArray(args) { rng, n in try rng.uniform(count: n) }
        }),
        Builtin("randn", [.opt("m", "none"), .opt("n", "none")], area: .probability, summary: "Standard normal random numbers",
                help: "randn() is one draw from Normal(0, 1), randn(n) a vector of n, randn(m, n) an m×n matrix — NumPy's legacy polar Box–Muller, bit for bit: after seed(3), randn() is 1.7886284734303186, as np.random.randn() after np.random.seed(3), and randn(m, n) equals np.random.randn(m, n) element for element. For Normal(μ, σ) use μ + σ*randn(n) or sample(Normal(μ, σ), n) (the same numbers).",
                examples: [BuiltinExample("seed(3); randn(3)", "[1.78863, 0.43651, 0.0964975]")],
                body: .general { args in
            try randomArray(args) { rng, n in try rng.normal(count: n) }
        }),
        Builtin("randint", [.req("lo"), .req("hi"), .opt("m", "none"), .opt("n", "none")], area: .probability,
                summary: "Random integers from lo up to but NOT including hi",
                help: "randint(lo, hi) is a whole number k with lo ≤ k < hi — hi is EXCLUDED, as in NumPy's randint, so the numbers are NumPy's bit for bit: randint(1, 7) rolls a die (1 to 6). randint(lo, hi, n) is a vector of n, randint(lo, hi, m, n) an m×n matrix (filled row by row as NumPy).",
                examples: [BuiltinExample("seed(0); randint(1, 7, 5)", "[5, 6, 1, 4, 4]")],
                body: .general { args in
            let lo = try integerBound(args, "lo"), hi = try integerBound(args, "hi")
            guard lo < hi else {
                throw args.error("randint: hi must be greater than lo (hi itself is never drawn), but lo = \(lo) and hi = \(hi)", at: "hi",
                                 hint: "randint(1, 7) gives 1 to 6, like a die")
            }
            return try randomArray(args) { rng, n in try rng.randint(lo, hi, count: n).map(Double.init) }
        }),
        Builtin("choice", [.req("x"), .opt("n", "none"), .key("replace", "true"), .key("p", "none")], area: .probability,
                summary: "Random draws from the elements of a vector (or from 1…k)",
                help: "choice(v) picks one element of v at random, choice(v, n) a vector of n (with replacement; replace=false draws distinct positions). p= gives each element's probability (they must sum to 1). choice(k, n) draws from 1…k. The draws are NumPy's np.random.choice bit for bit, shifted to MML's 1-based counting: choice(k, n) is np.random.choice(k, n) + 1.",
                examples: [BuiltinExample("seed(1); choice([10, 20, 30], 4)", "[20, 10, 10, 20]")],
                body: .general { args in
            let rng = args.interpreter.random
            let population: [Double]
            switch try args.value("x") {
            case .number(let k):
                guard k >= 1, k == k.rounded(), k <= Double(Interpreter.maxElements) else {
                    throw args.error("choice(k, …) draws from 1…k, so k must be a whole number ≥ 1, not \(NumberFormat.short(k))", at: "x")
                }
                population = (1...Int(k)).map(Double.init)
            default:
                population = try args.data("x")
            }
            let p = args.has("p") ? try args.data("p") : nil
            let replace = try args.bool("replace", default: true)
            let n = try args.int("n", default: 1, in: 0...Interpreter.maxElements)
            let picks = try rng.choice(populationSize: population.count, count: n, replace: replace, p: p).map { population[$0] }
            return args.has("n") ? .matrix(Matrix(column: picks)) : .number(picks[0])
        }),
        Builtin("permutation", [.req("x")], area: .probability, summary: "A random reordering of 1…n, of a vector, or of a matrix's rows",
                help: "permutation(n) is 1…n in random order; permutation(v) is v shuffled; permutation(A) shuffles the rows of A. The order is NumPy's np.random.permutation bit for bit (with 1…n for NumPy's 0…n−1). shuffle is the same function; neither changes its argument.",
                examples: [BuiltinExample("seed(0); permutation(5)", "[3, 1, 2, 4, 5]")], aliases: ["shuffle"],
                body: .general { args in
            let rng = args.interpreter.random
            if case .number(let k) = try args.value("x") {
                guard k >= 0, k == k.rounded(), k <= Double(Interpreter.maxElements) else {
                    throw args.error("permutation(n) needs a whole number n ≥ 0, not \(NumberFormat.short(k))", at: "x")
                }
                return .matrix(Matrix(column: try rng.permutation(Int(k)).map { Double($0 + 1) }))
            }
            let m = try args.matrix("x")
            if m.isVector || m.isRow {
                var v = m.data
                try rng.shuffle(&v)
                return .matrix(Matrix(rows: m.rows, cols: m.cols, data: v))
            }
            var order = Array(0..<m.rows)
            try rng.shuffle(&order)
            var out = Matrix(rows: m.rows, cols: m.cols)
            for (i, r) in order.enumerated() {
                for j in 0..<m.cols { out[i, j] = m[r, j] }
            }
            return .matrix(out)
        }),
    ]

    /// The shape requested by optional `m`, `n` (none: a number; m: a vector; m, n: a matrix)
    /// filled from `generate` in NumPy's row-by-row order.
    static func randomArray(_ args: Arguments, mName: String = "m", nName: String = "n",
                     _ generate: (RandomState, Int) throws -> [Double]) throws -> Value {
        let rng = args.interpreter.random
        let limit = Interpreter.maxElements
        guard args.has(mName) else {
            if args.has(nName) { throw args.error("\(args.builtin.name): give the number of rows before the number of columns", at: nName) }
            return .number(try generate(rng, 1)[0])
        }
        let m = try args.int(mName, in: 0...limit)
        guard args.has(nName) else { return .matrix(Matrix(column: try generate(rng, m))) }
        let n = try args.int(nName, in: 0...limit)
        guard m.multipliedReportingOverflow(by: n).overflow == false, m * n <= limit else {
            throw args.error("\(args.builtin.name): \(m)×\(n) is more than the \(limit) elements a matrix may have")
        }
        // Draw k goes to row k / n, column k % n: the transpose of an n×m column-major fill.
        return .matrix(Matrix(rows: n, cols: m, data: try generate(rng, m * n)).transposed)
    }

    /// A whole-number bound of randint that fits NumPy's int64 range.
    private static func integerBound(_ args: Arguments, _ name: String) throws -> Int64 {
        let x = try args.number(name)
        guard x.isFinite, x == x.rounded(), abs(x) < 9.2e18 else {
            throw args.error("randint: `\(name)` must be a whole number, not \(NumberFormat.short(x))", at: name)
        }
        return Int64(x)
    }
}
