// Completion: keyword arguments inside a builtin's call, the user's names visible at the
// cursor, builtins and constants (from the one builtin table), the language's keywords,
// statement snippets (`fn`, `for`, `if`, `while`) and, after `r.`, the fields r is known to have:
// those of a builtin's result assigned to it (`r = gd(…)`) and those the script gives it.
import MMLCore

extension LanguageServer {
    /// LSP's CompletionItemKind numbers.
    private enum ItemKind {
        static let function = 3, field = 5, variable = 6, keyword = 14, snippet = 15, constant = 21
    }

    /// Statement templates for clients that take snippets: label, what it is, the snippet.
    private static let snippets: [(String, String, String)] = [
        ("fn", "function definition", "fn ${1:name}(${2:x}) {\n\t${3:return ${2:x}}\n}"),
        ("for", "loop over a range or vector", "for ${1:i} in ${2:1:10} {\n\t$0\n}"),
        ("if", "conditional", "if ${1:condition} {\n\t$0\n}"),
        ("if", "conditional with else", "if ${1:condition} {\n\t$2\n} else {\n\t$0\n}"),
        ("while", "loop while a condition holds", "while ${1:condition} {\n\t$0\n}"),
    ]

    /// `r` when a line up to the cursor ends in `r.` followed by `field` (what is typed of a
    /// field's name); nil when the cursor is not after a field access, "" when the fields are
    /// not known (`r.path.`: the fields of a field).
    static func recordName(before line: String, field: String) -> String? {
        let head = line.dropLast(field.count)
        guard head.hasSuffix(".") else { return nil }
        let record = REPLSession.namePrefix(endingWith: head.dropLast()) ?? ""
        return head.dropLast(record.count + 1).hasSuffix(".") ? "" : record
    }

    /// `gd result: the point found`, or `field of r` for a field the script assigns.
    static func detail(of field: ScriptAnalysis.RecordField, in record: String) -> String {
        guard let builtin = field.builtin, let declared = field.declaration else { return "field of \(record)" }
        return "\(builtin) result: \(declared.summary)" + (declared.condition.map { " (only \($0))" } ?? "")
    }

    func completion(_ document: Document, at offset: Int) -> Any {
        let lineStart = document.source.lineStarts[document.source.lineIndex(of: offset)]
        let before = document.source.slice(lineStart, offset)
        let typed = REPLSession.namePrefix(endingWith: Substring(before)) ?? ""
        if let record = Self.recordName(before: before, field: typed) {
            let fields = (document.analysis.recordFields[record] ?? []).enumerated().filter { $0.element.name.hasPrefix(typed) }
            // sortText keeps the order the builtin declares (x, value, steps, … for gd).
            return ["isIncomplete": false,
                    "items": fields.map { k, field in
                        ["label": field.name, "kind": ItemKind.field, "detail": Self.detail(of: field, in: record),
                         "sortText": String(format: "%03d", k)] as JSONObject
                    }]
        }
        var items: [JSONObject] = []
        var seen: Set<String> = []
        func offer(_ label: String, _ kind: Int, detail: String? = nil, insert: String? = nil, rank: Int) {
            guard label.hasPrefix(typed), seen.insert(label).inserted else { return }
            var item: JSONObject = ["label": label, "kind": kind, "sortText": "\(rank)\(label)"]
            if let detail { item["detail"] = detail }
            if let insert { item["insertText"] = insert }
            items.append(item)
        }
        if let call = CallContext.find(in: document.text, before: offset), call.keyword == nil, let builtin = Builtins.table[call.callee] {
            for p in builtin.parameters { offer(p.name + "=", ItemKind.field, detail: builtin.signature, rank: 0) }
        }
        let analysis = document.analysis
        for s in analysis.symbols(visibleAt: offset) {
            let symbol = analysis.symbols[s]
            let isFunction = symbol.kind == .function || symbol.kind == .mathFunction
            let line = document.line(of: symbol.definitions[0].nameSpan).text
            offer(symbol.name, isFunction ? ItemKind.function : ItemKind.variable, detail: String(line.prefix(80)), rank: 1)
        }
        for builtin in Builtins.all {
            for name in [builtin.name] + builtin.aliases {
                offer(name, ItemKind.function, detail: builtin.signature + " — " + builtin.summary, rank: 2)
            }
        }
        for constant in Builtins.constants { offer(constant.name, ItemKind.constant, detail: constant.summary, rank: 2) }
        for keyword in REPLSession.keywords { offer(keyword, ItemKind.keyword, rank: 3) }
        if snippetSupport {
            for (label, detail, body) in Self.snippets where label.hasPrefix(typed) {
                items.append(["label": label, "kind": ItemKind.snippet, "detail": detail, "insertText": body,
                              "insertTextFormat": 2, "sortText": "4\(label)"])
            }
        }
        return ["isIncomplete": false, "items": items]
    }
}
