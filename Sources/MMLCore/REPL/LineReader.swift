// Where the REPL gets its input: a line editor on a terminal, plain lines from a pipe, or a
// scripted list in tests. The session only sees this protocol.

/// What one attempt to read a line produced.
public enum LineInput: Sendable, Equatable {
    /// A line, without its newline (a recalled multi-line entry may contain newlines).
    case line(String)
    /// Ctrl-C while typing: the line (and any unfinished multi-line entry) is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of a pipe.
    case endOfInput
}

/// A source of input lines for `REPLSession`.
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt` when the reader is interactive.
    func readLine(prompt: String) -> LineInput
    /// Records a complete entry in the history (multi-line entries arrive joined with "\n",
    /// so they are recalled as one entry).
    func addHistory(_ entry: String)
}

/// Reads plain lines from standard input, with no prompt and no history (piped mode).
public final class StreamLineReader: LineReader {
    public init() {}

    public func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        // A CRLF file piped in keeps its CR after readLine; the lexer accepts it, but a
        // `:command` line would not match.
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    public func addHistory(_ entry: String) {}
}
