// Counting: factorials and binomial coefficients.

extension Builtins {
    static let combinatorics: [Builtin] = [
        Builtin("factorial", [.req("n")], area: .probability, summary: "n! = 1·2·…·n",
                help: "factorial(n) is the product 1·2·…·n for a whole number n ≥ 0 (0! = 1): exact up to 22!, to about 15 significant digits up to 170!, and inf beyond (as NumPy and R). Applies to every element of a vector or matrix.",
                examples: [BuiltinExample("factorial(5)", "120"), BuiltinExample("factorial([0, 1, 2, 3])", "[1, 1, 2, 6]")],
                body: .general { args in
            let n = try args.value("n")
            if let bad = n.asMatrix?.data.first(where: { !($0 >= 0 && $0 == $0.rounded()) }) {
                throw args.error("factorial needs whole numbers 0, 1, 2, …, not \(formatNumber(bad, style: .short))", at: "n")
            }
            return try Elementwise.map("factorial", n, at: args.span("n")) { n in
                n > 170 ? .infinity : (0..<Int(n)).reduce(1.0) { $0 * Double($1 + 1) }
            }
        }),
        Builtin("choose", [.req("n"), .req("k")], area: .probability, summary: "The binomial coefficient n choose k = n!/(k!·(n − k)!)",
                help: "choose(n, k) is the number of ways to pick k things out of n, n!/(k!·(n − k)!), computed without overflowing factorials (R's choose); 0 when k < 0 or k > n for whole n. nchoosek (Octave's name) is the same function. n and k broadcast elementwise.",
                examples: [BuiltinExample("choose(5, 2)", "10"), BuiltinExample("nchoosek(52, 5)", "2598960"), BuiltinExample("choose(4, 0:4)", "[1, 4, 6, 4, 1]")],
                aliases: ["nchoosek"], body: .general { args in
            let k = try args.value("k")
            if let bad = k.asMatrix?.data.first(where: { $0 != $0.rounded() }) {
                throw args.error("choose: k must be a whole number, not \(formatNumber(bad, style: .short))", at: "k")
            }
            return try Elementwise.combine("choose", try args.value("n"), k, args, ("n", "k")) { Rmath.choose($0, $1) }
        }),
    ]
}
