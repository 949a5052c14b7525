// The error every optimization, regression and data-generation routine throws: a teaching
// message and, where one helps, a hint (the interpreter turns it into a diagnostic at the call).

/// A failure of an optimizer or fitting routine, worded for a learner.
public struct OptimizationError: EngineError, Equatable {
    public static let kind = DiagnosticKind.optimization

    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
