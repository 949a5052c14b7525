// Programs generated from Grammar/mml.ebnf parse without diagnostics: random derivations of
// the grammar's rules (depth-bounded, seeded, so every run makes the same programs), plus a
// check that the generator knows every rule the grammar file names.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

/// SplitMix64: a tiny seeded generator, so a failing program can be reproduced from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes random sentences of the MML grammar, one function per rule of Grammar/mml.ebnf.
/// Each function is named after its rule; `depth` bounds the nesting, and at depth 0 every
/// rule takes its shortest alternative. Tokens are separated by spaces except where the
/// grammar glues them (postfix `'`, `.field`, calls and indexing).
struct ProgramGenerator {
    var rng: SplitMix
    var inLoop = false
    var inFunction = false

    /// The rules this generator derives; the test compares them with the grammar file.
    static let rules: Set<String> = [
        "program", "statements", "separator", "statement", "fnDef", "param", "block", "ifStmt", "forStmt",
        "whileStmt", "returnStmt", "mathDef", "destructuring", "assignment", "target",
        "expression", "lambda", "or", "and", "comparison", "range", "term", "factor", "unary",
        "power", "postfix", "arguments", "argument", "indices", "index", "primary", "matrix",
        "row", "number", "digits", "exponent", "string", "escape", "identifier", "comment",
    ]

    init(seed: UInt64) { rng = SplitMix(state: seed) }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    mutating func chance(_ percent: Int) -> Bool { Int(rng.next() % 100) < percent }
    mutating func count(_ max: Int) -> Int { Int(rng.next() % UInt64(max + 1)) }

    // program = { separator } [ statements ]
    mutating func program(depth: Int) -> String {
        (chance(20) ? separator() : "") + statements(depth: depth, count: 1 + count(4))
    }

    // statements = statement { separator { separator } statement } { separator }
    mutating func statements(depth: Int, count n: Int) -> String {
        var text = ""
        for i in 0..<n {
            if i > 0 { text += separator() + (chance(10) ? separator() : "") }
            text += statement(depth: depth)
        }
        return text + (chance(50) ? separator() : "")
    }

    // separator = newline | ";"   (comments ride along at the end of a line)
    mutating func separator() -> String { pick(["\n", "; ", ";\n", "  " + comment() + "\n"]) }

    // comment = "#" { any character but newline }
    mutating func comment() -> String { pick(["# note", "# x = [1, 2", "#", "# π ≈ 3.14 ⋅ “quoted”"]) }

    // statement = fnDef | ifStmt | forStmt | whileStmt | "break" | "continue" | returnStmt
    //           | mathDef | destructuring | assignment | expression
    mutating func statement(depth: Int) -> String {
        if depth <= 0 { return pick([assignment(depth: 0), expression(depth: 0)]) }
        var choices = ["fn", "if", "for", "while", "math", "destructure", "assign", "assign", "expr", "expr"]
        if inLoop { choices += ["break", "continue"] }
        if inFunction { choices += ["return"] }
        switch pick(choices) {
        case "fn": return fnDef(depth: depth - 1)
        case "if": return ifStmt(depth: depth - 1)
        case "for": return forStmt(depth: depth - 1)
        case "while": return whileStmt(depth: depth - 1)
        case "math": return mathDef(depth: depth - 1)
        case "destructure": return destructuring(depth: depth - 1)
        case "assign": return assignment(depth: depth - 1)
        case "break": return "break"
        case "continue": return "continue"
        case "return": return returnStmt(depth: depth - 1)
        default: return expression(depth: depth - 1)
        }
    }

    // fnDef = "fn" identifier "(" [ param { "," param } ] ")" block
    mutating func fnDef(depth: Int) -> String {
        let params = (0..<count(3)).map { _ in param(depth: depth) }
        let saved = (inLoop, inFunction)
        (inLoop, inFunction) = (false, true)
        defer { (inLoop, inFunction) = saved }
        return "fn " + identifier() + "(" + params.joined(separator: ", ") + ") " + block(depth: depth)
    }

    // param = identifier [ "=" expression ]
    mutating func param(depth: Int) -> String {
        identifier() + (chance(30) ? " = " + expression(depth: depth - 1) : "")
    }

    // block = "{" { separator } [ statements ] "}"
    mutating func block(depth: Int) -> String {
        "{" + (chance(60) ? "\n" : " ") + statements(depth: depth, count: count(3)) + " }"
    }

    // ifStmt = "if" expression block { "else" "if" expression block } [ "else" block ]
    mutating func ifStmt(depth: Int) -> String {
        var text = "if " + expression(depth: depth, noLambda: true) + " " + block(depth: depth)
        for _ in 0..<count(2) { text += " else if " + expression(depth: depth, noLambda: true) + " " + block(depth: depth) }
        if chance(50) { text += " else " + block(depth: depth) }
        return text
    }

    // forStmt = "for" identifier "in" expression block
    mutating func forStmt(depth: Int) -> String {
        let head = "for " + identifier() + " in " + expression(depth: depth, noLambda: true) + " "
        let saved = inLoop
        inLoop = true
        defer { inLoop = saved }
        return head + block(depth: depth)
    }

    // whileStmt = "while" expression block
    mutating func whileStmt(depth: Int) -> String {
        let head = "while " + expression(depth: depth, noLambda: true) + " "
        let saved = inLoop
        inLoop = true
        defer { inLoop = saved }
        return head + block(depth: depth)
    }

    // returnStmt = "return" [ expression { "," expression } ]
    mutating func returnStmt(depth: Int) -> String {
        switch count(2) {
        case 0: return "return"
        case 1: return "return " + expression(depth: depth)
        default: return "return " + expression(depth: depth) + ", " + expression(depth: depth)
        }
    }

    // mathDef = identifier "(" [ identifier { "," identifier } ] ")" "=" expression
    mutating func mathDef(depth: Int) -> String {
        let params = (0..<(1 + count(2))).map { _ in identifier() }
        return identifier() + "(" + params.joined(separator: ", ") + ") = " + expression(depth: depth)
    }

    // destructuring = identifier { "," identifier } "=" expression { "," expression }
    mutating func destructuring(depth: Int) -> String {
        let names = (0..<(2 + count(1))).map { _ in identifier() }
        let values = chance(50) ? [expression(depth: depth)] : names.map { _ in expression(depth: depth) }
        return names.joined(separator: ", ") + " = " + values.joined(separator: ", ")
    }

    // assignment = target ( "=" | "+=" | "-=" | "*=" | "/=" ) expression
    mutating func assignment(depth: Int) -> String {
        target(depth: depth) + " " + pick(["=", "=", "+=", "-=", "*=", "/="]) + " " + expression(depth: depth)
    }

    // target = identifier { "[" indices "]" | "." identifier }
    mutating func target(depth: Int) -> String {
        var text = identifier()
        for _ in 0..<(depth > 0 ? count(2) : 0) {
            text += chance(60) ? "[" + indices(depth: depth - 1) + "]" : "." + identifier()
        }
        return text
    }

    // expression = lambda | or
    mutating func expression(depth: Int, noLambda: Bool = false) -> String {
        if !noLambda && depth > 0 && chance(8) { return lambda(depth: depth - 1) }
        return or(depth: depth)
    }

    // lambda = ( identifier | "(" [ identifier { "," identifier } ] ")" ) "->" expression
    mutating func lambda(depth: Int) -> String {
        let head = chance(50) ? identifier() : "(" + (0..<count(2)).map { _ in identifier() }.joined(separator: ", ") + ")"
        return head + " " + pick(["->", "→"]) + " " + expression(depth: depth)
    }

    /// A chain `x op x op x` of one precedence level, length bounded by depth.
    mutating func chain(depth: Int, ops: [String], operand: (inout ProgramGenerator, Int) -> String) -> String {
        var text = operand(&self, depth)
        if depth > 0 {
            for _ in 0..<count(2) { text += " " + pick(ops) + " " + operand(&self, depth - 1) }
        }
        return text
    }

    // or = and { "||" and }
    mutating func or(depth: Int) -> String { chain(depth: depth, ops: ["||"]) { $0.and(depth: $1) } }

    // and = comparison { "&&" comparison }
    mutating func and(depth: Int) -> String { chain(depth: depth, ops: ["&&"]) { $0.comparison(depth: $1) } }

    // comparison = range [ ( "==" | "!=" | "<" | "<=" | ">" | ">=" ) range ]
    mutating func comparison(depth: Int) -> String {
        let left = range(depth: depth)
        guard depth > 0, chance(25) else { return left }
        return left + " " + pick(["==", "!=", "<", "<=", ">", ">=", "≤", "≥", "≠"]) + " " + range(depth: depth - 1)
    }

    // range = term [ ":" term [ ":" term ] ]
    mutating func range(depth: Int) -> String {
        let start = term(depth: depth)
        guard depth > 0, chance(15) else { return start }
        return start + ":" + term(depth: depth - 1) + (chance(40) ? ":" + term(depth: depth - 1) : "")
    }

    // term = factor { ( "+" | "-" ) factor }
    mutating func term(depth: Int) -> String {
        chain(depth: depth, ops: ["+", "-", "−"]) { $0.factor(depth: $1) }
    }

    // factor = unary { ( "*" | "/" | "\" | ".*" | "./" | "⋅" ) unary }
    mutating func factor(depth: Int) -> String {
        chain(depth: depth, ops: ["*", "/", "\\", ".*", "./", "⋅", "×", "·"]) { $0.unary(depth: $1) }
    }

    // unary = ( "-" | "+" | "!" ) unary | power
    mutating func unary(depth: Int) -> String {
        guard depth > 0, chance(15) else { return power(depth: depth) }
        return pick(["-", "+", "!"]) + unary(depth: depth - 1)
    }

    // power = postfix [ ( "^" | ".^" ) unary ]
    mutating func power(depth: Int) -> String {
        let base = postfix(depth: depth)
        guard depth > 0, chance(15) else { return base }
        return base + " " + pick(["^", ".^"]) + " " + unary(depth: depth - 1)
    }

    // postfix = primary { "'" | "(" arguments ")" | "[" indices "]" | "." identifier }
    mutating func postfix(depth: Int) -> String {
        var text = primary(depth: depth)
        // Postfix operators attach to names, parentheses and matrices (after a bare number,
        // `2.x` would read as a number).
        guard depth > 0, text.first.map({ $0.isLetter || $0 == "(" || $0 == "[" }) == true else { return text }
        for _ in 0..<count(2) {
            switch count(3) {
            case 0: text += "'"
            case 1: text += "(" + arguments(depth: depth - 1) + ")"
            case 2: text += "[" + indices(depth: depth - 1) + "]"
            default: text += "." + identifier()
            }
        }
        return text
    }

    // arguments = [ argument { "," argument } ]
    mutating func arguments(depth: Int) -> String {
        let positional = (0..<count(2)).map { _ in expression(depth: depth) }
        let keywords = (0..<count(1)).map { _ in argument(depth: depth, keyword: true) }
        return (positional + keywords).joined(separator: ", ")
    }

    // argument = [ identifier "=" ] expression      (keyword arguments come last)
    mutating func argument(depth: Int, keyword: Bool) -> String {
        (keyword ? identifier() + "=" : "") + expression(depth: depth)
    }

    // indices = index { "," index }
    mutating func indices(depth: Int) -> String {
        (0..<(1 + count(1))).map { _ in index(depth: depth) }.joined(separator: ", ")
    }

    // index = ":" | expression          (inside an index, "end" is the last position)
    mutating func index(depth: Int) -> String {
        switch count(3) {
        case 0: return ":"
        case 1: return pick(["end", "end - 1", "2:end"])
        default: return expression(depth: depth, noLambda: true)
        }
    }

    // primary = number | string | "true" | "false" | identifier | "end" | "(" expression ")" | matrix
    mutating func primary(depth: Int) -> String {
        if depth <= 0 { return pick([number(), identifier(), identifier()]) }
        switch count(7) {
        case 0: return string()
        case 1: return pick(["true", "false"])
        case 2, 3: return "(" + expression(depth: depth - 1) + ")"
        case 4: return matrix(depth: depth - 1)
        case 5: return number()
        default: return identifier()
        }
    }

    // matrix = "[" [ row { ( ";" | newline ) row } ] "]"
    mutating func matrix(depth: Int) -> String {
        if chance(10) { return "[]" }
        let rows = (0..<(1 + count(2))).map { _ in row(depth: depth) }
        var text = "["
        for (i, r) in rows.enumerated() { text += (i == 0 ? "" : pick(["; ", "\n", ";\n"])) + r }
        return text + "]"
    }

    // row = expression { "," { newline } expression }
    mutating func row(depth: Int) -> String {
        (0..<(1 + count(2))).map { _ in expression(depth: depth, noLambda: true) }
            .joined(separator: chance(20) ? ",\n" : ", ")
    }

    // number = digits [ "." digits ] [ exponent ] | "." digits [ exponent ]
    mutating func number() -> String {
        switch count(3) {
        case 0: return digits()
        case 1: return digits() + "." + digits() + (chance(50) ? exponent() : "")
        case 2: return "." + digits() + (chance(50) ? exponent() : "")
        default: return digits() + exponent()
        }
    }

    // digits = digit { digit | "_" digit }
    mutating func digits() -> String { pick(["0", "7", "42", "1_000", "3_14_15", "25"]) }

    // exponent = ( "e" | "E" ) [ "+" | "-" ] digits
    mutating func exponent() -> String { pick(["e", "E"]) + pick(["", "+", "-"]) + digits() }

    // string = '"' { character | escape } '"'
    mutating func string() -> String { "\"" + pick(["text", "π ≈ 3", "", "two words"]) + escape() + "\"" }

    // escape = "\n" | "\t" | "\r" | "\0" | '\"' | "\\" | "\u{" hexdigits "}"
    mutating func escape() -> String { pick(["", "\\n", "\\t", "\\r", "\\0", "\\\"", "\\\\", "\\u{3C0}"]) }

    // identifier = letter { letter | digit | "_" | subscript-digit | combining-mark }
    mutating func identifier() -> String {
        pick(["x", "y", "A", "b", "f", "total", "x_1", "α", "β", "w₂", "θ", "endpoint", "format", "e", "pi", "x\u{304}", "p\u{302}"])
    }
}

@Test func generatorCoversEveryGrammarRule() throws {
    let grammar = try readRepositoryFile("Grammar/mml.ebnf")
    var rules: Set<String> = []
    for line in grammar.split(separator: "\n") {
        // A rule starts a line: `name = …` (name may be followed by spaces, as in `destructuring=`).
        let head = line.prefix { $0.isLetter || $0 == "-" }
        guard !head.isEmpty, line.dropFirst(head.count).drop(while: { $0 == " " }).first == "=" else { continue }
        rules.insert(String(head))
    }
    // Character classes the grammar leaves informal are not rules of their own.
    rules.subtract(["letter", "digit", "subscript-digit", "combining-mark", "hexdigits", "character"])
    #expect(rules.subtracting(ProgramGenerator.rules).sorted() == [], "rules in Grammar/mml.ebnf that the generator does not derive")
    #expect(ProgramGenerator.rules.subtracting(rules).sorted() == [], "generator rules that Grammar/mml.ebnf no longer has")
}

@Test(arguments: Array(UInt64(1)...UInt64(400)))
func generatedProgramParses(seed: UInt64) {
    var generator = ProgramGenerator(seed: seed)
    let text = generator.program(depth: 1 + Int(seed % 4))
    let messages = Parser.parse(text, source: SourceID(0)).diagnostics.map(\.message)
    #expect(messages.isEmpty, "seed \(seed): the parser rejects a program the grammar allows:\n\(text)")
}

@Test(arguments: [
    "x = 3\nx += 1; y = x'",
    "a, b = eig(A)",
    "f(x, y) = x^2 + 3*x*y\nf'(2)",
    "fn g(p, q=2) {\n    if p > q { return p } else if p == q { return 0 } else { return q }\n}",
    "for i in 1:10 { if i == 3 { continue }; if i > 5 { break } }",
    "while err > 1e-6 { err /= 2 }",
    "A = [1, 2\n3, 4]\nA[end, :] = [0, 0]",
    "r = gd((x, y) -> x^2 + y^2, [1, 1], rate=0.1)\nr.x",
    "v[v > 1 && v < 4]",
    "-2^-1 .^ 2 ⋅ u",
    "x = 1 +\n    2",
    "s = \"π\\u{3C0}\\n\"  # comment",
    "h = x → 2×x − 1",
    "t.col[2:end]",
])
func curatedProgramParses(_ text: String) {
    let messages = Parser.parse(text, source: SourceID(0)).diagnostics.map(\.message)
    #expect(messages.isEmpty, "\(text)")
}
