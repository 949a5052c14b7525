// `check(label, actual, expected, …)` as a class's checks run it: an error while working out
// `actual` or `expected` (an answer the submission never defined, a learner's function that
// fails) fails that one check with the reason, and the checks after it still run.

final class GradedCheckNode: ExprNode {
    let slot: Int
    /// The ordinary call, used if the check script assigns a variable named `check`.
    let general: CallNode

    init(slot: Int, general: CallNode) {
        self.slot = slot
        self.general = general
        super.init(general.span)
    }

    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        guard ip.globals.isEmpty(slot) else { return try general.eval(ip, frame) }
        func attempt(_ node: ExprNode) throws -> Result<Value, MMLError> {
            do { return .success(try node.eval(ip, frame)) } catch {
                let d = ip.diagnostic(for: error, at: node.span)
                // Being stopped (a timeout, Ctrl-C) or out of memory ends the checks, not one check.
                if d.kind == .interrupt || d.kind == .memory { throw error }
                return .failure(MMLError(d))
            }
        }
        let positional = try general.args.nodes.map(attempt)
        let keywords = try general.keywords.map { ($0.name, try attempt($0.value), $0.span) }
        let bound = try Builtins.check.bind(positional: positional, positionalSpans: general.args.nodes.map(\.span),
                                            keywords: keywords, callSpan: span)
        var failure: MMLError?
        for (parameter, argument) in zip(Builtins.check.parameters, bound.values) {
            guard case .failure(let error)? = argument else { continue }
            // Only what is checked may fail; a broken label or tolerance is the check script's error.
            guard parameter.name == "actual" || parameter.name == "expected" else { throw error }
            failure = failure ?? error
        }
        func value(_ result: Result<Value, MMLError>) -> Value { (try? result.get()) ?? .nothing }
        let args = try Arguments(builtin: Builtins.check, interpreter: ip, callSpan: span,
                                 positional: positional.map(value), positionalSpans: general.args.nodes.map(\.span),
                                 keywords: keywords.map { ($0.0, value($0.1), $0.2) })
        return try Checking.run(args, failure: failure)
    }
}
