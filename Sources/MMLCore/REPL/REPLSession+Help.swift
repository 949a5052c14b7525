// `:help`: the language in one screen, then help on a builtin, constant, keyword, area,
// command or variable — all from the builtin declarations, with "did you mean" for a slip.

extension REPLSession {
    /// The language in a screen; the overview adds topics by area and the commands.
    public static let languageSummary = """
        MML: type math, press Enter, see the answer.

          x = 3                  assign; the REPL shows `x = 3` (a trailing ; hides it)
          v = [1, 2, 3]          a column vector;   A = [1, 2; 3, 4]   a matrix (; ends a row)
          A'   A * v   A .* A    transpose, matrix product, elementwise (also ./ .^)
          A \\ v   det(A)         solve A x = v, determinant
          A[2, 1]  A[:, 1]  v[end]  v[v > 1]      1-based indexing, whole columns, masks
          1:5   0:0.25:1   linspace(0, 1, 5)     ranges
          f(x) = x^2 + 1         a math function that keeps its formula
          g = x -> 2*x + 1       an anonymous function
          fn area(w, h=1) { return w * h }       a block function
          if x > 0 { … } else { … }   for i in 1:10 { … }   while x > 1 { … }
          r.name                 a field of a record;  a, b = f(…)  unpack several results
          ans                    the last value shown;  # starts a comment
        """

    /// `:help` with no topic.
    var overview: String {
        var out = Self.languageSummary + "\n\nFunctions by area (:help NAME for one, :help AREA for an area):\n"
        for area in BuiltinArea.allCases {
            let names = Builtins.all.filter { $0.area == area }.map(\.name)
            if names.isEmpty { continue }
            // At most two lines an area, so the overview stays about one screen.
            var shown = names
            var listing = Self.wrap(shown.joined(separator: ", "), width: 78, first: "  \(area.rawValue): ", rest: "    ")
            while listing.split(separator: "\n").count > 2 && shown.count > 1 {
                shown.removeLast()
                listing = Self.wrap(shown.joined(separator: ", ") + ", … (\(names.count - shown.count) more)", width: 78, first: "  \(area.rawValue): ", rest: "    ")
            }
            out += listing
        }
        out += "  Constants: " + Builtins.constants.map(\.name).joined(separator: ", ") + "\n"
        out += "\nCommands:\n"
        let width = Self.commandList.map(\.usage.count).max() ?? 0
        for c in Self.commandList {
            out += "  " + c.usage + String(repeating: " ", count: width - c.usage.count + 2) + c.summary + "\n"
        }
        out += "\nKeys: Tab completes, Up/Down recall, Ctrl-R searches history, Ctrl-C interrupts, Ctrl-D leaves.\n"
        return out
    }

    /// Keywords and what they do (`:help for`).
    static let keywordHelp: [String: String] = [
        "fn": "fn name(a, b=2) { … }   defines a block function; `return value` leaves it with a value.",
        "return": "return value   leaves the current block function with that value.",
        "if": "if cond { … } else if other { … } else { … }   runs the first block whose condition is true; the condition must be one true/false (use all/any on arrays).",
        "else": "if cond { … } else { … }   the block after else runs when the condition is false.",
        "for": "for i in 1:10 { … }   runs the block once per element of a range, vector or matrix column.",
        "in": "for x in values { … }   see :help for.",
        "while": "while cond { … }   repeats the block while the condition is true (Ctrl-C stops a loop that never ends).",
        "break": "break   leaves the innermost for or while loop.",
        "continue": "continue   skips to the next round of the innermost loop.",
        "true": "true and false are the two booleans; comparisons such as x > 0 give them.",
        "false": "true and false are the two booleans; comparisons such as x > 0 give them.",
        "ans": "ans holds the last value the REPL showed.",
    ]

    func showHelp(_ argument: String) {
        let topic = Self.unquote(argument)
        if let text = helpText(for: topic) { return write(text) }
        let candidates = Builtins.allNames + Array(Self.keywordHelp.keys) + Self.commandNames + interpreter.globals.definedNames
        let near = Suggestions.nearest(to: topic, in: candidates)
        commandError("no help for `\(topic)`", hint: near.map { "did you mean `\($0)`?" } ?? ":help lists everything by area")
    }

    /// What `:help topic` shows — a builtin, constant, keyword, command, area or variable, or
    /// the overview for an empty topic — or nil when there is no such topic. Notebooks show
    /// the same text when asked about a name.
    public func helpText(for topic: String) -> String? {
        if topic.isEmpty { return overview }
        if let b = Builtins.table[topic] {
            var text = builtinHelp(b)
            if interpreter.globals[topic] != nil { text += "note: your variable `\(topic)` hides this builtin; :clear \(topic) brings it back\n" }
            return text
        }
        if let c = Builtins.constants.first(where: { $0.name == topic }) {
            return "\(c.name) = \(interpreter.format(c.value))   \(c.summary)\n"
        }
        if let text = Self.keywordHelp[topic] { return text + "\n" }
        let commandName = topic.hasPrefix(":") ? topic : ":" + topic
        if let c = Self.commandList.first(where: { $0.name == commandName || ($0.name == ":quit" && commandName == ":q") }) {
            return "\(c.usage)   \(c.summary)\n"
        }
        if let area = BuiltinArea.allCases.first(where: { Self.areaMatches($0, topic) }) {
            return Self.areaHelp(area, width: terminalWidth())
        }
        if let value = interpreter.globals[topic] {
            return "\(topic) is a \(value.typeName) in your workspace: \(shortValue(value))\n"
        }
        return nil
    }

    /// Signature, area, summary, help text, result fields and examples of one builtin.
    func builtinHelp(_ b: Builtin) -> String {
        var out = b.signature + "   (\(b.area.rawValue))\n"
        let width = min(max(terminalWidth(), 40), 100) - 2  // long prose reads best under 100 columns
        out += Self.wrap(b.summary, width: width, first: "  ", rest: "  ")
        if !b.help.isEmpty { out += "\n" + Self.wrap(b.help, width: width, first: "  ", rest: "  ") }
        if let result = b.result {
            out += "\nFields of the result:\n" + result.lines().map { Self.wrap($0, width: width, first: "  ", rest: "      ") }.joined()
        }
        if !b.examples.isEmpty {
            out += "\n" + (b.examples.count == 1 ? "Example:\n" : "Examples:\n")
            for example in b.examples {
                out += "  mml> \(example.code)\n"
                if !example.result.isEmpty {
                    out += example.result.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 + "\n" }.joined()
                }
            }
        }
        if !b.aliases.isEmpty { out += "Also called: " + b.aliases.joined(separator: ", ") + "\n" }
        return out
    }

    /// The builtins of one area with their summaries, fitted to `width` columns: a summary
    /// sits beside its signature when both fit, and wraps in its column; a signature too long
    /// for the column gets its own line with the summary under it.
    public static func areaHelp(_ area: BuiltinArea, width: Int) -> String {
        let builtins = Builtins.all.filter { $0.area == area }
        if builtins.isEmpty { return "\(area.rawValue): nothing in this build yet\n" }
        let width = max(width, 40) - 1  // a full-width line would wrap early on some terminals
        // The summary column starts after the signatures, but never past 40% of the width.
        let column = min((builtins.map(\.signature.count).max() ?? 0) + 4, max(20, width * 2 / 5))
        let indent = String(repeating: " ", count: column)
        var out = area.rawValue + ":\n"
        for b in builtins {
            let signature = "  " + b.signature
            if signature.count + 2 <= column {
                out += wrap(b.summary, width: width, first: signature + String(repeating: " ", count: column - signature.count), rest: indent)
            } else {
                out += signature + "\n" + wrap(b.summary, width: width, first: indent, rest: indent)
            }
        }
        return out
    }

    /// `:help linear` or `:help "Linear algebra"` finds the area.
    static func areaMatches(_ area: BuiltinArea, _ topic: String) -> Bool {
        let t = topic.lowercased()
        let name = area.rawValue.lowercased()
        return t.count >= 4 && (name.hasPrefix(t) || name.split(separator: " ").contains { $0.hasPrefix(t) } || "\(area)".lowercased() == t)
    }

    /// Words wrapped to `width` columns; `first` and `rest` are the line prefixes.
    static func wrap(_ text: String, width: Int, first: String, rest: String) -> String {
        var out = ""
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord && line.count + 1 + word.count > width {
                out += line + "\n"
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return out + line + "\n"
    }
}
