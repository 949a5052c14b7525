// Turns source text into tokens, working on UTF-8 bytes; spans are UTF-8 offsets.

/// The lexer's output: tokens (ending with `.eof`), problems, and whether the text stopped
/// inside a string (so the REPL can ask for another line).
public struct LexResult: Sendable {
    public var tokens: [Token]
    public var diagnostics: [Diagnostic]
    public var unterminatedString: Bool
}

public struct Lexer {
    private let bytes: [UInt8]
    private let source: SourceID
    private var pos = 0
    private var tokens: [Token] = []
    private var diagnostics: [Diagnostic] = []
    private var unterminatedString = false
    private var sawSpace = false

    public init(_ text: String, source: SourceID) {
        self.bytes = Array(text.utf8)
        self.source = source
    }

    public static func tokenize(_ text: String, source: SourceID) -> LexResult {
        var lexer = Lexer(text, source: source)
        return lexer.run()
    }

    mutating func run() -> LexResult {
        // A UTF-8 byte-order mark is accepted and skipped.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        while true {
            skipSpaceAndComments()
            guard pos < bytes.count else { break }
            scanToken()
        }
        tokens.append(Token(kind: .eof, span: span(bytes.count, bytes.count), spaceBefore: true))
        return LexResult(tokens: tokens, diagnostics: diagnostics, unterminatedString: unterminatedString)
    }

    private func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(source: source, start: start, end: end)
    }

    private func peek(_ offset: Int = 0) -> UInt8 {
        pos + offset < bytes.count ? bytes[pos + offset] : 0
    }

    private mutating func add(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind: kind, span: span(start, pos), spaceBefore: sawSpace))
        sawSpace = false
    }

    private mutating func error(_ message: String, _ start: Int, _ end: Int, hint: String? = nil) {
        diagnostics.append(Diagnostic(kind: .syntax, message: message, span: span(start, end), hints: hint.map { [$0] } ?? []))
    }

    private mutating func skipSpaceAndComments() {
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
                pos += 1
                sawSpace = true
            case UInt8(ascii: "\r") where peek(1) != UInt8(ascii: "\n"):
                pos += 1  // a lone carriage return is white space
                sawSpace = true
            case UInt8(ascii: "\\") where peek(1) == UInt8(ascii: "\n") || (peek(1) == UInt8(ascii: "\r") && peek(2) == UInt8(ascii: "\n")):
                // A backslash at the end of a line continues the statement on the next line.
                pos += peek(1) == UInt8(ascii: "\n") ? 2 : 3
                sawSpace = true
            case UInt8(ascii: "#"):
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n") {
                    pos += rejectBidiControl(at: pos, in: "a comment") ?? 1
                }
                sawSpace = true
            default:
                return
            }
        }
    }

    private mutating func scanToken() {
        let start = pos
        let c = bytes[pos]
        if isDigit(c) || (c == UInt8(ascii: ".") && isDigit(peek(1))) {
            scanNumber()
            return
        }
        if isIdentStart(c) {
            scanIdentifier()
            return
        }
        if c >= 0x80 {
            if let length = rejectBidiControl(at: pos, in: "code") {
                pos += length
                return
            }
            let (scalar, length) = decodeScalar(at: pos)
            if let scalar, isUnicodeLetter(scalar) {
                scanIdentifier()
                return
            }
            pos += length
            switch scalar {
            case "⋅", "·": add(.cdot, from: start)
            case "−": add(.minus, from: start)  // U+2212, pasted from typeset math
            case "×": add(.star, from: start)
            case "≤": add(.lessEqual, from: start)
            case "≥": add(.greaterEqual, from: start)
            case "≠": add(.bangEqual, from: start)
            case "→": add(.arrow, from: start)
            case "\u{FFFD}":
                // Bytes that were not UTF-8 arrive as replacement characters.
                error("this text is not valid UTF-8 (is it a binary file, or saved in another encoding?)", start, pos,
                      hint: "save the script as UTF-8 text")
            default:
                let shown = scalar.map { "`\(Character($0))` (U+\(String($0.value, radix: 16, uppercase: true)))" } ?? "an invalid UTF-8 byte"
                error("unexpected character \(shown)", start, pos,
                      hint: scalar.map(isSuperscriptDigit) == true ? "write powers with ^, as in x^2" : nil)
            }
            return
        }
        pos += 1
        func two(_ next: Unicode.Scalar, _ ifTwo: TokenKind, _ ifOne: TokenKind) -> TokenKind {
            if peek() == UInt8(ascii: next) {
                pos += 1
                return ifTwo
            }
            return ifOne
        }
        let kind: TokenKind
        switch c {
        case UInt8(ascii: "\n"): kind = .newline
        case UInt8(ascii: "\r"): pos += 1; kind = .newline  // \r\n
        case UInt8(ascii: "("): kind = .leftParen
        case UInt8(ascii: ")"): kind = .rightParen
        case UInt8(ascii: "["): kind = .leftBracket
        case UInt8(ascii: "]"): kind = .rightBracket
        case UInt8(ascii: "{"): kind = .leftBrace
        case UInt8(ascii: "}"): kind = .rightBrace
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ";"): kind = .semicolon
        case UInt8(ascii: ":"): kind = .colon
        case UInt8(ascii: "'"): kind = .prime
        case UInt8(ascii: "\\"): kind = .backslash
        case UInt8(ascii: "^"): kind = .caret
        case UInt8(ascii: "+"): kind = two("=", .plusEqual, .plus)
        case UInt8(ascii: "-"):
            if peek() == UInt8(ascii: ">") {
                pos += 1
                kind = .arrow
            } else {
                kind = two("=", .minusEqual, .minus)
            }
        case UInt8(ascii: "*"): kind = two("=", .starEqual, .star)
        case UInt8(ascii: "/"): kind = two("=", .slashEqual, .slash)
        case UInt8(ascii: "="): kind = two("=", .equalEqual, .equal)
        case UInt8(ascii: "!"): kind = two("=", .bangEqual, .bang)
        case UInt8(ascii: "<"): kind = two("=", .lessEqual, .less)
        case UInt8(ascii: ">"): kind = two("=", .greaterEqual, .greater)
        case UInt8(ascii: "."):
            switch peek() {
            case UInt8(ascii: "*"): pos += 1; kind = .dotStar
            case UInt8(ascii: "/"): pos += 1; kind = .dotSlash
            case UInt8(ascii: "^"): pos += 1; kind = .dotCaret
            default: kind = .dot
            }
        case UInt8(ascii: "&"):
            guard peek() == UInt8(ascii: "&") else {
                error("unexpected character `&`", start, pos, hint: "logical and is written `&&`")
                return
            }
            pos += 1
            kind = .andAnd
        case UInt8(ascii: "|"):
            guard peek() == UInt8(ascii: "|") else {
                error("unexpected character `|`", start, pos, hint: "logical or is written `||`; for a norm use norm(v), for an absolute value abs(x)")
                return
            }
            pos += 1
            kind = .orOr
        case UInt8(ascii: "\""):
            scanString(start: start)
            return
        case UInt8(ascii: "%"):
            error("unexpected character `%`", start, pos, hint: "the remainder is mod(a, b); comments start with #")
            return
        default:
            let shown = c >= 0x20 && c < 0x7F ? "`\(Character(Unicode.Scalar(c)))`" : "byte 0x\(String(c, radix: 16, uppercase: true))"
            error("unexpected character \(shown)", start, pos)
            return
        }
        add(kind, from: start)
    }

    private mutating func scanNumber() {
        let start = pos
        var text = ""
        func digits(_ lexer: inout Lexer) {
            while lexer.pos < lexer.bytes.count, isDigit(lexer.bytes[lexer.pos]) || (lexer.bytes[lexer.pos] == UInt8(ascii: "_") && isDigit(lexer.peek(1))) {
                if lexer.bytes[lexer.pos] != UInt8(ascii: "_") { text.append(Character(Unicode.Scalar(lexer.bytes[lexer.pos]))) }
                lexer.pos += 1
            }
        }
        digits(&self)
        // A dot belongs to the number only when a digit follows: `2.*x` is 2 .* x.
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            text.append(".")
            pos += 1
            digits(&self)
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            var k = 1
            if peek(k) == UInt8(ascii: "+") || peek(k) == UInt8(ascii: "-") { k += 1 }
            if isDigit(peek(k)) {
                text.append("e")
                if k == 2 { text.append(Character(Unicode.Scalar(peek(1)))) }
                pos += k
                digits(&self)
            }
        }
        if text.hasPrefix(".") { text = "0" + text }
        add(.number(Double(text) ?? .nan), from: start)
    }

    private mutating func scanIdentifier() {
        let start = pos
        while pos < bytes.count {
            let c = bytes[pos]
            if isIdentStart(c) || isDigit(c) {
                pos += 1
            } else if c >= 0x80, case let (scalar?, length) = decodeScalar(at: pos),
                      isUnicodeLetter(scalar) || isSubscriptOrPrime(scalar) || isCombiningMark(scalar) {
                pos += length
            } else {
                break
            }
        }
        let name = String(decoding: bytes[start..<pos], as: UTF8.self)
        let kind: TokenKind
        switch name {
        case "fn": kind = .kwFn
        case "if": kind = .kwIf
        case "else": kind = .kwElse
        case "for": kind = .kwFor
        case "in": kind = .kwIn
        case "while": kind = .kwWhile
        case "break": kind = .kwBreak
        case "continue": kind = .kwContinue
        case "return": kind = .kwReturn
        case "true": kind = .kwTrue
        case "false": kind = .kwFalse
        case "end": kind = .kwEnd
        default: kind = .identifier(name)
        }
        add(kind, from: start)
    }

    private mutating func scanString(start: Int) {
        var value = ""
        var chunkStart = pos
        func flush(_ lexer: Lexer, upTo end: Int) {
            value += String(decoding: lexer.bytes[chunkStart..<end], as: UTF8.self)
        }
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                flush(self, upTo: pos)
                pos += 1
                add(.string(value), from: start)
                return
            }
            if c == UInt8(ascii: "\\") {
                flush(self, upTo: pos)
                let escapeStart = pos
                pos += 1
                let e = peek()
                pos += 1
                switch e {
                case UInt8(ascii: "n"): value += "\n"
                case UInt8(ascii: "t"): value += "\t"
                case UInt8(ascii: "r"): value += "\r"
                case UInt8(ascii: "0"): value += "\0"
                case UInt8(ascii: "\""): value += "\""
                case UInt8(ascii: "\\"): value += "\\"
                case UInt8(ascii: "u") where peek() == UInt8(ascii: "{"):
                    pos += 1
                    let hexStart = pos
                    while pos < bytes.count, isHexDigit(bytes[pos]) { pos += 1 }
                    let hex = String(decoding: bytes[hexStart..<pos], as: UTF8.self)
                    if peek() == UInt8(ascii: "}"), let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                        pos += 1
                        value.unicodeScalars.append(scalar)
                    } else {
                        error("invalid unicode escape", escapeStart, pos, hint: "write \\u{3C0} for π")
                    }
                case 0 where pos > bytes.count:
                    pos = bytes.count
                default:
                    error("unknown escape sequence in a string", escapeStart, min(pos, bytes.count), hint: "known escapes: \\n \\t \\r \\0 \\\" \\\\ \\u{…}")
                }
                chunkStart = min(pos, bytes.count)
                continue
            }
            pos += rejectBidiControl(at: pos, in: "a string") ?? 1
        }
        unterminatedString = true
        error("unterminated string", start, bytes.count, hint: "close the string with \"")
    }

    /// When a bidirectional control character starts at `index`, reports it and returns its
    /// length in bytes. Such a character makes an editor show code in another order than the
    /// order it runs in, so it is refused everywhere: in code, comments and strings.
    private mutating func rejectBidiControl(at index: Int, in place: String) -> Int? {
        // Every bidirectional control is encoded as D8 9C or E2 80/81 xx.
        guard bytes[index] == 0xE2 || bytes[index] == 0xD8 else { return nil }
        let (scalar, length) = decodeScalar(at: index)
        guard let scalar, scalar.isBidiControl else { return nil }
        let code = String(scalar.value, radix: 16, uppercase: true)
        error("a bidirectional control character (U+\(code)) in \(place): it makes the code display in a different order from the one it runs in",
              index, index + length, hint: "delete it; a string that needs it can write the escape \\u{\(code)}")
        return length
    }

    private func decodeScalar(at index: Int) -> (Unicode.Scalar?, Int) {
        var iterator = bytes[index...].makeIterator()
        var decoder = Unicode.UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return (scalar, String(scalar).utf8.count)
        default: return (nil, 1)
        }
    }
}

private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
private func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
}
private func isIdentStart(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_")
}
private func isUnicodeLetter(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic && !s.properties.isMath
}
/// Combining accents after a letter (x̄, p̂, ŷ written as y + U+0302) belong to the name.
private func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
    s.properties.generalCategory == .nonspacingMark
}
/// ², ³, … are how formulas print powers; in source a power is written with ^.
private func isSuperscriptDigit(_ s: Unicode.Scalar) -> Bool {
    s == "²" || s == "³" || s == "¹" || (0x2070...0x2079).contains(s.value)
}
/// Subscript digits (x₁) may appear inside names.
private func isSubscriptOrPrime(_ s: Unicode.Scalar) -> Bool {
    (0x2080...0x2089).contains(s.value)
}
