// The builtins against the committed SciPy / NumPy / scikit-learn references
// (Scripts/fixtures/optim.py): minimize ≈ scipy BFGS, newton ≈ fsolve, polyfit, fit_line, the
// losses, and make_blobs / make_regression drawing exactly scikit-learn's numbers.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

/// Runs MML text in a fresh session and returns the last expression's value (numeric derivative
/// notes are collected, not printed).
private func evaluate(_ text: String) throws -> (value: Value, notes: [Diagnostic]) {
    try withLargeStack { () -> Result<(Value, [Diagnostic]), Error> in
        let session = Session(SessionConfiguration(runsOnLargeStack: false))
        var notes: [Diagnostic] = []
        let result = session.run(text, name: "test.mml") { event in
            if case .warning(let d) = event { notes.append(d) }
        }
        if let first = result.diagnostics.first { return .failure(MMLError(first)) }
        return .success((result.lastValue, notes))
    }.get()
}

private func numbers(_ v: Value?) -> [Double] {
    guard let m = v?.asMatrix else { return [] }
    return m.data
}

private func field(_ v: Value, _ name: String) -> Value? {
    guard case .record(let r) = v else { return nil }
    return r[name]
}

private func mmlList(_ xs: [Double]) -> String { "[" + xs.map { "\($0)" }.joined(separator: ", ") + "]" }

@Suite("Optimization fixtures") struct OptimFixtureTests {
    @Test func fixtureFileHasEveryGroup() throws {
        let file = try #require(OptimFixtures.file, "could not read \(OptimFixtures.path)")
        #expect(file.bfgs.count >= 10)
        #expect(file.gd.count >= 3 && file.newton_systems.count >= 3)
        #expect(file.polyfit.count >= 5 && file.fit_line.count >= 4 && file.losses.count >= 3)
        #expect(file.make_blobs.count >= 4 && file.make_regression.count >= 3)
    }

    @Test(arguments: OptimFixtures.bfgs)
    func minimizeMatchesScipyBFGS(_ c: OptimFixtureFile.BFGSCase) throws {
        let x0 = c.x0.count == 1 ? "\(c.x0[0])" : mmlList(c.x0)
        let script = "\(c.setup)\nf(\(c.params.joined(separator: ", "))) = \(c.body)\nminimize(f, \(x0))"
        let (r, notes) = try evaluate(script)
        #expect(field(r, "converged").map { if case .bool(true) = $0 { true } else { false } } == true, "\(c.name): \(field(r, "message").map { "\($0)" } ?? "")")
        #expect(near(numbers(field(r, "x")), c.x, tol: c.xtol), "\(c.name): \(numbers(field(r, "x"))) vs scipy \(c.x)")
        let value = numbers(field(r, "value")).first ?? .nan
        #expect(abs(value - c.fun) <= 1e-9 * max(1, abs(c.fun)), "\(c.name): f = \(value) vs scipy \(c.fun)")
        // f is a math function: its gradient is exact (symbolic), so no note about numeric ones.
        #expect(notes.filter { $0.severity == .note }.isEmpty)
    }

    @Test(arguments: OptimFixtures.gd)
    func gdThroughTheLanguageMatchesTheRecurrence(_ c: OptimFixtureFile.GDCase) throws {
        let x0 = c.x0.count == 1 ? "\(c.x0[0])" : mmlList(c.x0)
        let script = "f(\(c.params.joined(separator: ", "))) = \(c.body)\ngd(f, \(x0), rate=\(c.rate), steps=\(c.steps), tol=0)"
        let (r, _) = try evaluate(script)
        // A numeric gradient (≈1e-11 off) perturbs each step slightly; the answers agree to ~1e-8.
        #expect(near(numbers(field(r, "x")), c.x, tol: 1e-8), "\(c.name): \(numbers(field(r, "x"))) vs \(c.x)")
        #expect(numbers(field(r, "steps")) == [Double(c.steps)])
        #expect(numbers(field(r, "path")).count == (c.steps + 1) * c.x0.count)
    }

    @Test(arguments: OptimFixtures.systems)
    func newtonOnSystemsMatchesFsolve(_ c: OptimFixtureFile.SystemCase) throws {
        let script = "F(\(c.params.joined(separator: ", "))) = \(c.body)\nnewton(F, \(mmlList(c.x0)))"
        let (r, notes) = try evaluate(script)
        #expect(near(numbers(field(r, "x")), c.x, tol: 1e-10), "\(c.name): \(numbers(field(r, "x"))) vs fsolve \(c.x)")
        #expect(numbers(field(r, "steps")).first ?? 99 <= 8)
        // F is a math function, so its Jacobian is exact (no note says it is numeric).
        #expect(!notes.contains { $0.message.contains("numeric Jacobian") })
    }

    @Test func polyfitMatchesNumpy() throws {
        for c in OptimFixtures.file?.polyfit ?? [] {
            let fit = try Regression.polyfit(c.xs, c.ys, degree: c.deg)
            #expect(near(fit.coefficients, c.p, tol: 1e-9), "degree \(c.deg): \(fit.coefficients) vs \(c.p)")
            #expect(!fit.rankDeficient)
        }
    }

    @Test func fitLineMatchesLinregress() throws {
        for c in OptimFixtures.file?.fit_line ?? [] {
            let fit = try Regression.fitLine(c.xs, c.ys)
            #expect(abs(fit.slope - c.slope) <= 1e-12 * max(1, abs(c.slope)))
            #expect(abs(fit.intercept - c.intercept) <= 1e-11 * max(1, abs(c.intercept)))
            #expect(abs(fit.r2 - c.r2) <= 1e-12)
        }
    }

    @Test func lossesMatchScikitLearn() throws {
        for c in OptimFixtures.file?.losses ?? [] {
            #expect(abs(try Loss.mse(c.yhat, c.y) - c.mse) <= 1e-13 * c.mse)
            #expect(abs(try Loss.logLoss(c.p, c.labels) - c.log_loss) <= 1e-13 * c.log_loss)
            let ce = try Loss.crossEntropy(Matrix(rowArrays: c.probs), Matrix(rowArrays: c.onehot))
            #expect(abs(ce - c.cross_entropy) <= 1e-13 * c.cross_entropy)
        }
    }

    @Test func makeBlobsDrawsScikitLearnsNumbers() throws {
        for c in OptimFixtures.file?.make_blobs ?? [] {
            let centers: BlobCenters
            switch c.centers {
            case .count(let k): centers = .random(count: k, features: c.features)
            case .given(let rows): centers = .given(Matrix(rowArrays: rows))
            }
            let b = try DataGenerators.makeBlobs(samples: c.n, centers: centers, std: c.std, random: RandomState(seed: UInt32(c.seed)))
            #expect(near(b.X.transposed.data, c.X.flatMap { $0 }, tol: 1e-14), "seed \(c.seed)")
            #expect(b.labels == c.y)
        }
    }

    @Test func makeRegressionDrawsScikitLearnsNumbers() throws {
        for c in OptimFixtures.file?.make_regression ?? [] {
            let d = try DataGenerators.makeRegression(samples: c.n, features: c.features, informative: c.informative, noise: c.noise,
                                                      bias: c.bias, random: RandomState(seed: UInt32(c.seed)))
            #expect(near(d.X.transposed.data, c.X.flatMap { $0 }, tol: 1e-14), "seed \(c.seed)")
            #expect(near(d.y, c.y, tol: 1e-12))
            #expect(near(d.coef, c.coef, tol: 1e-14))
        }
    }
}
