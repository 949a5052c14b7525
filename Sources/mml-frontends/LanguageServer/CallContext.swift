// Which call the cursor is inside, worked out from the tokens before it (so it works while
// the line is half typed and does not parse): the callee's name, which argument, and its
// keyword when it has one.
import MMLCore

struct CallContext {
    var callee: String
    /// 0-based, counting the commas before the cursor.
    var argumentIndex: Int
    /// `rate` in `f(x, rate=0.|)`.
    var keyword: String?

    /// The innermost unclosed `name(` before a UTF-8 offset of `text`, if the cursor is
    /// directly in its argument list (not inside a bracket or block within it).
    static func find(in text: String, before offset: Int) -> CallContext? {
        let prefix = String(decoding: text.utf8.prefix(offset), as: UTF8.self)
        let tokens = Lexer.tokenize(prefix, source: SourceID(0)).tokens.filter { $0.kind != .eof }
        var depth = 0, commas = 0
        var keyword: String?
        var i = tokens.count - 1
        while i >= 0 {
            switch tokens[i].kind {
            case .rightParen, .rightBracket, .rightBrace:
                depth += 1
            case .leftBracket, .leftBrace:
                if depth == 0 { return nil }
                depth -= 1
            case .leftParen:
                if depth == 0 {
                    guard i > 0, case .identifier(let name) = tokens[i - 1].kind else { return nil }
                    return CallContext(callee: name, argumentIndex: commas, keyword: keyword)
                }
                depth -= 1
            case .comma where depth == 0:
                commas += 1
            case .equal where depth == 0 && commas == 0:
                if i > 0, case .identifier(let name) = tokens[i - 1].kind { keyword = name }
            default:
                break
            }
            i -= 1
        }
        return nil
    }
}
