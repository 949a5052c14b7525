// The channel over which a child `mml` reports its checks to the `mml test` that started it:
// lines on a file descriptor the parent passes (never the script's stdout, which a script can
// fill with anything it likes, nor a file, which it can write).
//
//     check <TAB> 1|0 <TAB> label <TAB> problem
//     end <TAB> passed <TAB> failed
//
// Fields escape backslash, tab and newline as \\, \t and \n.

/// What a child reported: each check, and whether it reached its end.
public struct CheckReport: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var label: String
        public var passed: Bool
        public var problem: String?
    }

    public var entries: [Entry] = []
    /// True when the child reported its end (it was not killed or crashed midway).
    public var finished = false

    public var tally: CheckTally {
        CheckTally(passed: entries.filter(\.passed).count, failed: entries.filter { !$0.passed }.count)
    }

    /// Reads a report; lines that do not follow the protocol are ignored.
    public init(parsing text: String) {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { Self.unescape(String($0)) }
            switch fields.first {
            case "check" where fields.count == 4:
                entries.append(Entry(label: fields[2], passed: fields[1] == "1", problem: fields[3].isEmpty ? nil : fields[3]))
            case "end": finished = true
            default: continue
            }
        }
    }

    /// The line reporting one check.
    public static func line(for outcome: CheckOutcome) -> String {
        "check\t\(outcome.passed ? 1 : 0)\t\(escape(outcome.label))\t\(escape(outcome.problem ?? ""))\n"
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
