// Every builtin's declared example runs and shows what its help says, and the committed
// Docs/reference.md matches the declarations.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

struct ExampleCase: CustomTestStringConvertible, Sendable {
    var builtin: String
    var code: String
    var result: String
    var testDescription: String { "\(builtin): \(code)" }
}

let builtinExamples: [ExampleCase] = Builtins.all.flatMap { b in
    b.examples.map { ExampleCase(builtin: b.name, code: $0.code, result: $0.result) }
}

@Test("builtin example", arguments: builtinExamples)
func builtinExample(_ example: ExampleCase) {
    let result = runMML(example.code, name: "example", echo: true, summarizeChecks: false)
    #expect(result.stderr == "", "\(example.code) failed:\n\(result.stderr)")
    let shown = result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
    #expect(shown == example.result)
}

@Test func everyBuiltinIsDocumented() {
    for b in Builtins.all {
        #expect(!b.summary.isEmpty, "\(b.name) has no summary")
        #expect(!b.examples.isEmpty, "\(b.name) has no example")
        #expect(!b.summary.hasSuffix("."), "\(b.name): summaries end without a full stop")
    }
    let names = Builtins.all.map(\.name)
    #expect(Set(names).count == names.count, "a builtin is declared twice")
}

@Test func referenceIsCurrent() throws {
    Snapshot.expect(Reference.markdown(), matches: "Docs/reference.md")
}

@Test func textMateGrammarIsCurrentAndValidJSON() throws {
    let generated = TextMateGrammar.json()
    let object = try JSONSerialization.jsonObject(with: Data(generated.utf8)) as? [String: Any]
    #expect(object?["scopeName"] as? String == "source.mml")
    for pattern in (object?["patterns"] as? [[String: Any]]) ?? [] {
        if let regex = pattern["match"] as? String {
            #expect((try? NSRegularExpression(pattern: regex)) != nil, "bad regex \(regex)")
        }
    }
    Snapshot.expect(generated, matches: "Grammar/mml.tmLanguage.json")
}

@Test func pygmentsLexerPackageIsCurrent() {
    for file in PygmentsLexer.moduleFiles {
        Snapshot.expect(file.text, matches: "Grammar/pygments/" + file.path)
    }
    Snapshot.expect(PygmentsLexer.pyproject, matches: "Grammar/pygments/pyproject.toml")
}

@Test func everyKeywordLexesAsItself() {
    for keyword in TokenKind.keywords {
        let tokens = Lexer.tokenize(keyword.spelling, source: SourceID(0)).tokens
        #expect(tokens.first?.kind == keyword, "\(keyword.spelling)")
    }
}
