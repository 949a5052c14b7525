// The error thrown by the data-table engine: a teaching message, an optional hint, and where in a file it happened.

/// An error from reading, writing or querying a table. `file`, `line` and `column` (1-based)
/// are set when the problem is at a place in a CSV file.
public struct DataError: EngineError, Equatable {
    public static let kind = DiagnosticKind.data

    /// What went wrong, in a sentence a learner can act on.
    public var message: String
    /// A suggestion for fixing it, when there is one.
    public var hint: String?
    /// The file being read or written, if any.
    public var file: String?
    /// 1-based line in `file`.
    public var line: Int?
    /// 1-based column (in characters) in that line.
    public var column: Int?

    /// Makes an error with an optional hint and file position.
    public init(_ message: String, hint: String? = nil, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.hint = hint
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column: message` (the parts that are known), then the hint.
    public var description: String {
        var place = ""
        if let file { place += file }
        if let line { place += (place.isEmpty ? "line \(line)" : ":\(line)") }
        if let column { place += ":\(column)" }
        var text = place.isEmpty ? message : "\(place): \(message)"
        if let hint { text += "\nhint: \(hint)" }
        return text
    }

    /// `file:line:column: message` when the line is known (the messages already name the
    /// file otherwise).
    public func shownMessage(callee: String?) -> String {
        guard let line else { return message }
        var place = file.map { "\($0):\(line)" } ?? "line \(line)"
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}
