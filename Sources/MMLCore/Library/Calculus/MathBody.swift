// A math function seen as formulas: its parameters (scalar or vector) and its body, one formula
// or a matrix of them for vector-valued functions such as F(x, y) = [x*y, x + y].

/// The body of a math function as symbolic formulas.
enum MathBody: Hashable {
    /// A function whose value is one formula (a number, or a vector over data).
    case scalar(Formula)
    /// A function written as a bracket literal: rows of formulas (`[a, b]` is one row,
    /// `[a; b]` two rows of one).
    case array([[Formula]])

    /// Every formula of the body, row by row.
    var formulas: [Formula] {
        switch self {
        case .scalar(let f): return [f]
        case .array(let rows): return rows.flatMap { $0 }
        }
    }

    /// The same shape with each formula transformed.
    func map(_ transform: (Formula) throws -> Formula) rethrows -> MathBody {
        switch self {
        case .scalar(let f): return .scalar(try transform(f))
        case .array(let rows): return .array(try rows.map { try $0.map(transform) })
        }
    }

    /// The body in one notation: `x²·y` or `[x·y, x + y]`.
    func formatted(_ style: FormulaStyle) -> String {
        switch self {
        case .scalar(let f): return f.formatted(style)
        case .array(let rows):
            let text = rows.map { $0.map { $0.formatted(style) }.joined(separator: ", ") }.joined(separator: "; ")
            return style == .latex ? MathBody.latexMatrix(rows) : "[\(text)]"
        }
    }

    private static func latexMatrix(_ rows: [[Formula]]) -> String {
        let body = rows.map { $0.map { $0.formatted(.latex) }.joined(separator: " & ") }.joined(separator: " \\\\ ")
        return "\\begin{bmatrix} \(body) \\end{bmatrix}"
    }
}

/// A function value seen symbolically: what differentiation, printing and the calculus
/// builtins work on.
struct SymbolicForm {
    /// The function's name as it prints (`f`, `f'`, `∇g`).
    var name: String
    var parameters: [String]
    /// Parameters that stand for vectors (see `VectorParameters`).
    var vectorParameters: Set<String>
    var body: MathBody

    /// The parameters that are numbers.
    var scalarParameters: [String] { parameters.filter { !vectorParameters.contains($0) } }

    /// The single formula of a function whose value is not a bracket literal.
    func scalarBody(for purpose: String, at span: SourceSpan) throws -> Formula {
        guard case .scalar(let f) = body else {
            throw MMLError(kind: .calculus, "\(name) is vector-valued, so \(purpose) needs a function with a single formula", at: span,
                           hint: "jacobian(\(name)) differentiates every component")
        }
        return f
    }
}
