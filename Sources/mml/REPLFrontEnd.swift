// Starts a REPL session: libedit on a terminal, plain lines from a pipe.
import MMLCommandLine
import MMLCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum REPLFrontEnd {
    /// The interactive REPL; used only when standard input and output are both terminals.
    static func runInteractive(noColor: Bool, plotDirectory: String?) -> Int32 {
        let color = Terminal.useColor(forStderr: true, disabled: noColor) && Terminal.useColor(forStderr: false, disabled: noColor)
        ScriptStop.installForREPL()
        let reader = LibEditLineReader(color: color, history: HistoryFile.standard())
        // Plots and matrices use the terminal's width; plots are coloured when the REPL is.
        let workspace = Session(SessionConfiguration(plotDirectory: plotDirectory, width: Terminal.columns ?? 80, plotColor: color))
        let session = REPLSession(
            session: workspace, reader: reader, configuration: REPLConfiguration(interactive: true, color: color, version: mmlVersion),
            write: Terminal.writeOut, writeError: Terminal.writeError)
        reader.completeWith { [unowned session] before in session.complete(before) }
        session.terminalWidth = { Terminal.columns ?? 80 }
        let status = session.run()
        Terminal.flushOutput()
        return status
    }

    /// Piped mode: a script read line by line with REPL echo — no prompt, no banner, no
    /// escape codes on standard output; exit status 1 if any statement failed. Stops (Ctrl-C,
    /// SIGTERM, --timeout) end it as they end a script.
    static func runPiped(noColor: Bool, configuration: SessionConfiguration, timeout: Double?) -> Int32 {
        let color = Terminal.useColor(forStderr: true, disabled: noColor)
        ScriptStop.installForScript(timeout: timeout)
        var configuration = configuration
        configuration.runsOnLargeStack = false
        return withLargeStack {
            let session = REPLSession(
                session: Session(configuration), reader: StreamLineReader(),
                configuration: REPLConfiguration(interactive: false, color: color, version: mmlVersion),
                write: Terminal.writeOut, writeError: Terminal.writeError)
            var status = session.run()
            ScriptStop.markFinishing()
            if let cause = session.stopCause {
                Terminal.writeError(ScriptStop.message(for: cause, location: "standard input") + "\n")
                status = ScriptStop.status(for: cause)
            }
            Terminal.flushOutput()
            return status
        }
    }
}
