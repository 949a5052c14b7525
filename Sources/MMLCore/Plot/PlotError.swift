// The error thrown when plot data cannot make a figure: a teaching message and an optional hint.

/// An error from building a figure (mismatched lengths, empty data, bad bins, …).
public struct PlotError: EngineError, Equatable {
    public static let kind = DiagnosticKind.plot

    /// What went wrong.
    public var message: String
    /// How to fix it, when that helps.
    public var hint: String?

    /// An error with an optional hint.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// Plot messages do not say which builtin drew the figure, so the builtin's name comes first.
    public func shownMessage(callee: String?) -> String {
        callee.map { "\($0): \(message)" } ?? message
    }
}

/// Throws unless `xs` and `ys` have the same length.
func checkSameLength(_ xs: [Double], _ ys: [Double], _ what: String) throws {
    guard xs.count == ys.count else {
        throw PlotError("\(what) needs as many x values as y values, but got \(xs.count) x and \(ys.count) y")
    }
}
