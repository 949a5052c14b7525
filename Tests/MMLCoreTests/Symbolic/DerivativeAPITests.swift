// Partial, higher-order derivatives, gradients, Hessians, Jacobians and compiled evaluation.
import Foundation
import MMLCore
import Testing

@Suite("Symbolic: derivative API")
struct SymbolicDerivativeAPITests {
    func p(_ s: String) throws -> Formula { try TestFormulaParser.parse(s) }

    @Test("higher-order derivatives")
    func nth() throws {
        #expect(try p("sin(x)").derivative("x", order: 4) == p("sin(x)"))
        #expect(try p("x^5").derivative("x", order: 3).ascii == "60*x^2")
        #expect(try p("x^5").derivative("x", order: 6) == .zero)
        #expect(try p("exp(2*x)").derivative("x", order: 3).ascii == "8*exp(2*x)")
        #expect(try p("x^3*y").derivative("x", order: 0) == p("x^3*y"))
        #expect(throws: SymbolicError.self) { try p("x").derivative("x", order: -1) }
        #expect(throws: SymbolicError.self) { try p("x").derivative("x", order: 1000) }
    }

    @Test("gradient, Hessian and Jacobian of the design brief's examples")
    func multivariate() throws {
        let g = try p("x^2 + 3*x*y")
        #expect(try g.gradient(["x", "y"]).map(\.ascii) == ["2*x + 3*y", "3*x"])
        #expect(try g.hessian(["x", "y"]).map { $0.map(\.ascii) } == [["2", "3"], ["3", "0"]])
        #expect(try g.derivative("y").ascii == "3*x")
        let F = [try p("x*y"), try p("x + y^2"), try p("sin(x*y)")]
        #expect(try Formula.jacobian(F, ["x", "y"]).map { $0.map(\.ascii) }
                == [["y", "x"], ["1", "2*y"], ["y*cos(x*y)", "x*cos(x*y)"]])
        // Rosenbrock: the Hessian is symmetric and matches the textbook entries at (1, 1).
        let r = try p("(1 - x)^2 + 100*(y - x^2)^2")
        let h = try r.hessian(["x", "y"]).map { try $0.map { try $0.compiled(variables: ["x", "y"]).evaluate([1, 1]) } }
        #expect(h == [[802, -400], [-400, 200]])
    }

    @Test("variable exponents and bases: x^x, 2^x, log(b, x) in both arguments")
    func variableExponents() throws {
        #expect(try p("x^x").derivative("x").ascii == "x^x*(log(x) + 1)")
        #expect(try p("2^x").derivative("x").ascii == "2^x*log(2)")
        let d = try p("log(b, x)").gradient(["b", "x"])
        let db = try d[0].compiled(variables: ["b", "x"]), dx = try d[1].compiled(variables: ["b", "x"])
        // log_b(x) = ln x / ln b: ∂/∂b = −ln x/(b·ln² b), ∂/∂x = 1/(x·ln b)
        #expect(close(try db.evaluate([2, 5]), -log(5.0) / (2 * log(2.0) * log(2.0)), 1e-14))
        #expect(close(try dx.evaluate([2, 5]), 1 / (5 * log(2.0)), 1e-14))
    }

    @Test("compiled formulas check their argument count and unknown names")
    func compiledErrors() throws {
        let f = try p("x*y").compiled(variables: ["x", "y"])
        #expect(try f(2, 3) == 6)
        #expect(throws: SymbolicError.self) { try f.evaluate([1]) }
        #expect(throws: SymbolicError.self) { try p("x*z").compiled(variables: ["x"]) }
        #expect(try p("x*k").compiled(variables: ["x"], constants: ["k": 4])(2) == 8)
        #expect(throws: SymbolicError.self) { try p("mystery(x)").compiled(variables: ["x"]) }
        #expect(throws: SymbolicError.self) { try p("sin(x, y)").derivative("x") }
    }
}
