// Costs written with the loss builtins are differentiated exactly: grad prints a formula and
// gd uses it. Values from Tests/MMLCoreTests/Fixtures/calculus/loss_gradients.json
// (Scripts/fixtures/loss_gradients.py, SymPy).
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

@Suite("Calculus: gradients of the loss builtins")
struct LossGradientTests {
    struct Point: Decodable { let w: Double; let b: Double; let value: String; let gradient: [String] }
    struct Fixture: Decodable { let x: [Double]; let y: [Double]; let log_loss: [Point]; let mse: [Point] }

    static func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/MMLCoreTests/Fixtures/calculus/loss_gradients.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static func vector(_ xs: [Double]) -> String { "[" + xs.map { "\($0)" }.joined(separator: ", ") + "]" }

    static func number(_ ip: Interpreter, _ source: String) throws -> Double {
        guard case .number(let x) = try ip.evaluate(source) else { throw SymbolicError("\(source) is not a number") }
        return x
    }

    @Test("grad of log_loss(sigmoid(w*x + b), y) and mse(w*x + b, y) agrees with SymPy",
          arguments: ["log_loss", "mse"])
    func gradientsMatchSymPy(loss: String) throws {
        let f = try Self.fixture()
        let definition = loss == "mse" ? "J(w, b) = mse(w * x + b, y)" : "J(w, b) = log_loss(sigmoid(w * x + b), y)"
        let ip = Interpreter()
        _ = try ip.evaluate("x = \(Self.vector(f.x)); y = \(Self.vector(f.y))")
        _ = try ip.evaluate(definition)
        _ = try ip.evaluate("g = grad(J)")
        for p in loss == "mse" ? f.mse : f.log_loss {
            let value = try Self.number(ip, "J(\(p.w), \(p.b))")
            #expect(abs(value - Double(p.value)!) <= 1e-13 * abs(Double(p.value)!), "J(\(p.w), \(p.b)) = \(value), SymPy \(p.value)")
            guard case .matrix(let g) = try ip.evaluate("g(\(p.w), \(p.b))") else {
                Issue.record("g(\(p.w), \(p.b)) is not a vector")
                continue
            }
            for (got, want) in zip(g.data, p.gradient.map { Double($0)! }) {
                #expect(abs(got - want) <= 1e-12 * max(1, abs(want)), "∇J(\(p.w), \(p.b)) = \(g.data), SymPy \(p.gradient)")
            }
        }
    }

    @Test("the gradient of logistic regression's cost prints as a formula, σ(z) − y times dz")
    func logisticGradientPrints() {
        let run = runMML("""
            x = [0.5, 1.5, -1]
            y = [0, 1, 0]
            J(w, b) = log_loss(sigmoid(w * x + b), y)
            print(grad(J))
            M(w, b) = mse(w * x + b, y)
            print(grad(M))
            """)
        #expect(run.stdout == """
            ∇J(w, b) = [mean(x⊙(sigmoid(b + w·x) − y)); mean(sigmoid(b + w·x) − y)]
            ∇M(w, b) = [2·mean(x⊙(b + w·x − y)); 2·mean(b + w·x − y)]

            """, "\(run.stdout)\(run.stderr)")
    }

    @Test("gd on a cost written with log_loss uses the exact gradient (no numeric-gradient note)")
    func gdUsesTheExactGradient() {
        let run = runMML("""
            x = [0.5, 1.5, -1, 2, 0.3, -2.5]
            y = [0, 1, 0, 1, 1, 0]
            J(w, b) = log_loss(sigmoid(w * x + b), y)
            r = gd(J, [0, 0], rate=0.5, steps=50)
            print(r.x)
            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.diagnostics.contains { $0.kind == .numericDerivative }, "\(run.stderr)")
        #expect(!run.stderr.contains("numeric"), "\(run.stderr)")
    }

    @Test("a vector parameter: the gradient of log_loss(sigmoid(X * w), y) is Xᵀ(σ(Xw) − y)/n")
    func vectorParameterGradient() throws {
        let ip = Interpreter()
        _ = try ip.evaluate("X = [1, 0.5; 1, 1.5; 1, -1; 1, 2]; y = [0, 1, 0, 1]")
        _ = try ip.evaluate("L(w) = log_loss(sigmoid(X * w), y)")
        guard case .matrix(let g) = try ip.evaluate("grad(L)([0.3, -0.2])") else {
            Issue.record("grad(L) is not a vector")
            return
        }
        // Xᵀ(σ(Xw) − y)/n, by hand.
        let X: [[Double]] = [[1, 0.5], [1, 1.5], [1, -1], [1, 2]], y: [Double] = [0, 1, 0, 1], w = [0.3, -0.2]
        var want = [0.0, 0.0]
        for (row, label) in zip(X, y) {
            let z = row[0] * w[0] + row[1] * w[1]
            let r = 1 / (1 + exp(-z)) - label
            for j in 0..<2 { want[j] += row[j] * r / Double(X.count) }
        }
        #expect(g.count == 2)
        for (got, expected) in zip(g.data, want) { #expect(abs(got - expected) <= 1e-14, "\(g.data) vs \(want)") }
    }
}
