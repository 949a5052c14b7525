// The numeric calculus engines against exact values: adaptive Gauss–Kronrod quadrature,
// Richardson-extrapolated differences and limits; warnings when they cannot deliver.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

@Suite("Calculus: numeric engines")
struct CalculusNumericTests {
    struct Integral: CustomTestStringConvertible, Sendable {
        let text: String
        let f: @Sendable (Double) -> Double
        let a: Double, b: Double
        let exact: Double
        var testDescription: String { text }
    }

    /// Integrals with closed forms: smooth, oscillating, on infinite ranges, with integrable
    /// singularities at an end.
    static let integrals: [Integral] = [
        Integral(text: "x^5 - 2x on [-1, 2]", f: { pow($0, 5) - 2 * $0 }, a: -1, b: 2, exact: 63.0 / 6 - 3),
        Integral(text: "exp on [0, 10]", f: { exp($0) }, a: 0, b: 10, exact: exp(10) - 1),
        Integral(text: "1/(1 + x²) on [0, 1]", f: { 1 / (1 + $0 * $0) }, a: 0, b: 1, exact: Double.pi / 4),
        Integral(text: "sin² on [0, 10π]", f: { sin($0) * sin($0) }, a: 0, b: 10 * Double.pi, exact: 5 * Double.pi),
        Integral(text: "cos(20x) on [0, 1]", f: { cos(20 * $0) }, a: 0, b: 1, exact: sin(20) / 20),
        Integral(text: "√x on [0, 1]", f: { $0.squareRoot() }, a: 0, b: 1, exact: 2.0 / 3),
        Integral(text: "log on [0, 1]", f: { log($0) }, a: 0, b: 1, exact: -1),
        Integral(text: "1/√(1 − x²) on [−1, 1]", f: { 1 / (1 - $0 * $0).squareRoot() }, a: -1, b: 1, exact: Double.pi),
        Integral(text: "x·e⁻ˣ on [0, ∞)", f: { $0 * exp(-$0) }, a: 0, b: .infinity, exact: 1),
        Integral(text: "1/(1 + x²) on ℝ", f: { 1 / (1 + $0 * $0) }, a: -.infinity, b: .infinity, exact: Double.pi),
        Integral(text: "e^(−x²)·cos(x) on ℝ", f: { exp(-$0 * $0) * cos($0) }, a: -.infinity, b: .infinity, exact: Double.pi.squareRoot() * exp(-0.25)),
        Integral(text: "eˣ on (−∞, 1]", f: { exp($0) }, a: -.infinity, b: 1, exact: exp(1)),
        Integral(text: "1/x² on [2, ∞)", f: { 1 / ($0 * $0) }, a: 2, b: .infinity, exact: 0.5),
        Integral(text: "reversed: x² on [3, 0]", f: { $0 * $0 }, a: 3, b: 0, exact: -9),
    ]

    @Test("integrate: absolute error below 1e-10 and converged", arguments: integrals)
    func quadrature(_ c: Integral) throws {
        let r = try GaussKronrod.integrate(c.f, c.a, c.b, absoluteTolerance: 1e-10)
        #expect(r.converged, "\(c.text): not converged (estimated error \(r.errorEstimate))")
        #expect(abs(r.value - c.exact) < 1e-10, "\(c.text): \(r.value) vs \(c.exact), error \(abs(r.value - c.exact))")
    }

    @Test("integrate warns when the estimate has not converged")
    func divergentIntegralWarns() {
        let result = runMML("print(integrate(x -> 1/x, 0, 1))")
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: integrate: the estimate has not converged"), "\(result.stderr)")
        let smooth = runMML("print(integrate(x -> 1/x, 1, 2))")
        #expect(smooth.stderr.isEmpty)
        #expect(abs((Double(smooth.stdout.dropLast()) ?? 0) - log(2.0)) < 1e-14)
    }

    @Test("nderiv: first to fourth derivatives against exact values")
    func numericDerivatives() throws {
        typealias F = (Double) -> Double
        let sinDerivatives: [F] = [{ cos($0) }, { -sin($0) }, { -cos($0) }, { sin($0) }]
        let expDerivatives: [F] = [{ exp($0 / 2) / 2 }, { exp($0 / 2) / 4 }, { exp($0 / 2) / 8 }, { exp($0 / 2) / 16 }]
        let powerDerivatives: [F] = [{ 1.5 * $0.squareRoot() }, { 0.75 / $0.squareRoot() }]
        let logDerivatives: [F] = [{ 1 / $0 }, { -1 / ($0 * $0) }]
        let cases: [(String, F, [F], [Double])] = [
            ("sin", { sin($0) }, sinDerivatives, [-2, 0, 0.7, 3]),
            ("exp(x/2)", { exp($0 / 2) }, expDerivatives, [-3, 0, 1.5, 6]),
            ("x^(3/2)", { pow($0, 1.5) }, powerDerivatives, [0.5, 1, 4, 9]),
            ("log", { log($0) }, logDerivatives, [0.05, 0.5, 2, 100]),
        ]
        for (name, f, derivatives, points) in cases {
            for (k, d) in derivatives.enumerated() {
                let tolerance = [1e-10, 1e-7, 1e-5, 1e-3][k]
                for x in points {
                    let estimate = FiniteDifferences.estimate(f, at: x, order: k + 1)
                    let exact = d(x)
                    #expect(abs(estimate.value - exact) <= tolerance * max(1, abs(exact)),
                            "order \(k + 1) of \(name) at \(x): \(estimate.value) vs \(exact)")
                }
            }
        }
    }

    @Test("nderiv's estimate follows fast oscillation and says when it cannot")
    func numericDerivativesOfFastFunctions() {
        // Exact: d/dx sin(kx) = k·cos(kx), d/dx exp(kx) = k·exp(kx).
        for k in [10.0, 100.0, 1000.0] {
            for x in [0.3, -1.7, 2.0] {
                let e = FiniteDifferences.estimate({ sin(k * $0) }, at: x)
                let exact = k * cos(k * x)
                #expect(abs(e.value - exact) <= 1e-9 * max(1, abs(exact)), "sin(\(k)x)' at \(x): \(e.value) vs \(exact)")
                #expect(e.error <= FiniteDifferences.poorError(order: 1, value: e.value))
            }
            let e = FiniteDifferences.estimate({ exp(k / 100 * $0) }, at: 1)
            let exact = k / 100 * exp(k / 100)
            #expect(abs(e.value - exact) <= 1e-9 * abs(exact), "exp(\(k / 100)x)' at 1: \(e.value) vs \(exact)")
        }
        // Noise of 1e-9 hides the slope below ~1e-5 in any step: the error estimate must say so.
        var state: UInt64 = 12345
        let noisy = { (x: Double) -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return x + 1e-9 * (Double(state >> 11) / Double(1 << 53) - 0.5)
        }
        let e = FiniteDifferences.estimate(noisy, at: 1)
        #expect(e.error > FiniteDifferences.poorError(order: 1, value: e.value))
    }

    @Test("limit: removable gaps, infinities, jumps and oscillation")
    func limits() throws {
        func limit(_ f: (Double) -> Double, _ a: Double, _ direction: Double) throws -> Double {
            NumericCalculus.tidy(try NumericCalculus.oneSidedLimit(f, at: a, direction: direction))
        }
        #expect(try limit({ sin($0) / $0 }, 0, 1) == 1)
        #expect(try limit({ (exp($0) - 1) / $0 }, 0, -1) == 1)
        #expect(try limit({ (1 - cos($0)) / ($0 * $0) }, 0, 1) == 0.5)
        #expect(try limit({ ($0 * $0 - 4) / ($0 - 2) }, 2, -1) == 4)
        #expect(try limit({ 1 / $0 }, 0, 1) == .infinity)
        #expect(try limit({ 1 / $0 }, 0, -1) == -.infinity)
        #expect(try limit({ log($0) }, 0, 1) == -.infinity)
        #expect(abs(try limit({ pow(1 + 1 / $0, $0) }, .infinity, -1) - exp(1)) < 1e-9)
        #expect(try limit({ (3 * $0 * $0 + 1) / ($0 * $0 - 5) }, -.infinity, 1) == 3)
        let oscillating = try NumericCalculus.oneSidedLimit({ sin(1 / $0) }, at: 0, direction: 1)
        #expect(oscillating.error.isInfinite)

        let jump = runMML("print(limit(sign, 0))")
        #expect(jump.stdout == "nan\n")
        #expect(jump.stderr.contains("the one-sided limits differ: from the left -1, from the right 1"))
        let wild = runMML("print(limit(x -> sin(1/x), 0))")
        #expect(wild.stdout == "nan\n")
        #expect(wild.stderr.contains("do not settle"))
    }

    @Test("taylor and tangent of functions without a formula use numeric derivatives")
    func numericFallbacks() {
        let r = runMML("""
        fn g(x) { return exp(x) }
        t = taylor(g, 0, 3)
        print(round(t(0.5), 6))
        print(round(tangent(g, 0)(1), 8))
        """)
        let series: Double = 1 + 0.5 + 0.125 + 0.125 / 6
        let rounded: Double = (series * 1e6).rounded() / 1e6
        #expect(r.stdout == "\(rounded)\n2\n")
        #expect(r.stderr.contains("its derivatives were estimated numerically"))
    }
}

@Suite("Calculus: derived functions")
struct CalculusDerivedFunctionTests {
    @Test("f' is made once: the same function while f and its constants are unchanged")
    func derivativesAreCached() throws {
        let ip = Interpreter()
        _ = try ip.evaluate("c = 2; f(x) = c*x^3")
        guard case .function(let a) = try ip.evaluate("f'"), case .function(let b) = try ip.evaluate("f'") else {
            Issue.record("f' is not a function")
            return
        }
        #expect(a === b)
        _ = try ip.evaluate("c = 3")
        guard case .function(let c) = try ip.evaluate("f'") else { return }
        #expect(c !== a, "a changed constant gives a new derivative")
        #expect(c.display(ip.options) == "f'(x) = 9·x²")
    }

    @Test("a derived function evaluates compiled nodes: its body is a syntax tree of the formula")
    func derivedFunctionsAreCompiled() throws {
        let ip = Interpreter()
        _ = try ip.evaluate("f(x) = x^2*sin(x)")
        guard case .function(let d as UserFunction) = try ip.evaluate("f'") else {
            Issue.record("f' is not a user function")
            return
        }
        #expect(d.form == .math)
        #expect(d.code.expression != nil)
        #expect(d.parameters.map(\.name) == ["x"])
        guard case .number(let v) = try ip.evaluate("f'(2)") else { return }
        #expect(abs(v - (4 * cos(2.0) + 4 * sin(2.0))) < 1e-14)
    }

    @Test("a 600-term derivative is compiled as a shallow tree (the parser's nesting limit does not apply)")
    func largeDerivatives() throws {
        let ip = Interpreter()
        let terms = (1...200).map { "sin(\($0)*x)*exp(x/\($0))/(1 + x^2)" }.joined(separator: " + ")
        _ = try ip.evaluate("f(x) = \(terms)")
        guard case .number(let v) = try ip.evaluate("f'(0.5)") else { return }
        // The derivative by the quotient rule term by term, in Swift.
        var expected = 0.0
        let x = 0.5
        for k in 1...200 {
            let kk = Double(k)
            let u = sin(kk * x) * exp(x / kk), du = kk * cos(kk * x) * exp(x / kk) + sin(kk * x) * exp(x / kk) / kk
            expected += (du * (1 + x * x) - u * 2 * x) / ((1 + x * x) * (1 + x * x))
        }
        #expect(abs(v - expected) < 1e-9 * abs(expected))
    }
}
