// End to end: the real `mml` binary on a pseudo-terminal — prompt, a matrix typed over
// three lines, Tab completion, Ctrl-C during a loop and while typing, history file, Ctrl-D.
import MMLCore
import MMLTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif


@Suite("REPL in a terminal")
struct REPLTerminalTests {
    @Test("typing at the real REPL on a pseudo-terminal",
          .enabled(if: access(mmlExecutable, X_OK) == 0, "the mml binary is not built at \(mmlExecutable); run `swift build` first"))
    func terminalSession() throws {
        let state = makeTemporaryFolder()
        let term = try PseudoTerminalProcess(executable: mmlExecutable, environment: [
            "TERM=xterm", "XDG_STATE_HOME=\(state)", "HOME=\(state)", "NO_COLOR=1",
            "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
        ])

        // The banner and the prompt.
        #expect(term.expect("type :help", timeout: 30), "no banner: \(term.screenText)")
        #expect(term.expect("mml> "), "no prompt: \(term.screenText)")

        // A matrix over three lines, with the continuation prompt in between.
        term.send("A = [1, 2;\r")
        #expect(term.expect("...> "), "no continuation prompt: \(term.screenText)")
        term.send("3, 4;\r")
        #expect(term.expect("...> "))
        term.send("5, 6]\r")
        #expect(term.expect("A =\n  1  2\n  3  4\n  5  6\n"), "matrix not shown: \(term.screenText)")
        #expect(term.expect("mml> "))

        // Up recalls the multi-line entry as one entry; Enter runs it again.
        term.send("\u{1B}[A")
        term.drain(for: 0.2)
        term.send("\r")
        #expect(term.expect("A =\n  1  2\n  3  4\n  5  6\n"), "multi-line entry not recalled: \(term.screenText)")
        #expect(term.expect("mml> "))

        // Two Tabs on an ambiguous prefix list the matches; Ctrl-U clears the line.
        term.send("co")
        term.drain(for: 0.2)
        term.send("\t\t")
        #expect(term.expect("cosh"), "no list of matches: \(term.screenText)")
        term.send("\u{15}")
        term.drain(for: 0.2)

        // Tab completes sqr to sqrt: only sqrt(16) gives 4, sqr(16) would be an error.
        term.send("sqr")
        term.drain(for: 0.2)
        term.send("\t")
        term.drain(for: 0.2)
        term.send("(16)\r")
        #expect(term.expect("sqrt(16)\n4\n"), "Tab did not complete sqrt: \(term.screenText)")
        #expect(term.expect("mml> "))

        // Ctrl-C stops an endless loop; the workspace and the REPL carry on.
        term.send("while true { }\r")
        #expect(term.expect("while true { }\n"))
        term.drain(for: 0.3)
        // A Ctrl-C that lands before the loop starts is dropped with the line, so try again;
        // 100 ms is the target, one second allows for a loaded test machine.
        var interrupted = false
        for _ in 0..<10 where !interrupted {
            term.send("\u{03}")
            interrupted = term.expect("interrupted", timeout: 1.0)
        }
        #expect(interrupted, "Ctrl-C did not interrupt within a second: \(term.screenText)")
        #expect(term.expect("mml> "))
        term.send("A[3, 2] + 1\r")
        #expect(term.expect("\n7\n"), "workspace lost after interrupt: \(term.screenText)")
        #expect(term.expect("mml> "))

        // Ctrl-C while typing drops the line.
        term.send("garbage")
        term.drain(for: 0.2)
        term.send("\u{03}")
        #expect(term.expect("mml> "))
        term.send("2 + 3\r")
        #expect(term.expect("\n5\n"))
        #expect(!term.screenText.contains("unknown name `garbage`"))

        // Unicode input reaches the language intact.
        term.send("π - pi\r")
        #expect(term.expect("\n0\n"), "π was not read: \(term.screenText)")

        // Ctrl-D on an empty line exits cleanly.
        #expect(term.expect("mml> "))
        #expect(term.pressCtrlDAndWait() == 0, "did not exit: \(term.rawTail)")

        // The history file holds each entry, the matrix as one entry with encoded newlines.
        let history = String(decoding: try readBytes(state + "/mml/history"), as: UTF8.self)
        let lines = history.split(separator: "\n").map(String.init)
        #expect(lines.first == "_HiStOrY_V2_")
        #expect(lines.contains("A\\040=\\040[1,\\0402;\\0123,\\0404;\\0125,\\0406]"), "history: \(history)")
        #expect(lines.contains("sqrt(16)"))
        // The recalled entry was entered again: it is in the history twice.
        #expect(lines.filter { $0.hasPrefix("A\\040=\\040[1,") }.count == 2)
        #expect(lines.contains("A[3,\\0402]\\040+\\0401"))
        #expect(!history.contains("garbage"))
    }
}

extension REPLTerminalTests {
    @Test("two REPLs at once share one history file, capped at 10,000 entries",
          .enabled(if: access(mmlExecutable, X_OK) == 0, "the mml binary is not built at \(mmlExecutable); run `swift build` first"))
    func sharedHistory() throws {
        let state = makeTemporaryFolder()
        #expect(mkdir(state + "/mml", 0o700) == 0)
        // A full history to start with: old0 … old9999 in libedit's format.
        var full = "_HiStOrY_V2_\n"
        for i in 0..<10_000 { full += "old\(i)\n" }
        try FileAccess.writeAtomically(full, to: state + "/mml/history")
        // What a REPL killed during a write left behind (its pid is above any pid_max) goes.
        try FileAccess.writeAtomically("half", to: state + "/mml/.history.mml-tmp.4194305.1")

        let environment = ["TERM=xterm", "XDG_STATE_HOME=\(state)", "HOME=\(state)", "NO_COLOR=1", "LANG=C.UTF-8"]
        let first = try PseudoTerminalProcess(executable: mmlExecutable, environment: environment)
        let second = try PseudoTerminalProcess(executable: mmlExecutable, environment: environment)
        #expect(first.expect("mml> ", timeout: 30))
        #expect(second.expect("mml> ", timeout: 30))
        // Each echo (first1 = 10) differs from the typed line, which the terminal may echo
        // on its own while the REPL is busy.
        for i in 1...5 {
            first.send("first\(i) = \(i) * 10\r")
            second.send("second\(i) = \(i) * 10\r")
            #expect(first.expect("first\(i) = \(i)0\n"))
            #expect(second.expect("second\(i) = \(i)0\n"))
        }
        #expect(first.expect("mml> "))
        #expect(second.expect("mml> "))
        #expect(first.pressCtrlDAndWait() == 0, "first REPL did not exit: \(first.rawTail)")
        #expect(second.pressCtrlDAndWait() == 0, "second REPL did not exit: \(second.rawTail)")

        let lines = String(decoding: try readBytes(state + "/mml/history"), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first == "_HiStOrY_V2_")
        #expect(lines.count == 1 + 10_000)
        for i in 1...5 {
            #expect(lines.contains("first\(i)\\040=\\040\(i)\\040*\\04010"))
            #expect(lines.contains("second\(i)\\040=\\040\(i)\\040*\\04010"))
        }
        // The ten newest entries pushed out the ten oldest.
        #expect(lines[1] == "old10")
        #expect(!lines.contains("old9"))
        #expect(FileAccess.listDirectory(state + "/mml").map(\.name).sorted() == ["history", "history.lock"])
    }
}

private func readBytes(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw PseudoTerminalError(description: "cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n == 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return bytes
}

extension REPLTerminalTests {
    @Test("Ctrl-C during a library call that cannot stop: the REPL says so, a second Ctrl-C leaves",
          .enabled(if: access(mmlExecutable, X_OK) == 0, "the mml binary is not built at \(mmlExecutable); run `swift build` first"))
    func ctrlCDuringALongLibraryCall() throws {
        let state = makeTemporaryFolder()
        let term = try PseudoTerminalProcess(executable: mmlExecutable, environment: [
            "TERM=xterm", "XDG_STATE_HOME=\(state)", "HOME=\(state)", "NO_COLOR=1", "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
            "OPENBLAS_NUM_THREADS=1",
        ])
        #expect(term.expect("mml> ", timeout: 30))
        // The matrix first (filling it can take seconds on a busy machine, and it stops at
        // Ctrl-C), then one SVD of this size, which runs for seconds inside LAPACK, where no
        // stop flag is seen.
        term.send("A = rand(3000, 3000); rows(A) + 1\r")
        #expect(term.expect("3001", timeout: 60))
        term.send("s = svd(A);\r")
        term.drain(for: 1.0)
        term.send("\u{3}")
        #expect(term.expect("press Ctrl-C again to leave MML", timeout: 10), "no explanation: \(term.screenText)")
        term.send("\u{3}")
        #expect(term.waitForExit(timeout: 10) == 130, "did not leave: \(term.rawTail)")
    }
}
