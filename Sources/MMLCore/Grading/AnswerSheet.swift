// What a check script sees of one submission when a class is graded: the values of the names
// that `answers(…)` declares, taken from the workspace the submission ran in — nothing else
// the submission defined, printed or redefined.

/// The answers of one submission, handed to the workspace the checks run in.
public final class AnswerSheet {
    /// The workspace the submission ran in; nil when the checks run with no submission (to
    /// learn what they are, and to grade a learner who handed nothing in).
    let submission: Interpreter?
    /// The names `answers(…)` declared, once it has run.
    public private(set) var declared: [String]?
    /// Declared names that the submission does not define.
    public private(set) var unanswered: [String] = []
    /// The errors made for reading an unanswered name, so a check can tell "not answered"
    /// from any other error in its `actual`.
    private var notAnsweredErrors: [Diagnostic] = []

    public init(submission: Interpreter?) {
        self.submission = submission
    }

    /// `answers(names…)` in the checks' workspace `ip`: each answer the submission defines is
    /// copied in; the others are noted as unanswered.
    func declare(_ names: [String], in ip: Interpreter, at span: SourceSpan) throws {
        guard declared == nil else {
            throw MMLError(kind: .call, "answers(…) is given twice", at: span, hint: "name every answer in the first statement of the check script")
        }
        declared = names
        for name in names {
            if let submission, let value = submission.globals[name], !Self.isNothing(value) {
                ip.globals[name] = AnswerBridge.carry(value, from: submission, into: ip)
            } else {
                unanswered.append(name)
            }
        }
    }

    /// The error for reading `name` in the checks, when it is an unanswered answer.
    func notAnsweredError(_ name: String, at span: SourceSpan) -> MMLError? {
        guard unanswered.contains(name) else { return nil }
        let error = MMLError(kind: .name, "`\(name)` is not defined in the submission", at: span)
        notAnsweredErrors.append(error.diagnostic)
        return error
    }

    /// True when `error` came from reading an unanswered answer.
    func isNotAnswered(_ error: MMLError) -> Bool {
        notAnsweredErrors.contains(error.diagnostic)
    }

    /// True when `name` can be an answer: one name, as a variable or function is written.
    static func isName(_ name: String) -> Bool {
        Lexer.tokenize(name, source: SourceID(-1)).tokens.map(\.kind) == [.identifier(name), .eof]
    }

    private static func isNothing(_ value: Value) -> Bool {
        if case .nothing = value { return true }
        return false
    }
}

/// Values passing between the submission's workspace and the checks'. Data passes as it is;
/// a function stays in the workspace it was made in (its names are that workspace's slots) and
/// is called there, through a builtin that stands for it: what it prints and any check it
/// runs stay in its own workspace, and only its return value comes back.
enum AnswerBridge {
    static func carry(_ value: Value, from home: Interpreter, into target: Interpreter) -> Value {
        guard home !== target else { return value }
        switch value {
        case .function(let f as UserFunction):
            return .function(BuiltinFunction(stand(for: f, in: home)))
        case .record(let r):
            var copy = r
            for name in r.names { copy[name] = carry(r[name] ?? .nothing, from: home, into: target) }
            return .record(copy)
        case .tuple(let items):
            return .tuple(items.map { carry($0, from: home, into: target) })
        default:
            return value
        }
    }

    /// A builtin that calls `f` in `home` and turns its errors into one error at the call.
    private static func stand(for f: UserFunction, in home: Interpreter) -> Builtin {
        let place = Place(home, name: f.name)
        return Builtin(f.name, [.rest("arguments")], area: .system, summary: "\(f.name) as the submission defines it", examples: [],
                       body: .general { args in
            let caller = args.interpreter
            let home = place.interpreter
            let inputs = args.rest.map { carry($0, from: caller, into: home) }
            let result: Value
            do {
                result = try home.withLimits { try home.call(f, inputs, at: place.span) }
            } catch {
                let d = home.diagnostic(for: error, at: place.span)
                if d.kind == .interrupt || d.kind == .memory { throw MMLError(kind: d.kind, d.message, at: args.callSpan) }
                var message = "\(f.name)(…) failed: \(d.message)"
                if d.span != place.span, home.sources[d.span.source] != nil {
                    message += " (at \(DiagnosticRenderer(sources: home.sources).location(d.span)))"
                }
                throw MMLError(kind: d.kind, message, at: args.callSpan)
            }
            return carry(result, from: home, into: caller)
        })
    }

    /// The workspace a function lives in and a span there that calls from outside use.
    private final class Place: @unchecked Sendable {
        let interpreter: Interpreter
        let span: SourceSpan
        init(_ interpreter: Interpreter, name: String) {
            self.interpreter = interpreter
            let text = "\(name)(…) called by the checks"
            let source = interpreter.sources.add(name: "<checks>", text: text)
            span = SourceSpan(source: source.id, start: 0, end: text.utf8.count)
        }
    }
}
