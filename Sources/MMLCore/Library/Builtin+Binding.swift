// How a call's arguments go to a builtin's declared parameters, and the errors when they
// cannot: one rule for running a call (`Arguments`, with values) and for checking a script
// before it runs (`ScriptAnalysis`, with no values at all).

extension Builtin {
    /// Binds positional and keyword arguments (of any type: values, or `Void` to check only)
    /// to the parameters: each parameter's argument and span (the call's span when not
    /// given), and the positional arguments a variadic parameter takes.
    func bind<Argument>(
        positional: [Argument], positionalSpans: [SourceSpan], keywords: [(String, Argument, SourceSpan)], callSpan: SourceSpan
    ) throws -> (values: [Argument?], spans: [SourceSpan], rest: [Argument], restSpans: [SourceSpan]) {
        let params = parameters
        var values = [Argument?](repeating: nil, count: params.count)
        var spans = Array(repeating: callSpan, count: params.count)
        var rest: [Argument] = [], restSpans: [SourceSpan] = []
        var next = 0
        for (k, value) in positional.enumerated() {
            while next < params.count, case .keyword = params[next].kind { next += 1 }
            guard next < params.count else {
                let capacity = positionalCapacity
                let named = params.filter { if case .keyword = $0.kind { return true } else { return false } }.map(\.name)
                // The signature lists keyword parameters too; say that they are written with a name.
                let byName = named.isEmpty ? "" : named.count == 1 ? "; `\(named[0])` is given by name: \(name)(…, \(named[0])=…)"
                    : "; the parameters from `\(named[0])` on are given by name: \(name)(…, \(named[0])=…)"
                throw MMLError(kind: .call, "\(name) takes at most \(capacity) argument\(capacity == 1 ? "" : "s")\(named.isEmpty ? "" : " by position") but was given \(positional.count)",
                               at: positionalSpans[k], hint: "the signature is \(signature)\(byName)")
            }
            if case .variadic = params[next].kind {
                rest.append(value)
                restSpans.append(positionalSpans[k])
                continue
            }
            values[next] = value
            spans[next] = positionalSpans[k]
            next += 1
        }
        for (keyword, value, span) in keywords {
            guard let i = params.firstIndex(where: { $0.name == keyword }) else {
                var hint = "the signature is \(signature)"
                if let near = Suggestions.nearest(to: keyword, in: params.map(\.name)) { hint = "did you mean `\(near)`? " + hint }
                throw MMLError(kind: .call, "\(name) has no parameter named `\(keyword)`", at: span, hint: hint)
            }
            if values[i] != nil {
                throw MMLError(kind: .call, "`\(keyword)` is given twice", at: span, hint: "the signature is \(signature)")
            }
            values[i] = value
            spans[i] = span
        }
        for (i, p) in params.enumerated() {
            if case .required = p.kind, values[i] == nil {
                throw MMLError(kind: .call, "\(name) needs the argument `\(p.name)`", at: callSpan, hint: "the signature is \(signature)")
            }
        }
        return (values, spans, rest, restSpans)
    }

    /// How many arguments may be given by position.
    private var positionalCapacity: Int {
        parameters.filter { if case .keyword = $0.kind { return false } else { return true } }.count
    }
}
