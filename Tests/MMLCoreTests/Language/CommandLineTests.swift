// The `mml` command as a user runs it: exit statuses, -e, standard input, timeouts, signals.
import Foundation
import MMLTestSupport
import Testing


struct Run {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// Runs the built `mml` with arguments and standard input; `signal` is sent after `signalAfter` seconds.
func runBinary(_ arguments: [String], input: String = "", signal: Int32? = nil, signalAfter: Double = 0.5) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: mmlExecutable)
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
