// An open text document: its text as the editor has it, and the analysis of that text,
// worked out when first asked for after a change.
import MMLCore

final class Document {
    let uri: String
    private(set) var version: Int
    private(set) var source: Source
    private var cachedAnalysis: ScriptAnalysis?

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.source = Document.makeSource(uri: uri, text: text)
    }

    var text: String { source.text }

    /// Parse errors and the static check, for the current text.
    var analysis: ScriptAnalysis {
        if let cachedAnalysis { return cachedAnalysis }
        let analysis = ScriptAnalysis.analyze(source.text, source: source.id)
        cachedAnalysis = analysis
        return analysis
    }

    /// Applies `textDocument/didChange` content changes in order: a change with a range
    /// replaces that range (positions in UTF-16 code units), one without replaces the whole text.
    func apply(_ changes: [JSONObject], version: Int) {
        for change in changes {
            guard let newText = change.string("text") else { continue }
            guard let range = change.object("range"), let start = range.object("start"), let end = range.object("end") else {
                source = Document.makeSource(uri: uri, text: newText)
                continue
            }
            let from = offset(start), to = max(from, offset(end))
            let utf8 = Array(source.text.utf8)
            var bytes = Array(utf8[..<from])
            bytes.append(contentsOf: newText.utf8)
            bytes.append(contentsOf: utf8[to...])
            source = Document.makeSource(uri: uri, text: String(decoding: bytes, as: UTF8.self))
        }
        self.version = version
        cachedAnalysis = nil
    }

    /// The UTF-8 offset of an LSP position `{line, character}`.
    func offset(_ position: JSONObject) -> Int {
        source.offset(line: position.int("line") ?? 0, column: position.int("character") ?? 0, in: .utf16)
    }

    /// The LSP position of a UTF-8 offset.
    func position(_ offset: Int) -> JSONObject {
        let (line, column) = source.position(of: offset, in: .utf16)
        return ["line": line, "character": column]
    }

    /// The LSP range of a span.
    func range(_ span: SourceSpan) -> JSONObject {
        ["start": position(span.start), "end": position(max(span.start, span.end))]
    }

    /// The 0-based line of a span's start, and that line's text.
    func line(of span: SourceSpan) -> (index: Int, text: String) {
        let index = source.lineIndex(of: span.start)
        return (index, source.lineText(index))
    }

    private static func makeSource(uri: String, text: String) -> Source {
        Source(id: SourceID(0), name: uri.hasPrefix("file://") ? String(uri.dropFirst(7)) : uri, text: text)
    }
}
