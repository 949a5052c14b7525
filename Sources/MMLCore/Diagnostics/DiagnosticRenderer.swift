// Renders a Diagnostic as text: header, location, source line, carets, notes, hints, backtrace.

/// Prints diagnostics the same way everywhere, plain or coloured.
public struct DiagnosticRenderer {
    public var sources: SourceMap
    public var color: Bool

    public init(sources: SourceMap, color: Bool = false) {
        self.sources = sources
        self.color = color
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The whole diagnostic, ending with a newline.
    public func render(_ d: Diagnostic) -> String {
        let severityColor = d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36"
        var out = paint(d.severity.rawValue, severityColor) + paint(": " + d.message, "1") + "\n"
        out += excerpt(d.span, underline: severityColor)
        for note in d.notes { out += paint("note", "1;36") + ": " + note + "\n" }
        for hint in d.hints { out += paint("hint", "1;32") + ": " + hint + "\n" }
        if !d.backtrace.isEmpty {
            out += "call chain (innermost first):\n"
            for frame in d.backtrace {
                let times = frame.repeats > 1 ? " (\(frame.repeats) times)" : ""
                out += "  in \(frame.function) called at \(location(frame.callSite))\(times)\n"
            }
        }
        return out
    }

    /// `file:line:col` of a span's start.
    public func location(_ span: SourceSpan) -> String {
        guard let source = sources[span.source] else { return "<unknown>" }
        let (line, column) = source.location(of: span.start)
        return "\(source.name):\(line):\(column)"
    }

    /// ` --> file:3:7`, the source line and carets under the span (first line of it only).
    private func excerpt(_ span: SourceSpan, underline: String) -> String {
        guard let source = sources[span.source] else { return "" }
        let (line, column) = source.location(of: span.start)
        let lineIndex = line - 1
        let text = source.lineText(lineIndex).replacingTabs()
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        // The span may run past this line; underline only up to the end of the line.
        let lineEnd = source.lineStarts[lineIndex] + source.lineText(lineIndex).utf8.count
        let endOffset = max(span.start, min(span.end, lineEnd))
        var width = source.slice(span.start, endOffset).replacingTabs().count
        if width == 0 { width = 1 }
        var out = "\(pad)--> \(source.name):\(line):\(column)\n"
        out += "\(pad) |\n"
        out += "\(gutter) | \(text)\n"
        out += "\(pad) | " + String(repeating: " ", count: column - 1) + paint(String(repeating: "^", count: width), underline) + "\n"
        return out
    }
}

extension String {
    /// Tabs become single spaces so carets line up with what the terminal shows.
    fileprivate func replacingTabs() -> String {
        String(self.map { $0 == "\t" ? " " : $0 })
    }
}
