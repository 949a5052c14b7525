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

    /// Reads statements line by line from a pipe and shows each result as the REPL does.
    func runPiped(arguments: [String]) -> Int32 {
        withLargeStack {
            let ip = Interpreter()
            ip.output = Terminal.writeOut
            let renderer = DiagnosticRenderer(sources: ip.sources, color: color)
            ip.onWarning = { Terminal.writeError(renderer.render($0)) }
            ip.scriptArguments = arguments
            var status: Int32 = 0
            var pending = ""
            var lineNumber = 0
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                pending += pending.isEmpty ? line : "\n" + line
                switch ip.run(pending, name: "<stdin:\(lineNumber)>", echo: true, allowIncomplete: true) {
                case .incomplete:
                    continue
                case .failure(let diagnostics):
                    for d in diagnostics { Terminal.writeError(renderer.render(d)) }
                    status = 1
                case .success:
                    break
                }
                pending = ""
            }
            if !pending.isEmpty, case .failure(let diagnostics) = ip.run(pending, name: "<stdin:\(lineNumber)>", echo: true) {
                for d in diagnostics { Terminal.writeError(renderer.render(d)) }
                status = 1
            }
            return status
        }
    }
}
