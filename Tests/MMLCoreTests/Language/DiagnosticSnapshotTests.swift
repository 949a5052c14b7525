// Rendered diagnostics are compared with committed snapshots (Snapshots/diagnostics/*.txt).
// Re-record on purpose with MML_RECORD=1 (Scripts/update-docs) and review the diff.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

let diagnosticCases = repositoryFiles(under: "Tests/MMLCoreTests/Snapshots/diagnostics", withExtension: "mml")

@Test("diagnostic snapshot", arguments: diagnosticCases)
func diagnosticSnapshot(_ path: String) throws {
    let text = try readRepositoryFile(path)
    let name = String(path.split(separator: "/").last!)
    let result = runMML(text, name: name)
    #expect(result.status == 1, "\(name) should fail")
    let snapshot = String(path.dropLast(4)) + ".txt"
    if recordingSnapshots {
        try result.stderr.write(toFile: repositoryRoot + "/" + snapshot, atomically: true, encoding: .utf8)
        return
    }
    #expect(result.stderr == ((try? readRepositoryFile(snapshot)) ?? "(no snapshot)"))
}

@Test func colourIsOnlyAddedWhenAsked() {
    let ip = Interpreter()
    let source = ip.sources.add(name: "t.mml", text: "x = y")
    let d = Diagnostic(kind: "name", message: "unknown name `y`", span: SourceSpan(source: source.id, start: 4, end: 5), hints: ["did you mean `x`?"])
    let plain = DiagnosticRenderer(sources: ip.sources, color: false).render(d)
    let colored = DiagnosticRenderer(sources: ip.sources, color: true).render(d)
    #expect(!plain.contains("\u{1B}["))
    #expect(colored.contains("\u{1B}[1;31merror"))
    #expect(plain == """
        error: unknown name `y`
         --> t.mml:1:5
          |
        1 | x = y
          |     ^
        hint: did you mean `x`?

        """)
}

@Test func caretsFollowCharactersNotBytes() {
    let ip = Interpreter()
    let source = ip.sources.add(name: "t.mml", text: "α = β + γγ")
    let d = Diagnostic(kind: "name", message: "m", span: SourceSpan(source: source.id, start: 10, end: 14))
    let text = DiagnosticRenderer(sources: ip.sources).render(d)
    #expect(text.contains("1 | α = β + γγ\n  |         ^^\n"), "\(text)")
}
