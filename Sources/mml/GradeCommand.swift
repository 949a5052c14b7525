// `mml grade CHECKS.mml CLASS…`: grades a class. Each learner's folder holds one submission
// (.mml or .ipynb); each runs in a process of its own (ChildProcess: a time limit, an output
// limit, a memory budget and an address-space limit, a file policy of its own folder) that
// reports over its own channel; the checks run apart from the submission (SubmissionGrading).
// Then the gradebook, the summary with its chart, and each learner's feedback are written.
import ArgumentParser
import MMLCore
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a class: run each learner's submission against a check script.",
        discussion: """
            Each CLASS folder holds one folder per learner, with the learner's .mml script or \
            .ipynb notebook in it. Each submission runs in a process of its own, with a time \
            limit, a memory limit and access to its own folder only, on every processor at once. \
            The check script starts with answers("name", ...): its checks then run in a fresh \
            workspace with its own givens and the submission's values of those names only. \
            OUTPUT gets gradebook.csv, gradebook.json, summary.txt, summary.svg and feedback/LEARNER.txt.
            """)

    @Argument(help: "The check script: answers(...), the givens, then check(...) calls.")
    var checks: String

    @Argument(help: "Class folders, each with one folder per learner.")
    var classes: [String] = []

    @Option(help: ArgumentHelp("Where the gradebook, summary and feedback go.", valueName: "dir"))
    var output = "grades"

    @Option(help: ArgumentHelp("Stop a submission that runs longer than this.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("The memory budget of each submission, e.g. 512M or 2G.", valueName: "size"))
    var maxMemory = "1G"

    @Option(help: ArgumentHelp("How many submissions run at once (default: one per processor).", valueName: "n"))
    var jobs: Int?

    @Flag(help: "Show the hidden checks' labels and values in the learners' feedback too.")
    var reveal = false

    /// Set in the process that grades one submission: where to report (see CheckReport).
    @Option(name: .customLong("report-fd"), help: .private)
    var reportDescriptor: Int32?

    /// The submission that process grades; none: the checks run with no answers.
    @Option(help: .private)
    var submission: String?

    /// The name the submission's errors show.
    @Option(name: .customLong("submission-name"), help: .private)
    var submissionName: String?

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard let bytes = MemoryBudget.parseSize(maxMemory), bytes > 0 else {
            throw ValidationError("--max-memory needs a size such as 512M or 2G, not \(maxMemory)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if reportDescriptor == nil && classes.isEmpty { throw ValidationError("name at least one class folder after the check script") }
    }

    func run() throws {
        if let reportDescriptor { throw ExitCode(gradeOne(reportingTo: reportDescriptor)) }
        try gradeClass()
    }

    /// Per learner, this much output is kept; more stops the submission as a flood.
    static let outputLimit = 1 << 20

    // MARK: The process that grades one submission

    private func gradeOne(reportingTo fd: Int32) -> Int32 {
        let budget = MemoryBudget.parseSize(maxMemory) ?? 1 << 30
        MemoryBudget.shared.limit = budget
        guard case .success(let checkText) = Terminal.readFile(checks) else {
            Terminal.write(CheckReport.checksStoppedLine("cannot read the check script \(checks)\n", byUnanswered: false), to: fd)
            return 1
        }
        var graded: Submission?
        if let submission {
            let read = NotebookScript.isNotebook(submission) ? NotebookScript.read(submission) : Terminal.readFile(submission)
            let name = submissionName ?? submission
            switch read {
            case .failure(let error):
                Terminal.write(CheckReport.submissionLine(stop: .failed, errors: error.message + "\n"), to: fd)
            case .success(let text):
                let folder = FileAccess.folder(of: submission)
                graded = Submission(text: text, name: name, fileAccess: .forScript(at: submission, workingDirectory: folder))
            }
        }
        limitAddressSpace(budget: budget)
        let grading = SubmissionGrading(checks: checkText, checksName: FileAccess.lastComponent(checks),
                                        checksAccess: .forScript(at: checks, workingDirectory: FileAccess.folder(of: checks)))
        grading.run(graded, output: Terminal.writeOut) { Terminal.write($0, to: fd) }
        Terminal.flushOutput()
        return 0
    }

    /// Past the memory budget (which MML's own data is charged to), the address space is capped
    /// too, so memory taken outside the budget ends this process rather than the machine's
    /// memory: the budget, plus the 1 GiB stack a run reserves, plus room for the runtime.
    private func limitAddressSpace(budget: Int) {
        let bytes = rlim_t(budget) + rlim_t(3) << 30
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
    }

    // MARK: Grading a class

    private struct Learner {
        var name: String
        /// The submission's path, or why there is none.
        var submission: Result<String, FileAccessError>
        /// The submission's name as its errors and feedback show it (`alice/lab.mml`).
        var shownName: String
    }

    private func gradeClass() throws {
        guard FileAccess.isDirectory(checks) == false else {
            Terminal.writeError("mml grade: the check script \(checks) \(FileAccess.isDirectory(checks) == nil ? "does not exist" : "is a folder")\n")
            throw ExitCode(2)
        }
        let learners = try collectLearners()
        guard !learners.isEmpty else {
            Terminal.writeError("mml grade: no learner folders in \(classes.joined(separator: " "))\n")
            throw ExitCode(2)
        }
        // The checks with no submission: what they are and what they are worth, and whether
        // the check script itself works.
        let expected = runChild(nil)
        guard case .finished = expected.ending, expected.report.checksStopped == nil || expected.report.checksStoppedByUnanswered else {
            Terminal.writeError("mml grade: the check script \(checks) does not run:\n" + (expected.report.checksStopped ?? describe(expected.ending)))
            throw ExitCode(2)
        }
        guard !expected.report.entries.isEmpty else {
            Terminal.writeError("mml grade: the check script \(checks) runs no check(…)\n")
            throw ExitCode(2)
        }

        // Every processor at once: each submission waits in its own process, so N of them take
        // about the time of N / processors.
        let workers = min(jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), learners.count)
        setenv("OPENBLAS_NUM_THREADS", "1", 1)  // one BLAS thread per child: the children are the parallelism
        let results = Results(count: learners.count)
        let next = Atomic(0)
        withThreads(max(workers, 1)) { _ in
            while true {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < learners.count else { return }
                results.set(k, self.grade(learners[k]))
            }
        }
        let gradebook = Gradebook(expected: expected.report, submissions: results.all)
        try write(gradebook)
    }

    private func grade(_ learner: Learner) -> GradedSubmission {
        switch learner.submission {
        case .failure(let why):
            return GradedSubmission(learner: learner.name, file: nil, report: CheckReport(parsing: ""), ending: .noSubmission(why.message))
        case .success(let path):
            var graded = runChild(path, shownName: learner.shownName)
            graded.learner = learner.name
            graded.file = learner.shownName
            return graded
        }
    }

    /// Grades one submission (none: the checks alone) in a child process.
    private func runChild(_ path: String?, shownName: String? = nil) -> GradedSubmission {
        var arguments = ["grade", "--report-fd", String(ChildProcess.reportDescriptor), "--max-memory", maxMemory]
        if let path { arguments += ["--submission", path, "--submission-name", shownName ?? path] }
        arguments += ["--", checks]
        guard let executable = FrontEndHandover.executablePath() else {
            return GradedSubmission(learner: "", file: path, report: CheckReport(parsing: ""),
                                    ending: .exited(status: 127, error: "cannot find where this mml is installed (/proc/self/exe)"))
        }
        let limits = ChildProcess.Limits(timeout: timeout, outputBytes: Self.outputLimit)
        let result = ChildProcess.run(executable: executable, arguments: arguments, limits: limits)
        let report = CheckReport(parsing: result.report)
        let ending: GradingEnding
        if result.timedOut {
            ending = .timedOut(seconds: timeout)
        } else if result.flooded {
            ending = .flooded(bytes: Self.outputLimit)
        } else if result.signaled {
            ending = .crashed(signal: result.status)
        } else if !report.finished {
            var error = result.stderr
            while error.last?.isNewline == true { error.removeLast() }
            ending = .exited(status: result.status, error: error)
        } else {
            ending = .finished
        }
        return GradedSubmission(learner: "", file: path, report: report, ending: ending)
    }

    private func describe(_ ending: GradingEnding) -> String {
        switch ending {
        case .finished: return "it reported nothing\n"
        case .timedOut(let seconds): return "it ran longer than \(formatScalar(seconds, mode: .long)) s\n"
        case .flooded: return "it printed too much\n"
        case .crashed(let signal): return "it was ended by signal \(signal)\n"
        case .exited(let status, let error): return "it exited with status \(status)\(error.isEmpty ? "" : ":\n" + error)\n"
        case .noSubmission(let why): return why + "\n"
        }
    }

    /// The learners: every folder inside each class folder, by name. A learner's name is their
    /// folder's, prefixed by the class folder's when two classes have the same name.
    private func collectLearners() throws -> [Learner] {
        var found: [(classFolder: String, name: String, path: String)] = []
        for folder in classes {
            guard FileAccess.isDirectory(folder) == true else {
                Terminal.writeError("mml grade: the class folder \(folder) \(FileAccess.isDirectory(folder) == nil ? "does not exist" : "is not a folder")\n")
                throw ExitCode(2)
            }
            let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
            for (name, isDirectory) in FileAccess.listDirectory(base).sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
                if isDirectory {
                    found.append((FileAccess.lastComponent(base), name, base + "/" + name))
                } else if name.hasSuffix(".mml") || NotebookScript.isNotebook(name) {
                    Terminal.writeError("mml grade: skipped \(base)/\(name): put each submission in a folder of its own\n")
                }
            }
        }
        let names = found.map(\.name)
        return found.map { entry in
            let unique = names.filter { $0 == entry.name }.count == 1
            let name = unique ? entry.name : entry.classFolder + "/" + entry.name
            let scripts = FileAccess.listDirectory(entry.path).filter { !$0.isDirectory && ($0.name.hasSuffix(".mml") || NotebookScript.isNotebook($0.name)) }
                .map(\.name).sorted()
            switch scripts.count {
            case 1:
                return Learner(name: name, submission: .success(entry.path + "/" + scripts[0]), shownName: entry.name + "/" + scripts[0])
            case 0:
                return Learner(name: name, submission: .failure(FileAccessError(message: "no .mml or .ipynb file in \(entry.name)/")), shownName: entry.name)
            default:
                return Learner(name: name, submission: .failure(FileAccessError(
                    message: "\(entry.name)/ holds \(scripts.count) scripts (\(scripts.joined(separator: ", "))); a submission is one .mml or .ipynb file")),
                    shownName: entry.name)
            }
        }
    }

    private func write(_ gradebook: Gradebook) throws {
        let folder = FileAccess.expandTilde(output)
        do {
            try FileAccess.makeFolders(folder + "/feedback")
            try FileAccess.writeAtomically(try gradebook.csv(), to: folder + "/gradebook.csv")
            try FileAccess.writeAtomically(gradebook.json(), to: folder + "/gradebook.json")
            let summary = gradebook.summary()
            try FileAccess.writeAtomically(summary, to: folder + "/summary.txt")
            try FileAccess.writeAtomically(try gradebook.chart().renderSVG(), to: folder + "/summary.svg")
            for row in gradebook.rows {
                let file = row.learner.map { $0 == "/" ? "-" : $0 }
                try FileAccess.writeAtomically(gradebook.feedback(for: row, reveal: reveal), to: folder + "/feedback/" + String(file) + ".txt")
            }
            var out = summary + "\n"
            let width = gradebook.rows.map(\.learner.count).max() ?? 0
            for row in gradebook.rows {
                out += row.learner + String(repeating: " ", count: width - row.learner.count) + "  "
                    + Gradebook.points(row.total, of: gradebook.maximum) + (row.status == "ran" ? "" : "  (\(row.status))") + "\n"
            }
            Terminal.writeOut(out + "\nwrote \(folder)/gradebook.csv, gradebook.json, summary.txt, summary.svg and feedback/\n")
        } catch let error as FileAccessError {
            Terminal.writeError("mml grade: \(error.message)\n")
            throw ExitCode(1)
        }
    }
}

/// The graded submissions, filled in by the worker threads (each its own index).
private final class Results: @unchecked Sendable {
    private let lock = Mutex(())
    private var items: [GradedSubmission?]

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ value: GradedSubmission) { lock.withLock { _ in items[k] = value } }

    var all: [GradedSubmission] { lock.withLock { _ in items.compactMap { $0 } } }
}
