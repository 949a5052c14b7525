// Taylor polynomials and tangent lines as formulas, built from exact derivatives.

extension Expr {
    /// The Taylor polynomial of order `order` about `variable = point`:
    /// Σₖ f⁽ᵏ⁾(a)/k! · (x − a)ᵏ, with each coefficient simplified (exact where possible,
    /// e.g. `sin(1)`, or a number when `point` is inexact).
    public func taylor(_ variable: String, at point: Expr, order: Int) throws -> Expr {
        guard order >= 0, order <= 64 else {
            throw SymbolicError("the order of a Taylor polynomial must be between 0 and 64, not \(order)")
        }
        let shift = Expr.sub(.variable(variable), point)
        var terms: [Expr] = []
        var d = self
        var factorial = Number.int(1)
        for k in 0...order {
            if k > 0 {
                d = try d.derivative(variable)
                factorial = factorial * .int(k)
            }
            let coefficient = d.substituting([variable: point]).simplified()
            terms.append(Expr.mul([coefficient, .number(.int(1) / factorial), Expr.pow(shift, .int(k))]))
        }
        return Expr.add(terms)
    }

    /// The tangent line at `variable = point`: f(a) + f′(a)·(x − a).
    public func tangent(_ variable: String, at point: Expr) throws -> Expr {
        try taylor(variable, at: point, order: 1)
    }
}
