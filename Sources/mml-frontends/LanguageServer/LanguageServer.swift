// `mml lsp`: MML's language server. One thread reads requests in order and answers each;
// diagnostics of changed documents are published once no further message is waiting, so a
// burst of edits is checked once, for the latest text (older versions are never analysed).
import Foundation
import MMLCommandLine
import MMLCore

final class LanguageServer {
    private let channel: MessageChannel
    private var documents: [String: Document] = [:]
    /// Documents whose diagnostics are out of date, in the order they changed.
    private var stale: [String] = []
    private var initialized = false
    private var shuttingDown = false
    /// Whether the client takes snippets (`${1:name}` placeholders) in completions.
    var snippetSupport = false

    init(channel: MessageChannel) {
        self.channel = channel
    }

    /// Serves until `exit` or the end of the input; the exit status LSP asks for (0 when
    /// `shutdown` came first).
    func run() -> Int32 {
        while let incoming = channel.read() {
            switch incoming {
            case .malformed(let why):
                reply(id: NSNull(), error: (-32700, "cannot read \(why)"))
            case .message(let message):
                if message.string("method") == "exit" { return shuttingDown ? 0 : 1 }
                handle(message)
            }
            if !channel.hasPendingInput { publishStaleDiagnostics() }
        }
        return shuttingDown ? 0 : 1
    }

    // MARK: Dispatch

    private func handle(_ message: JSONObject) {
        guard let method = message.string("method") else { return }  // a reply to us: none expected
        let params = message.object("params") ?? [:]
        guard let id = message["id"] else {
            notification(method, params)
            return
        }
        if !initialized && method != "initialize" {
            return reply(id: id, error: (-32002, "the server is not initialized yet"))
        }
        if shuttingDown {
            return reply(id: id, error: (-32600, "the server is shutting down"))
        }
        switch method {
        case "initialize":
            initialized = true
            let item = params.object("capabilities")?.object("textDocument")?.object("completion")?.object("completionItem")
            snippetSupport = item?.bool("snippetSupport") ?? false
            reply(id: id, result: LanguageServer.initializeResult)
        case "shutdown":
            shuttingDown = true
            reply(id: id, result: NSNull())
        case "textDocument/hover": reply(id: id, result: withDocument(params) { hover($0, at: $1) })
        case "textDocument/completion": reply(id: id, result: withDocument(params) { completion($0, at: $1) })
        case "textDocument/signatureHelp": reply(id: id, result: withDocument(params) { signatureHelp($0, at: $1) })
        case "textDocument/definition": reply(id: id, result: withDocument(params) { definition($0, at: $1) })
        case "textDocument/references":
            let includeDeclaration = params.object("context")?.bool("includeDeclaration") ?? true
            reply(id: id, result: withDocument(params) { references($0, at: $1, includeDeclaration: includeDeclaration) })
        case "textDocument/documentSymbol":
            let document = params.object("textDocument")?.string("uri").flatMap { documents[$0] }
            reply(id: id, result: document.map(documentSymbols) ?? NSNull())
        default:
            reply(id: id, error: (-32601, "mml lsp does not handle \(method)"))
        }
    }

    private func notification(_ method: String, _ params: JSONObject) {
        let textDocument = params.object("textDocument") ?? [:]
        guard let uri = textDocument.string("uri") else { return }  // initialized, $/cancelRequest, …
        switch method {
        case "textDocument/didOpen":
            documents[uri] = Document(uri: uri, version: textDocument.int("version") ?? 0, text: textDocument.string("text") ?? "")
            markStale(uri)
        case "textDocument/didChange":
            guard let document = documents[uri] else { return }
            let changes = params["contentChanges"] as? [JSONObject] ?? []
            document.apply(changes, version: textDocument.int("version") ?? document.version + 1)
            markStale(uri)
        case "textDocument/didClose":
            documents[uri] = nil
            stale.removeAll { $0 == uri }
            // A closed file's problems leave the editor's list.
            channel.write(LanguageServer.notification("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()]))
        default:
            break
        }
    }

    /// The document a position request is about, and the UTF-8 offset of its position.
    private func withDocument(_ params: JSONObject, _ body: (Document, Int) -> Any) -> Any {
        guard let uri = params.object("textDocument")?.string("uri"), let document = documents[uri],
              let position = params.object("position") else { return NSNull() }
        return body(document, document.offset(position))
    }

    // MARK: Lifecycle

    private static var initializeResult: JSONObject {
        [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2],  // incremental
                "hoverProvider": true,
                "completionProvider": ["triggerCharacters": ["."]],
                "signatureHelpProvider": ["triggerCharacters": ["(", ","]],
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
            ] as JSONObject,
            "serverInfo": ["name": "mml", "version": mmlVersion],
        ]
    }

    // MARK: Diagnostics

    private func markStale(_ uri: String) {
        if !stale.contains(uri) { stale.append(uri) }
    }

    private func publishStaleDiagnostics() {
        for uri in stale {
            guard let document = documents[uri] else { continue }
            let diagnostics = document.analysis.diagnostics.map { lspDiagnostic($0, in: document) }
            channel.write(LanguageServer.notification("textDocument/publishDiagnostics", [
                "uri": uri, "version": document.version, "diagnostics": diagnostics,
            ]))
        }
        stale.removeAll()
    }

    /// An MML diagnostic as LSP's: the message with its notes and hints below it, as the
    /// command line prints them.
    private func lspDiagnostic(_ d: Diagnostic, in document: Document) -> JSONObject {
        let severity = d.severity == .error ? 1 : d.severity == .warning ? 2 : 3
        let message = ([d.message] + d.notes.map { "note: " + $0 } + d.hints.map { "hint: " + $0 }).joined(separator: "\n")
        return ["range": document.range(d.span), "severity": severity, "source": "mml", "code": d.kind.rawValue, "message": message]
    }

    // MARK: Wire

    private func reply(id: Any, result: Any) {
        channel.write(["jsonrpc": "2.0", "id": id, "result": result])
    }

    private func reply(id: Any, error: (code: Int, message: String)) {
        channel.write(["jsonrpc": "2.0", "id": id, "error": ["code": error.code, "message": error.message]])
    }

    private static func notification(_ method: String, _ params: JSONObject) -> JSONObject {
        ["jsonrpc": "2.0", "method": method, "params": params]
    }
}
