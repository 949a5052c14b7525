// Runs a script file, `-e` text or standard input, and decides the exit status.
import MMLCore

struct ScriptRunner {
    var color: Bool
    /// Seconds after which the script is stopped (exit status 124), if set.
    var timeout: Double? = nil
    /// A folder where every figure is also saved as figN.svg (--plots DIR).
    var plotDirectory: String? = nil
    /// Which files the script may touch (see Docs/running-scripts.md).
    var fileAccess = FileAccessPolicy.unrestricted

    /// Runs text as a script; returns the process exit status.
    func run(text: String, name: String, arguments: [String]) -> Int32 {
        ScriptStop.installSignalHandlers()
        if let timeout { ScriptStop.startTimer(seconds: timeout) }
        return withLargeStack {
            let ip = Interpreter()
            ip.output = Terminal.writeOut
            let renderer = DiagnosticRenderer(sources: ip.sources, color: color)
            ip.onWarning = { Terminal.writeError(renderer.render($0)) }
            ip.scriptArguments = arguments
            ip.plots.directory = plotDirectory
            ip.fileAccess = fileAccess
            let outcome = ip.run(text, name: name)
            var status: Int32 = 0
            if case .failure(let diagnostics) = outcome {
                if let d = diagnostics.first, d.kind == "interrupt",
                   let stop = ScriptStop.report(location: describeLine(d.span, in: ip), timeout: timeout) {
                    Terminal.writeError(stop.message + "\n")
                    return stop.status
                }
                for d in diagnostics { Terminal.writeError(renderer.render(d)) }
                status = 1
            }
            if ip.checksPassed + ip.checksFailed > 0 {
                Terminal.writeOut("\(ip.checksPassed) passed, \(ip.checksFailed) failed\n")
                if ip.checksFailed > 0 { status = 1 }
            }
            return status
        }
    }
}

/// `file.mml:12: while x > 0 {`, naming the line a stopped script was running.
private func describeLine(_ span: SourceSpan, in ip: Interpreter) -> String {
    guard let source = ip.sources[span.source] else { return "the script" }
    let (line, _) = source.location(of: span.start)
    var text = source.lineText(line - 1)
    while text.first == " " || text.first == "\t" { text.removeFirst() }
    return "\(source.name):\(line): \(text)"
}
