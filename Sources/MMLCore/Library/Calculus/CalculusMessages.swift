// The messages calculus builtins show a learner, in one place so the wording stays consistent.

enum CalculusMessages {
    static let kind = DiagnosticKind.calculus
    static let nderivHint = "nderiv(f, x) gives a numeric derivative of any function"
    static let comparisonHint = "for a switch at 0 write step(x) (1 where x > 0, else 0), or relu, abs, min, max"

    static func error(_ message: String, at span: SourceSpan, hint: String? = nil) -> MMLError {
        MMLError(kind: kind, message, at: span, hint: hint)
    }

    /// A builtin without a derivative rule, used inside a formula.
    static func noRule(_ name: String, in functionName: String, at span: SourceSpan) -> MMLError {
        error("`\(name)` has no derivative rule, so \(functionName) cannot be differentiated symbolically", at: span,
              hint: "use nderiv(f, x) for a numeric derivative, or write the formula with functions that have rules (see :help diff)")
    }
}
