// Tab completion: builtins, variables, record fields, commands and file paths.
import MMLCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("REPL completion")
struct REPLCompletionTests {
    /// A session whose workspace has run `setup`.
    private func session(_ setup: [String] = []) -> REPLSession {
        runSession(lines: setup, interactive: false).session
    }

    @Test("a prefix completes to builtin names")
    func builtins() {
        let s = session()
        #expect(s.complete("sqr") == CompletionResult(typed: "sqr", candidates: ["sqrt"]))
        let co = s.complete("x = 2 * co")
        #expect(co.typed == "co")
        #expect(co.candidates.contains("cos") && co.candidates.contains("cosh") && co.candidates.contains("cols"))
        #expect(co.candidates == co.candidates.sorted())
        #expect(co.commonPrefix == "co")
        #expect(s.complete("det(A) + sol").candidates == ["solve"])
        #expect(s.complete("wh").candidates == ["while"])  // keywords too
        #expect(s.complete("x[en").candidates == ["end"])  // every keyword the lexer knows
    }

    @Test("workspace variables complete, including Greek names")
    func variables() {
        let s = session(["myvariable = 3", "mylist = [1, 2]", "α₁ = 1"])
        #expect(s.complete("1 + my") == CompletionResult(typed: "my", candidates: ["mylist", "myvariable"]))
        #expect(s.complete("my").commonPrefix == "my")
        #expect(s.complete("myv").candidates == ["myvariable"])
        #expect(s.complete("α").candidates == ["α₁"])
    }

    @Test("after a dot, the fields of the record the variable holds")
    func fields() {
        let s = session(["r.alpha = 1", "r.beta = 2", "r.inner.gamma = 3", "n = 4"])
        #expect(s.complete("r.") == CompletionResult(typed: "", candidates: ["alpha", "beta", "inner"]))
        #expect(s.complete("x = r.al") == CompletionResult(typed: "al", candidates: ["alpha"]))
        #expect(s.complete("r.inner.g") == CompletionResult(typed: "g", candidates: ["gamma"]))
        #expect(s.complete("n.").candidates.isEmpty)       // a number has no fields
        #expect(s.complete("nothere.a").candidates.isEmpty)
        #expect(s.complete("r.nope.a").candidates.isEmpty)
        #expect(s.complete("x = 1.5").candidates.isEmpty)  // a number, not a field
    }

    @Test("nothing is offered for an empty word or a number")
    func nothing() {
        let s = session()
        #expect(s.complete("") == .none)
        #expect(s.complete("x = ") == .none)
        #expect(s.complete("12").candidates.isEmpty)
    }

    @Test(":commands and their arguments complete")
    func commands() {
        let s = session(["myvariable = 3"])
        #expect(s.complete(":he") == CompletionResult(typed: ":he", candidates: [":help"]))
        #expect(s.complete(":q").candidates == [":q", ":quit"])
        #expect(Set(s.complete(":").candidates) == Set(REPLSession.commandNames))
        #expect(s.complete(":format l").candidates == ["long"])
        #expect(s.complete(":clear my").candidates == ["myvariable"])
        #expect(s.complete(":help de").candidates.contains("det"))
        #expect(s.complete(":help :sa").candidates == [":save"])
        #expect(s.complete(":time sqr").candidates == ["sqrt"])
    }

    @Test("file paths complete after :load and inside a string literal")
    func paths() throws {
        let folder = makeTemporaryFolder()
        for name in ["data.csv", "notes.mml", "notes2.mml", ".hidden"] {
            try FileAccess.writeAtomically("x = 1\n", to: "\(folder)/\(name)")
        }
        try FileAccess.writeAtomically("y = 2\n", to: "\(folder)/sub.mml")
        #expect(mkdir("\(folder)/subfolder", 0o755) == 0)

        let s = session()
        #expect(s.complete(":load \(folder)/no") == CompletionResult(typed: "\(folder)/no", candidates: ["\(folder)/notes.mml", "\(folder)/notes2.mml"]))
        #expect(s.complete(":load \(folder)/no").commonPrefix == "\(folder)/notes")
        #expect(s.complete(":load \"\(folder)/da").candidates == ["\(folder)/data.csv"])
        #expect(s.complete(":save \(folder)/sub").candidates == ["\(folder)/sub.mml", "\(folder)/subfolder/"])
        // Inside a string: the text after the quote is the path; hidden files only when asked.
        let inString = s.complete("t = read(\"\(folder)/")
        #expect(inString.typed == "\(folder)/")
        #expect(inString.candidates.count == 6 - 1)
        #expect(!inString.candidates.contains("\(folder)/.hidden"))
        #expect(s.complete("print(\"\(folder)/.h").candidates == ["\(folder)/.hidden"])
        // After a closed string, names complete again.
        #expect(s.complete("s = \"\(folder)\" + sqr").candidates == ["sqrt"])
        // An escaped quote does not close the string.
        #expect(s.complete("print(\"a\\\" \(folder)/da").typed == "a\\\" \(folder)/da")
    }
}
