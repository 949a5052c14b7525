// The wiring of the linear-algebra builtins: values, tuples, records, warnings and error spans
// as a learner meets them. The numbers themselves are checked against fixtures in
// LinAlgFixtureTests; here the references are exact math or the engine's own output.
import MMLCore
import MMLTestSupport
import Numerics
import Testing

/// Runs `text` in a fresh interpreter, collecting output, warnings and the first error.
private struct LinAlgRun {
    let session = MMLCore.Session()
    var ip: Interpreter { session.interpreter }
    var output = ""
    var warnings: [Diagnostic] = []
    var error: Diagnostic?
    let text: String

    init(_ text: String) {
        self.text = text
        var out = "", warned: [Diagnostic] = []
        let renderer = TextRenderer(sources: session.sources)
        let result = session.run(text, name: "test.mml") { event in
            if case .warning(let d) = event { warned.append(d) } else { out += renderer.render(event).text }
        }
        error = result.diagnostics.first
        output = out
        warnings = warned
    }

    subscript(name: String) -> Value? { ip.globals[name] }

    /// The source text under a diagnostic's caret.
    func underlined(_ d: Diagnostic) -> String {
        ip.sources[d.span.source]?.text(of: d.span) ?? ""
    }

    func matrix(_ name: String) -> Matrix? {
        if case .matrix(let m)? = self[name] { return m }
        return nil
    }
}

@Suite("LinearAlgebra builtins") struct LinAlgBuiltinTests {
    @Test func everyNameOfTheIssueIsABuiltin() {
        let names = ["det", "inv", "rank", "trace", "transpose", "dot", "cross", "norm", "angle", "unit", "outer",
                     "solve", "rref", "nullspace", "eig", "eigvals", "svd", "qr", "lu", "pinv", "lstsq", "cond",
                     "is_singular", "is_independent", "projection", "kron", "classify", "pca", "reconstruct"]
        for name in names {
            #expect(Builtins.table[name] != nil, "missing builtin \(name)")
        }
        let area = Builtins.all.filter { $0.area == .linearAlgebra }.map(\.name)
        #expect(Set(area).isSuperset(of: names.filter { $0 != "transpose" }))
    }

    @Test func singularInverseAndSolveGiveRankAndAlternatives() {
        let inv = LinAlgRun("A = [1, 2, 3; 4, 5, 6; 7, 8, 9]\nB = inv(A)")
        guard let e = inv.error else { Issue.record("inv of a singular matrix succeeded"); return }
        #expect(e.message.contains("singular") && e.message.contains("rank 2 of 3"))
        #expect(e.hints.joined().contains("pinv(A)") && e.hints.joined().contains("lstsq(A, b)"))
        #expect(inv.underlined(e) == "A", "the caret belongs under the matrix")

        let solve = LinAlgRun("x = solve([1, 2; 2, 4], [3, 6])")
        guard let s = solve.error else { Issue.record("solve of a singular system succeeded"); return }
        #expect(s.message.contains("rank 1 of 2"))
        let hints = s.hints.joined(separator: " ")
        #expect(hints.contains("pinv") && hints.contains("lstsq") && hints.contains("classify(A, b)"))
    }

    /// [1, 1; 1, 1 + d] has the exact inverse (1/d)·[1 + d, −1; −1, 1] and condition number ≈ 4/d.
    @Test func illConditionedInverseWarnsWithTheConditionNumber() throws {
        let s = LinAlgRun("d = 2^-43\nA = [1, 1; 1, 1 + d]\nB = inv(A)\nx = solve(A, [2, 2 + d])")
        #expect(s.error == nil)
        #expect(s.warnings.count == 2)
        let d = 0x1p-43
        for w in s.warnings {
            // "… ill-conditioned (condition number ≈ 3.52e+13); …": within a few percent of 4/d.
            let text = w.message.split(separator: "≈ ").last?.split(separator: ")").first.map(String.init) ?? ""
            let shown = try #require(Double(text), "no condition number in: \(w.message)")
            #expect(abs(shown - 4 / d) < 0.05 * (4 / d), "\(w.message)")
        }
        let b = try #require(s.matrix("B"))
        let exact = [1 + d, -1, -1, 1].map { $0 / d }
        for (x, y) in zip(b.data, exact) { #expect(abs(x - y) <= 1e-2 * abs(y)) }

        let fine = LinAlgRun("B = inv([2, 1; 1, 3])")
        #expect(fine.warnings.isEmpty && fine.error == nil)
    }

    @Test func eigReturnsRealOrComplexValuesAndVectors() throws {
        let sym = LinAlgRun("λ, V = eig([2, 1; 1, 2])")
        let lambda = try #require(sym.matrix("λ")), v = try #require(sym.matrix("V"))
        #expect(lambda.data == [3, 1])
        let r = (0.5).squareRoot()
        for (x, y) in zip(v.data, [r, r, r, -r]) { #expect(abs(x - y) < 1e-15) }

        // A rotation by θ has eigenvalues cos θ ± i·sin θ, +i first.
        let rot = LinAlgRun("θ = pi / 3\nλ, V = eig([cos(θ), -sin(θ); sin(θ), cos(θ)])")
        guard case .complexMatrix(let cl)? = rot["λ"], case .complexMatrix(let cv)? = rot["V"] else {
            Issue.record("a rotation's eigenvalues and vectors should be complex: \(String(describing: rot["λ"]))")
            return
        }
        #expect(abs(cl[0, 0].real - 0.5) < 1e-15 && abs(cl[0, 0].imaginary - (0.75).squareRoot()) < 1e-15)
        #expect(cl[1, 0] == cl[0, 0].conjugate)
        // A·v = λ·v for each column.
        let h = (0.75).squareRoot()
        let a = Matrix(rowArrays: [[0.5, -h], [h, 0.5]])
        for j in 0..<2 {
            let col = cv.column(j)
            for i in 0..<2 {
                let av = Complex(a[i, 0]) * col[0] + Complex(a[i, 1]) * col[1]
                #expect((av - cl[j, 0] * col[i]).length < 1e-14)
            }
        }
        #expect(rot.warnings.isEmpty)
    }

    @Test func defectiveMatrixWarnsOnceAtTheCall() throws {
        let s = LinAlgRun("λ, V = eig([1, 0.5; 0, 1])")
        #expect(s.error == nil)
        #expect(try #require(s.matrix("λ")).data == [1, 1])
        #expect(s.warnings.count == 1)
        let w = try #require(s.warnings.first)
        #expect(w.message.contains("do not span"))
        #expect(s.underlined(w) == "eig([1, 0.5; 0, 1])")
        #expect(LinAlgRun("v = eigvals([1, 0.5; 0, 1])").warnings.isEmpty, "eigvals has no vectors to warn about")
    }

    @Test func decompositionTuplesUnpackAndMultiplyBack() throws {
        let s = LinAlgRun("""
            A = [3, 1; 4, 2; 0, 5]
            U, S, V = svd(A)
            Q, R = qr(A)
            L, Up, P = lu(A)
            """)
        #expect(s.error == nil)
        let a = Matrix(rowArrays: [[3, 1], [4, 2], [0, 5]])
        let u = try #require(s.matrix("U")), sv = try #require(s.matrix("S")), v = try #require(s.matrix("V"))
        #expect(sv.cols == 1 && sv.rows == 2)
        // ‖A‖_F² = Σ σᵢ² = 9 + 1 + 16 + 4 + 25 = 55.
        #expect(abs(sv.data.reduce(0) { $0 + $1 * $1 } - 55) < 1e-12)
        let usv = try LinAlg.matmul(try LinAlg.matmul(u, diagonal(sv.data)), v.transposed)
        #expect(maxDifference(usv, a) < 1e-13)
        let qr = try LinAlg.matmul(try #require(s.matrix("Q")), try #require(s.matrix("R")))
        #expect(maxDifference(qr, a) < 1e-13)
        let pa = try LinAlg.matmul(try #require(s.matrix("P")), a)
        let lu = try LinAlg.matmul(try #require(s.matrix("L")), try #require(s.matrix("Up")))
        #expect(maxDifference(pa, lu) < 1e-13)
    }

    @Test func stepsPrintTheEnginesWorkingThenReturnTheValue() throws {
        let a = Matrix(rowArrays: [[2, 1, 3], [0, 4, 1], [5, 2, 0]])
        let det = LinAlgRun("d = det([2, 1, 3; 0, 4, 1; 5, 2, 0], steps=true)")
        #expect(det.output == (try LinAlg.determinantSteps(a)).text(name: "[2, 1, 3; 0, 4, 1; 5, 2, 0]") + "\n")
        guard case .number(-59)? = det["d"] else {
            Issue.record("det with steps returned \(String(describing: det["d"]))")
            return
        }

        let b = Matrix(rowArrays: [[2, 4, 2], [1, 3, 0]])
        let rref = LinAlgRun("R = rref([2, 4, 2; 1, 3, 0], steps=true)")
        #expect(rref.output == (try LinAlg.rref(b, steps: true)).stepsText(original: b) + "\n")
        #expect(rref.output.contains("(1/2)·R1") && !rref.output.contains("0.5"))
        // x + 2y = 1 and y = −1 after elimination: x = 3, y = −1.
        #expect(try #require(rref.matrix("R")) == Matrix(rowArrays: [[1, 0, 3], [0, 1, -1]]))
        #expect(LinAlgRun("d = det([1, 2; 3, 4])").output.isEmpty, "no steps unless asked")
    }

    @Test func lstsqRecordHoldsSolutionResidualRankAndSingularValues() throws {
        // Fitting y = a + b·t to (0, 1), (1, 2), (2, 4): a = 5/6, b = 3/2, residuals (1/6, −1/3, 1/6).
        let s = LinAlgRun("r = lstsq([1, 0; 1, 1; 1, 2], [1, 2, 4])")
        guard case .record(let r)? = s["r"] else { Issue.record("lstsq should return a record"); return }
        #expect(r.names == ["x", "residual", "rank", "singular_values"])
        guard case .matrix(let x)? = r["x"], case .number(let residual)? = r["residual"], case .number(let rank)? = r["rank"] else {
            Issue.record("unexpected field types: \(r.fields.map(\.1.typeName))")
            return
        }
        #expect(abs(x.data[0] - 5.0 / 6) < 1e-14 && abs(x.data[1] - 1.5) < 1e-14)
        #expect(abs(residual - (1.0 / 6).squareRoot()) < 1e-14)
        #expect(rank == 2)
    }

    @Test func pcaRecordAndReconstructRoundTrip() throws {
        let s = LinAlgRun("""
            X = [2, 0; 0, 1; 3, 1; 1, 3; 4, 2]
            p = pca(X)
            Y = reconstruct(p)
            q = pca(X, 1, scale=true)
            """)
        #expect(s.error == nil)
        guard case .record(let p)? = s["p"], case .record(let q)? = s["q"] else { Issue.record("pca should return records"); return }
        #expect(p.names == ["components", "explained_variance", "explained_ratio", "scores", "mean", "singular_values"])
        #expect(q.names.last == "scale", "a scaled PCA records the scale it divided by")
        let x = Matrix(rowArrays: [[2, 0], [0, 1], [3, 1], [1, 3], [4, 2]])
        #expect(maxDifference(try #require(s.matrix("Y")), x) < 1e-13)
        // The mean is a row (as mean(X) is), and the ratios of all components sum to 1.
        guard case .matrix(let mean)? = p["mean"], case .matrix(let ratio)? = p["explained_ratio"] else { return }
        #expect(mean.rows == 1 && mean.data == [2, 1.4])
        #expect(abs(ratio.data.reduce(0, +) - 1) < 1e-15)
        // Total variance: column variances 2.5 and 1.3 (n − 1 = 4).
        guard case .matrix(let variance)? = p["explained_variance"] else { return }
        #expect(abs(variance.data.reduce(0, +) - 3.8) < 1e-13)
    }

    @Test func projectionAndIndependenceChooseTheirFormByArguments() throws {
        let s = LinAlgRun("""
            p = projection([3, 1, 2], [1, 1, 0])
            c = projection([3, 1, 2], [1, 0; 1, 0; 0, 1])
            a = is_independent([1, 0; 0, 1; 0, 0])
            b = is_independent([1, 2, 3], [2, 4, 6])
            """)
        #expect(s.matrix("p")?.data == [2, 2, 0])
        let c = try #require(s.matrix("c"))
        for (x, y) in zip(c.data, [2.0, 2, 2]) { #expect(abs(x - y) < 1e-14) }
        guard case .bool(true)? = s["a"], case .bool(false)? = s["b"] else {
            Issue.record("is_independent gave \(String(describing: s["a"])), \(String(describing: s["b"]))")
            return
        }
    }

    @Test func errorsPointAtTheOffendingArgument() throws {
        let cases: [(String, String, String)] = [
            ("det([1, 2, 3; 4, 5, 6])", "[1, 2, 3; 4, 5, 6]", "square"),
            ("norm([1, 2; 3, 4], 3)", "3", "matrix norm"),
            ("unit([0, 0])", "[0, 0]", "zero vector"),
            ("rref(ones(13, 12), steps=true)", "ones(13, 12)", "144"),
            ("pca([1, 2, 3; 4, 5, 6], 5)", "[1, 2, 3; 4, 5, 6]", "k must be between 1 and 2"),
        ]
        for (code, underlined, message) in cases {
            let s = LinAlgRun(code)
            guard let e = s.error else { Issue.record("\(code) should fail"); continue }
            #expect(e.message.contains(message), "\(code): \(e.message)")
            #expect(s.underlined(e) == underlined, "\(code): caret under \(s.underlined(e))")
        }
    }
}

private func diagonal(_ xs: [Double]) -> Matrix {
    var m = Matrix(rows: xs.count, cols: xs.count)
    for (i, x) in xs.enumerated() { m[i, i] = x }
    return m
}

private func maxDifference(_ a: Matrix, _ b: Matrix) -> Double {
    guard a.rows == b.rows, a.cols == b.cols else { return .infinity }
    return zip(a.data, b.data).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
