// Grammar/pygments/mml_pygments/names.py, the word lists of MML's Pygments lexer (used by
// nbconvert, Sphinx and JupyterLab's rendered output), generated from the lexer's keywords and
// the builtin table so that the highlighter knows exactly the names the language does.

public enum PygmentsNames {
    /// The Python module's text.
    public static func python() -> String {
        let isLiteral = { (k: TokenKind) in k == .kwTrue || k == .kwFalse }
        let keywords = TokenKind.keywords.filter { !isLiteral($0) }.map(\.spelling)
        let literals = TokenKind.keywords.filter(isLiteral).map(\.spelling)
        let builtins = Builtins.all.flatMap { [$0.name] + $0.aliases }.sorted()
        let constants = Builtins.constants.map(\.name).sorted()
        func tuple(_ name: String, _ words: [String]) -> String {
            "\(name) = (\n" + words.map { "    \"\($0)\",\n" }.joined() + ")\n"
        }
        return """
            # The words MML's Pygments lexer knows: generated from the MML lexer's keywords and the
            # builtin table (Sources/MMLCore/Library/Docs/PygmentsNames.swift) by Scripts/update-docs.
            # Do not edit by hand; a test fails while this file is stale.


            """ + tuple("KEYWORDS", keywords) + "\n" + tuple("WORD_CONSTANTS", literals) + "\n"
            + tuple("CONSTANTS", constants) + "\n" + tuple("BUILTINS", builtins)
    }
}
