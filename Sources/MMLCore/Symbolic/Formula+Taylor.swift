// Taylor polynomials and tangent lines as formulas, built from exact derivatives.

extension Formula {
    /// The Taylor polynomial of order `order` about `variable = point`:
    /// Σₖ f⁽ᵏ⁾(a)/k! · (x − a)ᵏ, with each coefficient simplified (exact where possible,
    /// e.g. `sin(1)`, or a number when `point` is inexact).
    public func taylor(_ variable: String, at point: Formula, order: Int) throws -> Formula {
        guard order >= 0, order <= 64 else {
            throw SymbolicError("the order of a Taylor polynomial must be between 0 and 64, not \(order)")
        }
        let shift = Formula.sub(.variable(variable), point)
        var terms: [Formula] = []
        var d = self
        var factorial = Number.int(1)
        for k in 0...order {
            if k > 0 {
                d = try d.derivative(variable)
                factorial = factorial * .int(k)
            }
            let coefficient = d.substituting([variable: point]).simplified()
            terms.append(Formula.mul([coefficient, .number(.int(1) / factorial), Formula.pow(shift, .int(k))]))
        }
        return Formula.add(terms)
    }

    /// The tangent line at `variable = point`: f(a) + f′(a)·(x − a).
    public func tangent(_ variable: String, at point: Formula) throws -> Formula {
        try taylor(variable, at: point, order: 1)
    }
}
