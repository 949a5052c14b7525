// The error for a name that is neither a variable nor a builtin, shared by evaluation and
// the static check of a script (Analysis/).

extension MMLError {
    /// "unknown name `x`", with MML's name for it when it is a well-known name of another tool
    /// (`sd`, `pnorm`, `len`), else the nearest of `candidates` as a "did you mean" hint.
    static func unknownName(_ name: String, candidates: some Sequence<String>, at span: SourceSpan) -> MMLError {
        var error = MMLError(kind: .name, "unknown name `\(name)`", at: span)
        if let equivalent = NamesFromOtherTools.hint(for: name) {
            error.diagnostic.hints.append(equivalent)
        } else if let near = Suggestions.nearest(to: name, in: candidates) {
            error.diagnostic.hints.append("did you mean `\(near)`?")
        }
        return error
    }
}
