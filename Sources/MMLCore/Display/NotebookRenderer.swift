// A session's events as a notebook shows them: mime bundles (text/plain always, exactly as
// the terminal prints it, plus text/latex, text/html or image/svg+xml where a value has a
// richer form). The Jupyter kernel sends these as display_data and execute_result; printed
// text and warnings stay streams (TextRenderer).

/// Renders session events as notebook mime bundles.
public enum NotebookRenderer {
    /// A mime type → data map, as a display_data or execute_result message carries it.
    public typealias Bundle = [String: String]

    /// The bundle of an event, or nil for printed text and warnings, which are streams.
    public static func bundle(_ event: SessionEvent) -> Bundle? {
        switch event {
        case .value(let shown): return bundle(shown)
        case .figure(let shown): return bundle(shown)
        case .check(let outcome): return ["text/plain": TextRenderer.line(of: outcome), "text/html": HTMLRenderer.check(outcome)]
        case .output, .warning: return nil
        }
    }

    /// A shown value: its REPL text, LaTeX in `$$ … $$` when it typesets, HTML when it has a table.
    public static func bundle(_ shown: ShownValue) -> Bundle {
        var out = ["text/plain": TextRenderer.text(of: shown)]
        if let latex = LaTeXRenderer.latex(of: shown) { out["text/latex"] = "$$\(latex)$$" }
        if let html = HTMLRenderer.html(of: shown) { out["text/html"] = html }
        return out
    }

    /// A figure as a self-contained SVG, with the terminal drawing as its text.
    public static func bundle(_ shown: ShownFigure) -> Bundle {
        ["image/svg+xml": shown.figure.renderSVG(), "text/plain": shown.figure.renderTerminal(shown.terminal)]
    }
}
