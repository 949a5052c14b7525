// The error thrown when plot data cannot make a figure: a teaching message and an optional hint.

/// An error from building a figure (mismatched lengths, empty data, bad bins, …).
public struct PlotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// How to fix it, when that helps.
    public var hint: String?

    /// An error with an optional hint.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// The message, then the hint on its own line.
    public var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }
}

/// Throws unless `xs` and `ys` have the same length.
func checkSameLength(_ xs: [Double], _ ys: [Double], _ what: String) throws {
    guard xs.count == ys.count else {
        throw PlotError("\(what) needs as many x values as y values, but got \(xs.count) x and \(ys.count) y")
    }
}
