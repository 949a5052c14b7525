// Golden printing tests: Unicode, ASCII and LaTeX forms of formulas a learner meets.
import MMLCore
import Testing

@Suite("Symbolic: printing")
struct SymbolicPrintingTests {
    static let cases: [(input: String, unicode: String, ascii: String, latex: String)] = [
        ("x^2*sin(x)", "x²·sin(x)", "x^2*sin(x)", "x^{2} \\cdot \\sin\\left(x\\right)"),
        ("2*x*sin(x) + x^2*cos(x)", "x²·cos(x) + 2·x·sin(x)", "x^2*cos(x) + 2*x*sin(x)",
         "x^{2} \\cdot \\cos\\left(x\\right) + 2 \\cdot x \\cdot \\sin\\left(x\\right)"),
        ("x - 1", "x − 1", "x - 1", "x - 1"),
        ("1 - x", "1 − x", "1 - x", "1 - x"),
        ("-x + 1", "1 − x", "1 - x", "1 - x"),
        ("-x", "−x", "-x", "-x"),
        ("-(x + y)", "−x − y", "-x - y", "-x - y"),
        ("--x", "x", "x", "x"),
        ("x/1", "x", "x", "x"),
        ("x^1 + 0 + 0*y + 1*z", "x + z", "x + z", "x + z"),
        ("1/(2*sqrt(x))", "1/(2·√x)", "1/(2*sqrt(x))", "\\frac{1}{2 \\cdot \\sqrt{x}}"),
        ("x/3", "x/3", "x/3", "\\frac{x}{3}"),
        ("(x + 1)/(x - 1)", "(x + 1)/(x − 1)", "(x + 1)/(x - 1)", "\\frac{x + 1}{x - 1}"),
        ("(x + 1)^2", "(x + 1)²", "(x + 1)^2", "\\left(x + 1\\right)^{2}"),
        ("x^(-2)", "1/x²", "1/x^2", "\\frac{1}{x^{2}}"),
        ("x^y", "x^y", "x^y", "x^{y}"),
        ("x^(y + 1)", "x^(y + 1)", "x^(y + 1)", "x^{y + 1}"),
        ("x^(1/3)", "x^(1/3)", "x^(1/3)", "x^{\\frac{1}{3}}"),
        ("sqrt(x + 1)", "√(x + 1)", "sqrt(x + 1)", "\\sqrt{x + 1}"),
        ("sin(x)^2", "sin(x)²", "sin(x)^2", "\\sin\\left(x\\right)^{2}"),
        ("abs(x)", "|x|", "abs(x)", "\\left|x\\right|"),
        ("exp(x)", "exp(x)", "exp(x)", "e^{x}"),
        ("log(x)", "log(x)", "log(x)", "\\ln\\left(x\\right)"),
        ("log(2, x)", "log(2, x)", "log(2, x)", "\\log_{2}\\left(x\\right)"),
        ("pi*x^2", "π·x²", "pi*x^2", "\\pi \\cdot x^{2}"),
        ("-2*x^3", "−2·x³", "-2*x^3", "-2 \\cdot x^{3}"),
        ("x - 2*y", "x − 2·y", "x - 2*y", "x - 2 \\cdot y"),
        ("-x^2", "−x²", "-x^2", "-x^{2}"),
        ("(-x)^2", "x²", "x^2", "x^{2}"),
        ("(-x)^3", "−x³", "-x^3", "-x^{3}"),
        ("x*x*x/x", "x²", "x^2", "x^{2}"),
        ("2*x + 3*x", "5·x", "5*x", "5 \\cdot x"),
        ("x^2/x", "x", "x", "x"),
        ("sigmoid(x)*(1 - sigmoid(x))", "sigmoid(x)·(1 − sigmoid(x))", "sigmoid(x)*(1 - sigmoid(x))",
         "\\operatorname{sigmoid}\\left(x\\right) \\cdot \\left(1 - \\operatorname{sigmoid}\\left(x\\right)\\right)"),
        ("leaky_relu(x)", "leaky_relu(x)", "leaky_relu(x)", "\\operatorname{leaky\\_relu}\\left(x\\right)"),
        ("a/(b*c)", "a/(b·c)", "a/(b*c)", "\\frac{a}{b \\cdot c}"),
        ("-a/b", "−a/b", "-a/b", "-\\frac{a}{b}"),
        ("x^(-1/2)", "1/√x", "1/sqrt(x)", "\\frac{1}{\\sqrt{x}}"),
        ("2^x", "2^x", "2^x", "2^{x}"),
        ("x^10", "x¹⁰", "x^10", "x^{10}"),
        ("0.5*x", "0.5·x", "0.5*x", "0.5 \\cdot x"),
        ("x*y^2*z", "x·y²·z", "x*y^2*z", "x \\cdot y^{2} \\cdot z"),
        ("e^x", "exp(x)", "exp(x)", "e^{x}"),
        ("sin(cos(x))", "sin(cos(x))", "sin(cos(x))", "\\sin\\left(\\cos\\left(x\\right)\\right)"),
    ]

    @Test("Unicode, ASCII and LaTeX", arguments: cases.indices)
    func golden(index: Int) throws {
        let c = Self.cases[index]
        let e = try TestFormulaParser.parse(c.input)
        #expect(e.formatted(.unicode) == c.unicode, "unicode of \(c.input)")
        #expect(e.formatted(.ascii) == c.ascii, "ascii of \(c.input)")
        #expect(e.latex == c.latex, "latex of \(c.input)")
    }

    @Test("ASCII output parses back to the same formula")
    func asciiRoundTrip() throws {
        for c in Self.cases {
            let e = try TestFormulaParser.parse(c.input)
            #expect(try TestFormulaParser.parse(e.ascii) == e, "\(c.input) → \(e.ascii)")
        }
        for c in try SymbolicFixtures.load().cases {
            let d = try TestFormulaParser.parse(c.f).derivative(c.variables[0])
            let back = try TestFormulaParser.parse(d.ascii)
            let f1 = try d.compiled(variables: c.variables), f2 = try back.compiled(variables: c.variables)
            for p in c.points { #expect(close(try f1.evaluate(p), try f2.evaluate(p), 1e-12), "\(d.ascii)") }
        }
    }

    @Test("the derivative of x²·sin(x) prints as a textbook does (like SymPy, higher power first)")
    func designExample() throws {
        let f = try TestFormulaParser.parse("x^2 * sin(x)")
        #expect(try f.derivative("x").description == "x²·cos(x) + 2·x·sin(x)")
    }

    @Test("no printed derivative contains 0·, 1·, ^1, + 0, --, + - or /1")
    func forbiddenPatterns() throws {
        let forbidden = ["*1*", "(1*", " 1*", "^1 ", "^1)", "+ 0 ", "+ 0)", "--", "+ -", "/1 ", "/1)", "+ -1*", " 0*"]
        for c in try SymbolicFixtures.load().cases {
            for v in c.variables {
                let text = try TestFormulaParser.parse(c.f).derivative(v).ascii + " "
                for bad in forbidden { #expect(!text.contains(bad), "\(text) contains \(bad)") }
                #expect(!text.hasPrefix("1*") && !text.hasPrefix("0*") && !text.hasSuffix("^1 "))
            }
        }
    }
}
