// A graded class as data: the checks (the columns), and per learner the points of each check,
// the total and, in plain words, anything that went wrong. Built from what each submission's
// process reported; the files an instructor gets come from it (Gradebook+Files.swift).

/// How the process grading one submission ended, as the supervisor saw it.
public enum GradingEnding: Sendable, Equatable {
    /// It reported its end.
    case finished
    /// It ran past the time limit and was stopped.
    case timedOut(seconds: Double)
    /// It printed more than the limit and was stopped.
    case flooded(bytes: Int)
    /// A signal ended it (a crash, or the memory limit of its address space).
    case crashed(signal: Int32)
    /// It exited without reporting its end (the error it printed last).
    case exited(status: Int32, error: String)
    /// There was nothing to run: no submission in the folder, or one that cannot be read.
    case noSubmission(String)
}

/// What grading one learner's folder produced.
public struct GradedSubmission: Sendable {
    public var learner: String
    /// The submission's file, relative to its class folder's parent (`class/alice/lab.mml`).
    public var file: String?
    public var report: CheckReport
    public var ending: GradingEnding

    public init(learner: String, file: String?, report: CheckReport, ending: GradingEnding) {
        self.learner = learner
        self.file = file
        self.report = report
        self.ending = ending
    }
}

public struct Gradebook: Sendable {
    /// One check of the check script: a column of the gradebook.
    public struct Check: Sendable, Equatable {
        public var label: String
        public var points: Double
        public var hidden: Bool
    }

    public enum Status: String, Sendable {
        case passed
        case failed
        case notAnswered = "not answered"
        /// The check never ran: the submission was stopped first, or the check script stopped.
        case notRun = "not run"
    }

    /// One learner's result for one check.
    public struct Score: Sendable {
        public var status: Status
        public var earned: Double
        /// What went wrong, in plain words; nil for a pass.
        public var problem: String?
    }

    /// One learner's row.
    public struct Row: Sendable {
        public var learner: String
        public var file: String?
        public var scores: [Score]
        public var total: Double
        /// How the submission ran: "ran", "error", "timed out", "output flood", "crashed", "no submission".
        public var status: String
        /// Why, in plain words (the error with its caret, the time limit, …); empty when it ran cleanly.
        public var reason: String
    }

    public var checks: [Check]
    public var rows: [Row]
    /// Points available.
    public var maximum: Double { checks.reduce(0) { $0 + $1.points } }

    /// The gradebook of `submissions`, with the checks that `expected` (the check script run
    /// with no submission) reported, in its order; checks that only some submissions reached
    /// (labels made from their values) follow.
    public init(expected: CheckReport, submissions: [GradedSubmission]) {
        var checks: [Check] = []
        var keys: [CheckKey] = []
        func collect(_ report: CheckReport) {
            for (key, entry) in Self.keyed(report) where !keys.contains(key) {
                keys.append(key)
                checks.append(Check(label: entry.label, points: entry.points, hidden: entry.hidden))
            }
        }
        collect(expected)
        submissions.forEach { collect($0.report) }
        self.checks = checks
        rows = submissions.map { submission in
            let entries = Dictionary(Self.keyed(submission.report), uniquingKeysWith: { first, _ in first })
            let (status, reason) = Self.describe(submission)
            let notRun = Self.notRunReason(submission)
            let scores = zip(keys, checks).map { key, check -> Score in
                guard let entry = entries[key] else { return Score(status: .notRun, earned: 0, problem: notRun) }
                if entry.passed { return Score(status: .passed, earned: check.points, problem: nil) }
                return Score(status: entry.notAnswered ? .notAnswered : .failed, earned: 0, problem: entry.problem ?? "failed")
            }
            return Row(learner: submission.learner, file: submission.file, scores: scores,
                       total: scores.reduce(0) { $0 + $1.earned }, status: status, reason: reason)
        }
    }

    /// How many learners passed each check.
    public var passCounts: [Int] {
        checks.indices.map { k in rows.filter { $0.scores[k].status == .passed }.count }
    }

    /// A check is known by its label and which occurrence of that label it is.
    private struct CheckKey: Hashable {
        var label: String
        var occurrence: Int
    }

    private static func keyed(_ report: CheckReport) -> [(CheckKey, CheckReport.Entry)] {
        var seen: [String: Int] = [:]
        return report.entries.map { entry in
            let n = seen[entry.label, default: 0]
            seen[entry.label] = n + 1
            return (CheckKey(label: entry.label, occurrence: n), entry)
        }
    }

    /// The learner's status word and the reason behind it.
    private static func describe(_ s: GradedSubmission) -> (String, String) {
        switch s.ending {
        case .timedOut(let seconds):
            return ("timed out", "stopped after \(formatScalar(seconds, mode: .long)) s: it ran too long (an endless loop?)")
        case .flooded(let bytes):
            return ("output flood", "stopped: it printed more than \(bytes >> 20) MiB")
        case .crashed(let signal):
            return ("crashed", signal == 9 || signal == 6 || signal == 11
                        ? "ended by signal \(signal) (it may have used more memory than allowed)" : "ended by signal \(signal)")
        case .exited(let status, let error):
            return ("crashed", "exited with status \(status) before the checks ended" + (error.isEmpty ? "" : ":\n" + error))
        case .noSubmission(let why):
            return ("no submission", why)
        case .finished:
            guard let run = s.report.submission else { return ("ran", "") }
            switch run.stop {
            case "completed": return ("ran", "")
            case "stopped": return ("stopped", "it was stopped:\n" + run.errors)
            case "unreadable": return ("syntax error", "it has a syntax error, so none of it ran:\n" + run.errors)
            default: return ("error", "it stopped with an error; the answers it defined before the error were graded:\n" + run.errors)
            }
        }
    }

    /// Why a check that a submission never reached scores nothing.
    private static func notRunReason(_ s: GradedSubmission) -> String {
        switch s.ending {
        case .finished:
            if let stopped = s.report.checksStopped { return "not run: the checks stopped:\n" + stopped }
            return "not run"
        case .noSubmission: return "not run: no submission"
        default: return "not run: " + (describe(s).1.split(separator: "\n").first.map(String.init) ?? describe(s).0)
        }
    }
}
