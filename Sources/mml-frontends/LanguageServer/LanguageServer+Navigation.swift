// Go to definition, find references and the document's outline, from the names the static
// analysis resolved (a function's parameter is not the global of the same name).
import Foundation
import MMLCore

extension LanguageServer {
    func definition(_ document: Document, at offset: Int) -> Any {
        let analysis = document.analysis
        guard let occurrence = analysis.occurrence(at: offset), let definition = analysis.definition(for: occurrence) else { return NSNull() }
        return location(document, definition.nameSpan)
    }

    func references(_ document: Document, at offset: Int, includeDeclaration: Bool) -> Any {
        let analysis = document.analysis
        guard let symbol = analysis.occurrence(at: offset)?.symbol else { return NSNull() }
        return analysis.occurrences(of: symbol).filter { includeDeclaration || !$0.isDefinition }.map { location(document, $0.span) }
    }

    /// The script's functions and top-level variables, each at its first definition.
    func documentSymbols(_ document: Document) -> Any {
        let analysis = document.analysis
        return analysis.symbols.filter(\.isGlobal).map { symbol -> JSONObject in
            let definition = symbol.definitions[0]
            let isFunction = symbol.kind == .function || symbol.kind == .mathFunction
            return [
                "name": symbol.name,
                "kind": isFunction ? 12 : 13,  // SymbolKind Function, Variable
                "range": document.range(definition.statementSpan),
                "selectionRange": document.range(definition.nameSpan),
            ]
        }
    }

    private func location(_ document: Document, _ span: SourceSpan) -> JSONObject {
        ["uri": document.uri, "range": document.range(span)]
    }
}
