// The source excerpt under an error: carets placed by terminal columns (CJK and emoji take
// two), and very long lines cut to a window around the span.
import MMLCore
import MMLTestSupport
import Testing

@Suite("Diagnostic excerpts")
struct DiagnosticExcerptTests {
    /// The excerpt's source line and caret line, as printed.
    private func excerpt(_ script: String) -> (line: String, carets: String) {
        let lines = runMML(script).stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let i = lines.firstIndex(where: { $0.hasPrefix("1 | ") }), i + 1 < lines.count else { return ("", "") }
        return (String(lines[i].dropFirst(4)), String(lines[i + 1].dropFirst(4)))
    }

    @Test("carets under CJK text are two columns per character")
    func cjk() {
        let (_, carets) = excerpt("x = \"中文\" + 1")
        // `x = ` is 4 columns; `"中文" + 1` is 2 + 4 + 4 = 10.
        #expect(carets == "    " + String(repeating: "^", count: 10))
    }

    @Test("an emoji before the span shifts the carets by two columns")
    func emojiBefore() {
        let (_, carets) = excerpt("s = \"😀\"; t = s + 1")
        // `s = "😀"; t = ` takes 4 + 4 + 6 = 14 columns; `s + 1` is 5.
        #expect(carets == String(repeating: " ", count: 14) + "^^^^^")
    }

    // `é` written as e + U+0301 takes one column: `ét = 1; y = ` is 12.
    @Test("a combining accent takes no column")
    func combining() {
        let (_, carets) = excerpt("e\u{301}t = 1; y = \"a\" + e\u{301}t")
        #expect(carets.hasSuffix(String(repeating: "^", count: 8)))
        #expect(carets.count - carets.drop(while: { $0 == " " }).count == 12)
    }

    @Test("a 1 MB line is cut to a window around the span, carets still under it")
    func longLine() {
        let filler = String(repeating: "1+", count: 500_000)
        let (line, carets) = excerpt("x = \(filler)1; y = \"a\" * [1, 2]")
        #expect(line.count < 200)
        #expect(line.hasPrefix("…"))
        let column = carets.prefix(while: { $0 == " " }).count
        let underlined = String(line.dropFirst(column).prefix(carets.count - column))
        #expect(underlined == "\"a\" * [1, 2]")
    }

    @Test("a long span is cut too, and the line ends with …")
    func longSpan() {
        let terms = String(repeating: "1+", count: 100_000)
        let (line, carets) = excerpt("x = \(terms)\"a\"")
        #expect(line.count < 200)
        #expect(line.hasSuffix("…"))
        #expect(carets.hasPrefix("    ^"))
    }
}
