// The error for a name that is neither a variable nor a builtin, shared by evaluation and
// the static check of a script (Analysis/).

extension MMLError {
    /// "unknown name `x`", with the nearest of `candidates` as a "did you mean" hint.
    static func unknownName(_ name: String, candidates: some Sequence<String>, at span: SourceSpan) -> MMLError {
        var error = MMLError(kind: .name, "unknown name `\(name)`", at: span)
        if let near = Suggestions.nearest(to: name, in: candidates) {
            error.diagnostic.hints.append("did you mean `\(near)`?")
        }
        return error
    }
}
