// The error every optimization, regression and data-generation routine throws: a teaching
// message and, where one helps, a hint (the builtins turn it into a diagnostic at the call).

/// A failure of an optimizer or fitting routine, worded for a learner.
public struct OptimizationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message) (hint: \($0))" } ?? message }
}
