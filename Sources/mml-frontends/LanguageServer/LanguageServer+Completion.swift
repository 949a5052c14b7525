// Completion: keyword arguments inside a builtin's call, the user's names visible at the
// cursor, builtins and constants (from the one builtin table) and the language's keywords.
import MMLCore

extension LanguageServer {
    /// LSP's CompletionItemKind numbers.
    private enum ItemKind {
        static let function = 3, field = 5, variable = 6, keyword = 14, constant = 21
    }

    func completion(_ document: Document, at offset: Int) -> Any {
        let lineStart = document.source.lineStarts[document.source.lineIndex(of: offset)]
        let before = document.source.slice(lineStart, offset)
        guard let typed = REPLSession.namePrefix(endingWith: Substring(before)) else { return [Any]() }
        // After `.` come a record's fields, whose names only running the script would tell.
        if before.dropLast(typed.count).hasSuffix(".") { return [Any]() }
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
        return ["isIncomplete": false, "items": items]
    }
}
