// One workspace and the one way to run code in it. Every front end — the script runner, -e,
// piped input, the REPL, `mml test`, the fuzzers, the tests, and later notebooks and editors —
// hands source text to a Session and gets back what happened as data (RunResult); turning
// that into text, HTML or SVG is the front end's separate step.

/// How a session runs code and where it may reach.
public struct SessionConfiguration: Sendable {
    /// Which files programs may read and write.
    public var fileAccess: FileAccessPolicy
    /// A folder where every finished figure is also saved as figN.svg (--plots DIR).
    public var plotDirectory: String?
    /// The script's arguments, visible to programs as `args`.
    public var scriptArguments: [String]
    /// Width of the display in columns (matrices and terminal plots fit it).
    public var width: Int
    /// Colour terminal plots.
    public var plotColor: Bool
    /// Run each piece of code on a thread with a large stack, so deep recursion ends in an
    /// error rather than a crash. Off when the caller already runs on such a thread.
    public var runsOnLargeStack: Bool

    public init(fileAccess: FileAccessPolicy = .unrestricted, plotDirectory: String? = nil, scriptArguments: [String] = [],
                width: Int = 80, plotColor: Bool = false, runsOnLargeStack: Bool = true) {
        self.fileAccess = fileAccess
        self.plotDirectory = plotDirectory
        self.scriptArguments = scriptArguments
        self.width = width
        self.plotColor = plotColor
        self.runsOnLargeStack = runsOnLargeStack
    }
}

/// A workspace that runs pieces of source text and reports what each did.
public final class Session {
    public let interpreter: Interpreter
    public let configuration: SessionConfiguration
    /// Checks over the whole session.
    public private(set) var checks = CheckTally()

    public init(_ configuration: SessionConfiguration = SessionConfiguration()) {
        self.configuration = configuration
        interpreter = Interpreter()
        interpreter.fileAccess = configuration.fileAccess
        interpreter.options.width = configuration.width
        interpreter.plots.directory = configuration.plotDirectory
        interpreter.plots.color = configuration.plotColor
        if !configuration.scriptArguments.isEmpty { interpreter.scriptArguments = configuration.scriptArguments }
    }

    /// Every source text run so far, for rendering diagnostics.
    public var sources: SourceMap { interpreter.sources }

    /// Runs `text` (named `name` in diagnostics). With `echo`, values are shown as the REPL
    /// shows them; with `allowIncomplete`, text that stops inside a bracket is reported as
    /// `.incomplete` instead of a syntax error. Events go to `sink` as they happen when one
    /// is given (a script's output streams), otherwise into the result.
    public func run(_ text: String, name: String, echo: Bool = false, allowIncomplete: Bool = false,
                    sink: ((SessionEvent) -> Void)? = nil) -> RunResult {
        var events: [SessionEvent] = []
        var tally = CheckTally()
        let deliver: (SessionEvent) -> Void = sink ?? { events.append($0) }
        let ip = interpreter
        ip.emit = { event in
            if case .check(let outcome) = event { tally.count(outcome) }
            deliver(event)
        }
        defer { ip.emit = Interpreter.discard }
        let work = { ip.runProgram(text, name: name, echo: echo, allowIncomplete: allowIncomplete) }
        let ran = configuration.runsOnLargeStack ? withLargeStack(work) : work()
        checks.passed += tally.passed
        checks.failed += tally.failed
        return RunResult(stop: stopReason(ran), diagnostics: ran.diagnostics, events: events, checks: tally, lastValue: ran.lastValue,
                         unshownValue: ran.unshownValue)
    }

    /// Runs `text` and returns the value of its last statement (`.nothing` when that is not an
    /// expression); the first error is thrown. For tests and for embedding MML.
    public func evaluate(_ text: String) throws -> Value {
        try interpreter.evaluate(text)
    }

    private func stopReason(_ ran: ProgramRun) -> StopReason {
        switch ran.status {
        case .completed: return .completed
        case .incomplete: return .incomplete
        case .failed:
            if ran.diagnostics.first?.kind == .interrupt { return .stopped(Interrupt.cause ?? .interrupt) }
            return .failed
        }
    }
}
