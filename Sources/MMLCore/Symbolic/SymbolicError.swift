// Errors the symbolic engine reports, with a message for a learner and a hint where one helps.

/// A failure in symbolic work: a function without a derivative rule, an unknown variable at
/// evaluation, an unsupported operation. The core turns it into a diagnostic with a caret.
public struct SymbolicError: EngineError, Equatable {
    public static let kind = DiagnosticKind.calculus
    public let message: String
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    static func noDerivativeRule(_ name: String) -> SymbolicError {
        SymbolicError("`\(name)` has no derivative rule, so a formula using it cannot be differentiated symbolically",
                      hint: "use nderiv(f, x) for a numeric derivative, or write the formula with differentiable functions")
    }

    static func wrongArity(_ name: String, _ count: Int, _ arity: ClosedRange<Int>) -> SymbolicError {
        let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) or \(arity.upperBound)"
        return SymbolicError("`\(name)` takes \(expected) argument\(arity.upperBound == 1 ? "" : "s"), not \(count)")
    }
}
