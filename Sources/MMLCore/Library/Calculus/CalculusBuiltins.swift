// Symbolic calculus builtins: diff, grad, hessian, jacobian, steps, simplify, expand, factor,
// and the formula printers latex and formula.

extension Builtins {
    static let calculus: [Builtin] = symbolicCalculus + numericCalculus

    private static let symbolicCalculus: [Builtin] = [
        Builtin("diff", [.req("f"), .opt("variable", "its only parameter"), .key("n", "1"), .key("steps", "false")], area: .calculus,
                summary: "Derivative of a math function, as a math function",
                help: "diff(f) is f′, computed symbolically and shown as a formula; diff(f, \"y\") is the partial derivative ∂f/∂y of a function of several variables; diff(f, n=3) is the third derivative. With steps=true the derivation is printed rule by rule first. The result is a math function: call it, print it, differentiate it again. Rules cover + − · / ^, exp, log (also log2, log10, log(b, x)), sqrt, abs, trigonometric, hyperbolic and inverse functions, erf, sigmoid, relu, leaky_relu, softplus, softmax, min/max, sum and mean over data; floor, ceil, round and sign have derivative 0 (except at their jumps, where MML also uses 0). A builtin without a rule is an error naming it; nderiv differentiates anything numerically.",
                examples: [BuiltinExample("f(x) = x^2*sin(x); diff(f)", "f'(x) = x²·cos(x) + 2·x·sin(x)"),
                           BuiltinExample("g(x, y) = x^2 + 3*x*y; diff(g, \"y\")", "∂g/∂y(x, y) = 3·x"),
                           BuiltinExample("diff(x -> x^4, n=2)", "x -> 12·x²")], body: .general { args in
            let f = try args.function("f")
            let n = try args.int("n", default: 1, in: 1...Formula.maximumDerivativeOrder)
            let variable = args.has("variable") ? try args.string("variable") : nil
            let g = try Differentiation.derivativeFunction(of: f, variable: variable, order: n, ip: args.interpreter, at: args.span("f"))
            if try args.bool("steps", default: false) {
                args.interpreter.output(try DerivationSteps.text(for: g, variable: nil, ip: args.interpreter, at: args.span("f")) + "\n")
            }
            return .function(g)
        }),
        Builtin("grad", [.req("f")], area: .calculus, summary: "Gradient of a math function: the vector of its partial derivatives",
                help: "grad(g) for g(x, y) = … is the math function ∇g(x, y) = [∂g/∂x; ∂g/∂y], computed symbolically; grad(g)(1, 2) evaluates it. Captured data are constants, so the gradient of a cost J(w, b) = mean((w*xs + b - ys)^2) is exact. A parameter used as a vector (X * w, w', dot(w, v), or sum(w .^ 2) without data) contributes its whole gradient vector (for X * w that is Xᵀ times the rest).",
                examples: [BuiltinExample("g(x, y) = x^2 + 3*x*y; grad(g)", "∇g(x, y) = [2·x + 3·y; 3·x]"),
                           BuiltinExample("g(x, y) = x^2 + 3*x*y; grad(g)(1, 2)", "[8, 3]")], body: .general { args in
            .function(try Differentiation.gradientFunction(of: try args.function("f"), ip: args.interpreter, at: args.span("f")))
        }),
        Builtin("hessian", [.req("f")], area: .calculus, summary: "Hessian of a math function: the matrix of its second partial derivatives",
                help: "hessian(g) is the math function ∇²g whose (i, j) entry is ∂²g/∂xᵢ∂xⱼ, computed symbolically. It is symmetric for smooth g; its eigenvalues at a critical point tell a minimum (all positive) from a maximum or a saddle.",
                examples: [BuiltinExample("g(x, y) = x^3 + x*y^2; hessian(g)", "∇²g(x, y) = [6·x, 2·y; 2·y, 2·x]"),
                           BuiltinExample("g(x, y) = x^3 + x*y^2; hessian(g)(1, 1)", "  6  2\n  2  2")], body: .general { args in
            .function(try Differentiation.hessianFunction(of: try args.function("f"), ip: args.interpreter, at: args.span("f")))
        }),
        Builtin("jacobian", [.req("F")], area: .calculus, summary: "Jacobian of a vector-valued math function",
                help: "For F(x, y) = [f1, f2, …], jacobian(F) is the math function whose row i holds the partial derivatives of fᵢ, one column per parameter. For a function with one formula it is the gradient as a row.",
                examples: [BuiltinExample("F(x, y) = [x^2*y, 5*x + sin(y)]; jacobian(F)", "J_F(x, y) = [2·x·y, x²; 5, cos(y)]")], body: .general { args in
            .function(try Differentiation.jacobianFunction(of: try args.function("F"), ip: args.interpreter, at: args.span("F")))
        }),
        Builtin("steps", [.req("f"), .opt("variable", "its only parameter")], area: .calculus,
                summary: "Print the derivation of a derivative, rule by rule",
                help: "steps(f') prints how f′ is obtained from f: which rule applies to each part (sum, constant multiple, product, quotient, power, chain rule naming the outer and the inner function), each line d/dx [part] = result, ending with the simplified derivative. steps(f) does the same for the derivative of f; steps(g, \"y\") for a partial derivative.",
                examples: [BuiltinExample("f(x) = 3*x^2; steps(f')", "d/dx [3·x²] = 6·x\n    by constant multiple rule: (c·f)′ = c·f′\n  d/dx [x²] = 2·x\n      by power rule: (xⁿ)′ = n·xⁿ⁻¹\nsimplified: 6·x")], body: .general { args in
            let variable = args.has("variable") ? try args.string("variable") : nil
            args.interpreter.output(try DerivationSteps.text(for: try args.function("f"), variable: variable, ip: args.interpreter, at: args.span("f")) + "\n")
            return .nothing
        }),
        rewrite("simplify", summary: "Simplify the formula of a math function",
                help: "simplify(f) returns f with a simpler, equivalent formula: like terms collected, powers merged, common factors pulled out when that makes it shorter, fractions combined, sin² + cos² → 1.",
                example: BuiltinExample("f(x) = (x^2 - 1)/(x - 1) + sin(x)^2 + cos(x)^2; simplify(f)", "f(x) = x + 2")) { $0.simplified() },
        rewrite("expand", summary: "Multiply out the products and powers of sums in a math function",
                help: "expand(f) multiplies out products of sums and whole powers of sums (up to the 32nd): (x + 1)² becomes x² + 2·x + 1.",
                example: BuiltinExample("f(x) = (x + 1)^3; expand(f)", "f(x) = x³ + 3·x² + 3·x + 1")) { $0.expanded() },
        rewrite("factor", summary: "Pull common factors out of the sums in a math function",
                help: "factor(f) pulls factors common to every term of a sum out in front: 2·x² + 4·x becomes 2·x·(x + 2). It does not find the roots of polynomials.",
                example: BuiltinExample("f(x) = 2*x^2 + 4*x; factor(f)", "f(x) = 2·x·(x + 2)")) { $0.factored() },
        Builtin("latex", [.req("f")], area: .calculus, summary: "The formula of a math function as LaTeX",
                help: "latex(f) is the right-hand side of f's definition as a LaTeX string, for notes and slides: fractions as \\frac, powers as ^{…}, functions as \\sin, \\ln, ….",
                examples: [BuiltinExample("f(x) = x^2*sin(x)/2; latex(f)", "\\frac{x^{2} \\cdot \\sin\\left(x\\right)}{2}")], body: .general { args in
            .string(try StringValue(checked: try formulaText(try args.function("f"), .latex, args), for: "writing this formula"))
        }),
        Builtin("formula", [.req("f"), .opt("style", "\"unicode\"")], area: .calculus, summary: "The formula of a math function as a string",
                help: "formula(f) is the right-hand side of f as MML prints it (Unicode: x²·sin(x)); formula(f, \"ascii\") writes it as MML input (x^2*sin(x)), which can be pasted into a definition; formula(f, \"latex\") is the same as latex(f).",
                examples: [BuiltinExample("f(x) = x^2*sin(x); formula(f, \"ascii\")", "x^2*sin(x)"),
                           BuiltinExample("formula(sin')", "cos(x)")], body: .general { args in
            let name = try args.string("style", default: "unicode")
            guard let style = MathFunctionPrinter.style(named: name) else {
                throw args.error("formula: the style must be \"unicode\", \"ascii\" or \"latex\", not \"\(name)\"", at: "style")
            }
            return .string(try StringValue(checked: try formulaText(try args.function("f"), style, args), for: "writing this formula"))
        }),
    ]

    /// A builtin that rewrites the formula of a math function.
    private static func rewrite(_ name: String, summary: String, help: String, example: BuiltinExample,
                                _ transform: @escaping @Sendable (Formula) -> Formula) -> Builtin {
        Builtin(name, [.req("f")], area: .calculus, summary: summary, help: help, examples: [example], body: .general { args in
            let rewritten = try Differentiation.rewritten(try args.function("f"), by: transform, ip: args.interpreter, at: args.span("f"))
            try StopToken.check()  // the rewrites stop short when asked to stop
            return .function(rewritten)
        })
    }

    private static func formulaText(_ f: Function, _ style: FormulaStyle, _ args: Arguments) throws -> String {
        if let u = f as? UserFunction, u.form == .math || u.form == .lambda, let text = MathFunctionPrinter.formula(u, style: style) {
            return text
        }
        return try SymbolicForms.form(of: f, args.interpreter, at: args.span("f")).body.formatted(style)
    }
}

/// The text of a derivation, for `steps` and `diff(…, steps=true)`.
enum DerivationSteps {
    static func text(for f: Function, variable: String?, ip: Interpreter, at span: SourceSpan) throws -> String {
        if variable == nil, let u = f as? UserFunction, let origin = CalculusState.of(ip).origin(of: u) {
            return try render(origin.formula, origin.variable, at: span)
        }
        let form = try SymbolicForms.form(of: f, ip, at: span)
        let body = try form.scalarBody(for: "steps", at: span)
        let v: String
        if let variable {
            guard form.parameters.contains(variable), !form.vectorParameters.contains(variable) else {
                throw CalculusMessages.error("\(form.name) has no number parameter named `\(variable)`; its parameters are \(form.parameters.joined(separator: ", "))", at: span)
            }
            v = variable
        } else {
            v = try Differentiation.onlyVariable(form, for: "steps(\(form.name))", at: span)
        }
        return try render(body, v, at: span)
    }

    private static func render(_ formula: Formula, _ variable: String, at span: SourceSpan) throws -> String {
        let d = try Interpreter.locating(at: span) { try formula.derivation(variable) }
        // End with the same simplified derivative that f' shows.
        let simplified = try Interpreter.locating(at: span) { try Differentiation.smallestDerivative(of: formula, variable) }
        return Derivation(variable: d.variable, function: d.function, steps: d.steps, result: d.result, simplified: simplified).render(.unicode)
    }
}
