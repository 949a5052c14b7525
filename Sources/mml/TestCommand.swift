// `mml test PATH…`: runs exercise and sample scripts and notebooks, compares each with its
// `.out`, counts check results, and exits non-zero when anything failed.
import ArgumentParser
import MMLCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run .mml scripts and .ipynb notebooks and compare each with the .out file beside it.",
        discussion: """
            Every .mml and .ipynb file under the given paths runs in its own process (a notebook's \
            code cells in order, in one workspace). A script passes when it exits cleanly, every \
            check() in it passes, and its output equals X.out when that file exists.
            """)

    @Argument(help: "Scripts, notebooks or folders to run (folders are searched recursively).",
              completion: .file(extensions: ["mml", "ipynb"]))
    var paths: [String]

    @Flag(help: "Rewrite each script's .out file with what it printed now.")
    var update = false

    @Option(help: ArgumentHelp("Stop a script that runs longer than this.", valueName: "seconds"))
    var timeout: Double = 60

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("The memory budget of each script, e.g. 512M or 2G (default: 75% of memory).", valueName: "size"))
    var maxMemory: String?

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        if let maxMemory, (MemoryBudget.parseSize(maxMemory) ?? 0) <= 0 {
            throw ValidationError("--max-memory needs a size such as 8G, 512M or 2000000000 (bytes), not \(maxMemory)")
        }
    }

    func run() throws {
        let scripts = try collectScripts()
        guard !scripts.isEmpty else {
            Terminal.writeError("mml test: no .mml or .ipynb files under \(paths.joined(separator: " "))\n")
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
        let noun = scripts.count == 1 ? "script" : "scripts"
        Terminal.writeOut("\(scripts.count) \(noun): \(scripts.count - failedFiles) passed, \(failedFiles) failed; checks: \(checksPassed) passed, \(checksFailed) failed\n")
        if failedFiles > 0 { throw ExitCode(1) }
    }

    private func collectScripts() throws -> [String] {
        var found: [String] = []
        for path in paths {
            guard let isDirectory = FileAccess.isDirectory(path) else {
                Terminal.writeError("mml test: \(path) does not exist\n")
                throw ExitCode(2)
            }
            if isDirectory {
                collectScripts(in: path.hasSuffix("/") ? String(path.dropLast()) : path, into: &found, depth: 0)
            } else {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// The .mml and .ipynb files under `folder`, recursively (to a depth that a link cycle cannot exhaust).
    private func collectScripts(in folder: String, into found: inout [String], depth: Int) {
        guard depth < 32 else { return }
        for (name, isDirectory) in FileAccess.listDirectory(folder) {
            let path = folder + "/" + name
            if isDirectory {
                collectScripts(in: path, into: &found, depth: depth + 1)
            } else if name.hasSuffix(".mml") || NotebookScript.isNotebook(name) {
                found.append(path)
            }
        }
    }

    private struct Outcome {
        var problems: [String] = []
        var checksPassed = 0
        var checksFailed = 0
        var note = ""
    }

    private func runOne(_ script: String) -> Outcome {
        var outcome = Outcome()
        // The child reports its checks on a descriptor of its own: a line it prints cannot count.
        let arguments = ["--no-color", "--report-fd", String(ChildProcess.reportDescriptor)]
            + (maxMemory.map { ["--max-memory", $0] } ?? []) + [script]
        let result = ChildProcess.run(executable: FrontEndHandover.executablePath() ?? CommandLine.arguments[0], arguments: arguments, limits: ChildProcess.Limits(timeout: timeout))
        let report = CheckReport(parsing: result.report)
        let checks = report.tally
        outcome.checksPassed = checks.passed
        outcome.checksFailed = checks.failed
        if checks.total > 0 {
            outcome.note = " (\(checks.total) check\(checks.total == 1 ? "" : "s"))"
            if checks.failed > 0 {
                let failures = report.entries.filter { !$0.passed }.map { TextRenderer.line(label: $0.label, passed: false, problem: $0.problem) }
                outcome.problems.append("\(checks.failed) of \(checks.total) checks failed:\n" + failures.joined(separator: "\n"))
            }
        }
        if result.timedOut {
            outcome.problems.append("stopped after \(formatScalar(timeout, mode: .long)) s (--timeout)")
        } else if result.flooded {
            outcome.problems.append("stopped: it printed more than \(ChildProcess.Limits(timeout: timeout).outputBytes >> 20) MiB")
        } else if result.signaled {
            outcome.problems.append("ended by signal \(result.status):\n" + result.stderr.trimmingTrailingNewlines)
        } else if result.status != 0 && checks.failed == 0 {
            outcome.problems.append("exited with status \(result.status):\n" + result.stderr.trimmingTrailingNewlines)
        } else if !report.finished {
            outcome.problems.append("ended without reporting its checks")
        }
        let expectedPath = String(script[..<(script.lastIndex(of: ".") ?? script.endIndex)]) + ".out"
        if update {
            if !result.timedOut && !result.flooded {
                do { try FileAccess.writeAtomically(result.stdout, to: expectedPath) } catch {
                    outcome.problems.append(error.message)
                }
            }
        } else if FileAccess.isDirectory(expectedPath) != nil {
            do {
                let expected = try FileAccess.readText(expectedPath)
                if expected != result.stdout {
                    outcome.problems.append("output differs from \(expectedPath) (- expected, + actual):\n" + LineDiff.unified(expected: expected, actual: result.stdout))
                }
            } catch {
                outcome.problems.append(error.message)
            }
        }
        return outcome
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while s.last?.isNewline == true { s = s.dropLast() }
        return String(s)
    }
}
