// Formulas over captured data: gradients of costs like J(w, b) = mean((w*xs + b - ys)^2),
// checked against closed forms and finite differences on the vectorised evaluator.
import Foundation
import MMLCore
import Testing

@Suite("Symbolic: formulas over data")
struct SymbolicDataFormulaTests {
    static let xs = [0.5, 1.0, 1.5, 2.0, 3.0]
    static let ys = [1.1, 1.9, 3.2, 3.9, 6.1]
    static let data: [String: Matrix] = ["xs": Matrix(column: xs), "ys": Matrix(column: ys)]

    static func value(_ f: CompiledArrayFormula, _ args: [Double]) throws -> Double {
        let m = try f.evaluate(scalars: args)
        return m.data.count == 1 ? m.data[0] : .nan
    }

    @Test("grad of the mean squared error of a line matches the closed form")
    func linearRegressionGradient() throws {
        let J = try TestFormulaParser.parse("mean((w*xs + b - ys)^2)", data: ["xs", "ys"])
        let g = try J.gradient(["w", "b"])
        for d in g {
            #expect(d.description.contains("mean("))
            #expect(!d.isNonScalar)
        }
        let gw = try g[0].compiledOverData(variables: ["w", "b"], data: Self.data)
        let gb = try g[1].compiledOverData(variables: ["w", "b"], data: Self.data)
        for (w, b) in [(0.0, 0.0), (1.7, -0.3), (2.2, 0.4)] {
            let residuals = zip(Self.xs, Self.ys).map { w * $0 + b - $1 }
            let n = Double(Self.xs.count)
            let expectedW = zip(residuals, Self.xs).map { 2 * $0 * $1 }.reduce(0, +) / n
            let expectedB = residuals.map { 2 * $0 }.reduce(0, +) / n
            #expect(close(try Self.value(gw, [w, b]), expectedW, 1e-12))
            #expect(close(try Self.value(gb, [w, b]), expectedB, 1e-12))
        }
        // The second derivative in w is the constant 2·mean(xs²).
        let hww = try J.hessian(["w", "b"])[0][0].compiledOverData(variables: ["w", "b"], data: Self.data)
        #expect(close(try Self.value(hww, [0.3, 0.1]), 2 * Self.xs.map { $0 * $0 }.reduce(0, +) / 5, 1e-12))
    }

    @Test("grad of the logistic loss with a vector parameter: Xᵀ·(−y ⊙ σ(−y ⊙ Xw))")
    func logisticLossGradient() throws {
        let X = Matrix(rowArrays: [[1, 0.5, -1.2], [1, -0.3, 0.8], [1, 1.7, 0.1], [1, -1.1, -0.4], [1, 0.2, 2.0]])
        let y = [1.0, -1, 1, -1, 1]
        let data: [String: Matrix] = ["X": X, "ys": Matrix(column: y)]
        let L = try TestFormulaParser.parse("sum(log(1 + exp(-ys .* (X * w))))", data: ["X", "ys"], vectors: ["w"])
        let g = try L.gradient(vector: "w")
        #expect(g.isNonScalar)
        let loss = try L.compiledOverData(variables: ["w"], data: data)
        let grad = try g.compiledOverData(variables: ["w"], data: data)
        let w = [0.3, -0.8, 0.5]
        let got = try grad.evaluate([Matrix(column: w)])
        #expect(got.rows == 3 && got.cols == 1)
        for j in 0..<3 {
            // Closed form: Σᵢ −yᵢ·Xᵢⱼ·σ(−yᵢ·(Xw)ᵢ)
            var expected = 0.0
            for i in 0..<5 {
                let z = (0..<3).map { X.data[i + $0 * 5] * w[$0] }.reduce(0, +)
                expected += -y[i] * X.data[i + j * 5] / (1 + exp(y[i] * z))
            }
            #expect(close(got.data[j], expected, 1e-12), "component \(j): \(got.data[j]) vs \(expected)")
            // And a central difference of the loss itself.
            let h = 1e-5
            var wp = w, wm = w
            wp[j] += h
            wm[j] -= h
            let fd = (try loss.evaluate([Matrix(column: wp)]).data[0] - loss.evaluate([Matrix(column: wm)]).data[0]) / (2 * h)
            #expect(close(got.data[j], fd, 1e-7))
        }
    }

    @Test("softmax inside a formula differentiates through its vector rule")
    func softmaxRule() throws {
        let data: [String: Matrix] = ["v": Matrix(column: [0.5, -1.0, 2.0]), "c": Matrix(column: [1.0, 3.0, -2.0])]
        let f = try TestFormulaParser.parse("sum(softmax(x .* v) .* c)", data: ["v", "c"])
        let value = try f.compiledOverData(variables: ["x"], data: data)
        let d = try f.derivative("x").compiledOverData(variables: ["x"], data: data)
        for x in [-0.7, 0.2, 1.3] {
            let h = 1e-5
            let fd = (try Self.value(value, [x + h]) - Self.value(value, [x - h])) / (2 * h)
            #expect(close(try Self.value(d, [x]), fd, 1e-7))
        }
        // With a vector parameter the same rule runs in reverse.
        let F = try TestFormulaParser.parse("sum(softmax(w) .* c)", data: ["c"], vectors: ["w"])
        let g = try F.gradient(vector: "w").compiledOverData(variables: ["w"], data: data)
        let w = [0.1, 0.4, -0.3]
        let exps = w.map { exp($0) }, total = exps.reduce(0, +)
        let s = exps.map { $0 / total }
        let c = [1.0, 3.0, -2.0]
        let sc = zip(s, c).map(*).reduce(0, +)
        let got = try g.evaluate([Matrix(column: w)])
        for k in 0..<3 { #expect(close(got.data[k], s[k] * (c[k] - sc), 1e-12)) }
    }

    @Test("data cannot be evaluated at a single point; the error says why")
    func scalarEvaluationOfData() throws {
        let J = try TestFormulaParser.parse("mean((w*xs - ys)^2)", data: ["xs", "ys"])
        #expect(throws: SymbolicError.self) { try J.compiled(variables: ["w"]) }
        let mismatch: [String: Matrix] = ["xs": Matrix(column: [1, 2]), "ys": Matrix(column: [1, 2, 3])]
        let f = try J.compiledOverData(variables: ["w"], data: mismatch)
        #expect(throws: SymbolicError.self) { try f.evaluate(scalars: [1]) }
    }

    @Test("scalar factors move out of sum and mean; data stays constant")
    func linearity() throws {
        let e = try TestFormulaParser.parse("sum(3*w*xs)", data: ["xs"])
        #expect(e == Formula.mul([.int(3), .variable("w"), Formula.apply("sum", [.data("xs")])]))
        #expect(try e.derivative("w") == Formula.mul([.int(3), Formula.apply("sum", [.data("xs")])]))
        #expect(e.ascii == "3*w*sum(xs)")
        #expect(try TestFormulaParser.parse("sum(2*x) + mean(x^2)").ascii == "x^2 + 2*x")
        let elementwise = try TestFormulaParser.parse("xs .* ys ./ (xs + 1)", data: ["xs", "ys"])
        #expect(elementwise.ascii == "xs.*ys./(xs + 1)")
    }
}
