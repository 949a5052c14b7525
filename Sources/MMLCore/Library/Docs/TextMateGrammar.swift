// Grammar/mml.tmLanguage.json, an editor grammar (VS Code, Sublime, …) whose list of builtin
// names is generated from the builtin declarations.

public enum TextMateGrammar {
    /// The grammar as JSON text.
    public static func json() -> String {
        let builtins = Builtins.all.flatMap { [$0.name] + $0.aliases }.filter(isPlainName).sorted()
        let constants = Builtins.constants.map(\.name).filter(isPlainName).sorted()
        let control = TokenKind.keywords.filter { $0 != .kwTrue && $0 != .kwFalse }.map(\.spelling)
        let patterns: [(String, String)] = [
            ("comment.line.number-sign.mml", "#.*$"),
            ("keyword.control.mml", "\\\\b(?:" + control.joined(separator: "|") + ")\\\\b"),
            ("constant.language.mml", "\\\\b(?:true|false|" + constants.joined(separator: "|") + ")\\\\b|π"),
            ("constant.numeric.mml", "(?<![\\\\w.])(?:\\\\d[\\\\d_]*(?:\\\\.\\\\d+)?|\\\\.\\\\d+)(?:[eE][+-]?\\\\d+)?"),
            ("support.function.builtin.mml", "\\\\b(?:" + builtins.joined(separator: "|") + ")\\\\b(?=\\\\s*\\\\()"),
            ("entity.name.function.mml", "\\\\b[A-Za-z_][A-Za-z0-9_]*(?=\\\\s*\\\\([^()]*\\\\)\\\\s*=[^=])"),
            ("keyword.operator.mml", "\\\\.\\\\*|\\\\./|\\\\.\\\\^|->|==|!=|<=|>=|&&|\\\\|\\\\||[-+*/\\\\\\\\^'<>=!:⋅]"),
        ]
        var out = """
            {
              "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
              "name": "MML",
              "scopeName": "source.mml",
              "fileTypes": ["mml"],
              "patterns": [
                {
                  "name": "string.quoted.double.mml",
                  "begin": "\\"",
                  "end": "\\"",
                  "patterns": [{ "name": "constant.character.escape.mml", "match": "\\\\\\\\(?:[ntr0\\"\\\\\\\\]|u\\\\{[0-9A-Fa-f]+\\\\})" }]
                }
            """
        for (name, regex) in patterns {
            out += ",\n    { \"name\": \"\(name)\", \"match\": \"\(regex)\" }"
        }
        out += "\n  ]\n}\n"
        return out
    }

    private static func isPlainName(_ name: String) -> Bool {
        name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
