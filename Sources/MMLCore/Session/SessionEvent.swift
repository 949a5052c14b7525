// What running code produces, as data. Front ends turn these into terminal text, notebook
// HTML/LaTeX/SVG or editor messages; nothing here decides how anything looks.

/// Something a run produced, in the order it happened.
public enum SessionEvent {
    /// Text the program printed: print, show, optimizer traces, derivation steps.
    case output(String)
    /// A value shown as the REPL shows it: an expression's value, or `name = value` after
    /// an assignment (only when the run echoes).
    case value(ShownValue)
    /// A figure the program finished drawing (plot, scatter, hist, …).
    case figure(ShownFigure)
    /// A warning; the program goes on.
    case warning(Diagnostic)
    /// The outcome of one `check`.
    case check(CheckOutcome)
}

/// A value to show, with what is needed to show it the way the program asked.
public struct ShownValue {
    public var value: Value
    /// The variable that was assigned, for `name = value`; nil for an expression's value.
    public var name: String?
    /// The display settings when it was shown (`format("long")` may change them mid-run).
    public var options: DisplayOptions
    /// True for the value of the run's last statement, when that is an expression: a notebook
    /// shows it as the cell's result, and the values before it as displays.
    public var isResult = false
}

/// A finished figure and the size it takes in a terminal.
public struct ShownFigure {
    public var figure: Figure
    public var terminal: TerminalPlotOptions
}

/// One `check(label, actual, expected)`.
public struct CheckOutcome {
    public var label: String
    public var passed: Bool
    /// What differs, for a failed check ("expected 2, got 1").
    public var problem: String?
    public var actual: Value
    public var expected: Value
    /// What the check is worth when a class is graded (`points=`).
    public var points: Double = 1
    /// Left out of a learner's feedback when a class is graded (`hidden=true`).
    public var hidden = false
    /// Graded against a submission that never defined an answer the check uses.
    public var notAnswered = false
}

/// How many checks passed and failed.
public struct CheckTally: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var total: Int { passed + failed }

    public init(passed: Int = 0, failed: Int = 0) {
        self.passed = passed
        self.failed = failed
    }

    mutating func count(_ outcome: CheckOutcome) {
        if outcome.passed { passed += 1 } else { failed += 1 }
    }
}

/// Why a run ended.
public enum StopReason: Equatable, Sendable {
    /// Every statement ran.
    case completed
    /// An error stopped it (the run's diagnostics say which).
    case failed
    /// The text ended inside a bracket, a string or after an operator (the REPL asks for more).
    case incomplete
    /// Someone stopped it: Ctrl-C, SIGTERM, a timeout, a notebook's interrupt.
    case stopped(StopCause)
}

/// What one run of source text did.
public struct RunResult {
    public var stop: StopReason
    /// The errors that stopped the run (a syntax error per broken statement, or the one
    /// runtime error). A stopped run has the "interrupted" diagnostic, naming where it was.
    public var diagnostics: [Diagnostic]
    /// Everything the run produced, in order — unless the caller passed a sink, which then
    /// received each event as it happened and this stays empty.
    public var events: [SessionEvent]
    /// The checks of this run.
    public var checks: CheckTally
    /// The value of the last statement when it was an expression, else `.nothing`.
    public var lastValue: Value
    /// In a run without echo (a script), the first top-level expression whose value was not
    /// shown (no trailing `;`): a script that printed nothing can tell the learner why.
    public var unshownValue: SourceSpan?

    /// True when every statement ran.
    public var succeeded: Bool { stop == .completed }
}
