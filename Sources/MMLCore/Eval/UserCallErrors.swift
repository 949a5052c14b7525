// How a call's arguments meet a user function's parameters when they do not fit: the errors
// the interpreter raises, and the same check made without running (ScriptChecker), so an
// editor shows exactly the message a run would.

enum UserCallErrors {
    /// Too many arguments, or a parameter without a default left out.
    static func arity(_ function: String, _ parameters: [Parameter], given: Int, at span: SourceSpan) -> MMLError {
        let required = parameters.filter { $0.defaultValue == nil }.count
        let expected = required == parameters.count ? "\(required)" : "\(required) to \(parameters.count)"
        let list = parameters.map(\.name).joined(separator: ", ")
        return MMLError(kind: .call, "\(function) takes \(expected) argument\(parameters.count == 1 ? "" : "s") but was given \(given)",
                        at: span, hint: "it is defined as \(function)(\(list))")
    }

    /// `f(rate=1)` where f has no parameter `rate`.
    static func unknownKeyword(_ function: String, _ parameters: [Parameter], _ keyword: String, at span: SourceSpan) -> MMLError {
        var e = MMLError(kind: .call, "\(function) has no parameter named `\(keyword)`", at: span)
        if let near = Suggestions.nearest(to: keyword, in: parameters.map(\.name)) { e.diagnostic.hints.append("did you mean `\(near)`?") }
        return e
    }

    /// A parameter given by position and by name, or by name twice.
    static func givenTwice(_ keyword: String, at span: SourceSpan) -> MMLError {
        MMLError(kind: .call, "`\(keyword)` is given twice", at: span)
    }

    /// The error calling `function` with `positional` arguments and these keyword arguments
    /// (name and the span of `name=value`) raises before its body runs, or nil; the order of
    /// the checks is the interpreter's.
    static func check(_ function: String, _ parameters: [Parameter], positional: Int, keywords: [(String, SourceSpan)],
                      at span: SourceSpan) -> MMLError? {
        if positional > parameters.count { return arity(function, parameters, given: positional, at: span) }
        var given = Array(repeating: false, count: parameters.count)
        for i in 0..<positional { given[i] = true }
        for (name, keywordSpan) in keywords {
            guard let i = parameters.firstIndex(where: { $0.name == name }) else {
                return unknownKeyword(function, parameters, name, at: keywordSpan)
            }
            if given[i] { return givenTwice(name, at: keywordSpan) }
            given[i] = true
        }
        if zip(parameters, given).contains(where: { !$1 && $0.defaultValue == nil }) {
            return arity(function, parameters, given: positional, at: span)
        }
        return nil
    }
}
