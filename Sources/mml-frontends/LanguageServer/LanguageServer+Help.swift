// Hover and signature help: a builtin's reference entry (signature, summary, help,
// examples — the text of Docs/reference.md), a user name's defining line, what a field of a
// builtin's result holds (`res.x` after `res = gd(…)`), and the parameter
// under the cursor inside a call of a builtin or of the script's own function.
import Foundation
import MMLCore

extension LanguageServer {
    func hover(_ document: Document, at offset: Int) -> Any {
        let analysis = document.analysis
        // A name the parser kept; on a half-typed line, the word at the cursor.
        var name: String?, span: SourceSpan?, symbol: Int?
        if let field = fieldHelp(document, at: offset) { return hoverResult(field, document, nil) }
        if let occurrence = analysis.occurrence(at: offset) {
            (name, span, symbol) = (occurrence.name, occurrence.span, occurrence.symbol)
            if let s = symbol, let definition = analysis.definition(for: occurrence) {
                return hoverResult(userHelp(analysis.symbols[s], definition, in: document), document, span)
            }
        } else {
            name = REPLSession.name(at: document.source.textPosition(of: offset, in: .codePoints), in: document.text)
        }
        guard let name, let text = builtinHelp(name) else { return NSNull() }
        return hoverResult(text, document, span)
    }

    private func hoverResult(_ markdown: String, _ document: Document, _ span: SourceSpan?) -> JSONObject {
        var result: JSONObject = ["contents": ["kind": "markdown", "value": markdown]]
        if let span { result["range"] = document.range(span) }
        return result
    }

    /// `res.x` under the cursor, where res holds a builtin's result: what the field holds.
    private func fieldHelp(_ document: Document, at offset: Int) -> String? {
        let lineStart = document.source.lineStarts[document.source.lineIndex(of: offset)]
        let before = document.source.slice(lineStart, offset)
        guard let typed = REPLSession.namePrefix(endingWith: Substring(before)),
              let record = Self.recordName(before: before, field: typed), !record.isEmpty,
              let word = REPLSession.name(at: document.source.textPosition(of: offset, in: .codePoints), in: document.text),
              let field = document.analysis.recordFields[record]?.first(where: { $0.name == word }), field.builtin != nil else { return nil }
        return "`\(record).\(word)`: \(Self.detail(of: field, in: record))"
    }

    /// A builtin's or constant's help, as Markdown.
    private func builtinHelp(_ name: String) -> String? {
        if let builtin = Builtins.table[name] { return Reference.entry(builtin) }
        if let constant = Builtins.constants.first(where: { $0.name == name }) { return "`\(constant.name)`: \(constant.summary)" }
        return nil
    }

    /// What a user's name is: a math function's formula, a function's first line, or the line
    /// that gives a variable its value.
    private func userHelp(_ symbol: ScriptAnalysis.Symbol, _ definition: ScriptAnalysis.Definition, in document: Document) -> String {
        let (line, lineText) = document.line(of: definition.nameSpan)
        let code: String
        let what: String
        switch definition.kind {
        case .mathFunction:
            code = document.source.text(of: definition.statementSpan)
            what = "math function"
        case .function:
            code = lineText
            what = "function"
        case .parameter:
            code = lineText
            what = "parameter"
        case .loopVariable:
            code = lineText
            what = "loop variable"
        case .variable:
            code = lineText
            what = symbol.isGlobal ? "variable" : "local variable"
        }
        return "```mml\n\(code.trimmingLeadingSpaces)\n```\n\(what) `\(symbol.name)`, defined on line \(line + 1)"
    }

    // MARK: Signature help

    func signatureHelp(_ document: Document, at offset: Int) -> Any {
        guard let call = CallContext.find(in: document.text, before: offset) else { return NSNull() }
        let analysis = document.analysis
        // The script's own function of that name, where the call is, comes before a builtin.
        if let s = analysis.symbols(visibleAt: offset).first(where: { analysis.symbols[$0].name == call.callee }) {
            guard let parameters = analysis.symbols[s].parameters else { return NSNull() }
            return userSignature(call, parameters, document)
        }
        guard let builtin = Builtins.table[call.callee] else { return NSNull() }
        let label = builtin.signature
        // Each parameter's name in the label, in UTF-16 code units as LSP counts them.
        let units = Array(label.utf16)
        var parameters: [JSONObject] = []
        var from = builtin.name.utf16.count + 1
        for p in builtin.parameters {
            let name = Array(p.name.utf16)
            var i = from
            while i + name.count <= units.count {
                let before = units[i - 1]
                if Array(units[i..<i + name.count]) == name, before == UInt16(UInt8(ascii: "(")) || before == UInt16(UInt8(ascii: " ")) { break }
                i += 1
            }
            parameters.append(["label": [i, i + name.count]])
            from = i + name.count
        }
        var active = call.argumentIndex
        if let keyword = call.keyword, let i = builtin.parameters.firstIndex(where: { $0.name == keyword }) { active = i }
        // Positional arguments skip keyword-only parameters and stay on a variadic one.
        else if let variadic = builtin.parameters.firstIndex(where: { if case .variadic = $0.kind { return true } else { return false } }) {
            active = min(active, variadic)
        }
        return [
            "signatures": [["label": label, "documentation": builtin.summary, "parameters": parameters]],
            "activeSignature": 0, "activeParameter": min(active, max(0, parameters.count - 1)),
        ]
    }
}

extension LanguageServer {
    /// `name(a, b=2)` for a function of the script, the defaults as written.
    private func userSignature(_ call: CallContext, _ parameters: [Parameter], _ document: Document) -> JSONObject {
        var label = call.callee + "("
        var ranges: [JSONObject] = []
        for (i, p) in parameters.enumerated() {
            if i > 0 { label += ", " }
            let start = label.utf16.count
            label += p.name
            ranges.append(["label": [start, label.utf16.count]])
            if let d = p.defaultValue { label += "=" + document.source.text(of: d.span) }
        }
        label += ")"
        var active = call.argumentIndex
        if let keyword = call.keyword, let i = parameters.firstIndex(where: { $0.name == keyword }) { active = i }
        return [
            "signatures": [["label": label, "parameters": ranges]],
            "activeSignature": 0, "activeParameter": min(active, max(0, ranges.count - 1)),
        ]
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: Substring { drop(while: { $0 == " " || $0 == "\t" }) }
}
