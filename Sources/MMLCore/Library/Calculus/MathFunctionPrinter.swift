// How a math function prints: its formula in math notation, `f(x) = x²·sin(x)`.

/// Printing math functions as formulas (Unicode by default; ASCII MML input or LaTeX on request).
public enum MathFunctionPrinter {
    /// `f(x) = x²·sin(x)`, or nil when the formula has parts the printer does not understand
    /// (the caller then shows the source text as written).
    public static func display(_ f: UserFunction, style: FormulaStyle = .unicode) -> String? {
        guard let text = formula(f, style: style) else { return nil }
        return "\(f.name)(\(f.parameterList)) = \(text)"
    }

    /// Only the right-hand side: `x²·sin(x)`.
    public static func formula(_ f: UserFunction, style: FormulaStyle) -> String? {
        SymbolicForms.displayForm(of: f)?.body.formatted(style)
    }

    /// The style named by `formula(f, "ascii")`.
    static func style(named name: String) -> FormulaStyle? {
        switch name.lowercased() {
        case "unicode", "math": return .unicode
        case "ascii", "mml", "text": return .ascii
        case "latex", "tex": return .latex
        default: return nil
        }
    }
}
