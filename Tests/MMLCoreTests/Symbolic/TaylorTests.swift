// Taylor polynomials and tangent lines against their textbook forms.
import MMLCore
import Testing

@Suite("Symbolic: Taylor polynomials and tangents")
struct SymbolicTaylorTests {
    @Test("known expansions about 0")
    func maclaurin() throws {
        let x = Formula.variable("x")
        #expect(try Formula.apply("exp", [x]).taylor("x", at: .zero, order: 4).ascii == "x^4/24 + x^3/6 + x^2/2 + x + 1")
        #expect(try Formula.apply("sin", [x]).taylor("x", at: .zero, order: 5).ascii == "x^5/120 - x^3/6 + x")
        #expect(try Formula.apply("cos", [x]).taylor("x", at: .zero, order: 4).ascii == "x^4/24 - x^2/2 + 1")
        #expect(try TestFormulaParser.parse("1/(1 - x)").taylor("x", at: .zero, order: 3).ascii == "x^3 + x^2 + x + 1")
    }

    @Test("tangent lines")
    func tangents() throws {
        #expect(try TestFormulaParser.parse("x^2").tangent("x", at: .one).ascii == "2*x - 1")
        #expect(try TestFormulaParser.parse("sin(x)").tangent("x", at: .one).ascii == "cos(1)*(x - 1) + sin(1)")
        #expect(try TestFormulaParser.parse("log(x)").tangent("x", at: .one).ascii == "x - 1")
    }

    @Test("the Taylor polynomial approximates the function near the point")
    func accuracy() throws {
        let f = try TestFormulaParser.parse("exp(sin(x))")
        let p = try f.taylor("x", at: .real(0.5), order: 6).compiled(variables: ["x"])
        let g = try f.compiled(variables: ["x"])
        for h in [0.01, -0.02, 0.03] {
            // The remainder of an order-6 polynomial is O(h⁷).
            #expect(abs(try p.evaluate([0.5 + h]) - g.evaluate([0.5 + h])) < 1e-9)
        }
    }
}
