// Gradients with respect to a vector parameter (L(w) = sum(log(1 + exp(-ys .* (X * w))))),
// by reverse accumulation: each node passes a cotangent ("seed") down to its operands.

extension Expr {
    /// ∇_w of this scalar formula, where `w` is a vector parameter: a vector-valued formula.
    /// Uses sum/mean linearity, elementwise rules from the derivative table and
    /// ∇_w (X·w)ᵀs = Xᵀ·s for matrix products.
    public func gradient(vector name: String, simplify: Bool = true) throws -> Expr {
        guard !isNonScalar else {
            throw SymbolicError("the gradient needs a formula with a single number as its value",
                                hint: "reduce the vector with sum(…) or mean(…) first")
        }
        let g = try pullback(.one, name) ?? .zero
        return simplify ? g.simplified() : g
    }

    /// The contribution of this node to ∇_w given the cotangent `seed` of this node's value;
    /// nil when the node does not depend on `w`.
    private func pullback(_ seed: Expr, _ w: String) throws -> Expr? {
        guard contains(variable: w) else { return nil }
        switch self {
        case .number, .constant, .data: return nil
        case .variable(let v), .vectorVariable(let v):
            guard v == w else { return nil }
            if case .vectorVariable = self, !seed.isNonScalar {
                throw SymbolicError("the gradient of this use of the vector `\(w)` is not supported",
                                    hint: "write sums over elements with an elementwise formula, e.g. sum(w .^ 2)")
            }
            return seed
        case .sum(let terms):
            return try Expr.accumulate(terms.map { try $0.pullback(Expr.reduce(seed, to: $0), w) })
        case .product(let factors):
            var parts: [Expr?] = []
            for i in factors.indices where factors[i].contains(variable: w) {
                var others = factors
                others.remove(at: i)
                let s = Expr.reduce(Expr.mul([seed] + others), to: factors[i])
                parts.append(try factors[i].pullback(s, w))
            }
            return Expr.accumulate(parts)
        case .power(let base, let exponent):
            var parts: [Expr?] = []
            if base.contains(variable: w) {
                let local = Expr.mul([seed, exponent, Expr.pow(base, Expr.sub(exponent, .one))])
                parts.append(try base.pullback(Expr.reduce(local, to: base), w))
            }
            if exponent.contains(variable: w) {
                let local = Expr.mul([seed, self, Expr.apply("log", [base])])
                parts.append(try exponent.pullback(Expr.reduce(local, to: exponent), w))
            }
            return Expr.accumulate(parts)
        case .matrixProduct(let a, let b):
            // (A·B)ᵀ seed: ∂/∂B = Aᵀ·seed, ∂/∂A = seed·Bᵀ
            let fromB = try b.pullback(Expr.matmul(Expr.apply("transpose", [a]), seed), w)
            let fromA = try a.pullback(Expr.matmul(seed, Expr.apply("transpose", [b])), w)
            return Expr.accumulate([fromA, fromB])
        case .call(let name, let args):
            guard let function = SymbolicFunctions.table[name] else { throw SymbolicError.noDerivativeRule(name) }
            guard function.arity.contains(args.count) else { throw SymbolicError.wrongArity(name, args.count, function.arity) }
            switch (name, function.derivative) {
            case ("sum", _):
                return try args[0].pullback(seed, w)
            case ("mean", _):
                return try args[0].pullback(Expr.div(seed, Expr.apply("length", [args[0]])), w)
            case ("transpose", _):
                return try args[0].pullback(Expr.apply("transpose", [seed]), w)
            case ("softmax", _):
                // The softmax Jacobian is symmetric: Jᵀ·seed = s ⊙ (seed − sum(s ⊙ seed)).
                let s = self
                let local = Expr.mul([s, Expr.sub(seed, Expr.apply("sum", [Expr.mul([s, seed])]))])
                return try args[0].pullback(local, w)
            case (_, .directional):
                throw SymbolicError.noDerivativeRule(name)
            case (_, .zeroAlmostEverywhere):
                return nil
            case (_, .partials(let rule)):
                let partials = rule(args)
                var parts: [Expr?] = []
                for (arg, partial) in zip(args, partials) where arg.contains(variable: w) {
                    parts.append(try arg.pullback(Expr.reduce(Expr.mul([seed, partial]), to: arg), w))
                }
                return Expr.accumulate(parts)
            }
        }
    }

    /// A cotangent for an operand: summed when the operand was a scalar broadcast over a vector.
    private static func reduce(_ seed: Expr, to operand: Expr) -> Expr {
        seed.isNonScalar && !operand.isNonScalar ? Expr.apply("sum", [seed]) : seed
    }

    private static func accumulate(_ parts: [Expr?]) -> Expr? {
        let present = parts.compactMap { $0 }
        return present.isEmpty ? nil : Expr.add(present)
    }
}
