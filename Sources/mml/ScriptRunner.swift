// Runs a script file, `-e` text or standard input through a Session, streaming what it
// prints, and decides the exit status.
import MMLCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct ScriptRunner {
    var color: Bool
    var configuration: SessionConfiguration
    /// A descriptor that the `mml test` running this script passed, to report checks on.
    var reportDescriptor: Int32? = nil

    /// Runs `text` as a script (or, with `echo`, showing values as the REPL does); returns
    /// the process exit status.
    func run(text: String, name: String, echo: Bool = false) -> Int32 {
        let session = Session(configuration)
        let renderer = TextRenderer(sources: session.sources, color: color)
        let report = reportDescriptor
        var showedSomething = false
        let result = session.run(text, name: name, echo: echo) { event in
            renderer.emit(event, write: Terminal.writeOut, writeError: Terminal.writeError)
            if case .check(let outcome) = event, let report { Terminal.write(CheckReport.line(for: outcome), to: report) }
            if case .warning = event {} else { showedSomething = true }
        }
        ScriptStop.markFinishing()
        if case .stopped(let cause) = result.stop {
            let location = result.diagnostics.first.map { describeLine($0.span, in: session.sources) } ?? "the script"
            Terminal.writeError(ScriptStop.message(for: cause, location: location) + "\n")
            return ScriptStop.status(for: cause)
        }
        for d in result.diagnostics { Terminal.writeError(renderer.diagnostics.render(d)) }
        if result.succeeded, !showedSomething, let span = result.unshownValue {
            Terminal.writeError(renderer.diagnostics.render(Self.unshownNote(span, in: session.sources)))
        }
        var status: Int32 = result.succeeded ? 0 : 1
        if let summary = TextRenderer.summary(of: session.checks) {
            Terminal.writeOut(summary + "\n")
            if session.checks.failed > 0 { status = 1 }
        }
        if let report { Terminal.write(CheckReport.endLine(session.checks), to: report) }
        return status
    }
}

extension ScriptRunner {
    /// Why a script that printed nothing showed nothing: its values are shown only at the
    /// REPL (a learner who pastes REPL lines from the guide into a file meets this first).
    static func unshownNote(_ span: SourceSpan, in sources: SourceMap) -> Diagnostic {
        let code = sources[span.source]?.text(of: span) ?? "x"
        let shown = code.count <= 40 && !code.contains("\n") ? code : "…"
        return Diagnostic(.note, kind: .warning, message: "a script shows only what it prints, so this value was not shown", span: span,
                          hints: ["write show(\(shown)) or print(\(shown)); at the REPL (mml) every value is shown"])
    }
}

/// `file.mml:12: while x > 0 {`, naming the line a stopped script was running.
func describeLine(_ span: SourceSpan, in sources: SourceMap) -> String {
    guard let source = sources[span.source] else { return "the script" }
    let (line, _) = source.location(of: span.start)
    var text = source.lineText(line - 1)
    while text.first == " " || text.first == "\t" { text.removeFirst() }
    return "\(source.name):\(line): \(text)"
}
