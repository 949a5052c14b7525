// `mml test PATH…`: runs exercise and sample scripts, compares each with its `.out`, counts
// check results, and exits non-zero when anything failed.
import ArgumentParser
@preconcurrency import Foundation
import MMLCore

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run .mml scripts and compare each with the .out file beside it.",
        discussion: """
            Every .mml file under the given paths runs in its own process. A script passes when it \
            exits cleanly, every check() in it passes, and its output equals X.out when that file exists.
            """)

    @Argument(help: "Scripts or folders to run (folders are searched recursively).")
    var paths: [String]

    @Flag(help: "Rewrite each script's .out file with what it printed now.")
    var update = false

    @Option(help: ArgumentHelp("Stop a script that runs longer than this.", valueName: "seconds"))
    var timeout: Double = 60

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let scripts = try collectScripts()
        guard !scripts.isEmpty else {
            Terminal.writeError("mml test: no .mml files under \(paths.joined(separator: " "))\n")
            throw ExitCode(2)
        }
        var failedFiles = 0
        var checksPassed = 0, checksFailed = 0
        for script in scripts {
            let outcome = runOne(script)
            checksPassed += outcome.checksPassed
            checksFailed += outcome.checksFailed
            if outcome.problems.isEmpty {
                Terminal.writeOut("✓ \(script)\(outcome.note)\n")
            } else {
                failedFiles += 1
                Terminal.writeOut("✗ \(script)\(outcome.note)\n")
                for p in outcome.problems { Terminal.writeOut(p.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n") }
            }
        }
        Terminal.writeOut("\(scripts.count) scripts: \(scripts.count - failedFiles) passed, \(failedFiles) failed; checks: \(checksPassed) passed, \(checksFailed) failed\n")
        if failedFiles > 0 { throw ExitCode(1) }
    }

    private func collectScripts() throws -> [String] {
        var found: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                Terminal.writeError("mml test: \(path) does not exist\n")
                throw ExitCode(2)
            }
            if !isDirectory.boolValue {
                found.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            for case let relative as String in fm.enumerator(atPath: path) ?? FileManager.DirectoryEnumerator() where relative.hasSuffix(".mml") {
                found.append(base + "/" + relative)
            }
        }
        return found.sorted()
    }

    private struct Outcome {
        var problems: [String] = []
        var checksPassed = 0
        var checksFailed = 0
        var note = ""
    }

    private func runOne(_ script: String) -> Outcome {
        var outcome = Outcome()
        let result = ChildProcess.run(executable: selfPath(), arguments: ["--no-color", script], timeout: timeout)
        if let (passed, failed) = checkSummary(result.stdout) {
            outcome.checksPassed = passed
            outcome.checksFailed = failed
            outcome.note = " (\(passed + failed) check\(passed + failed == 1 ? "" : "s"))"
            if failed > 0 { outcome.problems.append("\(failed) of \(passed + failed) checks failed:\n" + result.stdout.split(separator: "\n").filter { $0.hasPrefix("✗") }.joined(separator: "\n")) }
        }
        if result.timedOut {
            outcome.problems.append("stopped after \(formatScalar(timeout, mode: .long)) s (--timeout)")
        } else if result.status != 0 && outcome.checksFailed == 0 {
            outcome.problems.append("exited with status \(result.status):\n" + result.stderr.trimmingCharacters(in: .newlines))
        }
        let expectedPath = String(script.dropLast(4)) + ".out"
        if update {
            if !result.timedOut {
                do { try FileAccess.writeAtomically(result.stdout, to: expectedPath) } catch {
                    outcome.problems.append(error.message)
                }
            }
        } else if let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8), expected != result.stdout {
            outcome.problems.append("output differs from \(expectedPath) (- expected, + actual):\n" + LineDiff.unified(expected: expected, actual: result.stdout))
        }
        return outcome
    }

    /// The `N passed, M failed` line a script that ran checks ends with.
    private func checkSummary(_ output: String) -> (Int, Int)? {
        guard let last = output.split(separator: "\n").last else { return nil }
        let words = last.split(separator: " ")
        guard words.count == 4, words[1] == "passed,", words[3] == "failed", let p = Int(words[0]), let f = Int(words[2]) else { return nil }
        return (p, f)
    }

    private func selfPath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// Runs a program to completion (or until a timeout), capturing its output.
enum ChildProcess {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
        var timedOut: Bool
    }

    static func run(executable: String, arguments: [String], timeout: Double) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return Result(stdout: "", stderr: "could not start \(executable): \(error.localizedDescription)", status: 127, timedOut: false)
        }
        // Read both pipes while the child runs, so a chatty script cannot fill a pipe and stall.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let deadline = DispatchTime.now() + timeout
        var timedOut = false
        if group.wait(timeout: deadline) == .timedOut {
            timedOut = true
            process.terminate()
            group.wait()
        }
        process.waitUntilExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: process.terminationStatus, timedOut: timedOut)
    }
}
