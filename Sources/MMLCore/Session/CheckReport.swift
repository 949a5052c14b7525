// The channel over which a child `mml` reports its checks to the `mml test` or `mml grade` that
// started it: lines on a file descriptor the parent passes (never the script's stdout, which a
// script can fill with anything it likes, nor a file, which it can write).
//
//     check <TAB> 1|0 <TAB> label <TAB> problem <TAB> points <TAB> hidden 1|0 <TAB> not answered 1|0
//     submission <TAB> completed|failed|unreadable|stopped <TAB> the errors, rendered  (mml grade)
//     unanswered <TAB> name                                                   (mml grade)
//     checks stopped <TAB> by an unanswered answer 1|0 <TAB> the error, rendered  (mml grade)
//     end <TAB> passed <TAB> failed
//
// Fields escape backslash, tab and newline as \\, \t and \n.

/// What a child reported: each check, and whether it reached its end.
public struct CheckReport: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var label: String
        public var passed: Bool
        public var problem: String?
        public var points: Double = 1
        public var hidden = false
        public var notAnswered = false

        public init(label: String, passed: Bool, problem: String?, points: Double = 1, hidden: Bool = false, notAnswered: Bool = false) {
            self.label = label
            self.passed = passed
            self.problem = problem
            self.points = points
            self.hidden = hidden
            self.notAnswered = notAnswered
        }
    }

    public var entries: [Entry] = []
    /// True when the child reported its end (it was not killed or crashed midway).
    public var finished = false
    /// How the submission's own run ended, when a class is graded.
    public var submission: (stop: String, errors: String)?
    /// The answers the submission does not define.
    public var unanswered: [String] = []
    /// The error that stopped the check script, when one did.
    public var checksStopped: String?
    /// True when that error was reading an answer the submission does not define.
    public var checksStoppedByUnanswered = false

    public static func == (a: CheckReport, b: CheckReport) -> Bool {
        a.entries == b.entries && a.finished == b.finished && a.submission?.stop == b.submission?.stop
            && a.submission?.errors == b.submission?.errors && a.unanswered == b.unanswered && a.checksStopped == b.checksStopped
            && a.checksStoppedByUnanswered == b.checksStoppedByUnanswered
    }

    public var tally: CheckTally {
        CheckTally(passed: entries.filter(\.passed).count, failed: entries.filter { !$0.passed }.count)
    }

    /// Reads a report; lines that do not follow the protocol are ignored.
    public init(parsing text: String) {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { Self.unescape(String($0)) }
            switch fields.first {
            case "check" where fields.count >= 4:
                var entry = Entry(label: fields[2], passed: fields[1] == "1", problem: fields[3].isEmpty ? nil : fields[3])
                if fields.count >= 7 {
                    entry.points = Double(fields[4]).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? 1
                    entry.hidden = fields[5] == "1"
                    entry.notAnswered = fields[6] == "1"
                }
                entries.append(entry)
            case "submission" where fields.count == 3: submission = (fields[1], fields[2])
            case "unanswered" where fields.count == 2: unanswered.append(fields[1])
            case "checks stopped" where fields.count == 3:
                checksStopped = fields[2]
                checksStoppedByUnanswered = fields[1] == "1"
            case "end": finished = true
            default: continue
            }
        }
    }

    /// The line reporting one check.
    public static func line(for outcome: CheckOutcome) -> String {
        "check\t\(outcome.passed ? 1 : 0)\t\(escape(outcome.label))\t\(escape(outcome.problem ?? ""))\t\(outcome.points)\t"
            + "\(outcome.hidden ? 1 : 0)\t\(outcome.notAnswered ? 1 : 0)\n"
    }

    /// The line saying how a graded submission's own run ended.
    public static func submissionLine(stop: StopReason, errors: String, ranNothing: Bool = false) -> String {
        let word: String
        switch stop {
        case .completed: word = "completed"
        case .failed, .incomplete: word = ranNothing ? "unreadable" : "failed"
        case .stopped: word = "stopped"
        }
        return "submission\t\(word)\t\(escape(errors))\n"
    }

    /// The line naming an answer the submission does not define.
    public static func unansweredLine(_ name: String) -> String { "unanswered\t\(escape(name))\n" }

    /// The line giving the error that stopped a check script.
    public static func checksStoppedLine(_ error: String, byUnanswered: Bool) -> String {
        "checks stopped\t\(byUnanswered ? 1 : 0)\t\(escape(error))\n"
    }

    /// The last line of a report.
    public static func endLine(_ checks: CheckTally) -> String {
        "end\t\(checks.passed)\t\(checks.failed)\n"
    }

    static func escape(_ field: String) -> String {
        var out = ""
        for c in field {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ field: String) -> String {
        var out = ""
        var escaping = false
        for c in field {
            if escaping {
                switch c {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
