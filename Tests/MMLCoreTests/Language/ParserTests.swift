// The precedence table, incomplete-input detection and error recovery of the parser.
import Testing
@testable import MMLCore

/// A fully parenthesised rendering of an expression, to show how it was grouped.
func grouped(_ e: Expr) -> String {
    switch e.kind {
    case .number(let x): return formatNumber(x, style: .long)
    case .string(let s): return "\"\(s)\""
    case .bool(let b): return "\(b)"
    case .identifier(let n): return n
    case .end: return "end"
    case .all: return ":"
    case .unary(let op, let o): return "(\(op.rawValue)\(grouped(o)))"
    case .binary(let op, let l, let r): return "(\(grouped(l)) \(op.rawValue) \(grouped(r)))"
    case .range(let a, let s, let b): return "(\(grouped(a)):\(s.map { grouped($0) + ":" } ?? "")\(grouped(b)))"
    case .prime(let o, let n): return "(\(grouped(o))\(String(repeating: "'", count: n)))"
    case .call(let f, let args): return "\(grouped(f))(" + args.map { ($0.label.map { $0 + "=" } ?? "") + grouped($0.value) }.joined(separator: ", ") + ")"
    case .index(let t, let i): return "\(grouped(t))[" + i.map(grouped).joined(separator: ", ") + "]"
    case .field(let t, let n): return "\(grouped(t)).\(n)"
    case .matrix(let rows, _): return "[" + rows.map { $0.map(grouped).joined(separator: ", ") }.joined(separator: "; ") + "]"
    case .lambda(let ps, let b): return "((" + ps.map(\.name).joined(separator: ", ") + ") -> \(grouped(b)))"
    case .tuple(let items): return items.map(grouped).joined(separator: ", ")
    }
}

func parseExpression(_ text: String) -> String {
    let result = Parser.parse(text, source: SourceID(0))
    guard result.diagnostics.isEmpty, let stmt = result.program.statements.first, case .expression(let e) = stmt.kind else {
        return "error: " + (result.diagnostics.first?.message ?? "not an expression")
    }
    return grouped(e)
}

@Test(arguments: [
    ("-2^2", "(-(2 ^ 2))"),
    ("2^3^2", "(2 ^ (3 ^ 2))"),
    ("2*-3", "(2 * (-3))"),
    ("2^-1", "(2 ^ (-1))"),
    ("1 + 2 * 3", "(1 + (2 * 3))"),
    ("1 - 2 - 3", "((1 - 2) - 3)"),
    ("a / b / c", "((a / b) / c)"),
    ("a .* b + c", "((a .* b) + c)"),
    ("A \\ b * 2", "((A \\ b) * 2)"),
    ("u ⋅ v + 1", "((u ⋅ v) + 1)"),
    ("1:n+1", "(1:(n + 1))"),
    ("0:0.5:2", "(0:0.5:2)"),
    ("a < b && c > d || e", "(((a < b) && (c > d)) || e)"),
    ("!a && b", "((!a) && b)"),
    ("x == 1:3", "(x == (1:3))"),
    ("A'", "(A')"),
    ("A' * B", "((A') * B)"),
    ("f''(x)", "(f'')(x)"),
    ("-A'", "(-(A'))"),
    ("A.^2'", "(A .^ (2'))"),
    ("f(x)[1]", "f(x)[1]"),
    ("r.x.y", "r.x.y"),
    ("grad(g)(1, 2)", "grad(g)(1, 2)"),
    ("gd(f, x0, rate=0.1)", "gd(f, x0, rate=0.1)"),
    ("A[end, :]", "A[end, :]"),
    ("v[2:end]", "v[(2:end)]"),
    ("x -> x + 1", "((x) -> (x + 1))"),
    ("(x, y) -> x * y", "((x, y) -> (x * y))"),
    ("() -> 1", "(() -> 1)"),
    ("map(x -> 2*x, v)", "map(((x) -> (2 * x)), v)"),
    ("[1, 2; 3, 4]", "[1, 2; 3, 4]"),
    ("[[1, 2], [3, 4]]", "[1, 2; 3, 4]"),
    ("[1, -2]", "[1, (-2)]"),
    ("[]", "[]"),
    ("(1 + 2) * 3", "((1 + 2) * 3)"),
    ("2 ^ 3 * 4", "((2 ^ 3) * 4)"),
    ("-x^y^z", "(-(x ^ (y ^ z)))"),
])
func precedence(_ source: String, _ expected: String) {
    #expect(parseExpression(source) == expected)
}

@Test(arguments: ["[1, 2", "f(1,", "x = 1 +", "fn f(x) {", "if x > 0 {\n  y = 1", "\"open string", "A[1,"])
func incompleteInput(_ text: String) {
    let result = Parser.parse(text, source: SourceID(0))
    #expect(result.isIncomplete, "\(text) should ask for more input")
}

@Test(arguments: ["x = 1 + + ", "x = )", "[1, 2]]", "fn (x) { }"])
func errorsAreNotIncomplete(_ text: String) {
    let result = Parser.parse(text, source: SourceID(0))
    #expect(!result.diagnostics.isEmpty)
    #expect(!result.isIncomplete || text.hasSuffix(" "), "\(text) is an error, not an unfinished input")
}

@Test func recoveryReportsOneErrorPerStatement() {
    let text = """
        a = 1 +* 2
        b = (3
        c = 4
        d = ]
        e = 5
        """
    let result = Parser.parse(text, source: SourceID(0))
    #expect(result.diagnostics.count == 3, "\(result.diagnostics.map(\.message))")
    let source = Source(id: SourceID(0), name: "t", text: text)
    #expect(result.diagnostics.map { source.location(of: $0.span.start).line } == [1, 2, 4])
}

@Test func statementsRememberTheirSemicolon() {
    let result = Parser.parse("x = 1; y = 2\nz = 3;", source: SourceID(0))
    #expect(result.program.statements.map(\.silent) == [true, false, true])
}

@Test func mathDefinitionsAreRecognised() {
    let result = Parser.parse("f(x, y) = x * y", source: SourceID(0))
    guard case .mathDefinition(let name, _, let params, _) = result.program.statements.first?.kind else {
        Issue.record("not a math definition")
        return
    }
    #expect(name == "f")
    #expect(params.map(\.name) == ["x", "y"])
}
