// Every message the parser shows a learner, in one place so the wording stays consistent and
// tests can refer to them (swift-syntax keeps its parser messages in one file too). The short
// descriptions of what was expected ("a parameter name") stay next to the grammar rule that
// expects it; the sentences around them are here. Sorted by name.

/// The words of a syntax error: a message and, where one helps, a hint.
struct ParserMessage: Equatable {
    var message: String
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

extension ParserMessage {
    /// A statement followed by more on the same line (`x = 1 y = 2`, `2x`, `a and b`).
    static func afterStatement(_ found: String, numberWithoutSpace: Bool, word: String?) -> ParserMessage {
        var hint = "put `;` or a line break between statements"
        if numberWithoutSpace { hint = "write multiplication with `*`, e.g. 2*x" }
        if let word, let logical = logicalWordHint(word) { hint = logical }
        return ParserMessage("unexpected `\(found)` after the end of a statement", hint: hint)
    }

    static let blockNotClosed = ParserMessage("expected `}` to close the block opened here")

    static func blockNotOpened(found: String) -> ParserMessage {
        ParserMessage("expected `{` to start a block, found `\(found)`", hint: "blocks are written in braces: if x > 0 { … }")
    }

    static let cannotAssign = ParserMessage(
        "cannot assign to this expression",
        hint: "assign to a name (x = …), an element (A[i, j] = …) or a field (r.name = …); compare with ==")

    static let chainedComparison = ParserMessage("comparisons cannot be chained", hint: "write a < b && b < c")

    static let conditionMissing = ParserMessage("expected a condition before `{`")

    static let elseWithoutIf = ParserMessage("`else` without a matching `if`", hint: "put `else` on the same line as the `}` that closes the `if` block")

    static let emptyParentheses = ParserMessage("empty parentheses `()` are not an expression")

    static let endOutsideBrackets = ParserMessage(
        "`end` means the last index and can only be used inside brackets, as in v[end]",
        hint: "blocks are closed with `}`, not `end`")

    /// `what` is a short description from the grammar rule: "a parameter name", "`)` to close the parameter list".
    static func expected(_ what: String, found: String, hint: String? = nil) -> ParserMessage {
        ParserMessage("expected \(what), found `\(found)`", hint: hint)
    }

    static func expectedClose(_ close: String, of what: String, found: String) -> ParserMessage {
        ParserMessage("expected `\(close)` to close \(what), found `\(found)`")
    }

    /// `found` is nil at the end of the input (the suffix `inputEnded` then says so).
    static func expectedExpression(found: String?) -> ParserMessage {
        ParserMessage(found.map { "expected an expression, found `\($0)`" } ?? "expected an expression")
    }

    /// The hint after a `for` without `in`.
    static let forLoopHint = "write: for i in 1:10 { … }"

    /// Added to a message whose problem is that the input ended.
    static let inputEnded = ", but the input ended"

    /// The hint for `and` / `or` written as words, nil for any other word.
    static func logicalWordHint(_ word: String) -> String? {
        switch word {
        case "and": "logical and is written `&&`"
        case "or": "logical or is written `||`"
        default: nil
        }
    }

    static let mathParameterNotName = ParserMessage(
        "the parameters of a math function must be plain names",
        hint: "write f(x, y) = …; to store into a matrix use square brackets: A[i] = …")

    static let matrixElementMissing = ParserMessage("expected a matrix element before `,`")

    static let matrixNotClosed = ParserMessage("expected `]` to close the matrix")

    static func matrixSeparator(found: String) -> ParserMessage {
        ParserMessage("expected `,` between matrix elements or `;` between rows, found `\(found)`",
                      hint: "elements are separated by commas: [1, 2, 3]")
    }

    /// An opening bracket whose line ended before it was closed.
    static func neverClosed(_ open: String, close: String) -> ParserMessage {
        ParserMessage("this `\(open)` is never closed", hint: "add `\(close)` at the end of the line")
    }

    static let positionalAfterKeyword = ParserMessage("a positional argument cannot follow a keyword argument")

    static let rangeTooManyParts = ParserMessage("a range has at most three parts, start:step:stop")

    static let singleQuote = ParserMessage("unexpected `'`", hint: "strings are written in double quotes: \"text\"")

    static func unexpected(_ found: String) -> ParserMessage {
        ParserMessage("unexpected `\(found)`")
    }

    static let unexpectedNot = ParserMessage("unexpected `not`", hint: "logical not is written `!`")

    /// `and` / `or` written as words inside an expression.
    static func unexpectedLogicalWord(_ word: String) -> ParserMessage {
        ParserMessage("unexpected `\(word)`", hint: logicalWordHint(word))
    }

    static let severalValues = ParserMessage("a statement is one expression; a comma here does not show several values",
                                             hint: "show each on its own line (or separated by ;), or put them in a vector: [a, b]")

    static let unmatchedBrace = ParserMessage("unmatched `}`")

    static func unpackExpectedEqual(found: String) -> ParserMessage {
        ParserMessage("expected `=` after the names to unpack, found `\(found)`",
                      hint: "to unpack several results write `a, b = f(x)`; to build a vector write [a, b]")
    }

    static let unpackNotName = ParserMessage("only names can be unpacked on the left of `a, b = …`")
}
