// Least-squares fitting builtins: fit_line, polyfit, polyval — the closed forms gradient descent
// is checked against.

extension Builtins {
    /// Every optimization builtin, gathered for `Builtins.all`.
    static let optimization: [Builtin] = optimizers + regression + losses + dataGenerators

    static let regression: [Builtin] = [
        Builtin("fit_line", [.req("xs"), .req("ys")], area: .optimization, summary: "The least-squares line through points: a record with slope, intercept and r2",
                help: "fit_line(xs, ys) finds the slope a and intercept b minimising Σ(a·xᵢ + b − yᵢ)², in closed form: a = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², b = ȳ − a·x̄. r2 is the coefficient of determination 1 − SS_res/SS_tot, the share of the variance of y the line explains. Gradient descent on the mean squared error reaches the same line.",
                examples: [BuiltinExample("fit_line([1, 2, 3], [2, 4, 6])", "least-squares line\n  slope     = 2\n  intercept = 0\n  r2        = 1"),
                           BuiltinExample("fit_line([0, 1, 2, 3], [1, 3, 2, 4]).slope", "0.8")],
                result: .fields([ResultField("slope", "a, the slope of the line"), ResultField("intercept", "b, where the line crosses x = 0"),
                                 ResultField("r2", "R², the share of the variance of y the line explains")]),
                body: .general { args in
            let xs = try args.dataVector("xs"), ys = try args.dataVector("ys")
            let fit = try Regression.fitLine(xs, ys)
            return .record(Record([("slope", .number(fit.slope)), ("intercept", .number(fit.intercept)), ("r2", .number(fit.r2))], title: "least-squares line"))
        }),
        Builtin("polyfit", [.req("xs"), .req("ys"), .req("deg")], area: .optimization, summary: "Least-squares polynomial coefficients, highest power first",
                help: "polyfit(xs, ys, deg) gives p = [p₁, …, p_deg+1] minimising Σ(p(xᵢ) − yᵢ)² where p(x) = p₁·x^deg + … + p_deg·x + p_deg+1 — the order NumPy and Octave use, so polyval(p, x) evaluates it. It solves the least-squares problem for the Vandermonde matrix (columns scaled, LAPACK dgelsd). With fewer distinct xs than coefficients the answer is not unique and a warning says so.",
                examples: [BuiltinExample("round(polyfit([0, 1, 2], [1, 3, 5], 1), 12)", "[2, 1]"),
                           BuiltinExample("p = polyfit([-1, 0, 1, 2], [2, 1, 2, 5], 2); round(p, 12)", "[1, 0, 1]")],
                body: .general { args in
            let xs = try args.dataVector("xs"), ys = try args.dataVector("ys")
            let degree = try args.int("deg", in: 0...100)
            let fit = try Regression.polyfit(xs, ys, degree: degree)
            if fit.rankDeficient {
                args.interpreter.warn("polyfit: the \(xs.count) points (\(Set(xs).count) distinct xs) cannot determine all \(degree + 1) coefficients; this is one of many equally good fits",
                                      at: args.callSpan, hint: "use a degree below the number of distinct xs")
            }
            return .matrix(Matrix(column: fit.coefficients))
        }),
        Builtin("polyval", [.req("p"), .req("x")], area: .optimization, summary: "Evaluate a polynomial (coefficients highest power first) at x",
                help: "polyval(p, x) is p₁·x^(n−1) + … + pₙ by Horner's rule, for p as polyfit returns it. x may be a number or a vector or matrix (evaluated elementwise).",
                examples: [BuiltinExample("polyval([1, 0, -2], 3)", "7"), BuiltinExample("polyval([2, 1], [0, 1, 2])", "[1, 3, 5]")],
                body: .general { args in
            let p = try args.dataVector("p")
            let x = try args.value("x")
            if case .number(let t) = x { return .number(Regression.polyval(p, at: t)) }
            guard let m = x.asMatrix, !m.isLogical else { throw args.typeError("x", expected: "a number, vector or matrix", got: x) }
            return .matrix(m.map { Regression.polyval(p, at: $0) })
        }),
    ]
}

extension Arguments {
    /// A numeric vector argument (a number, a vector, a row or a range) as its values.
    func dataVector(_ name: String) throws -> [Double] {
        let v = try value(name)
        guard let m = v.asMatrix, !m.isLogical, m.rows <= 1 || m.cols <= 1 else {
            throw typeError(name, expected: "a vector of numbers", got: v)
        }
        return m.data
    }
}
