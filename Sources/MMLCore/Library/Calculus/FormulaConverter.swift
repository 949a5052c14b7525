// Turns the syntax tree of a math function's body into a symbolic formula.
//
// Two modes. `display` keeps what the learner wrote (other functions stay calls, workspace names
// stay names) and needs no workspace, so a function can print itself. `symbolic` is for
// differentiation: names are resolved the way the evaluator resolves them at the top level —
// parameters become variables, workspace numbers become constants, workspace vectors and
// matrices become data leaves, other math functions are inlined (so the chain rule runs through
// them), builtins become calls of the functions whose calculus facet has a derivative rule.
//
// Limit: names are looked up in the workspace (globals). A function defined inside a block
// function may read that function's locals, which have no names at run time; such a function can
// be differentiated only when its formula uses nothing but its parameters and builtins.

struct FormulaConverter {
    enum Mode {
        /// For printing: `dataNames` are the non-parameter names that stand for vectors.
        case display(dataNames: Set<String>)
        /// For differentiation, resolving names in the interpreter's workspace.
        case symbolic(Interpreter)
    }

    let mode: Mode
    /// The function being converted (for messages).
    let functionName: String
    let parameters: Set<String>
    let vectorParameters: Set<String>
    /// True when the function was defined at the top level, so its free names are globals.
    let definedAtTopLevel: Bool
    /// Functions being inlined, outermost first (to stop self-reference).
    var inlining: [ObjectIdentifier] = []

    /// Nesting of inlined functions allowed before the definition counts as circular.
    static let maximumInlineDepth = 64

    /// The body: a bracket literal at the top becomes an array of formulas.
    func body(_ e: Expr) throws -> MathBody {
        if case .matrix(let rows, _) = e.kind, !rows.isEmpty {
            return .array(try rows.map { try $0.map { try convert($0) } })
        }
        return .scalar(try convert(e))
    }

    func convert(_ e: Expr) throws -> Formula {
        try DepthGuard.check()
        switch e.kind {
        case .number(let x):
            return .real(x)
        case .identifier(let name):
            return try resolveName(name, at: e.span)
        case .unary(let op, let a):
            switch op {
            case .negate: return Formula.neg(try convert(a))
            case .plus: return try convert(a)
            case .not: throw unsupported("a logical `not`", e, hint: CalculusMessages.comparisonHint)
            }
        case .binary(let op, let l, let r):
            return try binary(op, l, r, e)
        case .prime(let inner, let count):
            if isFunctionName(inner) {
                throw CalculusMessages.error("`\(text(inner))\(String(repeating: "'", count: count))` is a function; call it with an argument inside a formula, as in \(text(inner))'(x)", at: e.span)
            }
            let a = try convert(inner)
            return count % 2 == 1 ? Formula.apply("transpose", [a]) : a
        case .call(let callee, let args):
            return try call(callee, args, e)
        case .matrix:
            throw unsupported("a bracket literal inside a formula", e, hint: "a vector-valued function is written with the brackets around the whole formula: F(x, y) = [x*y, x + y]")
        case .index:
            throw unsupported("indexing (v[i])", e, hint: "write the formula with whole vectors (sum, mean, .*, X * w) instead of single elements")
        case .string: throw unsupported("a string", e)
        case .bool: throw unsupported("true or false", e)
        case .end, .all, .range: throw unsupported("a range or index", e)
        case .field: throw unsupported("a field access (r.x)", e, hint: "copy the field into a variable first: a = r.x")
        case .lambda: throw unsupported("a lambda", e)
        case .tuple: throw unsupported("several values", e)
        }
    }

    // MARK: Names

    private func resolveName(_ name: String, at span: SourceSpan) throws -> Formula {
        if parameters.contains(name) { return vectorParameters.contains(name) ? .vectorVariable(name) : .variable(name) }
        switch mode {
        case .display(let dataNames):
            if let c = FormulaConverter.namedConstant(name) { return c }
            return dataNames.contains(name) ? .data(name) : .variable(name)
        case .symbolic(let ip):
            guard let value = ip.globals[name] else {
                if let c = FormulaConverter.namedConstant(name) { return c }
                if name == "inf" { return .real(.infinity) }
                if name == "nan" { return .real(.nan) }
                if Builtins.value(named: name) != nil {
                    throw CalculusMessages.error("`\(name)` is a builtin function; call it with an argument inside a formula, as in \(name)(x)", at: span)
                }
                try requireTopLevel(name, at: span)
                var error = ip.unknownName(name, at: span)
                error.diagnostic.hints.append("inside \(functionName), only its parameters (\(parameters.sorted().joined(separator: ", "))) and workspace variables can be used")
                throw error
            }
            try requireTopLevel(name, at: span)
            switch value {
            case .number(let x): return .real(x)
            case .bool(let b): return .int(b ? 1 : 0)
            case .matrix(let m) where m.count == 1: return .real(m.data[0])
            case .matrix, .range: return .data(name)
            case .function:
                throw CalculusMessages.error("`\(name)` is a function; call it with an argument inside a formula, as in \(name)(x)", at: span)
            default:
                throw CalculusMessages.error("`\(name)` is a \(value.typeName); a formula can only use numbers, vectors and matrices", at: span)
            }
        }
    }

    static func namedConstant(_ name: String) -> Formula? {
        switch name {
        case "pi", "π": return .constant(.pi)
        case "e": return .constant(.e)
        default: return nil
        }
    }

    /// A function made inside a block function may read that function's locals, which have no
    /// names once compiled: refuse rather than pick up a workspace variable of the same name.
    private func requireTopLevel(_ name: String, at span: SourceSpan) throws {
        guard !definedAtTopLevel else { return }
        throw CalculusMessages.error("\(functionName) was defined inside a function and uses `\(name)`, which symbolic calculus cannot look up there", at: span,
                                     hint: "define \(functionName) at the top level of the script, or make `\(name)` a parameter")
    }

    private func isFunctionName(_ e: Expr) -> Bool {
        guard case .identifier(let n) = e.kind, !parameters.contains(n) else { return false }
        switch mode {
        case .display: return false
        case .symbolic(let ip):
            if let v = ip.globals[n] { if case .function = v { return true } else { return false } }
            if case .function? = Builtins.value(named: n) { return true }
            return false
        }
    }

    // MARK: Operators

    private func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ e: Expr) throws -> Formula {
        switch op {
        case .add, .subtract:
            // A chain a + b − c + … is one sum: adding terms one at a time would rebuild the
            // growing sum at every step (quadratic in its length).
            var terms: [Formula] = []
            try collectTerms(e, negated: false, into: &terms)
            return Formula.add(terms)
        case .multiply: return Formula.matmul(try convert(l), try convert(r))
        case .elementMultiply: return Formula.mul([try convert(l), try convert(r)])
        case .divide, .elementDivide: return Formula.div(try convert(l), try convert(r))
        case .power, .elementPower: return Formula.pow(try convert(l), try convert(r))
        case .dot: return Formula.apply("sum", [Formula.mul([try convert(l), try convert(r)])])
        case .leftDivide:
            throw unsupported("solving with `\\`", e, hint: "differentiate a formula that uses * and / instead")
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or:
            throw unsupported("a comparison (\(op.rawValue))", e, hint: CalculusMessages.comparisonHint)
        }
    }

    private func collectTerms(_ e: Expr, negated: Bool, into terms: inout [Formula]) throws {
        try DepthGuard.check()
        if case .binary(let op, let l, let r) = e.kind, op == .add || op == .subtract {
            try collectTerms(l, negated: negated, into: &terms)
            try collectTerms(r, negated: negated != (op == .subtract), into: &terms)
            return
        }
        let t = try convert(e)
        terms.append(negated ? Formula.neg(t) : t)
    }

    // MARK: Calls

    private func call(_ callee: Expr, _ args: [CallArgument], _ e: Expr) throws -> Formula {
        if let labelled = args.first(where: { $0.label != nil }) {
            throw CalculusMessages.error("keyword arguments (\(labelled.label ?? "")=…) cannot be used inside a formula that is differentiated", at: labelled.labelSpan ?? e.span,
                                         hint: "pass the value by position")
        }
        let operands = try args.map { try convert($0.value) }
        switch (callee.kind, mode) {
        case (.identifier(let n), .display):
            return Formula.apply(n, operands)
        case (.prime(let inner, let count), .display):
            return Formula.apply(text(inner) + String(repeating: "'", count: count), operands)
        case (.identifier(let n), .symbolic(let ip)):
            if parameters.contains(n) {
                throw CalculusMessages.error("`\(n)` is a parameter of \(functionName), not a function", at: callee.span)
            }
            if let value = ip.globals[n] {
                try requireTopLevel(n, at: callee.span)
                guard case .function(let g) = value else {
                    throw CalculusMessages.error("`\(n)` is a \(value.typeName), not a function", at: callee.span)
                }
                return try inline(g, operands, ip, e)
            }
            guard let builtin = Builtins.table[n] else {
                try requireTopLevel(n, at: callee.span)
                throw ip.unknownName(n, at: callee.span)
            }
            return try FormulaConverter.builtinCall(builtin.name, operands, in: functionName, at: e.span)
        case (.prime(let inner, let count), .symbolic(let ip)):
            guard case .identifier(let n) = inner.kind, !parameters.contains(n) else {
                throw unsupported("a derivative of this expression", e)
            }
            if ip.globals[n] != nil { try requireTopLevel(n, at: inner.span) }
            guard case .function(let g)? = ip.globals[n] ?? Builtins.value(named: n) else {
                throw CalculusMessages.error("`\(n)'` needs `\(n)` to be a function", at: inner.span)
            }
            try refuseCycle(through: g, at: e.span)
            let form = try SymbolicForms.form(of: g, ip, at: inner.span, inlining: inlining)
            let variable = try Differentiation.onlyVariable(form, for: "\(n)'", at: inner.span)
            let derivative = try Differentiation.derivative(of: form.scalarBody(for: "\(n)'", at: inner.span), variable, order: count, at: e.span)
            return try substitute(derivative, form, operands, e)
        default:
            throw unsupported("calling this kind of expression", e, hint: "only named functions can be called inside a formula")
        }
    }

    /// The body of another function with its parameters replaced by the arguments.
    private func inline(_ g: Function, _ operands: [Formula], _ ip: Interpreter, _ e: Expr) throws -> Formula {
        if let builtin = g as? BuiltinFunction {
            return try FormulaConverter.builtinCall(builtin.builtin.name, operands, in: functionName, at: e.span)
        }
        try refuseCycle(through: g, at: e.span)
        let form = try SymbolicForms.form(of: g, ip, at: e.span, inlining: inlining)
        let body = try form.scalarBody(for: "using it inside \(functionName)", at: e.span)
        return try substitute(body, form, operands, e)
    }

    /// A function already being converted (directly, through other functions or through its
    /// own derivative, as in f(x) = f'(x)) would be converted forever: refuse it.
    private func refuseCycle(through g: Function, at span: SourceSpan) throws {
        guard g is UserFunction else { return }
        if inlining.contains(ObjectIdentifier(g)) || inlining.count >= FormulaConverter.maximumInlineDepth {
            throw CalculusMessages.error("\(g.name) is defined in terms of itself, so it has no formula to differentiate", at: span,
                                         hint: "write the formula out, or use nderiv for a numeric derivative")
        }
    }

    private func substitute(_ body: Formula, _ form: SymbolicForm, _ operands: [Formula], _ e: Expr) throws -> Formula {
        guard operands.count == form.parameters.count else {
            throw CalculusMessages.error("\(form.name) takes \(form.parameters.count) argument\(form.parameters.count == 1 ? "" : "s") but is given \(operands.count) here", at: e.span,
                                         hint: "it is defined as \(form.name)(\(form.parameters.joined(separator: ", ")))")
        }
        let result = body.substituting(Dictionary(zip(form.parameters, operands), uniquingKeysWith: { a, _ in a }))
        // Nested calls of deep functions multiply their depths: stop before the result is used.
        try SymbolicForms.requireModerateDepth(.scalar(result), of: functionName, at: e.span)
        return result
    }

    /// A call of a builtin inside a formula: one with a derivative rule, or an error that
    /// names the builtin.
    static func builtinCall(_ name: String, _ operands: [Formula], in functionName: String, at span: SourceSpan) throws -> Formula {
        if let f = SymbolicFunctions.table[name] {
            if f.arity.contains(operands.count) { return Formula.apply(name, operands) }
            if (name == "min" || name == "max") && operands.count == 1 {
                throw CalculusMessages.error("\(name)(v) of the elements of a vector has no derivative rule; the elementwise \(name)(a, b) has one", at: span,
                                             hint: CalculusMessages.nderivHint)
            }
            let arity = f.arity.lowerBound == f.arity.upperBound ? "\(f.arity.lowerBound)" : "\(f.arity.lowerBound) or \(f.arity.upperBound)"
            throw CalculusMessages.error("`\(name)` takes \(arity) argument\(f.arity.upperBound == 1 ? "" : "s") inside a formula, not \(operands.count)", at: span)
        }
        throw CalculusMessages.noRule(name, in: functionName, at: span)
    }

    // MARK: Helpers

    private func unsupported(_ what: String, _ e: Expr, hint: String? = nil) -> MMLError {
        CalculusMessages.error("\(what) cannot be part of a formula that is differentiated or printed as math (in \(functionName))", at: e.span,
                               hint: hint ?? CalculusMessages.nderivHint)
    }

    private func text(_ e: Expr) -> String {
        if case .identifier(let n) = e.kind { return n }
        return "f"
    }
}
