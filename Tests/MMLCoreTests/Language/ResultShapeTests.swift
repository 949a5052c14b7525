// The fields each builtin declares for its result (what an editor offers after `res.`) are the
// fields its result really has: every call of a builtin in its own help examples, and a few more
// calls below, is run and compared with the declaration, so the two cannot drift apart; and a
// builtin whose result has fields but declares none fails here.
import Testing
@testable import MMLCore

/// Calls that the examples do not make: for fields only some calls give, and for the other
/// forms of a builtin whose result's fields depend on how it is called.
private let moreCalls = [
    "pca([1, 2; 2, 4; 3, 7], scale=true)",
    "make_regression(5, coef=true, seed=1)",
    "ttest([5.1, 4.9, 5.6], [4.1, 5.2, 5.0])",
    "ttest([5.1, 4.9, 5.6], [4.1, 5.2, 5.0], paired=true)",
    "ztest([5.1, 4.9, 5.6], [4.1, 5.2, 5.0], sigma=0.5)",
    "prop_test(30, 100)",
    "chisq_test([10, 20; 30, 40])",
    "describe([1, 2; 3, 4; 5, 7])",
    "counts([\"b\", \"a\", \"b\"])",
    "fit(Gamma, [1, 2, 3, 4])",
    "fit(Exponential, [1, 2, 3])",
    "newton(x -> x^2 - 2, 1, minimize=true)",
    "newton(v -> [v[1] + v[2] - 3, v[1] - v[2] - 1], [0, 0])",
    "Gamma(2, rate=3)",
    "Exponential(scale=2)",
]

/// One call of a builtin, run after the code around it.
private struct Sample: CustomTestStringConvertible, Sendable {
    var builtin: String
    var setUp: String
    var call: String
    var testDescription: String { call }
}

/// Areas whose builtins draw, print or touch the session: their calls are not run twice.
private let sideEffectAreas: Set<BuiltinArea> = [.plot, .io, .system]

/// Every call `name(…)` written in `code` of a builtin, as source text (nested ones too).
private func builtinCalls(in code: String) -> [(builtin: Builtin, text: String)] {
    let tokens = Lexer.tokenize(code, source: SourceID(0)).tokens
    let bytes = Array(code.utf8)
    var calls: [(Builtin, String)] = []
    for (i, token) in tokens.enumerated() where i + 1 < tokens.count && tokens[i + 1].kind == .leftParen {
        guard case .identifier(let name) = token.kind, let builtin = Builtins.table[name], !sideEffectAreas.contains(builtin.area) else { continue }
        var depth = 0
        for j in (i + 1)..<tokens.count {
            switch tokens[j].kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            default: break
            }
            if depth == 0 {
                calls.append((builtin, String(decoding: bytes[token.span.start..<tokens[j].span.end], as: UTF8.self)))
                break
            }
        }
    }
    return calls
}

private let samples: [Sample] = {
    var found: [Sample] = []
    for b in Builtins.all {
        for example in b.examples {
            found += builtinCalls(in: example.code).map { Sample(builtin: $0.builtin.name, setUp: example.code, call: $0.text) }
        }
    }
    for call in moreCalls {
        found += builtinCalls(in: call).map { Sample(builtin: $0.builtin.name, setUp: "", call: $0.text) }
    }
    return found
}()

@Test("a result's fields are the declared ones", arguments: samples)
private func resultFieldsAreDeclared(_ sample: Sample) throws {
    let session = Session()
    _ = try session.evaluate(sample.setUp)
    // A call inside a function body may name its parameters: not runnable on its own.
    guard let value = try? session.evaluate(sample.call) else { return }
    // A table's fields are its data's columns; no declaration can know them.
    if case .object(let o) = value, o is TableValue { return }
    let real = Completer.fieldNames(of: value)
    // What an editor offers, from the declaration (for fit, the family's constructor's).
    let declared = ScriptAnalysis.analyze(sample.setUp + "\nresult__ = " + sample.call, source: SourceID(0))
        .recordFields["result__"]?.compactMap(\.declaration) ?? []
    guard !declared.isEmpty else {
        #expect(real.isEmpty, "\(sample.builtin) returns fields \(real) but declares none (add result: to its Builtin)")
        return
    }
    let always = declared.filter { $0.condition == nil }.map(\.name)
    #expect(declared.map(\.name).filter(real.contains) == real, "\(sample.call): \(real) has fields \(sample.builtin) does not declare, or in another order")
    #expect(always.allSatisfy(real.contains), "\(sample.call): \(real) lacks declared fields of \(always)")
}

@Test func everyDeclaredShapeIsCheckedAndEveryConditionalFieldSeen() throws {
    for b in Builtins.all where b.result != nil {
        // The fields of each call of b that runs on its own.
        let results: [[String]] = try samples.filter { $0.builtin == b.name }.compactMap { sample in
            let session = Session()
            _ = try session.evaluate(sample.setUp)
            return (try? session.evaluate(sample.call)).map { Completer.fieldNames(of: $0) }
        }
        #expect(results.contains { !$0.isEmpty }, "\(b.name) declares its result's fields but no example or extra call shows them")
        guard case .fields(let fields)? = b.result else { continue }
        for field in fields {
            #expect(!field.summary.isEmpty && !field.summary.hasSuffix("."), "\(b.name).\(field.name): a one-line summary without a full stop")
            if let condition = field.condition {
                #expect(results.contains { $0.contains(field.name) }, "no call of \(b.name) gives `\(field.name)` (\(condition)): add one to moreCalls")
            }
        }
    }
}
