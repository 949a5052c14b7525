// execute_request: runs a cell in the workspace and broadcasts what it does. Printed text
// goes out as stream messages while the cell runs; each value the REPL would show (and each
// `display(x)`) becomes a display, except the value of the cell's last statement, which is
// the cell's execute_result (Out[n]); each figure is an image/svg+xml display and each check
// a ✓/✗ display. The bundles come from MMLCore's NotebookRenderer: text/plain exactly as the
// REPL prints it, plus LaTeX and HTML where a value has them. An error is an `error` message
// whose traceback is the rendered diagnostic.
import Foundation
import MMLCore

/// One executed cell, for history requests.
struct HistoryEntry {
    var line: Int
    var input: String
    /// The text/plain of the cell's result, if it had one.
    var output: String?
}

extension Kernel {
    /// Runs the cell and replies. When it failed and the request says stop_on_error, returns
    /// the requests that were already queued behind it: their cells are not run (they likely
    /// depend on this one), and the caller answers them after this cell's idle status.
    func execute(_ request: JupyterMessage) -> [JupyterMessage] {
        let content = request.content
        let code = content.string("code") ?? ""
        let silent = content.bool("silent") ?? false
        let storeHistory = silent ? false : content.bool("store_history") ?? true
        if storeHistory { executionCount += 1 }
        let count = executionCount
        if !silent { publisher.publish("execute_input", ["code": code, "execution_count": count], parent: request) }

        // An interrupt that arrived while no cell ran is not for this one.
        Interrupt.clear()
        streams.begin(request)
        let renderer = TextRenderer(sources: workspace.sources)
        var resultText: String?
        let result = workspace.run(code, name: "<cell \(count)>", echo: !silent) { [self] event in
            guard let bundle = NotebookRenderer.bundle(event) else {
                let (text, stream) = renderer.render(event)
                streams.write(text, error: stream == .standardError)
                return
            }
            streams.flush()
            if case .value(let shown) = event, shown.isResult && shown.name == nil {
                resultText = bundle["text/plain"]
                publisher.publish("execute_result", ["execution_count": count, "data": bundle, "metadata": JSONObject()], parent: request)
            } else {
                publisher.publish("display_data", ["data": bundle, "metadata": JSONObject(), "transient": JSONObject()], parent: request)
            }
        }
        streams.flush()
        if storeHistory { history.append(HistoryEntry(line: count, input: code, output: resultText)) }

        var reply: JSONObject = ["execution_count": count]
        switch result.stop {
        case .completed:
            reply["status"] = "ok"
            reply["payload"] = [Any]()
            reply["user_expressions"] = evaluate(content.object("user_expressions") ?? [:])
        case .failed, .stopped, .incomplete:
            let error = errorContent(result)
            publisher.publish("error", error, parent: request)
            reply.merge(error) { _, new in new }
            reply["status"] = "error"
        }
        // What was queued before the client could see this reply is taken now; a cell sent
        // after it is not abandoned.
        let failed = reply["status"] as? String == "error"
        let abandoned = failed && (content.bool("stop_on_error") ?? true) ? queuedRequests() : []
        self.reply(request, "execute_reply", reply, on: shell)
        return abandoned
    }

    /// ename, evalue and traceback of a failed run: the first diagnostic's kind and message,
    /// and every diagnostic rendered with its caret, one line per traceback entry.
    private func errorContent(_ result: RunResult) -> JSONObject {
        let renderer = DiagnosticRenderer(sources: workspace.sources)
        let first = result.diagnostics.first
        var lines: [String] = []
        for d in result.diagnostics {
            var text = renderer.render(d)
            if text.hasSuffix("\n") { text.removeLast() }
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let name: String
        if case .stopped(let cause) = result.stop {
            name = cause == .interrupt ? "interrupted" : "stopped"
        } else {
            name = first.map { $0.kind == .error ? "error" : "\($0.kind.rawValue) error" } ?? "error"
        }
        return ["ename": name, "evalue": first?.message ?? "the cell did not finish", "traceback": lines]
    }

    /// user_expressions: each expression's value as text/plain, or its error.
    private func evaluate(_ expressions: JSONObject) -> JSONObject {
        var out: JSONObject = [:]
        for (key, value) in expressions {
            guard let text = value as? String else { continue }
            let result = workspace.run(text, name: "<user expression \(key)>") { _ in }
            if result.succeeded {
                out[key] = ["status": "ok", "data": ["text/plain": workspace.interpreter.format(result.lastValue)], "metadata": JSONObject()]
            } else {
                out[key] = errorContent(result).merging(["status": "error"]) { _, new in new }
            }
        }
        return out
    }

    /// The requests waiting on the shell channel.
    private func queuedRequests() -> [JupyterMessage] {
        var queued: [JupyterMessage] = []
        while let ready = try? ZMQSocket.poll([shell], milliseconds: 0).ready, ready[0] {
            if let request = receive(on: shell) { queued.append(request) }
        }
        return queued
    }

    /// Answers a cell that is not run because one before it failed.
    func abort(_ request: JupyterMessage) {
        publisher.status("busy", parent: request)
        reply(request, "execute_reply", ["status": "aborted", "execution_count": executionCount], on: shell)
        publisher.status("idle", parent: request)
    }
}
