// The REPL's `:commands`: help, vars, clear, load, save, time, format, quit.

extension REPLSession {
    /// A `:command` as listed by `:help`.
    struct Command {
        var name: String
        var usage: String
        var summary: String
    }

    static let commandList: [Command] = [
        Command(name: ":help", usage: ":help [NAME]", summary: "this overview, or the help of a function, command or area"),
        Command(name: ":vars", usage: ":vars", summary: "the workspace: each variable's kind, shape and value"),
        Command(name: ":clear", usage: ":clear [NAME]", summary: "forget every variable, or just NAME"),
        Command(name: ":load", usage: ":load FILE", summary: "run a script into the workspace"),
        Command(name: ":save", usage: ":save FILE", summary: "write this session's successful inputs as a script"),
        Command(name: ":time", usage: ":time EXPR", summary: "evaluate EXPR and show how long it took"),
        Command(name: ":format", usage: ":format short|long|rat", summary: "how many digits matrices show"),
        Command(name: ":quit", usage: ":quit or :q (or Ctrl-D)", summary: "leave MML"),
    ]

    /// Every command name, for completion and "did you mean".
    public static var commandNames: [String] { commandList.map(\.name) + [":q"] }

    /// Runs a line that starts with `:`.
    func runCommand(_ line: String) {
        let (name, argument) = Self.splitCommand(line)
        switch name {
        case ":help", ":h", ":?": showHelp(argument)
        case ":vars": showVariables()
        case ":clear": clear(argument)
        case ":load": load(argument)
        case ":save": save(argument)
        case ":time": time(argument)
        case ":format": format(argument)
        case ":quit", ":q", ":exit": quitRequested = true
        default:
            let near = Suggestions.nearest(to: name, in: Self.commandNames)
            commandError("unknown command `\(name)`", hint: near.map { "did you mean `\($0)`? (:help lists the commands)" } ?? ":help lists the commands")
        }
    }

    /// `:cmd rest of line` → (":cmd", "rest of line").
    static func splitCommand(_ line: String) -> (String, String) {
        guard let space = line.firstIndex(where: { $0.isWhitespace }) else { return (line, "") }
        return (String(line[..<space]), String(line[space...]).trimmingWhitespace())
    }

    /// A file argument without surrounding quotes.
    static func unquote(_ text: String) -> String {
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { return String(text.dropFirst().dropLast()) }
        return text
    }

    private func clear(_ argument: String) {
        let globals = interpreter.globals
        if argument.isEmpty {
            let count = globals.definedNames.count
            globals.clear()
            // The saved script replays the workspace; after :clear there is nothing to replay.
            transcript.removeAll()
            write("cleared \(count) variable\(count == 1 ? "" : "s")\n")
            return
        }
        for name in argument.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) {
            if globals[name] == nil {
                let near = Suggestions.nearest(to: name, in: globals.definedNames)
                commandError("there is no variable `\(name)`", hint: near.map { "did you mean `\($0)`?" } ?? ":vars lists the variables")
            } else {
                globals[name] = nil
            }
        }
    }

    private func load(_ argument: String) {
        let path = Self.unquote(argument)
        if path.isEmpty { return commandError(":load needs a file", hint: "for example :load Samples/vectors.mml") }
        // A piped session is a script: `:load` reads only what the script's policy allows.
        let text: String
        do {
            text = try FileAccess.readText(try interpreter.fileAccess.checkRead(path, at: .none))
        } catch {
            return fileCommandError(error)
        }
        let before = Set(interpreter.globals.definedNames)
        let values = interpreter.globals.snapshot()
        let result = evaluate(text, name: path, echo: false)
        let ok = report(result)
        if let summary = TextRenderer.summary(of: result.checks) { write(summary + "\n") }
        record(text, saved: "# from :load \(path)\n\(text.trimmingWhitespace())\n# end of \(path)", succeeded: ok, before: values)
        guard ok else { return }
        let new = interpreter.globals.definedNames.filter { !before.contains($0) }
        write("loaded \(path)" + (new.isEmpty ? "" : ": defines \(new.joined(separator: ", "))") + "\n")
    }

    /// A refused or failed file access of `:load` or `:save`, as a command error.
    private func fileCommandError(_ error: any Error) {
        switch error {
        case let error as MMLError: commandError(error.diagnostic.message, hint: error.diagnostic.hints.first)
        case let error as EngineError: commandError(error.message, hint: error.hint)
        default: commandError("\(error)")
        }
    }

    private func save(_ argument: String) {
        let path = Self.unquote(argument)
        if path.isEmpty { return commandError(":save needs a file name", hint: "for example :save session.mml") }
        do {
            try FileAccess.writeAtomically(transcript.script, to: try interpreter.fileAccess.checkWrite(path, at: .none))
        } catch {
            return fileCommandError(error)
        }
        let saved = transcript.savedCount, leftOut = transcript.leftOutCount
        write("saved \(saved) input\(saved == 1 ? "" : "s") to \(path)"
              + (leftOut == 0 ? "" : "; \(leftOut) left out as comments (they use values from an input that failed or was interrupted)") + "\n")
    }

    private func time(_ argument: String) {
        if argument.isEmpty { return commandError(":time needs an expression", hint: "for example :time inv(rand(200, 200))") }
        let clock = ContinuousClock()
        let before = interpreter.globals.snapshot()
        let start = clock.now
        let outcome = evaluate(argument, name: nextCommandSourceName(), echo: true)
        let elapsed = clock.now - start
        record(argument, succeeded: report(outcome), before: before)
        write("time: \(Self.describe(elapsed))\n")
    }

    private func nextCommandSourceName() -> String {
        entryCount += 1
        return configuration.interactive ? "<input \(entryCount)>" : "<stdin:\(lineCount)>"
    }

    /// A duration in the unit that reads best, to three significant digits: 850 µs, 12.3 ms, 2.41 s.
    static func describe(_ d: Duration) -> String {
        let (seconds, atto) = d.components
        let s = Double(seconds) + Double(atto) * 1e-18
        func digits(_ x: Double) -> String {
            let decimals = x >= 100 ? 0.0 : x >= 10 ? 1 : 2
            let scale = (0..<Int(decimals)).reduce(1.0) { r, _ in r * 10 }
            return formatScalar((x * scale).rounded() / scale, mode: .long)
        }
        if s < 1e-3 { return digits(s * 1e6) + " µs" }
        if s < 1 { return digits(s * 1e3) + " ms" }
        return digits(s) + " s"
    }

    private func format(_ argument: String) {
        if argument.isEmpty {
            return write("format is \(Self.styleName(interpreter.options.style)) (choose with :format short|long|rat)\n")
        }
        guard let style = FormatStyle(name: Self.unquote(argument)) else {
            return commandError("unknown format `\(argument)`", hint: "use :format short, :format long or :format rat")
        }
        interpreter.options.style = style
        transcript.recordSetting("format(\"\(Self.styleName(style))\")")
    }

    static func styleName(_ style: FormatStyle) -> String {
        style == .rational ? "rat" : style.rawValue
    }
}
