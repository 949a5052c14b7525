// The derivation log: the rules named, their order and nesting, and the rendered text.
import MMLCore
import Testing

@Suite("Symbolic: derivation steps")
struct SymbolicDerivationTests {
    func derivation(_ s: String) throws -> Derivation { try TestFormulaParser.parse(s).derivation("x") }

    @Test("product rule over a power rule and a function derivative")
    func productRule() throws {
        let d = try derivation("x^2*sin(x)")
        #expect(d.steps.map(\.rule) == [.product, .power, .function])
        #expect(d.steps.map(\.depth) == [0, 1, 1])
        let e = try derivation("x*sin(x) + 3")
        #expect(e.steps.map(\.rule) == [.sum, .product, .variable, .function, .constant])
        #expect(e.render().contains("  d/dx [3] = 0\n      by constant rule: (c)′ = 0"))
        #expect(e.render().contains("    d/dx [x] = 1\n        by (x)′ = 1"))
        #expect(d.steps[2].outer == "sin")
        #expect(d.steps[0].result == d.result)
        let text = d.render()
        #expect(text.contains("d/dx [x²·sin(x)] = x²·cos(x) + 2·x·sin(x)"))
        #expect(text.contains("product rule: (f·g)′ = f′·g + f·g′"))
        #expect(text.contains("the derivative of sin: sin′(x) = cos(x)"))
        #expect(text.hasSuffix("simplified: x²·cos(x) + 2·x·sin(x)"))
    }

    @Test("chain rule names the outer function and the inner expression")
    func chainRule() throws {
        let d = try derivation("exp(sin(x^2 + 1))")
        #expect(d.steps.map(\.rule) == [.chain, .chain, .sum, .power, .constant])
        let inner0 = try TestFormulaParser.parse("sin(x^2 + 1)"), inner1 = try TestFormulaParser.parse("x^2 + 1")
        #expect(d.steps[0].outer == "exp" && d.steps[0].inner == inner0)
        #expect(d.steps[1].outer == "sin" && d.steps[1].inner == inner1)
        let text = d.render()
        #expect(text.contains("the chain rule: outer exp(u), inner u = sin(x² + 1); exp′(u) = exp(u), times u′"))
        #expect(text.contains("the chain rule: outer sin(u), inner u = x² + 1; sin′(u) = cos(u), times u′"))
        #expect(text.contains("simplified: 2·x·cos(x² + 1)·exp(sin(x² + 1))"))
    }

    @Test("quotient, constant multiple, exponential, general power, linearity and constant rules")
    func otherRules() throws {
        #expect(try derivation("x/(1 + x^2)").steps.first?.rule == .quotient)
        #expect(try derivation("5*sin(x)").steps.first?.rule == .constantMultiple)
        #expect(try derivation("2^x").steps.first?.rule == .exponential)
        #expect(try derivation("x^x").steps.first?.rule == .generalPower)
        #expect(try derivation("(x + 1)^3").steps.first?.rule == .chainPower)
        #expect(try derivation("7").steps.map(\.rule) == [.constant])
        #expect(try derivation("x").steps.map(\.rule) == [.variable])
        let data = try TestFormulaParser.parse("sum((w*xs - ys)^2)", data: ["xs", "ys"]).derivation("w")
        #expect(data.steps.contains { $0.rule == .linear })
        #expect(data.render().contains("linearity: d/dw sum(u) = sum(du/dw)"))
    }

    @Test("every step's result is the derivative of its expression")
    func stepsAreConsistent() throws {
        for s in ["x^2*sin(x)", "exp(sin(x^2 + 1))", "x/(1 + x^2)", "log(x)*sqrt(x) - 3*x", "sigmoid(2*x)*tanh(x)"] {
            for step in try derivation(s).steps {
                let direct = try step.expression.derivative("x", simplify: false)
                let a = try direct.compiled(variables: ["x"]), b = try step.result.compiled(variables: ["x"])
                for x in [0.3, 1.1, 2.4] { #expect(close(try a.evaluate([x]), try b.evaluate([x]), 1e-12)) }
            }
        }
    }
}

@Suite("Symbolic: derivation steps of several-argument functions")
struct SymbolicDerivationSeveralArgumentsTests {
    @Test("max(x², x) and log(x, 3) explain the chain rule over their arguments")
    func severalArguments() throws {
        for s in ["max(x^2, 2*x)", "log(x + 1, 3)"] {
            let text = try TestFormulaParser.parse(s).derivation("x").render()
            #expect(text.contains("the chain rule for"), "\(text)")
            #expect(!text.contains("?"))
        }
    }
}
