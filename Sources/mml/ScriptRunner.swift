// Runs a script file, `-e` text or standard input, and decides the exit status.
import MMLCore

struct ScriptRunner {
    var color: Bool

    /// Runs text as a script; returns the process exit status.
    func run(text: String, name: String, arguments: [String]) -> Int32 {
        withLargeStack {
            let ip = Interpreter()
            ip.output = Terminal.writeOut
            let renderer = DiagnosticRenderer(sources: ip.sources, color: color)
            ip.onWarning = { Terminal.writeError(renderer.render($0)) }
            ip.scriptArguments = arguments
            let outcome = ip.run(text, name: name)
            var status: Int32 = 0
            if case .failure(let diagnostics) = outcome {
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
