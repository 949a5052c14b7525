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

    /// The longest excerpt of a source line, in characters: a longer line is cut to a window
    /// around the span, marked with "…", so a 1 MB line is not echoed whole.
    static let maximumExcerptWidth = 120
    /// Characters kept before the span when the line is cut.
    static let contextBeforeSpan = 40

    /// ` --> file:3:7`, the source line and carets under the span (first line of it only).
    /// Carets are placed by display columns (a CJK character or an emoji takes two).
    private func excerpt(_ span: SourceSpan, underline: String) -> String {
        guard let source = sources[span.source] else { return "" }
        let (line, column) = source.location(of: span.start)
        let lineIndex = line - 1
        let lineStart = source.lineStarts[lineIndex]
        let lineText = source.lineText(lineIndex)
        // The span may run past this line; underline only up to the end of the line.
        let lineEnd = lineStart + lineText.utf8.count
        let endOffset = max(span.start, min(span.end, lineEnd))
        var before = Array(source.slice(lineStart, span.start).replacingTabs())
        var marked = Array(source.slice(span.start, endOffset).replacingTabs())
        var after = Array(source.slice(endOffset, lineEnd).replacingTabs())
        var cutBefore = false, cutAfter = false
        if before.count > Self.contextBeforeSpan && before.count + marked.count + after.count > Self.maximumExcerptWidth {
            before = Array(before.suffix(Self.contextBeforeSpan))
            cutBefore = true
        }
        let room = Self.maximumExcerptWidth - before.count
        if marked.count > room {
            marked = Array(marked.prefix(room))
            after = []
            cutAfter = true
        } else if marked.count + after.count > room {
            after = Array(after.prefix(room - marked.count))
            cutAfter = true
        }
        let lead = cutBefore ? "…" : ""
        let text = lead + String(before) + String(marked) + String(after) + (cutAfter ? "…" : "")
        let indent = DisplayWidth.of(lead + String(before))
        let width = max(1, DisplayWidth.of(String(marked)))
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        var out = "\(pad)--> \(source.name):\(line):\(column)\n"
        out += "\(pad) |\n"
        out += "\(gutter) | \(text)\n"
        out += "\(pad) | " + String(repeating: " ", count: indent) + paint(String(repeating: "^", count: width), underline) + "\n"
        return out
    }
}

extension String {
    /// Tabs become single spaces so carets line up with what the terminal shows.
    fileprivate func replacingTabs() -> String {
        String(self.map { $0 == "\t" ? " " : $0 })
    }
}
