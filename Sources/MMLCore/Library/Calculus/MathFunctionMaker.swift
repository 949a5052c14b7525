// Makes new math functions (derivatives, gradients, Taylor polynomials) from formulas. The
// formula becomes a syntax tree (sums and products as balanced trees, so a 600-term derivative
// is only a few levels deep) and is compiled once, like a definition the learner typed: calling
// the result runs compiled nodes and never re-walks or re-simplifies the formula.

enum MathFunctionMaker {
    /// A math function `name(parameters) = body`, compiled in the workspace (its data names are
    /// workspace variables, read when it is called). Lambdas give lambdas (`x -> 2·x`).
    static func make(name: String, parameters: [String], body: MathBody, form: UserFunction.Form = .math,
                     ip: Interpreter, at span: SourceSpan) throws -> UserFunction {
        let builder = FormulaSyntax(span: span)
        let bodyExpr = builder.expression(body)
        let params = parameters.map { Parameter(name: $0, span: span, defaultValue: nil) }
        var compiler = Compiler(ip)
        guard let lambda = try compiler.compile(Expr(.lambda(params: params, body: bodyExpr), span)) as? LambdaNode else {
            throw CalculusMessages.error("internal: the formula of \(name) did not compile", at: span)
        }
        // A lambda prints its source text: give it the formula in math notation. A math function
        // prints its formula; the text is only a fallback.
        return UserFunction(name: name, form: form, parameters: params, formula: bodyExpr, code: lambda.code,
                            captured: ip.topFrame, writeText: { body.formatted(form == .lambda ? .unicode : .ascii) })
    }

    /// The name of a derived function: `f` → `f'`.
    static func primed(_ name: String, _ order: Int) -> String {
        name + String(repeating: "'", count: order)
    }
}

/// Writes a formula as the syntax tree of the MML expression that computes it: products of
/// two vectors are elementwise (.*), powers of vectors elementwise (.^), `*` between a matrix
/// and a vector is the matrix product.
struct FormulaSyntax {
    /// Every node carries this span (where the derived function was asked for).
    let span: SourceSpan

    func expression(_ body: MathBody) -> Expr {
        switch body {
        case .scalar(let f): return expression(f)
        case .array(let rows): return Expr(.matrix(rows: rows.map { $0.map(expression) }, nestedRows: false), span)
        }
    }

    func expression(_ f: Formula) -> Expr {
        switch f {
        case .number(let n): return number(n)
        case .constant(let c): return Expr(.identifier(c.rawValue), span)
        case .variable(let v), .vectorVariable(let v), .data(let v): return Expr(.identifier(v), span)
        case .sum(let terms): return balanced(terms) { _, _ in .add }
        case .product(let factors):
            return balanced(factors) { l, r in l.isNonScalar && r.isNonScalar ? .elementMultiply : .multiply }
        case .power(let b, let e):
            return Expr(.binary(b.isNonScalar ? .elementPower : .power, expression(b), expression(e)), span)
        case .call(let name, let args):
            let call = self.call(name, args.map(expression))
            // A formula's sum and mean reduce every element (so its rules, pullbacks and array
            // kernels say); the builtins reduce a matrix column by column, so a matrix's column
            // results are reduced once more (a vector's single result stays as it is).
            if name == "sum" || name == "mean", args.count == 1, args[0].isNonScalar { return self.call(name, [call]) }
            return call
        case .matrixProduct(let a, let b):
            return Expr(.binary(.multiply, expression(a), expression(b)), span)
        }
    }

    private func call(_ name: String, _ args: [Expr]) -> Expr {
        Expr(.call(Expr(.identifier(name), span), args.map { CallArgument(label: nil, labelSpan: nil, value: $0) }), span)
    }

    private func number(_ n: Number) -> Expr {
        switch n {
        case .rational(let p, 1): return Expr(.number(Double(p)), span)
        case .rational(let p, let q): return Expr(.binary(.divide, Expr(.number(Double(p)), span), Expr(.number(Double(q)), span)), span)
        case .real(let x): return Expr(.number(x), span)
        }
    }

    /// Operands combined pairwise into a tree of depth log₂(n); `op` picks the operator for
    /// two groups (elementwise when both may be vectors).
    private func balanced(_ operands: [Formula], _ op: (Formula, Formula) -> BinaryOperator) -> Expr {
        func build(_ range: Range<Int>) -> (Expr, Formula) {
            if range.count == 1 { return (expression(operands[range.lowerBound]), operands[range.lowerBound]) }
            let mid = range.lowerBound + range.count / 2
            let (l, lf) = build(range.lowerBound..<mid), (r, rf) = build(mid..<range.upperBound)
            // A stand-in whose scalar-ness is that of the whole group.
            let group: Formula = lf.isNonScalar ? lf : rf
            return (Expr(.binary(op(lf, rf), l, r), span), group)
        }
        guard !operands.isEmpty else { return Expr(.number(0), span) }
        return build(0..<operands.count).0
    }
}

/// Per-session calculus state: where each derived function came from (for `steps`) and a
/// cache so that `f'(x)` inside a loop differentiates and compiles once.
final class CalculusState {
    struct Origin {
        weak var function: UserFunction?
        /// The formula that was differentiated to make the function, and the variable.
        let formula: Formula
        let variable: String
        let sourceName: String
    }

    private var origins: [ObjectIdentifier: Origin] = [:]
    private var cache: [CacheKey: UserFunction] = [:]
    static let cacheLimit = 512

    struct CacheKey: Hashable {
        let operation: String
        let name: String
        let parameters: [String]
        let vectorParameters: Set<String>
        let body: MathBody
        let form: UserFunction.Form
    }

    static func of(_ ip: Interpreter) -> CalculusState {
        let key = ObjectIdentifier(CalculusState.self)
        if let s = ip.domainState[key] as? CalculusState { return s }
        let s = CalculusState()
        ip.domainState[key] = s
        return s
    }

    func remember(_ f: UserFunction, differentiating formula: Formula, by variable: String, sourceName: String) {
        if origins.count > 4 * CalculusState.cacheLimit { origins = origins.filter { $0.value.function != nil } }
        origins[ObjectIdentifier(f)] = Origin(function: f, formula: formula, variable: variable, sourceName: sourceName)
    }

    /// Where `f` came from, when it was made by differentiation in this session.
    func origin(of f: UserFunction) -> Origin? {
        guard let o = origins[ObjectIdentifier(f)], o.function === f else { return nil }
        return o
    }

    /// The cached result of `operation` on a function, or the freshly made one.
    func function(for key: CacheKey, make: () throws -> UserFunction) rethrows -> UserFunction {
        if let hit = cache[key] { return hit }
        let f = try make()
        if cache.count >= CalculusState.cacheLimit { cache.removeAll() }
        cache[key] = f
        return f
    }
}
