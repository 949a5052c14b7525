// Cost functions as builtins: mse, log_loss (binary cross-entropy) and cross_entropy (categorical),
// with the derivative rules that make a cost written with them differentiable (grad, gd).

extension Builtins {
    static let losses: [Builtin] = [
        Builtin("mse", [.req("yhat"), .req("y")], area: .neural, summary: "Mean squared error mean((ŷ − y)²)",
                help: "mse(yhat, y) is (1/n)·Σ(ŷᵢ − yᵢ)², the cost of linear regression. yhat and y are numbers or vectors (or matrices) with the same number of elements. grad and gd differentiate a cost written with it exactly: for J(w, b) = mse(w*x + b, y), grad(J) is [2·mean(x⊙(b + w·x − y)); 2·mean(b + w·x − y)].",
                examples: [BuiltinExample("mse([1, 2, 3], [1, 2, 5])", "1.3333333333333333")],
                calculus: FunctionCalculus(
                    arity: 2...2, kernel: .binary { ($0 - $1) * ($0 - $1) },
                    // d mean((ŷ − y)²) = 2·mean((ŷ − y) ⊙ (dŷ − dy))
                    derivative: .directional({ u, du in
                        Formula.apply("mean", [Formula.mul([.int(2), Formula.sub(u[0], u[1]), Formula.sub(du[0], du[1])])])
                    }, pullback: { u, seed, _ in
                        let g = Formula.div(Formula.mul([.int(2), seed, Formula.sub(u[0], u[1])]), Formula.apply("length", [u[0]]))
                        return [g, Formula.neg(g)]
                    }),
                    note: "d mse(ŷ, y) = 2·mean((ŷ − y) ⊙ (dŷ − dy))", vector: .reduces,
                    arrayKernel: { a in ArrayMath.scalar(try Loss.mse(a[0].data, a[1].data)) }),
                body: .general { args in
            let (yhat, y) = try args.pairedValues("yhat", "y")
            return .number(try Loss.mse(yhat.data, y.data))
        }),
        Builtin("log_loss", [.req("p"), .req("y")], area: .neural, summary: "Binary cross-entropy −mean(y·ln p + (1 − y)·ln(1 − p))",
                help: "log_loss(p, y) is the cost of logistic regression: pᵢ is the predicted probability that example i is in class 1 (e.g. sigmoid of a score) and yᵢ its label, 0 or 1. It is −(1/n)·Σ[yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)]; probabilities are clipped to [1e-15, 1 − 1e-15] so a confident mistake costs about 34.5, not infinity. grad and gd differentiate a cost written with it exactly (by the formula without clipping): for J(w, b) = log_loss(sigmoid(w*x + b), y), grad(J) is [mean(x⊙(sigmoid(b + w·x) − y)); mean(sigmoid(b + w·x) − y)].",
                examples: [BuiltinExample("log_loss([0.9, 0.2], [1, 0])", "0.164252033486018"), BuiltinExample("log_loss(0.5, 1)", "0.6931471805599453")],
                calculus: FunctionCalculus(
                    arity: 2...2, kernel: .binary(Loss.logLoss), derivative: .directional(logLossDifferential, pullback: logLossPullback),
                    note: "d log_loss(p, y) = mean((p − y) ⊙ dp / (p·(1 − p))) − mean(dy ⊙ ln(p/(1 − p))); for p = sigmoid(z) the first part is mean((p − y) ⊙ dz). The rule is that of the unclipped formula.",
                    vector: .reduces,
                    arrayKernel: { a in ArrayMath.scalar(try Loss.logLoss(a[0].data, a[1].data)) }),
                body: .general { args in
            let (p, y) = try args.pairedValues("p", "y")
            return .number(try Loss.logLoss(p.data, y.data))
        }),
        Builtin("cross_entropy", [.req("p"), .req("y")], area: .neural, summary: "Cross-entropy −Σ y·ln p of predicted class probabilities p against one-hot labels y",
                help: "cross_entropy(p, y) for a vector p of class probabilities (summing to 1, e.g. from softmax) and one-hot y (1 for the true class, 0 elsewhere) is −Σₖ yₖ·ln pₖ = −ln p_true. For matrices with one example per row it is the mean over the rows. For single numbers it is the binary form −[y·ln p + (1 − y)·ln(1 − p)], as log_loss. Probabilities are clipped to [1e-15, 1 − 1e-15].",
                examples: [BuiltinExample("cross_entropy([0.7, 0.2, 0.1], [1, 0, 0])", "0.35667494393873245"),
                           BuiltinExample("cross_entropy([0.5, 0.5; 0.9, 0.1], [1, 0; 1, 0])", "0.39925384810888576")],
                calculus: .notDifferentiable("cross_entropy sums a vector but averages the rows of a matrix, and a formula does not know which its argument is; write the cost out: -sum(y .* log(p)) for one distribution, -sum(y .* log(p)) / rows(y) for one example per row",
                                             vector: .reduces),
                body: .general { args in
            let (p, y) = try args.pairedValues("p", "y")
            if p.count == 1 && y.count == 1 { return .number(try Loss.logLoss(p.data, y.data, what: "cross_entropy")) }
            // A vector (column or row) is one distribution over the classes: one row.
            let asRows = { (m: Matrix) in m.isVector ? Matrix(rows: 1, cols: m.count, data: m.data) : m }
            return .number(try Loss.crossEntropy(asRows(p), asRows(y)))
        }),
    ]
}

/// d log_loss(p, y) from dp and dy. p(1 − p) is written with `RuleForms.complement`, so for
/// p = sigmoid(z) it is σ(z)·σ(−z) and cancels against dp = σ(z)·σ(−z)·dz: the gradient of
/// logistic regression comes out as mean((σ(z) − y) ⊙ dz).
@Sendable private func logLossDifferential(_ u: [Formula], _ du: [Formula]) -> Formula {
    let p = u[0], y = u[1]
    var terms: [Formula] = []
    if !du[0].isZero {
        terms.append(Formula.apply("mean", [Formula.mul([Formula.sub(p, y), du[0], Formula.pow(Formula.mul([p, RuleForms.complement(p)]), .minusOne)])]))
    }
    if !du[1].isZero {
        terms.append(Formula.neg(Formula.apply("mean", [Formula.mul([du[1], logOdds(p)])])))
    }
    return Formula.add(terms)
}

/// The cotangents of p and y from the cotangent `seed` of log_loss(p, y).
@Sendable private func logLossPullback(_ u: [Formula], _ seed: Formula, _ call: Formula) -> [Formula] {
    let p = u[0], y = u[1], n = Formula.apply("length", [p])
    return [Formula.div(Formula.mul([seed, Formula.sub(p, y), Formula.pow(Formula.mul([p, RuleForms.complement(p)]), .minusOne)]), n),
            Formula.neg(Formula.div(Formula.mul([seed, logOdds(p)]), n))]
}

/// ln(p/(1 − p)) = ln p − ln(1 − p).
private func logOdds(_ p: Formula) -> Formula {
    Formula.sub(Formula.apply("log", [p]), Formula.apply("log", [RuleForms.complement(p)]))
}

extension Arguments {
    /// Two numeric arguments that must pair up elementwise; a vector and a row of the same
    /// length pair up as well.
    func pairedValues(_ a: String, _ b: String) throws -> (Matrix, Matrix) {
        let va = try value(a), vb = try value(b)
        guard let ma = va.asMatrix else { throw typeError(a, expected: "a number, vector or matrix", got: va) }
        guard let mb = vb.asMatrix else { throw typeError(b, expected: "a number, vector or matrix", got: vb) }
        let vectors = (ma.isVector || ma.isRow) && (mb.isVector || mb.isRow)
        if (ma.rows != mb.rows || ma.cols != mb.cols) && !(vectors && ma.count == mb.count) {
            throw error("\(builtin.name): \(a) is \(ma.shapeDescription) but \(b) is \(mb.shapeDescription); they must have the same shape", at: b)
        }
        return (ma, mb)
    }
}
