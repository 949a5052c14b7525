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
    struct CrossEntropy: Decodable {
        let u: [Double], v: [Double], onehot: [Double], soft: [Double]
        let softmax_onehot: [Point], softmax_soft: [Point]
        let A: [[Double]], B: [[Double]], Y: [[Double]]
        let row_softmax: [Point], row_softmax_minimum: [String]
        let x0: Double, y0: Double, binary: [Point]
    }
    struct Fixture: Decodable { let x: [Double]; let y: [Double]; let log_loss: [Point]; let mse: [Point]; let cross_entropy: CrossEntropy }

    static func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/MMLCoreTests/Fixtures/calculus/loss_gradients.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static func vector(_ xs: [Double]) -> String { "[" + xs.map { "\($0)" }.joined(separator: ", ") + "]" }

    static func matrix(_ rows: [[Double]]) -> String { "[" + rows.map { $0.map { "\($0)" }.joined(separator: ", ") }.joined(separator: "; ") + "]" }

    /// J and grad(J) at the fixture's points against SymPy's values.
    static func expectAgreement(_ ip: Interpreter, _ points: [Point], _ what: String) throws {
        _ = try ip.evaluate("g = grad(J)")
        for p in points {
            let value = try number(ip, "J(\(p.w), \(p.b))"), want = Double(p.value)!
            #expect(abs(value - want) <= 1e-13 * abs(want), "\(what): J(\(p.w), \(p.b)) = \(value), SymPy \(p.value)")
            guard case .matrix(let g) = try ip.evaluate("g(\(p.w), \(p.b))") else {
                Issue.record("\(what): g(\(p.w), \(p.b)) is not a vector")
                continue
            }
            #expect(g.count == 2, "\(what): ∇J(\(p.w), \(p.b)) = \(g.data)")
            for (got, want) in zip(g.data, p.gradient.map { Double($0)! }) {
                #expect(abs(got - want) <= 1e-12 * max(1, abs(want)), "\(what): ∇J(\(p.w), \(p.b)) = \(g.data), SymPy \(p.gradient)")
            }
        }
    }

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

    @Test("grad of cross_entropy agrees with SymPy for one distribution (softmax, one-hot and soft labels), rows and single numbers",
          arguments: ["one-hot", "soft", "rows", "binary", "vector parameter"])
    func crossEntropyGradientsMatchSymPy(reading: String) throws {
        let c = try Self.fixture().cross_entropy
        let ip = Interpreter()
        _ = try ip.evaluate("u = \(Self.vector(c.u)); v = \(Self.vector(c.v)); X = [u, v]")
        _ = try ip.evaluate("A = \(Self.matrix(c.A)); B = \(Self.matrix(c.B)); Y = \(Self.matrix(c.Y)); O = ones(3, 3)")
        switch reading {
        case "one-hot", "soft", "vector parameter":
            _ = try ip.evaluate("y = \(Self.vector(reading == "soft" ? c.soft : c.onehot))")
            if reading == "vector parameter" {
                // The same cost with the parameters in one vector: X * [a; b] = a*u + b*v.
                _ = try ip.evaluate("L(w) = cross_entropy(softmax(X * w), y)")
                _ = try ip.evaluate("J(a, b) = L([a, b])")
                _ = try ip.evaluate("gL = grad(L)")
                for p in c.softmax_onehot {
                    guard case .matrix(let g) = try ip.evaluate("gL([\(p.w), \(p.b)])") else {
                        Issue.record("grad(L) is not a vector")
                        continue
                    }
                    for (got, want) in zip(g.data, p.gradient.map { Double($0)! }) {
                        #expect(abs(got - want) <= 1e-12 * max(1, abs(want)), "∇L([\(p.w), \(p.b)]) = \(g.data), SymPy \(p.gradient)")
                    }
                }
                return
            }
            _ = try ip.evaluate("J(a, b) = cross_entropy(softmax(a * u + b * v), y)")
            try Self.expectAgreement(ip, reading == "soft" ? c.softmax_soft : c.softmax_onehot, reading)
        case "rows":
            // The softmax of each row: exp(Z) divided by its row sums, exp(Z) * ones(3, 3).
            _ = try ip.evaluate("J(a, b) = cross_entropy(exp(a * A + b * B) ./ (exp(a * A + b * B) * O), Y)")
            try Self.expectAgreement(ip, c.row_softmax, reading)
        default:
            _ = try ip.evaluate("x0 = \(c.x0); y0 = \(c.y0)")
            _ = try ip.evaluate("J(a, b) = cross_entropy(sigmoid(a * x0 + b), y0)")
            try Self.expectAgreement(ip, c.binary, reading)
        }
    }

    @Test("cross_entropy_grad reads its arguments as cross_entropy does, where the shape decides (1×1 data is a single number)")
    func crossEntropyGradientByShape() throws {
        let ip = Interpreter()
        // The label 0 as 1×1 data: the binary form, (p − y)/(p(1 − p)) = 1/(1 − p), not −y/p = 0.
        _ = try ip.evaluate("P = reshape([0.8], 1, 1); Z = reshape([0], 1, 1)")
        guard case .matrix(let g) = try ip.evaluate("cross_entropy_grad(P, Z)") else { throw SymbolicError("not a matrix") }
        #expect(abs(g.data[0] - 5) <= 1e-14, "\(g.data)")
        // A column is one distribution (m = 1); two rows are two examples (m = 2).
        #expect(try Self.number(ip, "sum(cross_entropy_grad([0.5; 0.5], [1; 0]))") == -2)
        #expect(try Self.number(ip, "sum(sum(cross_entropy_grad([0.5, 0.5; 0.25, 0.75], [1, 0; 0, 1])))") == -1 - 2.0 / 3)
        // With respect to y: −ln p per row, over m rows.
        guard case .matrix(let h) = try ip.evaluate("cross_entropy_grad([0.5, 0.5; 0.25, 0.75], [1, 0; 0, 1], 2)") else { throw SymbolicError("not a matrix") }
        #expect(h.data.map { $0 * 2 } == [0.5, 0.25, 0.5, 0.75].map { -log($0) })
    }

    @Test("the gradient of a softmax classifier's cost prints as a formula, sum(y)·p − y against the scores")
    func softmaxGradientPrints() {
        let run = runMML("""
            u = [1, 0, -1]
            v = [0.5, 2, 1]
            X = [u, v]
            y = [0, 1, 0]
            C(a, b) = cross_entropy(softmax(a * u + b * v), y)
            print(grad(C))
            L(w) = cross_entropy(softmax(X * w), y)
            print(grad(L))
            """)
        #expect(run.stdout == """
            ∇C(a, b) = [sum(y)·sum(u⊙softmax(a·u + b·v)) − sum(u⊙y); sum(y)·sum(v⊙softmax(a·u + b·v)) − sum(v⊙y)]
            ∇L(w) = Xᵀ·(softmax(X·w)·sum(y) − y)

            """, "\(run.stdout)\(run.stderr)")
    }

    @Test("gd on a cost of one example per row uses the exact gradient and reaches SymPy's minimum")
    func gdReachesTheCrossEntropyMinimum() throws {
        let c = try Self.fixture().cross_entropy
        let run = runMML("""
            A = \(Self.matrix(c.A))
            B = \(Self.matrix(c.B))
            Y = \(Self.matrix(c.Y))
            O = ones(3, 3)
            J(a, b) = cross_entropy(exp(a * A + b * B) ./ (exp(a * A + b * B) * O), Y)
            r = gd(J, [0, 0], rate=0.5, steps=5000, tol=1e-12)
            print(r.x[1])
            print(r.x[2])
            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.diagnostics.contains { $0.kind == .numericDerivative }, "\(run.stderr)")
        let got = run.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
        let want = c.row_softmax_minimum.map { Double($0)! }
        #expect(got.count == 2 && zip(got, want).allSatisfy { abs($0 - $1) <= 1e-9 }, "\(run.stdout) vs SymPy \(want)")
    }

    @Test("mse over matrices: the gradient is a number, the mean over every element (not a row of column means)")
    func mseOverMatrices() throws {
        let ip = Interpreter()
        _ = try ip.evaluate("A = [1, 2; 3, 4]; B = [1, 0; 0, 1]; J(w) = mse(w * A, B)")
        // d/dw mean((wA − B)²) = 2·mean(A⊙(wA − B)) = 2·(0 + 4 + 9 + 12)/4 at w = 1.
        guard case .matrix(let g) = try ip.evaluate("grad(J)(1)") else { throw SymbolicError("not a vector") }
        #expect(g.data == [12.5])
    }
}
