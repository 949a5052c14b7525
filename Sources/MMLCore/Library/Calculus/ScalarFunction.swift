// A function value as a Swift function of one number, for the numeric calculus builtins: a math
// function of one number runs as a compiled formula; anything else goes through the interpreter.

enum ScalarFunction {
    /// `f` as `(Double) throws -> Double`, checking that each value is a single number.
    static func make(_ f: Function, name: String, ip: Interpreter, at span: SourceSpan) throws -> (Double) throws -> Double {
        if let user = f as? UserFunction {
            guard user.parameters.count >= 1 else {
                throw CalculusMessages.error("\(name) needs a function of one number, but \(SymbolicForms.label(user)) takes no arguments", at: span)
            }
            let required = user.parameters.filter { $0.defaultValue == nil }.count
            if required > 1 {
                throw CalculusMessages.error("\(name) needs a function of one number, but \(SymbolicForms.label(user)) takes \(required): \(user.parameterList)", at: span,
                                             hint: "fix the others with a lambda, e.g. t -> \(user.name)(t, 2)")
            }
            if let compiled = compiledFormula(user, ip: ip, at: span) { return compiled }
        }
        return { x in
            let v = try ip.call(f, [.number(x)], at: span)
            switch v {
            case .number(let y): return y
            case .bool(let b): return b ? 1 : 0
            case .matrix(let m) where m.count == 1: return m.data[0]
            default:
                throw CalculusMessages.error("\(name) needs a function whose value is one number, but \(f.name)(\(formatNumber(x, style: .long))) is a \(v.typeName)", at: span)
            }
        }
    }

    /// The compiled formula of a math function of one number without data, when it has one.
    private static func compiledFormula(_ f: UserFunction, ip: Interpreter, at span: SourceSpan) -> ((Double) throws -> Double)? {
        guard f.parameters.count == 1, let form = try? SymbolicForms.form(of: f, ip, at: span),
              form.vectorParameters.isEmpty, case .scalar(let body) = form.body, body.dataNames.isEmpty, !body.isNonScalar,
              let compiled = try? body.compiled(variables: form.parameters) else { return nil }
        return { x in try compiled.evaluate([x]) }
    }

    /// The name of a function's first parameter (`x` for builtins).
    static func parameterName(_ f: Function) -> String {
        if let u = f as? UserFunction, let p = u.parameters.first { return p.name }
        if let b = f as? BuiltinFunction, let p = b.builtin.parameters.first { return p.name }
        return "x"
    }
}
