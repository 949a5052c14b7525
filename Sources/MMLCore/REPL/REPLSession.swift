// The REPL loop: reads entries through a LineReader, runs them in one workspace, echoes
// results, reports errors without leaving, and dispatches `:commands`.

/// How a session presents itself.
public struct REPLConfiguration: Sendable {
    /// A terminal session: banner and prompts. A piped session shows neither, and its exit
    /// status says whether any statement failed.
    public var interactive: Bool
    /// Colour diagnostics and hints (the reader colours its own prompt).
    public var color: Bool
    /// Shown in the banner.
    public var version: String

    public init(interactive: Bool = true, color: Bool = false, version: String = "") {
        self.interactive = interactive
        self.color = color
        self.version = version
    }
}

/// One REPL session: a workspace, its input, and what it has run so far.
public final class REPLSession {
    /// The primary prompt and the one shown while an entry is incomplete.
    public static let prompt = "mml> "
    public static let continuationPrompt = "...> "

    /// The workspace every entry runs in.
    public let session: Session
    public var interpreter: Interpreter { session.interpreter }
    public let reader: LineReader
    public var configuration: REPLConfiguration
    /// Where results and program output go (standard output).
    public var write: (String) -> Void
    /// Where diagnostics go (standard error).
    public var writeError: (String) -> Void
    /// The terminal's width in columns, asked each time help is laid out (the window may have
    /// been resized); the front end passes it, 80 when the output is not a terminal.
    public var terminalWidth: () -> Int = { 80 }
    /// How many entries or commands failed (piped mode exits 1 when this is not zero).
    public internal(set) var failures = 0
    /// The inputs that ran without error, in order: what `:save` writes.
    var transcript = SessionTranscript()
    /// In piped mode, what stopped the session (a stop ends piped input as it ends a script).
    public private(set) var stopCause: StopCause?
    /// Lines of an entry that is still incomplete.
    public private(set) var pending: [String] = []

    var entryCount = 0
    var lineCount = 0
    var pendingStartLine = 0
    var quitRequested = false

    public init(
        session: Session = Session(), reader: LineReader, configuration: REPLConfiguration = REPLConfiguration(),
        write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
        self.session = session
        self.reader = reader
        self.configuration = configuration
        self.write = write
        self.writeError = writeError
    }

    var renderer: TextRenderer { TextRenderer(sources: session.sources, color: configuration.color) }

    /// The one-line greeting of an interactive session.
    public var banner: String {
        "MML \(configuration.version) — type :help for a tour, :help NAME for a function, :quit or Ctrl-D to leave."
    }

    /// The prompt for the next line.
    public var currentPrompt: String {
        guard configuration.interactive else { return "" }
        return pending.isEmpty ? Self.prompt : Self.continuationPrompt
    }

    /// Runs until end of input or `:quit`; returns the exit status (1 in piped mode when
    /// anything failed, else 0).
    public func run() -> Int32 {
        if configuration.interactive { write(banner + "\n") }
        while !quitRequested {
            if !feed(reader.readLine(prompt: currentPrompt)) { break }
        }
        return !configuration.interactive && failures > 0 ? 1 : 0
    }

    /// Handles one read result; returns false when the session should end.
    @discardableResult
    public func feed(_ input: LineInput) -> Bool {
        switch input {
        case .endOfInput:
            // A piped script that stops inside a bracket is a syntax error worth reporting.
            if !pending.isEmpty && !configuration.interactive { finishPending(force: true) }
            pending = []
            if configuration.interactive { write("\n") }
            return false
        case .interrupted:
            pending = []
            Interrupt.clear()
            return true
        case .line(let line):
            lineCount += 1
            handle(line)
            return !quitRequested
        }
    }

    private func handle(_ line: String) {
        if pending.isEmpty {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { return }
            if trimmed.hasPrefix(":") {
                reader.addHistory(trimmed)
                runCommand(trimmed)
                return
            }
            pendingStartLine = lineCount
        }
        // Two blank lines in a row end an entry that is stuck open, so its error shows.
        let force = !pending.isEmpty && line.trimmingWhitespace().isEmpty && pending.last!.trimmingWhitespace().isEmpty
        pending.append(line)
        finishPending(force: force)
    }

    /// Runs the pending lines as one entry unless they are still incomplete.
    private func finishPending(force: Bool) {
        var lines = pending
        while let last = lines.last, last.trimmingWhitespace().isEmpty { lines.removeLast() }
        let text = lines.joined(separator: "\n")
        let before = interpreter.globals.snapshot()
        let outcome = evaluate(text, name: nextSourceName(), echo: true, allowIncomplete: !force)
        if outcome.stop == .incomplete { return }
        pending = []
        reader.addHistory(text)
        record(text, succeeded: report(outcome), before: before)
    }

    /// Tells the transcript what an input did, for `:save`.
    func record(_ text: String, saved: String? = nil, succeeded: Bool, before: [Value?]) {
        transcript.record(text, saved: saved, succeeded: succeeded, changed: interpreter.globals.namesChanged(since: before))
    }

    private func nextSourceName() -> String {
        if configuration.interactive {
            entryCount += 1
            return "<input \(entryCount)>"
        }
        return "<stdin:\(pendingStartLine)>"
    }

    /// Runs text in the workspace; what it prints appears as it happens. Interactively, a
    /// Ctrl-C from before is forgotten first; piped input is a script, which a stop ends.
    func evaluate(_ text: String, name: String, echo: Bool, allowIncomplete: Bool = false) -> RunResult {
        if configuration.interactive {
            Interrupt.clear()
            interpreter.stop.clear()
        }
        let renderer = self.renderer
        let result = session.run(text, name: name, echo: echo, allowIncomplete: allowIncomplete) { [write, writeError] event in
            renderer.emit(event, write: write, writeError: writeError)
        }
        if configuration.interactive {
            Interrupt.clear()
        } else if case .stopped(let cause) = result.stop {
            stopCause = cause
            quitRequested = true
        }
        return result
    }

    /// Prints the diagnostics of a failed run; true when it succeeded.
    @discardableResult
    func report(_ result: RunResult) -> Bool {
        switch result.stop {
        case .completed: return true
        case .incomplete:
            failures += 1
            writeError(paint("error", "1;31") + paint(": the input is incomplete", "1") + "\n")
            return false
        case .failed, .stopped:
            failures += 1
            if case .stopped = result.stop {
                // Piped input: the front end reports the stop as a script's runner does.
                guard configuration.interactive else { return false }
                // The terminal echoed ^C where the cursor was; the message starts on a new line.
                write("\n")
            }
            for d in result.diagnostics { writeError(renderer.diagnostics.render(d)) }
            return false
        }
    }

    /// Reports a problem with a command, in the renderer's style.
    func commandError(_ message: String, hint: String? = nil) {
        failures += 1
        var text = paint("error", "1;31") + paint(": " + message, "1") + "\n"
        if let hint { text += paint("hint", "1;32") + ": " + hint + "\n" }
        writeError(text)
    }

    func paint(_ text: String, _ code: String) -> String {
        configuration.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Completions for the text before the cursor (see `Completer`).
    public func complete(_ beforeCursor: String) -> CompletionResult {
        Completer(
            builtinNames: Builtins.allNames, variableNames: interpreter.globals.definedNames,
            commands: Self.commandNames, lookup: { [interpreter] in interpreter.globals[$0] }
        ).complete(beforeCursor)
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines (no Foundation).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
