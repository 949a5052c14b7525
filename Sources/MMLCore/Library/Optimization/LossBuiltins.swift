// Cost functions as builtins: mse, log_loss (binary cross-entropy) and cross_entropy (categorical),
// with the derivative rules that make a cost written with them differentiable (grad, gd), and
// cross_entropy_grad, the gradient those rules write for cross_entropy.

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
                help: "cross_entropy(p, y) for a vector p of class probabilities (summing to 1, e.g. from softmax) and one-hot y (1 for the true class, 0 elsewhere) is −Σₖ yₖ·ln pₖ = −ln p_true. For matrices with one example per row it is the mean over the rows. For single numbers it is the binary form −[y·ln p + (1 − y)·ln(1 − p)], as log_loss. Probabilities are clipped to [1e-15, 1 − 1e-15]. grad and gd differentiate a cost written with it exactly (by the formula without clipping): the derivative is sum(cross_entropy_grad(p, y)⊙dp), and for p = softmax(z) it is sum((sum(y)·softmax(z) − y)⊙dz), which is p − y against dz for one-hot y.",
                examples: [BuiltinExample("cross_entropy([0.7, 0.2, 0.1], [1, 0, 0])", "0.35667494393873245"),
                           BuiltinExample("cross_entropy([0.5, 0.5; 0.9, 0.1], [1, 0; 1, 0])", "0.39925384810888576")],
                calculus: FunctionCalculus(
                    arity: 2...2, kernel: .binary(Loss.logLoss),
                    derivative: .directional(crossEntropyDifferential, pullback: crossEntropyPullback),
                    note: "d cross_entropy(p, y) = sum(cross_entropy_grad(p, y) ⊙ dp) + sum(cross_entropy_grad(p, y, 2) ⊙ dy); for p = softmax(z) the first part is −sum(y ⊙ (dz − sum(p ⊙ dz))). The rule is that of the unclipped formula.",
                    vector: .reduces,
                    arrayKernel: { a in ArrayMath.scalar(try crossEntropy(a[0], a[1])) }),
                body: .general { args in
            let (p, y) = try args.pairedValues("p", "y")
            return .number(try crossEntropy(p, y))
        }),
        Builtin("cross_entropy_grad", [.req("p"), .req("y"), .opt("wrt", "1")], area: .neural,
                summary: "The gradient of cross_entropy(p, y) with respect to p (or to y with wrt=2)",
                help: "cross_entropy_grad(p, y) has the shape of p: ∂cross_entropy(p, y)/∂p, which is −y/p for one distribution (a vector), −y/(m·p) for a matrix of m rows (one example per row) and (p − y)/(p·(1 − p)) for single numbers (the binary form). cross_entropy_grad(p, y, 2) is ∂/∂y: −ln p, −ln(p)/m, or −ln(p/(1 − p)). It is the derivative of the formula without clipping, and what grad writes for the derivative of a cost made with cross_entropy; it takes the arguments cross_entropy takes. Its own derivative is not available (no second derivatives of cross_entropy).",
                examples: [BuiltinExample("cross_entropy_grad([0.5, 0.25, 0.25], [0, 1, 0])", "[0, -4, 0]"),
                           BuiltinExample("cross_entropy_grad(0.8, 1)", "-1.25")],
                calculus: .notDifferentiable("cross_entropy_grad is already a derivative; second derivatives of cross_entropy are not available",
                                             vector: .elementwise),
                body: .general { args in
            let (p, y) = try args.pairedValues("p", "y")
            let respect: Loss.LossArgument = try args.int("wrt", default: 1, in: 1...2) == 1 ? .p : .y
            let g = try crossEntropyGradient(p, y, with: respect)
            if case .number = try args.value("p") { return .number(g.data[0]) }
            return .matrix(g)
        }),
    ]
}

/// cross_entropy(p, y) as the builtin reads its arguments: single numbers are the binary form
/// (log_loss); a vector, column or row, is one distribution over the classes (one row); a
/// matrix has one example per row.
private func crossEntropy(_ p: Matrix, _ y: Matrix) throws -> Double {
    if p.count == 1 && y.count == 1 { return try Loss.logLoss(p.data, y.data, what: "cross_entropy") }
    return try Loss.crossEntropy(asOneRow(p), asOneRow(y))
}

/// The gradient of cross_entropy(p, y) with respect to p or y, shaped like p; the arguments
/// read as `crossEntropy` reads them.
private func crossEntropyGradient(_ p: Matrix, _ y: Matrix, with respect: Loss.LossArgument) throws -> Matrix {
    if p.count == 1 && y.count == 1 {
        return Matrix(rows: p.rows, cols: p.cols, data: try Loss.logLossGradient(p.data, y.data, with: respect, what: "cross_entropy"))
    }
    let g = try Loss.crossEntropyGradient(asOneRow(p), asOneRow(y), with: respect)
    return Matrix(rows: p.rows, cols: p.cols, data: g.data)
}

/// A vector (column or row) as one row; a matrix as it is.
private func asOneRow(_ m: Matrix) -> Matrix { m.isVector ? Matrix(rows: 1, cols: m.count, data: m.data) : m }

/// d cross_entropy(p, y) from dp and dy. Whether p is one distribution, a matrix of rows or a
/// single number is known only when the formula is evaluated, so the general rule leaves the
/// gradient to `cross_entropy_grad`, which reads the shapes then. Two cases are known when the
/// formula is built: arguments without data are single numbers (log_loss's rule), and
/// p = softmax(z) is one distribution (cross_entropy takes a softmax only as a vector, or a
/// number, where it is 1), whose dp = p ⊙ (dz − sum(p ⊙ dz)) cancels against 1/p.
@Sendable private func crossEntropyDifferential(_ u: [Formula], _ du: [Formula]) -> Formula {
    let p = u[0], y = u[1], isSoftmax = isSoftmaxCall(p)
    if !isSoftmax && !p.isNonScalar && !y.isNonScalar { return logLossDifferential(u, du) }
    var terms: [Formula] = []
    if !du[0].isZero {
        if isSoftmax {
            // −sum(y ⊙ dp/p), summed term by term of dp/p = dz − sum(p ⊙ dz): −sum(y ⊙ dz) + sum(y)·sum(p ⊙ dz).
            let q = Formula.mul([du[0], Formula.pow(p, .minusOne)])
            let parts: [Formula]
            if case .sum(let ts) = q { parts = ts } else { parts = [q] }
            terms += parts.map { Formula.neg(Formula.apply("sum", [Formula.mul([y, $0])])) }
        } else {
            terms.append(Formula.apply("sum", [Formula.mul([crossEntropyGradientCall(p, y, .p), du[0]])]))
        }
    }
    if !du[1].isZero {
        terms.append(Formula.apply("sum", [Formula.mul([crossEntropyGradientCall(p, y, .y), du[1]])]))
    }
    return Formula.add(terms)
}

/// The cotangents of p and y from the cotangent `seed` of cross_entropy(p, y), by the cases of
/// `crossEntropyDifferential`.
@Sendable private func crossEntropyPullback(_ u: [Formula], _ seed: Formula, _ call: Formula) -> [Formula] {
    let p = u[0], y = u[1], isSoftmax = isSoftmaxCall(p)
    if !isSoftmax && !p.isNonScalar && !y.isNonScalar { return logLossPullback(u, seed, call) }
    let dp = isSoftmax ? Formula.neg(Formula.mul([seed, y, Formula.pow(p, .minusOne)]))
                       : Formula.mul([seed, crossEntropyGradientCall(p, y, .p)])
    return [dp, Formula.mul([seed, crossEntropyGradientCall(p, y, .y)])]
}

/// Whether p is softmax(z), which cross_entropy takes only as one distribution.
private func isSoftmaxCall(_ p: Formula) -> Bool {
    if case .call("softmax", _) = p { return true }
    return false
}

private func crossEntropyGradientCall(_ p: Formula, _ y: Formula, _ respect: Loss.LossArgument) -> Formula {
    Formula.apply("cross_entropy_grad", respect == .p ? [p, y] : [p, y, .int(respect.rawValue)])
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
