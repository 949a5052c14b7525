// Derivatives through the language: definitions typed as a learner types them, differentiated
// with ' and diff, compared with SymPy's values (Scripts/fixtures/symbolic.py) and, for every
// differentiable builtin, with a central finite difference of the builtin itself.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

@Suite("Calculus: derivatives through the language")
struct CalculusLanguageDerivativeTests {
    /// A number as MML source text.
    static func literal(_ x: Double) -> String { x < 0 ? "(\(x))" : "\(x)" }

    @Test("every SymPy fixture: f' or diff(f, v) agrees with SymPy at every point (relative 1e-9)")
    func fixturesThroughTheLanguage() throws {
        let fixtures = try SymbolicFixtures.load()
        let ip = Interpreter()
        var failures: [String] = []
        var compared = 0
        for (k, c) in fixtures.cases.enumerated() {
            let name = "f\(k)"
            _ = try ip.evaluate("\(name)(\(c.variables.joined(separator: ", "))) = \(c.f)")
            for v in c.variables {
                guard let reference = c.partials[v] else { continue }
                let derivative = c.variables.count == 1 ? "\(name)'" : "diff(\(name), \"\(v)\")"
                _ = try ip.evaluate("d = \(derivative)")
                for (p, expected) in zip(c.points, reference.values) {
                    let call = "d(\(p.map(Self.literal).joined(separator: ", ")))"
                    guard case .number(let got) = try ip.evaluate(call) else {
                        failures.append("\(call) for \(c.f) is not a number")
                        continue
                    }
                    compared += 1
                    if !close(got, expected) {
                        failures.append("∂/∂\(v) \(c.f) at \(p): MML \(got), SymPy \(expected) = \(reference.sympy)")
                    }
                }
            }
        }
        #expect(compared > 1000, "only \(compared) values compared")
        #expect(failures.isEmpty, "\(failures.count) mismatches:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// Points inside each builtin's domain and away from its kinks.
    static func points(_ name: String) -> [Double] {
        switch name {
        case "log", "log2", "log10", "sqrt": return [0.3, 1.1, 2.7, 6.0]
        case "asin", "acos", "atanh": return [-0.7, -0.1, 0.35, 0.8]
        case "acosh": return [1.2, 2.0, 3.7]
        case "tan": return [-1.2, -0.3, 0.4, 1.1, 2.0]
        case "floor", "ceil", "round", "sign", "step": return [-2.3, -0.7, 0.35, 1.6, 3.1]
        default: return [-2.3, -0.7, 0.45, 1.6, 3.1]
        }
    }

    /// The formula that calls the builtin: one argument, or a fixed second one; functions of
    /// whole vectors act on data (v, c) so that x stays a number.
    static func calls(_ name: String) -> [String] {
        switch name {
        case "sum", "mean": return ["\(name)(sin(x*v) .* c)"]
        case "softmax": return ["sum(softmax(x*v) .* c)"]
        case "length": return ["length(x*v)*x^2"]
        case "log": return ["log(x)", "log(2, x)", "log(x, 10)"]
        case "leaky_relu": return ["leaky_relu(x)", "leaky_relu(x, 0.2)"]
        case "min", "max": return ["\(name)(x, 0.8)", "\(name)(-1, x)"]
        case "atan2": return ["atan2(x, 0.8)", "atan2(-1.5, x)"]
        case "mod": return ["mod(x, 2.5)", "mod(5.3, x)"]
        case "dot": return ["dot(sin(x*v), c)"]
        case "rows", "cols": return ["\(name)(x*v)*x^2"]
        case "mse": return ["mse(sin(x*v), c)", "mse(c, x*v .* v)"]
        case "log_loss": return ["log_loss(sigmoid(x*v), q)", "log_loss(r, sigmoid(x*v))"]
        // Each reading of cross_entropy: a softmax, another distribution (a vector), one example
        // per row (W's rows through a row-wise softmax), single numbers; and labels that vary.
        case "cross_entropy":
            return ["cross_entropy(softmax(x*v), q)", "cross_entropy(exp(x*v) / sum(exp(x*v)), r)",
                    "cross_entropy(exp(x*W) ./ (exp(x*W) * O), Y)", "cross_entropy(sigmoid(x), 0.3)",
                    "cross_entropy(0.3, sigmoid(x))", "cross_entropy(softmax(v), softmax(x*c))",
                    "cross_entropy(exp(W) ./ (exp(W) * O), sigmoid(x*W) / 2)"]
        default: return ["\(name)(x)"]
        }
    }

    @Test("every differentiable builtin: f' of f(x) = builtin(x) matches a central difference",
          arguments: SymbolicFunctions.names.filter { Builtins.table[$0] != nil })
    func builtinRuleThroughTheLanguage(name: String) throws {
        let ip = Interpreter()
        _ = try ip.evaluate("v = [0.5, -1, 2]; c = [1, 3, -2]; q = [1, 0, 0.3]; r = [0.2, 0.7, 0.9]")
        _ = try ip.evaluate("W = [v, c]; O = ones(2, 2); Y = [1, 0; 0, 1; 0.3, 0.7]")
        for call in Self.calls(name) {
            _ = try ip.evaluate("f(x) = \(call)")
            _ = try ip.evaluate("d = f'")
            for x in Self.points(name) {
                guard case .number(let symbolic) = try ip.evaluate("d(\(Self.literal(x)))") else {
                    Issue.record("f'(\(x)) for f(x) = \(call) is not a number")
                    continue
                }
                // The builtin itself, through the language, at x ± h (Richardson-refined).
                func value(_ t: Double) throws -> Double {
                    guard case .number(let y) = try ip.evaluate("f(\(Self.literal(t)))") else { return .nan }
                    return y
                }
                let h = 1e-3 * max(1, abs(x))
                let d1 = (try value(x + h) - value(x - h)) / (2 * h)
                let d2 = (try value(x + h / 2) - value(x - h / 2)) / h
                let numeric = (4 * d2 - d1) / 3
                #expect(close(symbolic, numeric, 1e-7), "f(x) = \(call): f'(\(x)) = \(symbolic), finite difference \(numeric)")
            }
        }
    }

    @Test("the property test covers every elementwise function of the derivative table")
    func propertyTestCoverage() {
        let missing = SymbolicFunctions.names.filter { Builtins.table[$0] == nil }
        #expect(missing.isEmpty, "derivative rules without a builtin of the same name: \(missing)")
    }
}
