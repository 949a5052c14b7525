// The REPL loop driven by scripted input: echo, `;`, `ans`, multi-line entries, errors,
// Ctrl-C while typing, piped mode and its exit status.
import MMLCore
import Testing

@Suite("REPL session")
struct REPLSessionTests {
    @Test("an assignment echoes `name = value`, an expression its value")
    func echo() {
        let run = runSession(lines: ["x = 2", "x * 3"], interactive: false)
        #expect(run.out == "x = 2\n6\n")
        #expect(run.err == "")
        #expect(run.status == 0)
    }

    @Test("an interactive session greets once and prompts for every line")
    func bannerAndPrompts() {
        let run = runSession(lines: ["1 + 1"])
        #expect(run.out.hasPrefix("MML test — type :help"))
        // The banner, the value, and a newline when Ctrl-D ends the session.
        #expect(run.out == run.session.banner + "\n2\n\n")
        #expect(run.reader.prompts == ["mml> ", "mml> "])
    }

    @Test("a trailing ; hides the value but still runs the statement")
    func semicolon() {
        let run = runSession(lines: ["y = 5;", "y + 1;", "y"], interactive: false)
        #expect(run.out == "5\n")
        #expect(run.session.interpreter.globals["y"] != nil)
    }

    @Test("ans holds the last value shown, not hidden ones")
    func ans() {
        let run = runSession(lines: ["2 + 3", "ans * 10", "7;", "ans"], interactive: false)
        #expect(run.out == "5\n50\n50\n")
    }

    @Test("an open bracket or brace asks for more with the continuation prompt")
    func continuation() {
        let run = runSession(lines: ["A = [1, 2;", "3, 4]", "fn f(x) {", "return x + 1", "}", "f(2)"])
        #expect(run.reader.prompts == ["mml> ", "...> ", "mml> ", "...> ", "...> ", "mml> ", "mml> "])
        #expect(run.out.contains("A =\n  1  2\n  3  4\n"))
        #expect(run.out.contains("\n3\n"))
        // Multi-line entries go into the history as one entry each.
        #expect(run.reader.history == ["A = [1, 2;\n3, 4]", "fn f(x) {\nreturn x + 1\n}", "f(2)"])
        #expect(run.err == "")
    }

    @Test("a trailing operator or an open string also continues")
    func continuationAfterOperatorAndString() {
        let run = runSession(lines: ["z = 1 +", "2", "s = \"two", "lines\""], interactive: false)
        #expect(run.out == "z = 3\ns =\n\"two\nlines\"\n")
    }

    @Test("a recalled multi-line entry arrives as one line with newlines and runs")
    func recalledEntry() {
        let run = runSession(lines: ["B = [1, 2;\n3, 4]", "B[2, 1]"], interactive: false)
        #expect(run.out.hasSuffix("3\n"))
        #expect(run.err == "")
    }

    @Test("an error is rendered with a caret into the typed line and the workspace survives")
    func errorsKeepWorkspace() throws {
        let run = runSession(lines: ["a = 10", "b = a + nope", "a + 1"])
        #expect(run.err.contains("error: unknown name `nope`"))
        #expect(run.err.contains("--> <input 2>:1:9"))
        #expect(run.err.contains("1 | b = a + nope\n"))
        #expect(run.err.contains("  |         ^^^^\n"))
        #expect(run.out.contains("\n11\n"))
        #expect(run.session.interpreter.globals["b"] == nil)
        #expect(run.session.failures == 1)
        #expect(run.status == 0)  // the REPL itself did not fail
    }

    @Test("statements before a runtime error in the same entry keep their effect")
    func partialEntry() {
        let run = runSession(lines: ["c = 1; d = [1, 2; 3, 4] * [1, 2, 3]; f = 2", "c", "f"], interactive: false)
        #expect(run.err.contains("error: `[1, 2; 3, 4]` is 2×2"))
        #expect(run.out == "1\n")
        #expect(run.err.contains("unknown name `f`"))
    }

    @Test("Ctrl-C while typing drops the line and any unfinished entry")
    func interruptWhileTyping() {
        let run = runSession([.line("A = [1,"), .interrupted, .line("1 + 1")])
        #expect(run.reader.prompts == ["mml> ", "...> ", "mml> ", "mml> "])
        #expect(run.out.contains("\n2\n"))
        #expect(run.err == "")
        #expect(run.session.interpreter.globals["A"] == nil)
    }

    @Test("two blank lines end an entry that is stuck open, showing its error")
    func blankLinesForceEntry() {
        let run = runSession(lines: ["x = [1, 2", "", "", "5"], interactive: false)
        #expect(run.err.contains("error"))
        #expect(run.out == "5\n")
        #expect(run.session.pending.isEmpty)
    }

    @Test("piped mode: no banner, no prompts, exit 1 if anything failed")
    func pipedStatus() {
        let ok = runSession(lines: ["1 +", "2"], interactive: false)
        #expect(ok.out == "3\n")
        #expect(ok.status == 0)
        #expect(ok.reader.prompts.allSatisfy { $0.isEmpty })
        let failed = runSession(lines: ["nope", "4"], interactive: false)
        #expect(failed.status == 1)
        #expect(failed.out == "4\n")
        // The same failure in a terminal session does not change the exit status.
        #expect(runSession(lines: ["nope"]).status == 0)
    }

    @Test("a pipe that ends inside a bracket reports the incomplete entry")
    func pipeEndsInsideEntry() {
        let run = runSession(lines: ["x = [1,"], interactive: false)
        #expect(run.status == 1)
        #expect(run.err.contains("error"))
    }

    @Test("colour only when asked: escape codes in errors, none otherwise")
    func colour() {
        let plain = runSession(lines: ["nope", ":bogus", "1"], interactive: false)
        #expect(!plain.err.contains("\u{1B}["))
        #expect(!plain.out.contains("\u{1B}["))
        let coloured = runSession(lines: ["nope", ":bogus"], interactive: false, color: true)
        #expect(coloured.err.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(coloured.err.contains("\u{1B}[1;32mhint\u{1B}[0m"))
    }

    @Test("blank lines and comments produce no output and no history")
    func blankLines() {
        let run = runSession(lines: ["", "   ", "# just a comment"], interactive: false)
        #expect(run.out == "")
        #expect(run.err == "")
        #expect(run.reader.history == ["# just a comment"])
    }

    @Test("Ctrl-D ends the session; nothing after it is read")
    func endOfInput() {
        let run = runSession([.line("1"), .endOfInput, .line("2")])
        #expect(run.out.hasSuffix("1\n\n"))
        #expect(run.reader.inputs == [.line("2")])
    }

    @Test("runaway recursion (through a default argument, a derivative, a deep formula) leaves the workspace intact")
    func runawayRecursionKeepsWorkspace() {
        let run = runSession(lines: [
            "keep = 42", "fn f(p = f()) { return p }", "f()",
            "g(x) = g'(x)", "g(1)",
            "h(x) = sin(x)", "for i in 1:20 { k(x) = h(h(x)); h = simplify(k) }",
            "keep + 1",
        ], interactive: true)
        #expect(run.err.contains("recursion too deep"))
        #expect(run.err.contains("defined in terms of itself"))
        #expect(run.err.contains("nested too deeply"))
        #expect(run.out.hasSuffix("43\n\n"))
        #expect(run.status == 0)
    }
}
