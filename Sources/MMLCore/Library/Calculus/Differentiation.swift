// Derivatives as math functions: f', diff(f, "y", n=…), grad, hessian, jacobian, and the
// simplify/expand/factor rewrites. Each result is a compiled math function that prints as its
// formula.

enum Differentiation {
    /// The largest formula (in nodes) a derivative may grow to before MML gives up.
    static let nodeBudget = 200_000

    /// `f'`, `f''`, …: what the `'` operator does to a function value.
    static func prime(_ f: Function, order: Int, ip: Interpreter, at span: SourceSpan) throws -> Value {
        .function(try derivativeFunction(of: f, variable: nil, order: order, ip: ip, at: span))
    }

    /// The single variable of a function of one number.
    static func onlyVariable(_ form: SymbolicForm, for what: String, at span: SourceSpan) throws -> String {
        guard form.parameters.count == 1 else {
            if form.parameters.isEmpty {
                throw CalculusMessages.error("\(form.name) has no parameters, so it has no derivative", at: span)
            }
            let first = form.parameters[0]
            throw CalculusMessages.error("\(form.name) has \(form.parameters.count) parameters (\(form.parameters.joined(separator: ", "))), so \(what) does not say which one to differentiate by", at: span,
                                         hint: "diff(\(form.name), \"\(first)\") is the partial derivative in \(first); grad(\(form.name)) gives all of them")
        }
        return try scalarVariable(form, form.parameters[0], at: span)
    }

    private static func scalarVariable(_ form: SymbolicForm, _ v: String, at span: SourceSpan) throws -> String {
        guard form.parameters.contains(v) else {
            throw CalculusMessages.error("\(form.name) has no parameter named `\(v)`; its parameters are \(form.parameters.joined(separator: ", "))", at: span)
        }
        if form.vectorParameters.contains(v) {
            throw CalculusMessages.error("`\(v)` is a vector parameter of \(form.name) (see :help grad for the rule), so its derivative is a gradient", at: span,
                                         hint: "grad(\(form.name)) gives the vector of partial derivatives")
        }
        return v
    }

    /// The `order`-th derivative of one formula, simplified after each order, within the node budget.
    static func derivative(of f: Formula, _ v: String, order: Int, at span: SourceSpan) throws -> Formula {
        try Interpreter.locating(at: span) {
            var e = f
            for _ in 0..<order {
                e = try smallestDerivative(of: e, v).collectingPolynomials(in: v)
                try checkBudget(e, at: span)
            }
            return e
        }
    }

    /// The derivative by the product rule (the engine's default, small under repeated
    /// differentiation) or, when the formula has quotients, by the quotient rule — whichever
    /// simplifies to fewer nodes, so x/(x + 1) + sin(x²) gives 1/(x + 1)², not 1/(x + 1) − x/(x + 1)².
    static func smallestDerivative(of e: Formula, _ v: String) throws -> Formula {
        let byProducts = try e.derivative(v)
        guard e.nodeCount <= 2000, hasQuotient(e, v) else { return byProducts }
        let byQuotients = try e.differentiate(v, StepRecorder()).simplified()
        try StopToken.check()
        return byQuotients.nodeCount < byProducts.nodeCount ? byQuotients : byProducts
    }

    /// True when a negative power of something that depends on `v` occurs in `e`.
    private static func hasQuotient(_ e: Formula, _ v: String) -> Bool {
        if case .power(let b, let x) = e, x.numberValue?.isNegative == true, b.contains(variable: v) { return true }
        return e.children.contains { hasQuotient($0, v) }
    }

    static func checkBudget(_ e: Formula, at span: SourceSpan) throws {
        let n = e.nodeCount
        if n > nodeBudget {
            throw CalculusMessages.error("the derivative's formula grew to \(n) nodes, more than the \(nodeBudget) MML works with symbolically", at: span,
                                         hint: "nderiv(f, x) evaluates a derivative numerically at a point")
        }
    }

    /// `diff(f)`, `diff(f, "y")`, `diff(f, n=3)`, `f'`.
    static func derivativeFunction(of f: Function, variable: String?, order: Int, ip: Interpreter, at span: SourceSpan) throws -> UserFunction {
        let form = try SymbolicForms.form(of: f, ip, at: span)
        let v = try variable.map { try scalarVariable(form, $0, at: span) }
            ?? onlyVariable(form, for: "\(form.name)\(String(repeating: "'", count: order))", at: span)
        let name = form.parameters.count == 1 ? MathFunctionMaker.primed(form.name, order) : partialName(form.name, v, order)
        let state = CalculusState.of(ip)
        return try state.function(for: key("d\(order)/d\(v)", name, form, f)) {
            var previous = form.body
            var current = form.body
            for _ in 0..<order {
                previous = current
                current = try current.map { try derivative(of: $0, v, order: 1, at: span) }
            }
            let g = try MathFunctionMaker.make(name: name, parameters: form.parameters, body: current, form: resultForm(f), ip: ip, at: span)
            if case .scalar(let p) = previous {
                state.remember(g, differentiating: p, by: v, sourceName: order == 1 ? form.name : MathFunctionMaker.primed(form.name, order - 1))
            }
            return g
        }
    }

    /// `grad(f)`: the column of partial derivatives (a vector parameter contributes its whole gradient).
    static func gradientFunction(of f: Function, ip: Interpreter, at span: SourceSpan) throws -> UserFunction {
        let form = try SymbolicForms.form(of: f, ip, at: span)
        let body = try singleNumber(form, for: "grad", at: span)
        let name = "∇" + form.name
        return try CalculusState.of(ip).function(for: key("grad", name, form, f)) {
            let components = try Interpreter.locating(at: span) {
                try form.parameters.map { p -> Formula in
                    let g = form.vectorParameters.contains(p) ? try body.gradient(vector: p) : try body.derivative(p)
                    try checkBudget(g, at: span)
                    return g
                }
            }
            // One vector parameter: the gradient is that vector itself, not a column of one block.
            let single = form.parameters.count == 1 && form.vectorParameters.contains(form.parameters[0])
            return try MathFunctionMaker.make(name: name, parameters: form.parameters,
                                              body: single ? .scalar(components[0]) : .array(components.map { [$0] }),
                                              form: resultForm(f), ip: ip, at: span)
        }
    }

    /// `hessian(f)`: the matrix of second partial derivatives.
    static func hessianFunction(of f: Function, ip: Interpreter, at span: SourceSpan) throws -> UserFunction {
        let form = try SymbolicForms.form(of: f, ip, at: span)
        let body = try singleNumber(form, for: "hessian", at: span)
        try requireScalarParameters(form, for: "hessian", at: span)
        let name = "∇²" + form.name
        return try CalculusState.of(ip).function(for: key("hessian", name, form, f)) {
            let h = try Interpreter.locating(at: span) { try body.hessian(form.parameters) }
            for row in h { for entry in row { try checkBudget(entry, at: span) } }
            return try MathFunctionMaker.make(name: name, parameters: form.parameters, body: .array(h), form: resultForm(f), ip: ip, at: span)
        }
    }

    /// `jacobian(F)`: one row per component of F, one column per parameter.
    static func jacobianFunction(of f: Function, ip: Interpreter, at span: SourceSpan) throws -> UserFunction {
        let form = try SymbolicForms.form(of: f, ip, at: span)
        try requireScalarParameters(form, for: "jacobian", at: span)
        let components: [Formula]
        switch form.body {
        case .scalar(let e): components = [e]
        case .array(let rows):
            if rows.count == 1 {
                components = rows[0]
            } else if rows.allSatisfy({ $0.count == 1 }) {
                components = rows.map { $0[0] }
            } else {
                throw CalculusMessages.error("\(form.name) is matrix-valued; jacobian needs a vector of components, F(x, y) = [f1, f2, …]", at: span)
            }
        }
        let name = "J_" + form.name
        return try CalculusState.of(ip).function(for: key("jacobian", name, form, f)) {
            let j = try Interpreter.locating(at: span) { try Formula.jacobian(components, form.parameters) }
            for row in j { for entry in row { try checkBudget(entry, at: span) } }
            return try MathFunctionMaker.make(name: name, parameters: form.parameters, body: .array(j), form: resultForm(f), ip: ip, at: span)
        }
    }

    /// `simplify(f)`, `expand(f)`, `factor(f)`: the same function with its formula rewritten.
    static func rewritten(_ f: Function, by rewrite: (Formula) -> Formula, ip: Interpreter, at span: SourceSpan) throws -> UserFunction {
        let form = try SymbolicForms.form(of: f, ip, at: span)
        return try MathFunctionMaker.make(name: form.name, parameters: form.parameters, body: form.body.map(rewrite),
                                          form: resultForm(f), ip: ip, at: span)
    }

    // MARK: Helpers

    private static func singleNumber(_ form: SymbolicForm, for what: String, at span: SourceSpan) throws -> Formula {
        let body = try form.scalarBody(for: what, at: span)
        if form.parameters.isEmpty {
            throw CalculusMessages.error("\(form.name) has no parameters, so it has no \(what == "grad" ? "gradient" : what)", at: span)
        }
        if body.isNonScalar {
            throw CalculusMessages.error("the value of \(form.name) is a vector (it uses data without reducing it), so \(what) does not apply", at: span,
                                         hint: "a cost is one number: reduce the vector with sum(…) or mean(…)")
        }
        return body
    }

    private static func requireScalarParameters(_ form: SymbolicForm, for what: String, at span: SourceSpan) throws {
        if let v = form.parameters.first(where: form.vectorParameters.contains) {
            throw CalculusMessages.error("\(what) needs number parameters, but `\(v)` is a vector parameter of \(form.name)", at: span,
                                         hint: "grad works with vector parameters; for \(what), write the parameters as numbers: f(x, y) = …")
        }
    }

    private static func partialName(_ name: String, _ v: String, _ order: Int) -> String {
        order == 1 ? "∂\(name)/∂\(v)" : "∂\(superscript(order))\(name)/∂\(v)\(superscript(order))"
    }

    private static func superscript(_ n: Int) -> String {
        let digits: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        return String(String(n).map { digits[$0] ?? $0 })
    }

    private static func resultForm(_ f: Function) -> UserFunction.Form {
        (f as? UserFunction)?.form == .lambda ? .lambda : .math
    }

    private static func key(_ operation: String, _ name: String, _ form: SymbolicForm, _ f: Function) -> CalculusState.CacheKey {
        CalculusState.CacheKey(operation: operation, name: name, parameters: form.parameters, vectorParameters: form.vectorParameters,
                               body: form.body, form: resultForm(f))
    }
}
