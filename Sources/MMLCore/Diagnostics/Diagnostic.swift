// The one shape every MML error, warning and note takes before it is rendered.

/// How serious a diagnostic is.
public enum Severity: String, Sendable {
    case error, warning, note
}

/// What kind of problem a diagnostic reports; shown after the severity (`error: …` keeps it
/// for tools: an editor's diagnostic code, a notebook's error name).
public enum DiagnosticKind: String, Sendable, Equatable, CaseIterable {
    case syntax, name, type, shape, index, call, argument, range, assertion
    case file, permission, memory, interrupt, recursion
    case linearAlgebra = "linear algebra"
    case calculus, optimization, probability, data, plot
    case numericDerivative = "numeric derivative"
    case warning, `internal`, error
}

/// A message about a span of source text, with hints and notes, ready for the renderer.
public struct Diagnostic: Sendable, Equatable {
    public var severity: Severity
    /// What kind of problem it is: syntax, name, shape, …
    public var kind: DiagnosticKind
    public var message: String
    public var span: SourceSpan
    /// Extra lines shown after the source excerpt (`note: …`).
    public var notes: [String]
    /// Suggestions (`hint: …`).
    public var hints: [String]
    /// For runtime errors inside user functions: each call from the innermost outwards.
    public var backtrace: [Frame]

    /// One call in a backtrace.
    public struct Frame: Sendable, Equatable {
        public var function: String
        public var callSite: SourceSpan
        /// How many times this same call repeated (deep recursion is summarised, not listed).
        public var repeats: Int
        public init(function: String, callSite: SourceSpan, repeats: Int = 1) {
            self.function = function
            self.callSite = callSite
            self.repeats = repeats
        }
    }

    public init(
        _ severity: Severity = .error, kind: DiagnosticKind, message: String, span: SourceSpan,
        notes: [String] = [], hints: [String] = [], backtrace: [Frame] = []
    ) {
        self.severity = severity
        self.kind = kind
        self.message = message
        self.span = span
        self.notes = notes
        self.hints = hints
        self.backtrace = backtrace
    }
}

/// Every error family of MML conforms, so the front ends need only one way to report.
public protocol DiagnosticConvertible: Error {
    var diagnostic: Diagnostic { get }
}

/// The error thrown by evaluation: a diagnostic plus the call chain it unwound through.
public struct MMLError: DiagnosticConvertible, Sendable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    public init(kind: DiagnosticKind = .error, _ message: String, at span: SourceSpan, hint: String? = nil, notes: [String] = []) {
        self.diagnostic = Diagnostic(.error, kind: kind, message: message, span: span, notes: notes, hints: hint.map { [$0] } ?? [])
    }
}
