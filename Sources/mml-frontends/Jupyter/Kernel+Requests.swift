// The shell requests other than execute: kernel_info, complete, inspect, is_complete and
// history. Completion and help are the REPL's own (REPLSession), and is_complete asks the
// parser exactly what the REPL asks before it shows its continuation prompt.
import Foundation
import MMLCommandLine
import MMLCore

extension Kernel {
    /// What kernel_info and every notebook's metadata say about the language.
    /// What notebooks record about the language. `codemirror_mode` is the editor colouring
    /// JupyterLab and Notebook use: a mode of their own would need JavaScript packages, so it
    /// names the built-in mode closest to MML — Octave's, which reads `#` comments, `x'` as
    /// transpose (Python's or R's mode would open a string there and colour the rest of the
    /// line), `.*` and friends, and colours sin, zeros, det, …; Julia's, the other candidate,
    /// indents `for … {` blocks until an `end` that MML never writes. `pygments_lexer` names
    /// the lexer in Grammar/pygments, which colours rendered notebooks (nbconvert, Sphinx).
    static var languageInfo: JSONObject {
        ["name": "mml", "version": mmlVersion, "mimetype": "text/x-mml", "file_extension": ".mml",
         "codemirror_mode": "octave", "pygments_lexer": "mml"]
    }

    var kernelInfo: JSONObject {
        [
            "status": "ok",
            "protocol_version": MessageCodec.protocolVersion,
            "implementation": "mml",
            "implementation_version": mmlVersion,
            "language_info": Self.languageInfo,
            "banner": "MML \(mmlVersion): a math language for learning linear algebra, calculus, probability and statistics.",
            "help_links": Self.helpLinks,
            "debugger": false,
        ]
    }

    /// The guides in the MML checkout this kernel was built from, when it is still there
    /// (there is no web site to point at).
    static var helpLinks: [JSONObject] {
        var root = #filePath
        for _ in 0..<4 { root = (root as NSString).deletingLastPathComponent }
        let docs = [("MML language", "Docs/language.md"), ("MML builtins", "Docs/reference.md"), ("MML in Jupyter", "Docs/jupyter.md")]
        return docs.compactMap { text, path in
            let full = root + "/" + path
            return FileManager.default.fileExists(atPath: full) ? ["text": text, "url": URL(fileURLWithPath: full).absoluteString] : nil
        }
    }

    /// Names, record fields and file paths for the text before the cursor; Jupyter counts
    /// cursor positions in Unicode code points.
    func complete(_ content: JSONObject) -> JSONObject {
        let scalars = Array((content.string("code") ?? "").unicodeScalars)
        let cursor = min(max(content.int("cursor_pos") ?? scalars.count, 0), scalars.count)
        let lineStart = scalars[..<cursor].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars[lineStart..<cursor])
        // The REPL's `:commands` do not run in a cell, so they are not offered.
        let isCommand = String(line).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":")
        let found = isCommand ? .none : repl.complete(String(line))
        return [
            "status": "ok", "matches": found.candidates, "metadata": JSONObject(),
            "cursor_start": cursor - found.typed.unicodeScalars.count, "cursor_end": cursor,
        ]
    }

    /// Help on the name at the cursor: a variable's value (a function shows its formula),
    /// else what the REPL's `:help NAME` says about a builtin, constant or keyword.
    func inspect(_ content: JSONObject) -> JSONObject {
        let code = content.string("code") ?? ""
        let cursor = content.int("cursor_pos") ?? code.unicodeScalars.count
        var text: String?
        if let name = REPLSession.name(at: cursor, in: code) {
            if let value = workspace.interpreter.globals[name] {
                text = "\(name) is a \(value.typeName) in your workspace:\n" + workspace.interpreter.formatAssignment(name, value) + "\n"
            } else {
                text = repl.helpText(for: name)
            }
        }
        guard let text else { return ["status": "ok", "found": false, "data": JSONObject(), "metadata": JSONObject()] }
        return ["status": "ok", "found": true, "data": ["text/plain": text], "metadata": JSONObject()]
    }

    /// complete, incomplete (the parser stopped inside a bracket, a string or after an
    /// operator) or invalid. As in the REPL, two blank lines end an entry stuck open.
    func isComplete(_ content: JSONObject) -> JSONObject {
        let code = content.string("code") ?? ""
        let parsed = Parser.parse(code, source: SourceID(-1))
        if parsed.isIncomplete {
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
            let stuck = lines.count >= 3 && lines.suffix(2).allSatisfy { $0.allSatisfy(\.isWhitespace) }
            let lastLine = lines.last { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
            if !stuck { return ["status": "incomplete", "indent": Self.indent(after: lastLine)] }
            return ["status": "invalid"]
        }
        return ["status": parsed.diagnostics.isEmpty ? "complete" : "invalid"]
    }

    /// The indentation for the next line: that of `line`, one step deeper after an opening
    /// bracket or brace.
    static func indent(after line: String) -> String {
        let leading = String(line.prefix(while: { $0 == " " || $0 == "\t" }))
        let opens = line.trimmingCharacters(in: .whitespaces).last.map { "{([".contains($0) } ?? false
        return opens ? leading + "    " : leading
    }

    /// tail (the last n cells), range (cells start..<stop of this session) or search (a
    /// glob over the inputs, newest last, optionally unique).
    func historyReply(_ content: JSONObject) -> JSONObject {
        let withOutput = content.bool("output") ?? false
        var entries: [HistoryEntry]
        switch content.string("hist_access_type") ?? "tail" {
        case "range":
            // Session numbers: this kernel is session 1, and 0 means the current session too.
            let session = content.int("session") ?? 0
            guard session == 0 || session == Self.historySession else { entries = []; break }
            let start = content.int("start") ?? 1
            let stop = content.int("stop") ?? Int.max
            entries = history.filter { $0.line >= start && $0.line < stop }
        case "search":
            let pattern = content.string("pattern") ?? "*"
            entries = history.filter { fnmatch(pattern, $0.input, 0) == 0 }
            if content.bool("unique") ?? false {
                var seen = Set<String>()
                // Keep the newest of each input.
                entries = entries.reversed().filter { seen.insert($0.input).inserted }.reversed()
            }
            if let n = content.int("n") { entries = Array(entries.suffix(max(n, 0))) }
        default:
            entries = Array(history.suffix(max(content.int("n") ?? 10, 0)))
        }
        let rows: [[Any]] = entries.map { entry in
            let item: Any = withOutput ? [entry.input, entry.output.map { $0 as Any } ?? NSNull()] : entry.input
            return [Self.historySession, entry.line, item]
        }
        return ["status": "ok", "history": rows]
    }

    static let historySession = 1
}
