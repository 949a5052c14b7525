// The diagnostic renderer: colour only when asked, carets under characters (not bytes).
import MMLTestSupport
import Testing
@testable import MMLCore

@Test func colourIsOnlyAddedWhenAsked() {
    let ip = Interpreter()
    let source = ip.sources.add(name: "t.mml", text: "x = y")
    let d = Diagnostic(kind: .name, message: "unknown name `y`", span: SourceSpan(source: source.id, start: 4, end: 5), hints: ["did you mean `x`?"])
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
    let d = Diagnostic(kind: .name, message: "m", span: SourceSpan(source: source.id, start: 10, end: 14))
    let text = DiagnosticRenderer(sources: ip.sources).render(d)
    #expect(text.contains("1 | α = β + γγ\n  |         ^^\n"), "\(text)")
}
