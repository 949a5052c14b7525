// Getting the formula of a function value: math functions and one-line lambdas through their
// syntax tree, builtins through their calculus facet.

enum SymbolicForms {
    /// The function as formulas, with names resolved in the workspace (for differentiation).
    static func form(of f: Function, _ ip: Interpreter, at span: SourceSpan, inlining: [ObjectIdentifier] = []) throws -> SymbolicForm {
        if let b = f as? BuiltinFunction {
            let name = b.builtin.name
            guard let entry = SymbolicFunctions.table[name], entry.arity.contains(1) else {
                throw CalculusMessages.error("the builtin `\(name)` has no derivative rule", at: span, hint: CalculusMessages.nderivHint)
            }
            let p = b.builtin.parameters.first?.name ?? "x"
            return SymbolicForm(name: name, parameters: [p], vectorParameters: [], body: .scalar(Formula.apply(name, [.variable(p)])))
        }
        guard let u = f as? UserFunction, u.form != .block, let formula = u.formula else {
            throw CalculusMessages.error("\(f.name) is a block function (fn … { … }), which has no single formula to work with symbolically", at: span,
                                         hint: "define it as a math function, f(x) = …; \(CalculusMessages.nderivHint)")
        }
        let parameters = u.parameters.map(\.name)
        let vectors = VectorParameters.infer(formula, parameters: parameters,
                                             isData: { isData(ip.globals[$0]) }, isMatrix: { isMatrix(ip.globals[$0]) })
        let converter = FormulaConverter(mode: .symbolic(ip), functionName: label(u), parameters: Set(parameters),
                                         vectorParameters: vectors, definedAtTopLevel: u.captured == nil || u.captured === ip.topFrame,
                                         inlining: inlining + [ObjectIdentifier(u)])
        return SymbolicForm(name: label(u), parameters: parameters, vectorParameters: vectors, body: try converter.body(formula))
    }

    /// Refuses a formula deeper than `Formula.maximumDepth` (built by composing functions in a
    /// loop, say) before anything walks it recursively. Only inlining makes a formula deeper
    /// than the syntax it comes from, so the converter checks each inlined call (derivatives
    /// and rewrites of a formula stay within a small factor of its depth).
    static func requireModerateDepth(_ body: MathBody, of name: String, at span: SourceSpan) throws {
        if body.formulas.contains(where: { $0.isDeeper(than: Formula.maximumDepth) }) {
            throw DepthGuard.formulaError(name, limit: Formula.maximumDepth, at: span)
        }
    }

    /// The function as the learner wrote it, for printing; nil when it has no formula the
    /// printer understands (the caller then shows the source text).
    static func displayForm(of u: UserFunction) -> SymbolicForm? {
        guard let formula = u.formula else { return nil }
        let parameters = u.parameters.map(\.name)
        let dataNames = displayDataNames(formula, parameters: Set(parameters))
        let vectors = VectorParameters.infer(formula, parameters: parameters, isData: dataNames.contains, isMatrix: dataNames.contains)
        let converter = FormulaConverter(mode: .display(dataNames: dataNames), functionName: label(u), parameters: Set(parameters),
                                         vectorParameters: vectors, definedAtTopLevel: true)
        guard let body = try? converter.body(formula) else { return nil }
        return SymbolicForm(name: u.name, parameters: parameters, vectorParameters: vectors, body: body)
    }

    /// How a function is named in messages ("the lambda" when it has no name).
    static func label(_ u: UserFunction) -> String {
        u.form == .lambda && u.name == "anonymous function" ? "the lambda" : u.name
    }

    private static func isData(_ v: Value?) -> Bool {
        switch v {
        case .matrix(let m)?: return m.count != 1
        case .range?: return true
        default: return false
        }
    }

    private static func isMatrix(_ v: Value?) -> Bool {
        if case .matrix(let m)? = v { return m.cols > 1 }
        return false
    }

    /// Without a workspace, names that are not parameters count as data (vectors) where the
    /// formula treats them so: under sum/mean/…, transposed, or in elementwise operators.
    private static func displayDataNames(_ e: Expr, parameters: Set<String>) -> Set<String> {
        var found = Set<String>()
        func visit(_ e: Expr, inVectorContext: Bool) {
            switch e.kind {
            case .identifier(let n):
                if inVectorContext, !parameters.contains(n) { found.insert(n) }
            case .call(let callee, let args):
                var vectorArgs = inVectorContext
                if case .identifier(let n) = callee.kind, VectorParameters.role(of: n) != .elementwise { vectorArgs = true }
                for a in args { visit(a.value, inVectorContext: vectorArgs) }
            case .binary(let op, let l, let r):
                let elementwise = [.elementMultiply, .elementDivide, .elementPower, .dot].contains(op)
                visit(l, inVectorContext: inVectorContext || elementwise)
                visit(r, inVectorContext: inVectorContext || elementwise)
            case .prime(let inner, let count):
                visit(inner, inVectorContext: inVectorContext || count % 2 == 1)
            default:
                for c in ExprWalk.children(e) { visit(c, inVectorContext: inVectorContext) }
            }
        }
        visit(e, inVectorContext: false)
        return found
    }
}
