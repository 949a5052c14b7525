// Cost functions as builtins: mse, log_loss (binary cross-entropy) and cross_entropy (categorical).

extension Builtins {
    static let losses: [Builtin] = [
        Builtin("mse", [.req("yhat"), .req("y")], area: .neural, summary: "Mean squared error mean((ŷ − y)²)",
                help: "mse(yhat, y) is (1/n)·Σ(ŷᵢ − yᵢ)², the cost of linear regression. yhat and y are numbers or vectors (or matrices) with the same number of elements.",
                examples: [BuiltinExample("mse([1, 2, 3], [1, 2, 5])", "1.3333333333333333")],
                body: .general { args in
            let (yhat, y) = try args.pairedValues("yhat", "y")
            return .number(try Loss.mse(yhat.data, y.data))
        }),
        Builtin("log_loss", [.req("p"), .req("y")], area: .neural, summary: "Binary cross-entropy −mean(y·ln p + (1 − y)·ln(1 − p))",
                help: "log_loss(p, y) is the cost of logistic regression: pᵢ is the predicted probability that example i is in class 1 (e.g. sigmoid of a score) and yᵢ its label, 0 or 1. It is −(1/n)·Σ[yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)]; probabilities are clipped to [1e-15, 1 − 1e-15] so a confident mistake costs about 34.5, not infinity.",
                examples: [BuiltinExample("log_loss([0.9, 0.2], [1, 0])", "0.164252033486018"), BuiltinExample("log_loss(0.5, 1)", "0.6931471805599453")],
                body: .general { args in
            let (p, y) = try args.pairedValues("p", "y")
            return .number(try Loss.logLoss(p.data, y.data))
        }),
        Builtin("cross_entropy", [.req("p"), .req("y")], area: .neural, summary: "Cross-entropy −Σ y·ln p of predicted class probabilities p against one-hot labels y",
                help: "cross_entropy(p, y) for a vector p of class probabilities (summing to 1, e.g. from softmax) and one-hot y (1 for the true class, 0 elsewhere) is −Σₖ yₖ·ln pₖ = −ln p_true. For matrices with one example per row it is the mean over the rows. For single numbers it is the binary form −[y·ln p + (1 − y)·ln(1 − p)], as log_loss. Probabilities are clipped to [1e-15, 1 − 1e-15].",
                examples: [BuiltinExample("cross_entropy([0.7, 0.2, 0.1], [1, 0, 0])", "0.35667494393873245"),
                           BuiltinExample("cross_entropy([0.5, 0.5; 0.9, 0.1], [1, 0; 1, 0])", "0.39925384810888576")],
                body: .general { args in
            let (p, y) = try args.pairedValues("p", "y")
            if p.count == 1 && y.count == 1 { return .number(try Loss.logLoss(p.data, y.data, what: "cross_entropy")) }
            // A vector (column or row) is one distribution over the classes: one row.
            let asRows = { (m: Matrix) in m.isVector ? Matrix(rows: 1, cols: m.count, data: m.data) : m }
            return .number(try Loss.crossEntropy(asRows(p), asRows(y)))
        }),
    ]
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
