// The file sandbox as a hostile script meets it, through the real `mml` binary in every mode
// that runs code: a script, -e, `mml -`, piped REPL input and `mml test`. Each case is a way
// out that once worked (`~`, REPL commands, a deleted working folder, special files, NUL).
import Foundation
import MMLTestSupport
import Testing

/// A scratch layout: HOME with a secret, a working folder, a script folder, an outside folder.
struct Sandbox {
    let root: String
    var home: String { root + "/home" }
    var work: String { root + "/work" }
    var scripts: String { root + "/scripts" }
    var outside: String { root + "/outside" }
    static let secret = "TOPSECRET-7f3a"

    init() throws {
        root = NSTemporaryDirectory() + "mml-sandbox-\(UUID().uuidString)"
        let fm = FileManager.default
        for folder in [home, work, scripts, outside] { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        for file in [home + "/secret.csv", outside + "/secret.csv"] {
            try "x\n\(Sandbox.secret)\n".write(toFile: file, atomically: true, encoding: .utf8)
        }
        try "x\n1\n2\n".write(toFile: scripts + "/data.csv", atomically: true, encoding: .utf8)
    }

    /// Runs mml in the working folder (or `shell`, a command line run by /bin/sh there) with HOME set.
    func run(_ arguments: [String], input: String = "", shell: String? = nil, timeout: Double = 20) throws -> Run {
        let process = Process()
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shell, mmlExecutable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: mmlExecutable)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin", "HOME": home]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // A hang is a failure of its own: kill the child rather than wait forever.
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let hung = process.isRunning
        if hung { kill(process.processIdentifier, SIGKILL) }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(!hung, "mml \(arguments) hung")
        return Run(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self), status: process.terminationStatus)
    }

    /// Writes a script into the script folder and returns its path.
    func script(_ name: String, _ text: String) throws -> String {
        let path = scripts + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// The run failed cleanly, with a message containing `message`, and leaked nothing.
func expectRefused(_ run: Run, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status == 1, "status \(run.status): \(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.contains(message), "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(!(run.stdout + run.stderr).contains(Sandbox.secret), "the secret leaked: \(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: mmlExecutable), "build mml first (swift build)"))
struct SandboxTests {
    @Test("`~` is resolved once, by the policy, in every mode")
    func tildeIsNoWayOut() throws {
        let box = try Sandbox()
        let reads = [
            "print(read_csv(\"~/secret.csv\"))",
            "print(read_csv(\"~/../outside/secret.csv\"))",
            "print(read_csv(\"~/../../../../../../etc/passwd\", sep=\"\\u{1}\", header=false))",
        ]
        for code in reads {
            expectRefused(try box.run([try box.script("tilde.mml", code + "\n")]), "may not read")
            expectRefused(try box.run(["-e", code]), "may not read")
            expectRefused(try box.run(["-"], input: code + "\n"), "may not read")
            expectRefused(try box.run([], input: code + "\n"), "may not read")
            let test = try box.run(["test", try box.script("tilde-test.mml", code + "\n")])
            #expect(test.status == 1)
            #expect(!test.stdout.contains(Sandbox.secret) && !test.stdout.contains("root:"))
        }
        // Writing through `~` is refused as well, and nothing is written.
        expectRefused(try box.run(["-e", "write_csv(\"~/planted.csv\", [1, 2])"]), "may not write")
        #expect(!FileManager.default.fileExists(atPath: box.home + "/planted.csv"))
        // With --allow-all the learner chose to trust the script: `~` then means HOME.
        let trusted = try box.run(["--allow-all", "-e", "read_csv(\"~/secret.csv\").x"])
        #expect(trusted.status == 0, "\(trusted.stderr)")
        #expect(trusted.stdout.contains(Sandbox.secret))
    }

    @Test("piped input is a script: :load and :save obey the policy and quote nothing refused")
    func pipedCommandsObeyThePolicy() throws {
        let box = try Sandbox()
        let load = try box.run([], input: ":load \(box.outside)/secret.csv\n")
        expectRefused(load, "may not read")
        let save = try box.run([], input: "x = 1\n:save \(box.outside)/evil.sh\n")
        expectRefused(save, "may not write")
        #expect(!FileManager.default.fileExists(atPath: box.outside + "/evil.sh"))
        let tilde = try box.run([], input: "x = 1\n:save ~/evil.sh\n")
        expectRefused(tilde, "may not write")
        #expect(!FileManager.default.fileExists(atPath: box.home + "/evil.sh"))
        // Inside the working folder both work.
        let ok = try box.run([], input: "x = 41\n:save kept.mml\n:load kept.mml\nx + 1\n")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasSuffix("42\n"))
    }

    @Test("a deleted working folder opens nothing")
    func deletedWorkingFolderFailsClosed() throws {
        let box = try Sandbox()
        // Runs mml with `arguments` from inside a folder that is deleted just before.
        func runInDeletedFolder(_ arguments: [String]) throws -> Run {
            let gone = box.root + "/gone-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: gone, withIntermediateDirectories: true)
            return try box.run([gone] + arguments, shell: "cd \"$1\" && rmdir \"$1\" && shift && exec \"$0\" \"$@\"")
        }
        let reads = try box.script("reads.mml", "print(read_csv(\"\(box.outside)/secret.csv\"))\n")
        expectRefused(try runInDeletedFolder([reads]), "may not read")
        expectRefused(try runInDeletedFolder(["-e", "read_csv(\"secret.csv\")"]), "the working folder no longer exists")
        expectRefused(try runInDeletedFolder(["-e", "write_csv(\"\(box.outside)/x.csv\", [1])"]), "may not write")
        // The script's own folder stays readable.
        let own = try box.script("own.mml", "print(sum(read_csv(\"\(box.scripts)/data.csv\").x))\n")
        let fine = try runInDeletedFolder([own])
        #expect(fine.status == 0, "\(fine.stderr)")
        #expect(fine.stdout == "3\n")
    }

    @Test("special files are refused, never opened in a way that blocks")
    func specialFilesAreRefused() throws {
        let box = try Sandbox()
        #expect(mkfifo(box.scripts + "/fifo.csv", 0o644) == 0)
        let fifo = try box.run([try box.script("fifo.mml", "read_csv(\"\(box.scripts)/fifo.csv\")\n")], timeout: 10)
        expectRefused(fifo, "named pipe (FIFO), not a regular file")
        // /dev/stdin is outside every allowed folder; with --allow-all it is still not a file.
        expectRefused(try box.run(["-e", "read_csv(\"/dev/stdin\")"], input: "x\n1\n"), "may not read")
        expectRefused(try box.run(["--allow-all", "-e", "read_csv(\"/dev/stdin\")"], input: "x\n1\n"), "not a regular file")
        expectRefused(try box.run(["--allow-all", "-e", "read_csv(\"/dev/zero\")"]), "a device, not a regular file")
        // A huge sparse file is refused by its size, not read until memory runs out.
        let huge = box.scripts + "/huge.csv"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 100 << 30) == 0)
        expectRefused(try box.run([try box.script("huge.mml", "read_csv(\"\(huge)\")\n")]), "100 GiB, more than the 1 GiB MML reads")
        // `mml test` with a FIFO as the expected output does not hang.
        let folder = box.scripts + "/t"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "print(1)\n".write(toFile: folder + "/a.mml", atomically: true, encoding: .utf8)
        #expect(mkfifo(folder + "/a.out", 0o644) == 0)
        let test = try box.run(["test", folder], timeout: 10)
        #expect(test.status == 1)
        #expect(test.stdout.contains("not a regular file"), "\(test.stdout)")
    }

    @Test("a NUL in a path is refused, not truncated")
    func nulInPathIsRefused() throws {
        let box = try Sandbox()
        expectRefused(try box.run(["-e", "write_csv(\"a\\0b.csv\", [1, 2])"]), "cannot contain the NUL character")
        #expect(!FileManager.default.fileExists(atPath: box.work + "/a"))
        expectRefused(try box.run(["-e", "read_csv(\"\(box.scripts)/data.csv\\0.txt\")"]), "cannot contain the NUL character")
        expectRefused(try box.run(["-e", "plot(sin); savefig(\"a\\0b.svg\")"]), "cannot contain the NUL character")
        expectRefused(try box.run([], input: ":save a\u{0}b.mml\n"), "cannot contain the NUL character")
    }

    @Test("a killed write leaves no temporary file behind for long")
    func staleTemporariesAreRemoved() throws {
        let box = try Sandbox()
        // A temporary of an atomic write whose process is gone (pid 2^22 + 1 is above Linux's pid_max default).
        let stale = box.work + "/.out.csv.mml-tmp.4194305.12345"
        try "half".write(toFile: stale, atomically: false, encoding: .utf8)
        let run = try box.run(["-e", "write_csv(\"out.csv\", [1, 2])"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.work).sorted() == ["out.csv"])
    }
}

/// Bidirectional controls would let code display differently from how it runs ("Trojan Source").
@Test("bidirectional control characters are refused in code, comments and strings",
      arguments: ["\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{061C}"])
func bidiControlsAreRefused(_ control: String) {
    for text in ["x = 1 # admin\(control) only\n", "s = \"user\(control) \"\n", "x = 1 \(control)+ 2\n"] {
        let result = runMML(text)
        #expect(result.status == 1)
        #expect(result.diagnostics.first?.message.contains("bidirectional control character") == true, "\(result.stderr)")
    }
    // Written as an escape, the character is visible in the source and allowed.
    #expect(runMML("s = \"a\\u{202E}b\"\nprint(length(s))\n").status == 0)
}
