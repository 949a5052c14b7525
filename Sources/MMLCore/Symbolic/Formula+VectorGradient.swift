// Gradients with respect to a vector parameter (L(w) = sum(log(1 + exp(-ys .* (X * w))))),
// by reverse accumulation: each node passes a cotangent ("seed") down to its operands.

extension Formula {
    /// ∇_w of this scalar formula, where `w` is a vector parameter: a vector-valued formula.
    /// Uses the pullbacks of sum, mean, softmax and the losses, elementwise rules from the builtins' facets and
    /// ∇_w (X·w)ᵀs = Xᵀ·s for matrix products.
    public func gradient(vector name: String, simplify: Bool = true) throws -> Formula {
        guard !isNonScalar else {
            throw SymbolicError("the gradient needs a formula with a single number as its value",
                                hint: "reduce the vector with sum(…) or mean(…) first")
        }
        let g = try pullback(.one, name) ?? .zero
        return simplify ? g.simplified() : g
    }

    /// The contribution of this node to ∇_w given the cotangent `seed` of this node's value;
    /// nil when the node does not depend on `w`.
    private func pullback(_ seed: Formula, _ w: String) throws -> Formula? {
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
            return try Formula.accumulate(terms.map { try $0.pullback(Formula.reduce(seed, to: $0), w) })
        case .product(let factors):
            var parts: [Formula?] = []
            for i in factors.indices where factors[i].contains(variable: w) {
                var others = factors
                others.remove(at: i)
                let s = Formula.reduce(Formula.mul([seed] + others), to: factors[i])
                parts.append(try factors[i].pullback(s, w))
            }
            return Formula.accumulate(parts)
        case .power(let base, let exponent):
            var parts: [Formula?] = []
            if base.contains(variable: w) {
                let local = Formula.mul([seed, exponent, Formula.pow(base, Formula.sub(exponent, .one))])
                parts.append(try base.pullback(Formula.reduce(local, to: base), w))
            }
            if exponent.contains(variable: w) {
                let local = Formula.mul([seed, self, Formula.apply("log", [base])])
                parts.append(try exponent.pullback(Formula.reduce(local, to: exponent), w))
            }
            return Formula.accumulate(parts)
        case .matrixProduct(let a, let b):
            // (A·B)ᵀ seed: ∂/∂B = Aᵀ·seed, ∂/∂A = seed·Bᵀ
            let fromB = try b.pullback(Formula.matmul(Formula.apply("transpose", [a]), seed), w)
            let fromA = try a.pullback(Formula.matmul(seed, Formula.apply("transpose", [b])), w)
            return Formula.accumulate([fromA, fromB])
        case .call(let name, let args):
            guard let function = SymbolicFunctions.table[name] else { throw SymbolicError.noDerivativeRule(name) }
            guard function.arity.contains(args.count) else { throw SymbolicError.wrongArity(name, args.count, function.arity) }
            switch function.derivative {
            case .directional(_, let pullback):
                guard let pullback else { throw SymbolicError.noDerivativeRule(name) }
                var parts: [Formula?] = []
                for (arg, s) in zip(args, pullback(args, seed, self)) where arg.contains(variable: w) {
                    parts.append(try arg.pullback(s, w))
                }
                return Formula.accumulate(parts)
            case .zeroAlmostEverywhere:
                return nil
            case .derivative(let rule):
                return try args[0].pullback(Formula.reduce(Formula.mul([seed, rule(args[0])]), to: args[0]), w)
            case .partials(let rule):
                let partials = rule(args)
                var parts: [Formula?] = []
                for (arg, partial) in zip(args, partials) where arg.contains(variable: w) {
                    parts.append(try arg.pullback(Formula.reduce(Formula.mul([seed, partial]), to: arg), w))
                }
                return Formula.accumulate(parts)
            }
        }
    }

    /// A cotangent for an operand: summed when the operand was a scalar broadcast over a vector.
    private static func reduce(_ seed: Formula, to operand: Formula) -> Formula {
        seed.isNonScalar && !operand.isNonScalar ? Formula.apply("sum", [seed]) : seed
    }

    private static func accumulate(_ parts: [Formula?]) -> Formula? {
        let present = parts.compactMap { $0 }
        return present.isEmpty ? nil : Formula.add(present)
    }
}
