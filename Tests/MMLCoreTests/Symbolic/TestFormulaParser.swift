// A small formula parser for the symbolic tests only (the language's real parser replaces it).
import MMLCore

/// Parses `x^2*sin(x) - log(2, x)`-style formulas into `Formula`. Names listed in `data` become
/// data leaves, names in `vectors` vector parameters; `pi` and `e` are constants; `*` between
/// two non-scalars is a matrix product; `.*`, `./`, `.^` are elementwise.
struct TestFormulaParser {
    struct Failure: Error, CustomStringConvertible { let description: String }

    private enum Token: Equatable {
        case number(Double, isInteger: Bool, text: String)
        case name(String)
        case op(String)
    }

    private var tokens: [Token] = []
    private var position = 0
    private let data: Set<String>
    private let vectors: Set<String>

    static func parse(_ text: String, data: Set<String> = [], vectors: Set<String> = []) throws -> Formula {
        var p = TestFormulaParser(text: text, data: data, vectors: vectors)
        try p.tokenize(text)
        let e = try p.expression()
        guard p.position == p.tokens.count else { throw Failure(description: "trailing input in \(text)") }
        return e
    }

    private init(text: String, data: Set<String>, vectors: Set<String>) {
        self.data = data
        self.vectors = vectors
    }

    private mutating func tokenize(_ text: String) throws {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " { i += 1; continue }
            if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
                if j < chars.count, chars[j] == "e" || chars[j] == "E", j + 1 < chars.count,
                   chars[j + 1].isNumber || chars[j + 1] == "-" || chars[j + 1] == "+" {
                    j += 2
                    while j < chars.count, chars[j].isNumber { j += 1 }
                }
                let s = String(chars[i..<j])
                guard let v = Double(s) else { throw Failure(description: "bad number \(s)") }
                tokens.append(.number(v, isInteger: !s.contains(".") && !s.lowercased().contains("e"), text: s))
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                tokens.append(.name(String(chars[i..<j])))
                i = j
            } else if c == ".", i + 1 < chars.count, "*/^".contains(chars[i + 1]) {
                tokens.append(.op(String(chars[i...i + 1])))
                i += 2
            } else if "+-*/^(),".contains(c) {
                tokens.append(.op(String(c)))
                i += 1
            } else {
                throw Failure(description: "unexpected character \(c) in \(text)")
            }
        }
    }

    private var peek: Token? { position < tokens.count ? tokens[position] : nil }

    private mutating func accept(_ op: String) -> Bool {
        if peek == .op(op) { position += 1; return true }
        return false
    }

    // expression = term { ("+" | "-") term }
    private mutating func expression() throws -> Formula {
        var e = try term()
        while true {
            if accept("+") { e = e + (try term()) } else if accept("-") { e = e - (try term()) } else { return e }
        }
    }

    // term = unary { ("*" | "/" | ".*" | "./") unary }
    private mutating func term() throws -> Formula {
        var e = try unary()
        while true {
            if accept("*") { e = Formula.matmul(e, try unary()) }
            else if accept(".*") { e = e * (try unary()) }
            else if accept("/") || accept("./") { e = e / (try unary()) }
            else { return e }
        }
    }

    // unary = "-" unary | power
    private mutating func unary() throws -> Formula {
        if accept("-") { return -(try unary()) }
        if accept("+") { return try unary() }
        return try power()
    }

    // power = atom [ ("^" | ".^") unary ]
    private mutating func power() throws -> Formula {
        let base = try atom()
        if accept("^") || accept(".^") { return Formula.pow(base, try unary()) }
        return base
    }

    // atom = number | name [ "(" args ")" ] | "(" expression ")"
    private mutating func atom() throws -> Formula {
        guard let t = peek else { throw Failure(description: "unexpected end") }
        position += 1
        switch t {
        case .number(let v, let isInteger, _):
            return isInteger ? .real(v) : .number(.real(v))
        case .name(let n):
            if accept("(") {
                var args: [Formula] = []
                if !accept(")") {
                    repeat { args.append(try expression()) } while accept(",")
                    guard accept(")") else { throw Failure(description: "missing ) after arguments of \(n)") }
                }
                return Formula.apply(n, args)
            }
            if n == "pi" { return .constant(.pi) }
            if n == "e" { return .constant(.e) }
            if data.contains(n) { return .data(n) }
            if vectors.contains(n) { return .vectorVariable(n) }
            return .variable(n)
        case .op("("):
            let e = try expression()
            guard accept(")") else { throw Failure(description: "missing )") }
            return e
        case .op(let o):
            throw Failure(description: "unexpected \(o)")
        }
    }
}
