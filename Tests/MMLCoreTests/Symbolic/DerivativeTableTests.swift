// Every builtin's derivative rule against a central finite difference of the function's own
// scalar kernel, so a new rule is covered without a new test.
import Foundation
import MMLCore
import MMLTestSupport
import Testing

@Suite("Symbolic: derivative table")
struct SymbolicDerivativeTableTests {
    /// Points inside each function's domain and away from its kinks.
    static func points(_ name: String) -> [Double] {
        switch name {
        case "log", "log2", "log10", "sqrt": return [0.3, 1.1, 2.7, 6.0]
        case "asin", "acos", "atanh": return [-0.7, -0.1, 0.35, 0.8]
        case "acosh": return [1.2, 2.0, 3.7]
        case "tan": return [-1.2, -0.3, 0.4, 1.1]
        default: return [-2.3, -0.7, 0.45, 1.6, 3.1]
        }
    }

    /// Second arguments for two-argument functions (base of log, slope of leaky_relu, …).
    static func secondArguments(_ name: String) -> [Double] {
        switch name {
        case "log": return [2.0, 10.0, 0.5]
        case "leaky_relu": return [0.01, 0.2]
        case "min", "max": return [-1.0, 0.8, 2.5]
        case "atan2", "dot": return [0.8, -1.5]
        case "mod": return [2.5, -1.7]
        default: return []
        }
    }

    /// Central difference with Richardson extrapolation (error O(h⁴)).
    static func centralDifference(_ f: (Double) -> Double, at x: Double) -> Double {
        let h = 1e-3 * max(1, abs(x))
        let d1 = (f(x + h) - f(x - h)) / (2 * h)
        let d2 = (f(x + h / 2) - f(x - h / 2)) / h
        return (4 * d2 - d1) / 3
    }

    @Test("the table has a rule for each function the issue names")
    func coverage() {
        let required = ["exp", "log", "log2", "log10", "sqrt", "abs", "sin", "cos", "tan", "asin", "acos", "atan",
                        "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "sigmoid", "relu", "leaky_relu",
                        "softplus", "softmax", "min", "max", "floor", "ceil", "round", "sum", "mean"]
        for name in required { #expect(SymbolicFunctions.table[name] != nil, "missing \(name)") }
    }

    @Test("every partial derivative rule matches a central finite difference",
          arguments: SymbolicFunctions.names)
    func ruleMatchesFiniteDifference(name: String) throws {
        let function = try #require(SymbolicFunctions.table[name])
        let u = Formula.variable("u"), a = Formula.variable("a")
        var arities = Array(function.arity)
        if Self.secondArguments(name).isEmpty { arities.removeAll { $0 == 2 } }
        for arity in arities {
            let args = arity == 1 ? [u] : [u, a]
            let seconds = arity == 1 ? [0.0] : Self.secondArguments(name)
            switch function.derivative {
            case .derivative, .partials, .zeroAlmostEverywhere:
                let partials = try #require(SymbolicFunctions.partials(name, args))
                for (k, partial) in partials.enumerated() {
                    let compiled = try partial.compiled(variables: ["u", "a"])
                    for x in Self.points(name) {
                        for second in seconds {
                            let numeric = Self.centralDifference({ t in
                                let values = arity == 1 ? [t] : (k == 0 ? [t, second] : [x, t])
                                return SymbolicFunctions.evaluate(name, values) ?? .nan
                            }, at: k == 0 ? x : second)
                            let symbolic = try compiled.evaluate([x, second])
                            #expect(close(symbolic, numeric, 1e-7), "∂\(name)/∂arg\(k + 1) at (\(x), \(second)): rule \(symbolic), finite difference \(numeric)")
                        }
                    }
                }
            case .directional:
                // sum, mean, softmax and transpose act on whole vectors: check them inside
                // sum(f(sin(x .* v)) .* f(c)) over data, the losses on a prediction and on labels
                // that vary with x, against a central difference in x.
                let v = Formula.data("v"), c = Formula.data("c"), x = Formula.variable("x")
                let inner = Formula.apply("sin", [Formula.mul([x, v])])
                let g: Formula
                if arity == 1 {
                    g = Formula.apply("sum", [Formula.mul([Formula.apply(name, [inner]), Formula.apply(name, [c])])])
                } else {
                    let p = Formula.apply("sigmoid", [Formula.mul([x, v])])
                    g = Formula.add([Formula.apply(name, [p, .data("q")]), Formula.apply(name, [.data("r"), p])])
                }
                let data: [String: Matrix] = ["v": Matrix(column: [0.5, -1.0, 2.0]), "c": Matrix(column: [1.0, 3.0, -2.0]),
                                              "q": Matrix(column: [1.0, 0.0, 0.3]), "r": Matrix(column: [0.2, 0.7, 0.9])]
                let value = try g.compiledOverData(variables: ["x"], data: data)
                let d = try g.derivative("x").compiledOverData(variables: ["x"], data: data)
                for x in Self.points(name) {
                    let numeric = Self.centralDifference({ (try? value.evaluate(scalars: [$0]).data[0]) ?? .nan }, at: x)
                    #expect(close(try d.evaluate(scalars: [x]).data[0], numeric, 1e-7), "\(name) at \(x)")
                }
            }
        }
    }

    /// A row of saturating_derivatives.json (Scripts/fixtures/saturating_derivatives.py, mpmath).
    struct SaturatingCase: Decodable { let function: String; let x: Double; let derivative: String }
    struct SaturatingFile: Decodable { let cases: [SaturatingCase] }

    @Test("rules of saturating functions keep their relative accuracy where naive forms cancel")
    func saturatingRulesKeepTheirDigits() throws {
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/MMLCoreTests/Fixtures/symbolic/saturating_derivatives.json")
        let cases = try JSONDecoder().decode(SaturatingFile.self, from: Data(contentsOf: url)).cases
        #expect(cases.count >= 30)
        for c in cases {
            let partial = try #require(SymbolicFunctions.partials(c.function, [.variable("u")])?.first)
            let got = try partial.compiled(variables: ["u"]).evaluate([c.x])
            let want = try #require(Double(c.derivative))
            // relative, even for the tiny values (the shared `close` is absolute below 1)
            #expect(abs(got - want) <= 1e-13 * abs(want), "\(c.function)'(\(c.x)) = \(got), mpmath \(want)")
        }
    }

    @Test("a function without a rule is an error that names it")
    func missingRule() throws {
        let f = Formula.apply("gamma", [.variable("x")])
        #expect(throws: SymbolicError.self) { try f.derivative("x") }
        do {
            _ = try f.derivative("x")
        } catch let error as SymbolicError {
            #expect(error.message.contains("gamma"))
            #expect(error.hint != nil)
        }
    }

    @Test("piecewise functions: derivative 0 almost everywhere, relu' = step, abs' = sign")
    func piecewise() throws {
        let x = Formula.variable("x")
        for name in ["floor", "ceil", "round", "sign", "step"] {
            #expect(try Formula.apply(name, [x * x]).derivative("x") == .zero)
        }
        #expect(try Formula.apply("relu", [x]).derivative("x") == Formula.apply("step", [x]))
        #expect(try Formula.apply("abs", [x]).derivative("x") == Formula.apply("sign", [x]))
        #expect(SymbolicFunctions.table["floor"]?.note?.contains("almost everywhere") == true)
    }
}
