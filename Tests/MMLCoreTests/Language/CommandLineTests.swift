// The `mml` command as a user runs it: exit statuses, -e, standard input, timeouts, signals.
import Foundation
import MMLTestSupport
import Testing


struct Run {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// Runs the built `mml` (or another program) with arguments and standard input; `signal` is sent after `signalAfter` seconds.
func runBinary(_ arguments: [String], input: String = "", signal: Int32? = nil, signalAfter: Double = 0.5,
               executable: String = mmlExecutable, directory: String? = nil) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.arguments = arguments
    process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    if let signal {
        Thread.sleep(forTimeInterval: signalAfter)
        kill(process.processIdentifier, signal)
    }
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self), status: process.terminationStatus)
}

func temporaryScript(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "mml-cli-\(UUID().uuidString).mml"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: mmlExecutable), "build mml first (swift build)"))
struct CommandLineTests {
    @Test func versionAndHelp() throws {
        #expect(try runBinary(["--version"]).status == 0)
        let help = try runBinary(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("mml test PATH"))
        // `mml help [SUBCOMMAND]`, which the man page and the completions list, is --help.
        #expect(try runBinary(["help"]).stdout == help.stdout)
        #expect(try runBinary(["help", "jupyter", "install"]).stdout == (try runBinary(["jupyter", "install", "--help"])).stdout)
    }

    @Test func usageErrorsExitWithTwo() throws {
        let bad = try runBinary(["--no-such-flag"])
        #expect(bad.status == 2)
        let missing = try runBinary(["/no/such/file.mml"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "mml: cannot read /no/such/file.mml: No such file or directory\n")
    }

    @Test func scriptsPrintOnlyWhatTheyAskFor() throws {
        let path = try temporaryScript("x = 3\nx * 2\nprint(x + 1)\nprint(args)\n")
        let run = try runBinary([path, "a", "b c"])
        #expect(run.stdout == "4\n(\"a\", \"b c\")\n")
        #expect(run.status == 0)
    }

    @Test func scriptErrorsExitWithOne() throws {
        let path = try temporaryScript("x = 1\ny = x +* 2\n")
        let run = try runBinary([path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: expected an expression"))
        let failedCheck = try runBinary([try temporaryScript("check(\"one\", 1, 2)\n")])
        #expect(failedCheck.status == 1)
        #expect(failedCheck.stdout == "✗ one: expected 2, got 1\n0 passed, 1 failed\n")
    }

    @Test("a script that printed nothing says its values are shown only at the REPL")
    func unshownValuesNote() throws {
        let silent = try runBinary([try temporaryScript("D = Normal(0, 1)\npdf(D, 0)\ncdf(D, 0)\n")])
        #expect(silent.status == 0)
        #expect(silent.stdout == "")
        #expect(silent.stderr.hasPrefix("note: a script shows only what it prints, so this value was not shown\n"))
        #expect(silent.stderr.contains("2 | pdf(D, 0)\n"))
        #expect(silent.stderr.contains("hint: write show(pdf(D, 0)) or print(pdf(D, 0)); at the REPL (mml) every value is shown\n"))
        // Nothing to say when the script prints, hides its values with ;, or only assigns.
        for quiet in ["x = 1\nx + 1\nprint(x)\n", "x = 1\nx + 1;\n", "x = 1\nseed(3)\n"] {
            #expect(try runBinary([try temporaryScript(quiet)]).stderr == "", "\(quiet)")
        }
    }

    @Test("mml test passes --max-memory to each script it runs")
    func testCommandMemoryBudget() throws {
        let path = try temporaryScript("M = ones(8192, 8192)\nN = M + 1\nprint(1)\n")
        let limited = try runBinary(["test", "--max-memory", "600M", path])
        #expect(limited.status == 1)
        #expect(limited.stdout.contains("error: out of memory: this needs 512 MiB, but only"))
        #expect(try runBinary(["test", "--max-memory", "2x", path]).status != 0)
    }

    @Test func expressionAndStandardInput() throws {
        #expect(try runBinary(["-e", "2^10"]).stdout == "1024\n")
        #expect(try runBinary(["-"], input: "print(6 * 7)\n").stdout == "42\n")
        let piped = try runBinary([], input: "x = 2\nx * 3\n")
        #expect(piped.stdout == "x = 2\n6\n")
        #expect(try runBinary([], input: "y = undefined_name\n").status == 1)
    }

    @Test func timeoutAndSignalsStopAScript() throws {
        let path = try temporaryScript("x = 0\nwhile true {\n    x += 1\n}\n")
        let timed = try runBinary(["--timeout", "0.3", path])
        #expect(timed.status == 124)
        #expect(timed.stderr.hasSuffix(":2: while true {\n"), "\(timed.stderr)")
        #expect(try runBinary([path], signal: SIGINT).status == 130)
        #expect(try runBinary([path], signal: SIGTERM).status == 143)
    }

    @Test func testCommandReportsEachScript() throws {
        let dir = NSTemporaryDirectory() + "mml-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "check(\"ok\", 1, 1)\n".write(toFile: dir + "/a.mml", atomically: true, encoding: .utf8)
        try "print(3)\n".write(toFile: dir + "/b.mml", atomically: true, encoding: .utf8)
        try "4\n".write(toFile: dir + "/b.out", atomically: true, encoding: .utf8)
        let run = try runBinary(["test", dir])
        #expect(run.status == 1)
        #expect(run.stdout.contains("✓ \(dir)/a.mml (1 check)"))
        #expect(run.stdout.contains("✗ \(dir)/b.mml"))
        #expect(run.stdout.contains("- 4\n    + 3"))
        let updated = try runBinary(["test", "--update", dir])
        #expect(updated.status == 0)
        #expect(try runBinary(["test", dir]).status == 0)
    }

    @Test("-e takes text that starts with -, and --timeout says what is wrong with its value")
    func expressionsAndTimeoutValues() throws {
        #expect(try runBinary(["-e", "-2^2"]).stdout == "-4\n")
        let negative = try runBinary(["--timeout", "-1", "-e", "1"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("--timeout needs a positive number of seconds, not -1"), "\(negative.stderr)")
        #expect(try runBinary(["--timeout", "nan", "-e", "1"]).status == 2)
        // A timeout longer than 71.6 minutes (2^32 µs) is not cut short.
        let long = try runBinary(["--timeout", "5000", "-e", "1 + 1"])
        #expect(long.status == 0 && long.stdout == "2\n")
    }

    @Test("every mode stops the same way: -e, standard input and piped input honour --timeout and signals")
    func everyModeSharesTheStopPolicy() throws {
        let loop = "x = 0\nwhile true {\n    x += 1\n}\n"
        for arguments in [["-e", loop], ["-"], []] {
            let input = arguments.isEmpty || arguments == ["-"] ? loop : ""
            let timed = try runBinary(["--timeout", "0.3"] + arguments, input: input)
            #expect(timed.status == 124, "\(arguments): \(timed.stderr)")
            #expect(timed.stderr.hasPrefix("mml: stopped after 0.3 s (--timeout) while running"), "\(timed.stderr)")
            let interrupted = try runBinary(arguments, input: input, signal: SIGINT)
            #expect(interrupted.status == 130, "\(arguments): \(interrupted.stderr)")
            #expect(interrupted.stderr.hasPrefix("mml: interrupted while running"), "\(interrupted.stderr)")
            #expect(try runBinary(arguments, input: input, signal: SIGTERM).status == 143)
        }
    }

    @Test("a library call that cannot look at the stop request still ends within the grace period")
    func uninterruptibleCallsEndTheProcess() throws {
        let start = Date()
        let run = try runBinary(["--timeout", "0.3", "-e", "A = rand(2500, 2500); s = svd(A); 1"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(run.status == 124, "\(run.stderr)")
        // 0.3 s, then 0.5 s of grace; generous for a busy machine.
        #expect(elapsed < 3, "took \(elapsed) s")
    }

    @Test("mml test counts checks from its own channel: printed lines cannot fake them")
    func testCommandCannotBeFooled() throws {
        let dir = NSTemporaryDirectory() + "mml-fake-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "print(\"✓ everything\")\nprint(\"99 passed, 0 failed\")\ncheck(\"real\", 1, 2)\n".write(toFile: dir + "/fake.mml", atomically: true, encoding: .utf8)
        let run = try runBinary(["test", dir])
        #expect(run.status == 1)
        #expect(run.stdout.contains("1 of 1 checks failed"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("1 script: 0 passed, 1 failed; checks: 0 passed, 1 failed\n"), "\(run.stdout)")
        // A script that prints a flood is stopped, not buffered whole.
        try "while true { print(\"flooding the output with a long line of text\") }\n".write(toFile: dir + "/fake.mml", atomically: true, encoding: .utf8)
        let flood = try runBinary(["test", dir])
        #expect(flood.status == 1)
        #expect(flood.stdout.contains("stopped: it printed more than 16 MiB"), "\(flood.stdout)")
    }

    @Test("mml notebook converts both ways, and mml test grades a notebook's checks like a script's")
    func notebooksConvertAndAreGraded() throws {
        let dir = NSTemporaryDirectory() + "mml-notebook-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let script = "# Grading\n#\n# Two checks.\n\nx = 2\n\n# the first holds\ncheck(\"double\", 2 * x, 4)\ncheck(\"wrong\", x, 3)\n"
        try script.write(toFile: dir + "/lab.mml", atomically: true, encoding: .utf8)
        #expect(try runBinary(["notebook", dir + "/lab.mml", "-o", dir + "/learner.ipynb"]).status == 0)
        let notebook = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/learner.ipynb"))) as? [String: Any]
        let cells = notebook?["cells"] as? [[String: Any]] ?? []
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "code"])
        let back = try runBinary(["notebook", "--to", "mml", dir + "/learner.ipynb", "-o", "-"])
        #expect(back.stdout == script)
        try FileManager.default.removeItem(atPath: dir + "/lab.mml")
        let graded = try runBinary(["test", dir])
        #expect(graded.status == 1)
        #expect(graded.stdout.contains("✗ \(dir)/learner.ipynb (2 checks)"), "\(graded.stdout)")
        #expect(graded.stdout.hasSuffix("1 script: 0 passed, 1 failed; checks: 1 passed, 1 failed\n"), "\(graded.stdout)")
        let missing = try runBinary([dir + "/absent.ipynb"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read \(dir)/absent.ipynb: no such file"), "\(missing.stderr)")
    }

    @Test("mml starts without Foundation: the heavy front ends' libraries stay out of its start")
    func binaryDoesNotLinkFoundation() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [mmlExecutable]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let libraries = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) }
        process.waitUntilExit()
        #expect(libraries.contains { $0.hasPrefix("libswiftCore") }, "ldd listed: \(libraries)")
        // FoundationEssentials (which swift-argument-parser uses) is small; Foundation proper,
        // its networking and XML parts, crypto and ZeroMQ are not for `mml FILE`.
        for heavy in ["libFoundation.so", "libFoundationNetworking", "libFoundationXML", "libcrypto", "libzmq"] {
            #expect(!libraries.contains { $0.hasPrefix(heavy) }, "mml links \(heavy)")
        }
    }

    @Test func plotsFolderNumbersAfterExistingFigures() throws {
        let dir = NSTemporaryDirectory() + "mml-plots-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let script = try temporaryScript("plot(x -> x^2, -1, 1)\nplot(sin, 0, 3)\n")
        for _ in 0..<2 { #expect(try runBinary(["--plots", dir, script]).status == 0) }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["fig1.svg", "fig2.svg", "fig3.svg", "fig4.svg"])
    }

    @Test func testCommandShowsWholeMatrixChecks() throws {
        let dir = NSTemporaryDirectory() + "mml-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "check(\"M\", [1, 2; 3, 4], [1, 2; 3, 5])\n".write(toFile: dir + "/m.mml", atomically: true, encoding: .utf8)
        let run = try runBinary(["test", dir])
        #expect(run.status == 1)
        let block = ["    ✗ M", "        expected  1  2", "                  3  5", "        got       1  2", "                  3  4"]
        #expect(run.stdout.contains(block.joined(separator: "\n") + "\n"), "\(run.stdout)")
        #expect(run.stdout.contains("\n1 script: 0 passed, 1 failed;"), "\(run.stdout)")
    }
}
