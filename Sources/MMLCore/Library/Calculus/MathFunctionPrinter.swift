// How a math function prints: its formula in math notation, `f(x) = x²·sin(x)`.

/// Printing math functions as formulas (Unicode by default; ASCII MML input or LaTeX on request).
public enum MathFunctionPrinter {
    /// `f(x) = x²·sin(x)`, or nil when the formula has parts the printer does not understand
    /// (the caller then shows the source text as written).
    public static func display(_ f: UserFunction, style: FormulaStyle = .unicode) -> String? {
        guard let form = readableForm(f) else { return nil }
        return "\(f.name)(\(f.parameterList)) = \(form.body.formatted(style))"
    }

    /// `f(x) = x^{2} \cdot \sin\left(x\right)` (a lambda as `x \mapsto …`), or nil when the
    /// function prints as its source text rather than as a formula.
    public static func latexDefinition(_ f: UserFunction) -> String? {
        guard f.form != .block, let form = readableForm(f) else { return nil }
        let parameters = f.parameters.map { LaTeXRenderer.name($0.name) }.joined(separator: ", ")
        let body = form.body.formatted(.latex)
        switch f.form {
        case .lambda: return (f.parameters.count == 1 ? parameters : "\\left(\(parameters)\\right)") + " \\mapsto " + body
        default: return "\(LaTeXRenderer.functionName(f.name))\\left(\(parameters)\\right) = \(body)"
        }
    }

    /// The function's formula when printing it keeps the learner's numbers as written:
    /// canonical forms can turn `/ 2e-5` into `49999.99999999999·…`. Small new constants
    /// (2·x from x + x) are the point of simplifying; long ones are not.
    private static func readableForm(_ f: UserFunction) -> SymbolicForm? {
        guard let form = SymbolicForms.displayForm(of: f) else { return nil }
        let written = numbers(in: f.sourceText)
        let unreadable = numbers(in: form.body.formatted(.unicode)).contains { !written.contains($0) && ($0.count > 6 || $0.contains("e")) }
        return unreadable ? nil : form
    }

    /// The numeric literals in a text, as written (`2`, `0.5`, `1e-5`); digits inside names
    /// (x₁, w2) are not numbers.
    static func numbers(in text: String) -> Set<String> {
        var found = Set<String>()
        var current = ""
        var previous: Character = " "
        for c in text {
            let startsNumber = current.isEmpty && c.isASCII && c.isNumber && !(previous.isLetter || previous == "_")
            if startsNumber || (!current.isEmpty && (c.isNumber || c == "." || c == "e" || ((c == "-" || c == "+") && current.last == "e"))) {
                current.append(c)
            } else if !current.isEmpty {
                found.insert(current)
                current = ""
            }
            previous = c
        }
        if !current.isEmpty { found.insert(current) }
        return found
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
