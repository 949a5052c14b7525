// A session's events as the text a terminal shows: program output, shown values and figures
// on standard output; warnings on standard error. The REPL, the script runner, -e, piped
// input and the tests all render through this one place.

/// Renders session events and results as terminal text.
public struct TextRenderer {
    public var diagnostics: DiagnosticRenderer

    public init(sources: SourceMap, color: Bool = false) {
        diagnostics = DiagnosticRenderer(sources: sources, color: color)
    }

    /// Where a piece of rendered text belongs.
    public enum Stream { case standardOutput, standardError }

    /// The text of one event and the stream it goes to.
    public func render(_ event: SessionEvent) -> (text: String, stream: Stream) {
        switch event {
        case .output(let text): return (text, .standardOutput)
        case .value(let shown): return (Self.text(of: shown) + "\n", .standardOutput)
        case .figure(let shown):
            // A blank line after the figure keeps what follows from touching its legend.
            return (shown.figure.renderTerminal(shown.terminal) + "\n\n", .standardOutput)
        case .warning(let d): return (diagnostics.render(d), .standardError)
        case .check(let outcome): return (Self.line(of: outcome) + "\n", .standardOutput)
        }
    }

    /// Renders each event with `write` for standard output and `writeError` for standard error.
    public func render(_ events: [SessionEvent], write: (String) -> Void, writeError: (String) -> Void) {
        for event in events { emit(event, write: write, writeError: writeError) }
    }

    /// Renders one event with `write` or `writeError`.
    public func emit(_ event: SessionEvent, write: (String) -> Void, writeError: (String) -> Void) {
        let (text, stream) = render(event)
        if stream == .standardOutput { write(text) } else { writeError(text) }
    }

    /// A shown value: `value`, or `name = value` after an assignment.
    public static func text(of shown: ShownValue) -> String {
        let printer = ValuePrinter(options: shown.options)
        return shown.name.map { printer.assignment($0, shown.value) } ?? printer.text(shown.value)
    }

    /// `✓ label`, or `✗ label: what differs`.
    /// A problem that starts on a new line (expected and got as blocks) follows the label directly.
    public static func line(of outcome: CheckOutcome) -> String {
        line(label: outcome.label, passed: outcome.passed, problem: outcome.problem)
    }

    /// The same line from its parts (as `mml test` receives them from a child).
    public static func line(label: String, passed: Bool, problem: String?) -> String {
        if passed { return "✓ \(label)" }
        guard let problem else { return "✗ \(label): failed" }
        return problem.hasPrefix("\n") ? "✗ \(label)\(problem)" : "✗ \(label): \(problem)"
    }

    /// The line a script that ran checks ends with: `N passed, M failed`.
    public static func summary(of checks: CheckTally) -> String? {
        checks.total > 0 ? "\(checks.passed) passed, \(checks.failed) failed" : nil
    }
}
