// The one protocol of engine errors, and their one conversion to a diagnostic.

/// An error from an engine — code that knows matrices, formulas, distributions, tables or
/// figures but not source text (linear algebra, optimization, probability, symbolic, data,
/// plots, and the limits: memory, stop requests, stack depth). It carries the words for the
/// learner and the kind of diagnostic it becomes, never a span: the interpreter locates it
/// once, at the builtin call or operator that ran the engine (`Interpreter.locating`
/// and the general builtin path), so builtins do not catch and re-wrap it. A builtin whose
/// error is about one argument runs the engine in `Arguments.blaming(_:_:)`.
public protocol EngineError: Error, Sendable, CustomStringConvertible {
    /// The kind of every diagnostic of this engine.
    static var kind: DiagnosticKind { get }
    /// What went wrong, in words a learner understands.
    var message: String { get }
    /// How to fix it, when there is an obvious fix.
    var hint: String? { get }
    /// Extra lines shown after the source excerpt.
    var notes: [String] { get }
    /// The message as the diagnostic shows it when the builtin `callee` ran the engine (nil
    /// for an operator or when the caller is not known). Engines whose messages do not name
    /// the operation (plots) put the builtin's name first; the rest show `message`.
    func shownMessage(callee: String?) -> String
}

extension EngineError {
    public var notes: [String] { [] }

    public func shownMessage(callee: String?) -> String { message }

    /// The error as a diagnostic at `span`, the call (or argument) whose work failed.
    public func located(at span: SourceSpan, callee: String? = nil) -> MMLError {
        MMLError(kind: Self.kind, shownMessage(callee: callee), at: span, hint: hint, notes: notes)
    }

    /// The message, with the hint in parentheses (for logs and test failures).
    public var description: String { hint.map { "\(message) (hint: \($0))" } ?? message }
}
