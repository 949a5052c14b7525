// The optimization engine on closures with exact derivatives: fixed answers from exact math and
// from the committed gradient-descent recurrences (Scripts/fixtures/optim.py).
import Foundation
import MMLCore
import Testing

/// e^x − ln x, minimized at x = W(1) = 0.5671432904097838 (the omega constant, e^−Ω = Ω).
private let omega = 0.5671432904097838
private var expLog: Objective { Objective(value: { Foundation.exp($0[0]) - Foundation.log($0[0]) },
                               gradient: { [Foundation.exp($0[0]) - 1 / $0[0]] },
                               hessian: { Matrix(rows: 1, cols: 1, data: [Foundation.exp($0[0]) + 1 / ($0[0] * $0[0])]) }) }

private func rosenbrock(_ v: [Double]) -> Double { (1 - v[0]) * (1 - v[0]) + 100 * (v[1] - v[0] * v[0]) * (v[1] - v[0] * v[0]) }
private func rosenbrockGradient(_ v: [Double]) -> [Double] {
    [-2 * (1 - v[0]) - 400 * v[0] * (v[1] - v[0] * v[0]), 200 * (v[1] - v[0] * v[0])]
}
private var rosen: Objective { Objective(value: rosenbrock, gradient: rosenbrockGradient,
                              hessian: { v in Matrix(rowArrays: [[2 - 400 * v[1] + 1200 * v[0] * v[0], -400 * v[0]], [-400 * v[0], 200]]) }) }

@Suite("Optimization engine") struct OptimEngineTests {
    @Test func gradientDescentOnExpLogReachesOmegaInTwentyFiveSteps() throws {
        let r = try GradientDescent.run(expLog, from: [1.6], options: .init(rate: 0.1, steps: 25, tolerance: 1e-8))
        #expect(r.steps == 25)
        #expect(abs(r.x[0] - 0.5671434) < 1e-7)
        #expect(r.path.count == 26 && r.values.count == 26 && r.gradientNorms.count == 26)
        #expect(r.path[0] == [1.6])
        #expect(!r.converged && !r.diverged)
        // Each value is below the one before: a small enough rate descends monotonically.
        #expect(zip(r.values, r.values.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test(arguments: OptimFixtures.gd)
    func gradientDescentMatchesTheReferenceRecurrence(_ c: OptimFixtureFile.GDCase) throws {
        let objective: Objective
        switch c.name {
        case "exp-log": objective = expLog
        case "rosenbrock": objective = rosen
        default:
            objective = Objective(value: { v in Foundation.pow(v[0], 4) + Foundation.pow(v[1], 4) - 4 * v[0] * v[1] + 1 },
                                  gradient: { v in [4 * v[0] * v[0] * v[0] - 4 * v[1], 4 * v[1] * v[1] * v[1] - 4 * v[0]] })
        }
        let r = try GradientDescent.run(objective, from: c.x0, options: .init(rate: c.rate, steps: c.steps, tolerance: 0))
        #expect(r.steps == c.steps)
        #expect(near(r.x, c.x, tol: 1e-12), "\(r.x) vs \(c.x)")
        #expect(abs(r.value - c.fun) <= 1e-12 * max(1, abs(c.fun)))
    }

    @Test func divergenceAtRateHalfIsReportedNotThrown() throws {
        let r = try GradientDescent.run(expLog, from: [1.6], options: .init(rate: 0.5, steps: 25))
        #expect(r.diverged && !r.converged)
        #expect(r.steps == 1)  // x = 1.6 − 0.5·4.328 < 0, where ln x is nan
        #expect(r.message.contains("nan"))
        #expect(r.hint?.contains("rate=0.05") == true)
    }

    @Test func growingValuesCountAsDivergence() throws {
        // f = x²: x ← x − 1.1·2x = −1.2x grows by 1.2 each step without ever becoming inf.
        let square = Objective(value: { $0[0] * $0[0] }, gradient: { [2 * $0[0]] })
        let r = try GradientDescent.run(square, from: [1], options: .init(rate: 1.1, steps: 1000))
        #expect(r.diverged)
        #expect(r.steps == 10)
        #expect(r.message.contains("grew for 10 steps"))
        #expect(abs(r.x[0] - Foundation.pow(-1.2, 10)) < 1e-12)
    }

    @Test func momentumConvergesFasterOnAnIllConditionedBowl() throws {
        let bowl = Objective(value: { 0.5 * ($0[0] * $0[0] + 50 * $0[1] * $0[1]) }, gradient: { [$0[0], 50 * $0[1]] })
        let plain = try GradientDescent.run(bowl, from: [1, 1], options: .init(rate: 0.035, steps: 5000, tolerance: 1e-8))
        let heavy = try GradientDescent.run(bowl, from: [1, 1], options: .init(rate: 0.035, steps: 5000, tolerance: 1e-8, momentum: 0.7))
        #expect(plain.converged && heavy.converged)
        #expect(heavy.steps < plain.steps / 2)
        #expect(near(heavy.x, [0, 0], tol: 1e-8))
    }

    @Test func convergedRunsStopAtTheTolerance() throws {
        let r = try GradientDescent.run(expLog, from: [1.6], options: .init(rate: 0.1, steps: 1000, tolerance: 1e-10))
        #expect(r.converged)
        #expect(r.gradientNorms.last! <= 1e-10)
        #expect(r.gradientNorms.dropLast().allSatisfy { $0 > 1e-10 })
        #expect(abs(r.x[0] - omega) < 1e-10)
    }

    @Test func invalidSettingsAndStartsAreErrors() {
        #expect(throws: OptimizationError.self) { try GradientDescent.run(expLog, from: [1], options: .init(rate: -1)) }
        #expect(throws: OptimizationError.self) { try GradientDescent.run(expLog, from: [1], options: .init(momentum: 1)) }
        #expect(throws: OptimizationError.self) { try GradientDescent.run(expLog, from: [-1], options: .init()) }
    }

    @Test func newtonMinimizationConvergesInAtMostSixSteps() throws {
        let r = try Newton.minimize(expLog, from: [1.6])
        #expect(r.converged)
        #expect(r.steps <= 6)
        #expect(abs(r.x[0] - omega) < 1e-12)  // |f′| ≤ 1e-10 and f″ ≈ 4.9 bound the error by ~2e-11
        #expect(r.caution == nil)
    }

    @Test func newtonRootOfOneEquation() throws {
        let r = try Newton.root({ $0 * $0 - 2 }, derivative: { 2 * $0 }, from: 1)
        #expect(r.converged)
        #expect(abs(r.x[0] - 2.0.squareRoot()) < 1e-11)  // |f| ≤ tol = 1e-10 means |x − √2| ≤ ~2.5e-11
        // Quadratic convergence: the error at least squares (up to a constant) each step.
        let errors = r.path.map { abs($0[0] - 2.0.squareRoot()) }
        #expect(errors[3] < 1e-5 && r.steps <= 5)
    }

    @Test func newtonOnAFlatTangentIsAClearError() {
        #expect {
            try Newton.root({ $0 * $0 - 2 }, derivative: { 2 * $0 }, from: 0)
        } throws: { ($0 as? OptimizationError)?.message.contains("horizontal") == true }
    }

    @Test func newtonWithASingularHessianIsAClearError() {
        // f(x, y) = (x + y)²: the Hessian [2 2; 2 2] is singular everywhere.
        let f = Objective(value: { ($0[0] + $0[1]) * ($0[0] + $0[1]) }, gradient: { [2 * ($0[0] + $0[1]), 2 * ($0[0] + $0[1])] },
                          hessian: { _ in Matrix(rowArrays: [[2, 2], [2, 2]]) })
        #expect {
            try Newton.minimize(f, from: [1, 2])
        } throws: { e in
            let e = e as? OptimizationError
            return e?.message.contains("singular (rank 1 of 2)") == true && e?.hint != nil
        }
    }

    @Test func newtonWarnsWhenItFindsAMaximum() throws {
        let cap = Objective(value: { -$0[0] * $0[0] }, gradient: { [-2 * $0[0]] })
        let r = try Newton.minimize(cap, from: [3])
        #expect(r.converged && abs(r.x[0]) < 1e-12)
        #expect(r.caution?.contains("maximum") == true)
        let saddle = Objective(value: { $0[0] * $0[0] - $0[1] * $0[1] }, gradient: { [2 * $0[0], -2 * $0[1]] })
        #expect(try Newton.minimize(saddle, from: [1, 1]).caution?.contains("saddle") == true)
    }

    @Test func newtonOnRosenbrockAndAQuartic() throws {
        let r = try Newton.minimize(rosen, from: [-1.2, 1])
        #expect(r.converged && near(r.x, [1, 1], tol: 1e-12))
        #expect(r.steps <= 10)
        // x⁴ + y⁴ − 4xy + 1 has minima at ±(1, 1) and a saddle at 0.
        let quartic = Objective(value: { v in Foundation.pow(v[0], 4) + Foundation.pow(v[1], 4) - 4 * v[0] * v[1] + 1 },
                                gradient: { v in [4 * v[0] * v[0] * v[0] - 4 * v[1], 4 * v[1] * v[1] * v[1] - 4 * v[0]] })
        let q = try Newton.minimize(quartic, from: [2, 0.5])
        #expect(q.converged && near(q.x, [1, 1], tol: 1e-10))
        #expect(abs(q.value + 1) < 1e-12)
    }

    @Test func newtonOnASystem() throws {
        // x² + y² = 4 and x − y = 1 meet at x = (1 + √7)/2, y = x − 1.
        let F: ([Double]) -> [Double] = { [$0[0] * $0[0] + $0[1] * $0[1] - 4, $0[0] - $0[1] - 1] }
        let J: ([Double]) -> Matrix = { Matrix(rowArrays: [[2 * $0[0], 2 * $0[1]], [1, -1]]) }
        let r = try Newton.root(system: F, jacobian: J, from: [2, 0.5])
        let x = (1 + 7.0.squareRoot()) / 2
        #expect(r.converged && near(r.x, [x, x - 1], tol: 1e-12))
        #expect(r.residual.map { $0.count } == 2)
        #expect(throws: OptimizationError.self) { try Newton.root(system: { [$0[0] + $0[1]] }, jacobian: { _ in Matrix(rows: 1, cols: 2) }, from: [1, 1]) }
    }

    @Test func bfgsOnRosenbrockWithTheExactGradient() throws {
        let r = try BFGS.minimize(rosen, from: [-1.2, 1], options: .init(tolerance: 1e-10))
        #expect(r.converged)
        #expect(near(r.x, [1, 1], tol: 1e-9))
        #expect(r.steps < 100)  // scipy takes 32 iterations from here; gradient descent needs thousands
        // Every accepted step decreases f (the line search enforces sufficient decrease).
        #expect(zip(r.values, r.values.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func bfgsOnUnboundedFunctionsStopsWithoutConverging() throws {
        let line = Objective(value: { -$0[0] }, gradient: { _ in [-1] })
        let r = try BFGS.minimize(line, from: [0], options: .init(steps: 20))
        #expect(!r.converged)
        #expect(r.x[0] > 1000)
    }
}
