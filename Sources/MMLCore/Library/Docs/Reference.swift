// Docs/reference.md, generated from the builtin declarations so it never drifts from the code.

public enum Reference {
    /// The whole builtin reference as Markdown.
    public static func markdown() -> String {
        var out = """
            # MML builtin reference

            Generated from the builtin declarations in Sources/MMLCore/Library by
            `Scripts/update-docs`; do not edit by hand. In the REPL, `:help NAME` shows the same text.

            """
        out += "\n## Contents\n\n"
        for area in BuiltinArea.allCases where builtins(in: area).count > 0 {
            out += "- [\(area.rawValue)](#\(anchor(area.rawValue))): " + builtins(in: area).map { "`\($0.name)`" }.joined(separator: ", ") + "\n"
        }
        out += "- [Constants](#constants)\n"
        for area in BuiltinArea.allCases {
            let list = builtins(in: area)
            if list.isEmpty { continue }
            out += "\n## \(area.rawValue)\n"
            for b in list { out += "\n" + entry(b) }
        }
        out += "\n## Constants\n\n| name | value |\n| --- | --- |\n"
        for c in Builtins.constants { out += "| `\(c.name)` | \(c.summary) |\n" }
        return out
    }

    static func builtins(in area: BuiltinArea) -> [Builtin] {
        Builtins.all.filter { $0.area == area }
    }

    /// One builtin's section: signature, summary, help, result fields, examples (also an editor's hover).
    public static func entry(_ b: Builtin) -> String {
        var out = "### \(b.name)\n\n`\(b.signature)`: \(b.summary).\n"
        if !b.help.isEmpty { out += "\n\(b.help)\n" }
        if !b.aliases.isEmpty { out += "\nAlso called: " + b.aliases.map { "`\($0)`" }.joined(separator: ", ") + ".\n" }
        if let result = b.result {
            out += "\nFields of the result:\n\n" + result.lines(quote: "`").map { "- \($0)\n" }.joined()
        }
        if !b.examples.isEmpty {
            out += "\n```\n"
            for ex in b.examples {
                out += "mml> \(ex.code)\n"
                if !ex.result.isEmpty { out += ex.result + "\n" }
            }
            out += "```\n"
        }
        return out
    }

    private static func anchor(_ title: String) -> String {
        String(title.lowercased().compactMap { $0.isLetter || $0.isNumber ? $0 : $0 == " " ? "-" : nil })
    }
}
