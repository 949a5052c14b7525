// What `:save` writes: the session's inputs that ran without error, as a script that rebuilds
// the workspace. An input that failed or was interrupted may have changed names before it
// stopped (a loop halfway through), and no saved input produces those values; a later input
// that uses them would fail, or give other numbers, when the script runs. Such inputs are
// written as comments that say why, and what they compute inherits the same mark.

struct SessionTranscript {
    private enum Entry {
        case input(String)
        case leftOut(String, uses: [String])
    }

    private var entries: [Entry] = []
    /// Names whose current value no saved input produces.
    private var unreproducible: Set<String> = []

    /// Inputs saved as lines to run.
    var savedCount: Int {
        entries.count { if case .input = $0 { true } else { false } }
    }

    /// Inputs saved as comments because they use an unreproducible name.
    var leftOutCount: Int { entries.count - savedCount }

    /// Records a run input: `text` is what ran, `saved` what the script should hold for it
    /// (by default the same), `changed` the names whose values the run changed.
    mutating func record(_ text: String, saved: String? = nil, succeeded: Bool, changed: Set<String>) {
        guard succeeded else {
            unreproducible.formUnion(changed)
            return
        }
        let uses = unreproducible.isEmpty ? [] : Self.namesRead(by: text).intersection(unreproducible).sorted()
        if uses.isEmpty {
            entries.append(.input(saved ?? text))
            unreproducible.subtract(changed)
        } else {
            entries.append(.leftOut(saved ?? text, uses: uses))
            unreproducible.formUnion(changed)
        }
    }

    /// Records a line that changes a setting (`format("long")`), which reads no names.
    mutating func recordSetting(_ line: String) {
        entries.append(.input(line))
    }

    /// After `:clear` of the whole workspace: there is nothing left to replay.
    mutating func removeAll() {
        entries = []
        unreproducible = []
    }

    /// The script, ending with a newline.
    var script: String {
        var text = "# MML session saved with :save — the inputs that ran without error.\n"
        for entry in entries {
            switch entry {
            case .input(let input):
                text += input + "\n"
            case .leftOut(let input, let uses):
                let names = uses.map { "`\($0)`" }.joined(separator: ", ")
                text += "# left out: it uses \(names), last changed by an input that failed or was interrupted\n"
                for line in input.split(separator: "\n", omittingEmptySubsequences: false) { text += "# " + line + "\n" }
            }
        }
        return text
    }

    /// The global names an input reads before assigning them itself.
    static func namesRead(by text: String) -> Set<String> {
        let analysis = ScriptAnalysis.analyze(text, source: SourceID(0))
        var firstDefinition: [String: Int] = [:]
        for o in analysis.occurrences where o.isDefinition && firstDefinition[o.name] == nil
            && o.symbol.map({ analysis.symbols[$0].isGlobal }) ?? true {
            firstDefinition[o.name] = o.span.start
        }
        var read = Set<String>()
        for o in analysis.occurrences where !o.isDefinition {
            if let s = o.symbol, !analysis.symbols[s].isGlobal { continue }
            if let defined = firstDefinition[o.name], defined < o.span.start { continue }
            read.insert(o.name)
        }
        return read
    }
}
