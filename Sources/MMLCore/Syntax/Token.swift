// The tokens the lexer produces.

/// Kinds of token. Operators are listed in Grammar/mml.ebnf with their precedence.
public enum TokenKind: Equatable, Sendable {
    case number(Double)
    case string(String)
    case identifier(String)
    // Keywords
    case kwFn, kwIf, kwElse, kwFor, kwIn, kwWhile, kwBreak, kwContinue, kwReturn
    case kwTrue, kwFalse, kwEnd
    // Brackets and separators
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, semicolon, newline, colon, dot
    // Operators
    case plus, minus, star, slash, backslash, caret
    case dotStar, dotSlash, dotCaret, cdot
    case prime  // '  (transpose of a matrix, derivative of a function)
    case equal, plusEqual, minusEqual, starEqual, slashEqual
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case andAnd, orOr, bang
    case arrow  // ->
    case eof

    /// Every keyword (the lexer's identifiers that are not names), for the grammars and
    /// lexers generated for other tools; a test checks that each lexes as itself.
    public static let keywords: [TokenKind] = [
        .kwFn, .kwIf, .kwElse, .kwFor, .kwIn, .kwWhile, .kwBreak, .kwContinue, .kwReturn, .kwTrue, .kwFalse, .kwEnd,
    ]

    /// How the token is written, for messages.
    public var spelling: String {
        switch self {
        case .number(let x): return x.description
        case .string: return "a string"
        case .identifier(let name): return name
        case .kwFn: return "fn"
        case .kwIf: return "if"
        case .kwElse: return "else"
        case .kwFor: return "for"
        case .kwIn: return "in"
        case .kwWhile: return "while"
        case .kwBreak: return "break"
        case .kwContinue: return "continue"
        case .kwReturn: return "return"
        case .kwTrue: return "true"
        case .kwFalse: return "false"
        case .kwEnd: return "end"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .comma: return ","
        case .semicolon: return ";"
        case .newline: return "end of line"
        case .colon: return ":"
        case .dot: return "."
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .backslash: return "\\"
        case .caret: return "^"
        case .dotStar: return ".*"
        case .dotSlash: return "./"
        case .dotCaret: return ".^"
        case .cdot: return "⋅"
        case .prime: return "'"
        case .equal: return "="
        case .plusEqual: return "+="
        case .minusEqual: return "-="
        case .starEqual: return "*="
        case .slashEqual: return "/="
        case .equalEqual: return "=="
        case .bangEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .andAnd: return "&&"
        case .orOr: return "||"
        case .bang: return "!"
        case .arrow: return "->"
        case .eof: return "end of input"
        }
    }
}

/// A token and where it was written.
public struct Token: Sendable {
    public var kind: TokenKind
    public var span: SourceSpan
    /// True when white space (or a comment) came right before this token; `a '` vs `a'`.
    public var spaceBefore: Bool
}
