// Starts a REPL session: libedit on a terminal, plain lines from a pipe.
import MMLCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum REPLFrontEnd {
    /// The interactive REPL; used only when standard input and output are both terminals.
    static func runInteractive(noColor: Bool, plotDirectory: String?) -> Int32 {
        let color = Terminal.useColor(forStderr: true, disabled: noColor) && Terminal.useColor(forStderr: false, disabled: noColor)
        InterruptSignal.install()
        let reader = LibEditLineReader(color: color, history: HistoryFile.standard())
        let session = REPLSession(
            reader: reader,
            configuration: REPLConfiguration(interactive: true, color: color, version: mmlVersion),
            write: Terminal.writeOut, writeError: Terminal.writeError)
        reader.completeWith { [unowned session] before in session.complete(before) }
        // Plots and matrices use the terminal's width; plots are coloured when the REPL is.
        session.interpreter.options.width = Terminal.columns ?? 80
        session.terminalWidth = { Terminal.columns ?? 80 }
        session.interpreter.plots.color = color
        session.interpreter.plots.directory = plotDirectory
        let status = session.run()
        Terminal.flushOutput()
        return status
    }

    /// Piped mode: no prompt, no banner, no escape codes on standard output; REPL echo;
    /// exit status 1 if any statement failed.
    static func runPiped(noColor: Bool, plotDirectory: String?, fileAccess: FileAccessPolicy) -> Int32 {
        let color = Terminal.useColor(forStderr: true, disabled: noColor)
        return withLargeStack {
            let session = REPLSession(
                reader: StreamLineReader(),
                configuration: REPLConfiguration(interactive: false, color: color, version: mmlVersion, evaluateOnLargeStack: false),
                write: Terminal.writeOut, writeError: Terminal.writeError)
            session.interpreter.plots.directory = plotDirectory
            session.interpreter.fileAccess = fileAccess
            let status = session.run()
            Terminal.flushOutput()
            return status
        }
    }
}
