// Applying scalar functions to every element of a number, vector or matrix.
import ComplexModule

enum Elementwise {
    /// Applies a real function to a numeric value, keeping its shape.
    static func map(_ name: String, _ value: Value, at span: SourceSpan, _ f: (Double) -> Double) throws -> Value {
        switch value {
        case .number(let x): return .number(f(x))
        case .bool(let b): return .number(f(b ? 1 : 0))
        case .matrix(let m): return .matrix(try m.mapped(f))
        case .range(let r): return .matrix(try Matrix.generated(count: r.count) { f(r.element($0)) })
        default:
            throw MMLError(kind: .type, "\(name) needs a number, vector or matrix, not a \(value.typeName)", at: span)
        }
    }

    /// The calculus of a one-argument elementwise builtin, whose scalar kernel is the builtin's own function.
    enum Calculus {
        /// f′(u) as a formula in u; how a call prints in LaTeX; a convention a learner should know.
        case derivative(notation: FormulaNotation = .call, note: String? = nil, rewrite: (@Sendable ([Formula]) -> Formula?)? = nil,
                        @Sendable (Formula) -> Formula)
        /// Constant between jumps (floor, sign): derivative 0 almost everywhere.
        case piecewiseConstant
        case notDifferentiable(String)

        func facet(_ f: @escaping @Sendable (Double) -> Double) -> FunctionCalculus {
            switch self {
            case .derivative(let notation, let note, let rewrite, let d):
                return FunctionCalculus(kernel: .unary(f), derivative: .derivative(d), note: note, notation: notation, rewrite: rewrite)
            case .piecewiseConstant: return .piecewiseConstant(f)
            case .notDifferentiable(let why): return .notDifferentiable(why, kernel: .unary(f))
            }
        }
    }

    /// A one-argument elementwise builtin, with an optional complex version and its calculus.
    static func builtin(
        _ name: String, area: BuiltinArea = .math, summary: String, help: String = "", examples: [BuiltinExample],
        complex: (@Sendable (Complex<Double>) -> Complex<Double>)? = nil, calculus: Calculus,
        _ f: @escaping @Sendable (Double) -> Double
    ) -> Builtin {
        .unary(name, area: area, summary: summary, help: help + (help.isEmpty ? "" : " ") + "Applies to every element of a vector or matrix.", examples: examples,
               calculus: calculus.facet(f)) { value, span in
            if case .complex(let z) = value {
                guard let complex else {
                    throw MMLError(kind: .type, "\(name) is not defined for complex numbers", at: span,
                                   hint: "take real(z), imag(z) or abs(z) first")
                }
                return .complex(complex(z))
            }
            return try map(name, value, at: span, f)
        }
    }

    /// Combines two numeric values elementwise with broadcasting (for binary builtins).
    static func combine(_ name: String, _ a: Value, _ b: Value, names: (String, String), at span: SourceSpan, _ f: (Double, Double) -> Double) throws -> Value {
        if case .number(let x) = a, case .number(let y) = b { return .number(f(x, y)) }
        guard let m = a.asMatrix else { throw MMLError(kind: .type, "\(name): `\(names.0)` must be a number, vector or matrix, not a \(a.typeName)", at: span) }
        guard let n = b.asMatrix else { throw MMLError(kind: .type, "\(name): `\(names.1)` must be a number, vector or matrix, not a \(b.typeName)", at: span) }
        guard let r = try Matrix.broadcast(m, n, f) else {
            throw MMLError(kind: .shape, "\(name): `\(names.0)` is \(m.shapeDescription) and `\(names.1)` is \(n.shapeDescription); they must have equal shapes, or one must be a scalar, row or column", at: span)
        }
        return .matrix(r)
    }

    /// Combines two numeric values elementwise with broadcasting.
    static func combine(_ name: String, _ a: Value, _ b: Value, _ args: Arguments, _ names: (String, String), _ f: (Double, Double) -> Double) throws -> Value {
        if case .number(let x) = a, case .number(let y) = b { return .number(f(x, y)) }
        guard let m = a.asMatrix else { throw args.typeError(names.0, expected: "a number, vector or matrix", got: a) }
        guard let n = b.asMatrix else { throw args.typeError(names.1, expected: "a number, vector or matrix", got: b) }
        guard let r = try Matrix.broadcast(m, n, f) else {
            throw args.error("\(name): `\(names.0)` is \(m.shapeDescription) and `\(names.1)` is \(n.shapeDescription); they must have equal shapes, or one must be a scalar, row or column")
        }
        return .matrix(r)
    }
}
