// Compares the engine with the committed NumPy/SciPy/SymPy reference cases, one test per matrix.
import MMLCore
import Numerics
import Testing

private let eps = Double.ulpOfOne

@Suite("LinearAlgebra fixtures") struct LinAlgFixtureTests {
    @Test func fixtureFileHasEnoughCases() {
        #expect(LinAlgFixtures.file != nil, "could not read \(LinAlgFixtures.path)")
        #expect(LinAlgFixtures.cases.count >= 60)
        #expect(LinAlgFixtures.pca.count >= 3)
    }

    @Test(arguments: LinAlgFixtures.cases)
    func rankSingularValuesAndNullspace(_ c: FixtureCase) throws {
        let a = c.matrix
        #expect(try LinAlg.rank(a) == c.rank)
        #expect(close(try LinAlg.singularValues(a), c.svals, rtol: 1e-12))
        let n = try LinAlg.nullspace(a)
        #expect(n.rows == a.cols && n.cols == c.nullity)
        if n.cols > 0 {
            let scale = max(1, c.svals.first ?? 0)
            #expect(maxAbs(try LinAlg.matmul(a, n)) <= 1e-12 * scale)
            #expect(close(try LinAlg.matmul(n.transposed, n), Matrix.identity(n.cols), rtol: 1e-12))
        }
        let cond = try LinAlg.cond(a)
        if let expected = c.cond, c.rank == min(a.rows, a.cols) {
            #expect(abs(cond - expected) <= max(1e-10, 10 * expected * eps) * expected)
        } else {
            #expect(cond > 1e14)
        }
    }

    @Test(arguments: LinAlgFixtures.cases)
    func pseudoInverseAndLeastSquares(_ c: FixtureCase) throws {
        let a = c.matrix
        let rtol = max(1e-10, 100 * c.effectiveCondition * eps)
        #expect(close(try LinAlg.pinv(a), c.pinv, rtol: rtol))
        let r = try LinAlg.lstsq(a, Matrix(column: c.lstsq.b))
        #expect(r.rank == c.lstsq.rank)
        #expect(close(r.solution.data, c.lstsq.x, rtol: rtol * max(1, c.effectiveCondition * 1e-3)))
        let bb = c.lstsq.b.reduce(0) { $0 + $1 * $1 }
        let residualTolerance = max(1e-8, 10 * c.effectiveCondition * eps) * max(1, bb)
        #expect(abs(r.residuals[0] - c.lstsq.residual) <= residualTolerance)
        #expect(close(r.singularValues, c.svals, rtol: 1e-12))
    }

    @Test(arguments: LinAlgFixtures.cases)
    func qrReconstructsWithPositiveDiagonal(_ c: FixtureCase) throws {
        let a = c.matrix
        for full in [false, true] {
            let f = try LinAlg.qr(a, full: full)
            #expect(f.Q.rows == a.rows && f.Q.cols == (full ? a.rows : min(a.rows, a.cols)))
            #expect(close(try LinAlg.matmul(f.Q, f.R), a, rtol: 1e-12))
            #expect(close(try LinAlg.matmul(f.Q.transposed, f.Q), Matrix.identity(f.Q.cols), rtol: 1e-12))
            for j in 0..<f.R.cols {
                for i in 0..<f.R.rows where i > j { #expect(f.R[i, j] == 0) }
                if j < f.R.rows { #expect(f.R[j, j] >= 0) }
            }
            if let expected = c.qr_R, !full {
                #expect(close(f.R, expected, rtol: max(1e-11, 10 * c.effectiveCondition * eps)))
            }
        }
    }

    @Test(arguments: LinAlgFixtures.cases)
    func luMatchesSciPy(_ c: FixtureCase) throws {
        let a = c.matrix
        let f = try LinAlg.lu(a)
        #expect(close(try LinAlg.matmul(f.P, a), try LinAlg.matmul(f.L, f.U), rtol: 1e-12))
        for j in 0..<f.L.cols {
            #expect(f.L[j, j] == 1)
            for i in 0..<j { #expect(f.L[i, j] == 0) }
        }
        for j in 0..<f.U.cols { for i in (j + 1)..<max(j + 1, f.U.rows) { #expect(f.U[i, j] == 0) } }
        // Below a zero pivot, L holds rounding noise: compare factors only at full rank.
        if c.rank == min(a.rows, a.cols) {
            #expect(f.permutation == c.lu_perm)
            #expect(close(f.L, c.lu_L, rtol: 1e-11))
            #expect(close(f.U, c.lu_U, rtol: 1e-11))
        }
    }

    @Test(arguments: LinAlgFixtures.cases)
    func svdReconstructs(_ c: FixtureCase) throws {
        let a = c.matrix
        for full in [false, true] {
            let d = try LinAlg.svd(a, full: full)
            let k = min(a.rows, a.cols)
            #expect(d.U.cols == (full ? a.rows : k) && d.V.cols == (full ? a.cols : k))
            var us = d.U.columns(0, k)
            for j in 0..<k { for i in 0..<us.rows { us[i, j] *= d.S[j] } }
            #expect(close(try LinAlg.matmul(us, d.V.columns(0, k).transposed), a, rtol: 1e-12))
            #expect(close(try LinAlg.matmul(d.U.transposed, d.U), Matrix.identity(d.U.cols), rtol: 1e-12))
            #expect(close(try LinAlg.matmul(d.V.transposed, d.V), Matrix.identity(d.V.cols), rtol: 1e-12))
            for j in 0..<k where d.S[j] > 0 { #expect(followsSignConvention(d.V.column(j))) }
        }
    }

    @Test(arguments: LinAlgFixtures.cases.filter { $0.rref != nil })
    func rrefMatchesSymPy(_ c: FixtureCase) throws {
        let r = try LinAlg.rref(c.matrix)
        #expect(close(r.matrix, c.rref ?? [], rtol: 1e-10))
        #expect(r.pivotColumns == c.pivots)
        let withSteps = try LinAlg.rref(c.matrix, steps: c.matrix.count <= LinAlg.maxStepsElements)
        #expect(withSteps.matrix == r.matrix)
        #expect(replays(withSteps.steps, from: c.matrix))
    }

    @Test(arguments: LinAlgFixtures.cases.filter { $0.det != nil })
    func determinantInverseSolve(_ c: FixtureCase) throws {
        let a = c.matrix
        let det = try LinAlg.det(a)
        if c.det_exact == true {
            #expect(det == c.det, "an integer matrix's determinant must be exactly the integer")
        } else if let e = c.det {
            #expect(abs(det - e) <= max(1e-12, 10 * (c.cond ?? 1e16) * eps) * max(abs(e), 1e-300))
        }
        #expect(try LinAlg.isSingular(a) == (c.singular == true))
        if c.singular == true {
            let error = #expect(throws: LinAlgError.self) { try LinAlg.inv(a) }
            #expect(error?.message.contains("singular (rank \(c.rank) of \(a.rows))") == true)
            #expect(error?.hint?.contains("pinv") == true)
            #expect(throws: LinAlgError.self) { try LinAlg.solve(a, Matrix(rows: a.rows, cols: 1, repeating: 1)) }
            return
        }
        let rtol = max(1e-11, 100 * (c.cond ?? 1) * eps)
        let inverse = try LinAlg.inv(a)
        #expect(close(inverse.value, c.inv ?? [], rtol: rtol))
        #expect((inverse.warning != nil) == (c.ill_warning == true))
        if let s = c.solve {
            let x = try LinAlg.solve(a, Matrix(column: s.b))
            #expect(close(x.value.data, s.x, rtol: rtol))
            #expect((x.warning != nil) == (c.ill_warning == true))
        }
    }

    @Test(arguments: LinAlgFixtures.cases.filter { $0.eigvals != nil })
    func eigenvaluesAndVectors(_ c: FixtureCase) throws {
        let a = c.matrix
        let e = try LinAlg.eig(a)
        let expected = (c.eigvals ?? []).map { Complex($0[0], $0[1]) }
        let scale = max(1, expected.reduce(0) { max($0, $1.length) })
        let tol = (c.defective == true ? 1e-6 : 1e-8) * scale
        #expect(e.values.count == expected.count)
        for (v, x) in zip(e.values, expected) { #expect((v - x).length <= tol, "\(v) vs \(x)") }
        #expect(zip(try LinAlg.eigvals(a), e.values).allSatisfy { ($0 - $1).length <= tol })
        #expect(e.isSymmetric == (c.symmetric == true))
        #expect(e.isDefective == (c.defective == true))
        if c.symmetric == true { #expect(e.realValues != nil && e.realVectors != nil) }
        for j in 0..<a.rows {
            let v = e.vectors.column(j)
            #expect(abs(v.reduce(0) { $0 + $1.lengthSquared } - 1) <= 1e-12)
            #expect(followsSignConvention(v))
        }
        if c.defective != true {
            let av = try ComplexMatrix(a).multiplied(by: e.vectors)
            for j in 0..<a.rows {
                for i in 0..<a.rows { #expect((av[i, j] - e.vectors[i, j] * e.values[j]).length <= 1e-9 * scale) }
            }
        }
        if let vecs = c.eigvecs {
            for (j, col) in vecs.enumerated() {
                let x = col.map { Complex($0[0], $0[1]) }
                let inner = zip(e.vectors.column(j), x).reduce(Complex<Double>.zero) { $0 + $1.0.conjugate * $1.1 }
                #expect(abs(inner.length - 1) <= 1e-8, "eigenvector \(j) differs from NumPy's beyond sign/phase")
            }
        }
    }

    @Test(arguments: LinAlgFixtures.pca)
    func pcaMatchesNumPy(_ p: PCAFixture) throws {
        let x = fixtureMatrix(p.X)
        let r = try LinAlg.pca(x, k: p.k, scale: p.scale)
        #expect(close(r.components, p.components, rtol: 1e-10))
        #expect(close(r.scores, p.scores, rtol: 1e-10))
        #expect(close(r.explainedVariance, p.explained_variance, rtol: 1e-10))
        #expect(close(r.explainedRatio, p.explained_ratio, rtol: 1e-12))
        #expect(close(r.singularValues, p.singular_values, rtol: 1e-12))
        #expect(close(r.mean, p.mean, rtol: 1e-13))
        #expect(r.scale.map { close($0, p.scale_values ?? [], rtol: 1e-12) } ?? (p.scale_values == nil))
        for j in 0..<p.k { #expect(followsSignConvention(r.components.column(j))) }
        // Back to data space: exact with every component, the rank-k approximation otherwise.
        let back = try LinAlg.reconstruct(r, scores: r.scores)
        var approx = try LinAlg.matmul(fixtureMatrix(p.scores), fixtureMatrix(p.components).transposed)
        for j in 0..<approx.cols {
            for i in 0..<approx.rows { approx[i, j] = approx[i, j] * (p.scale_values?[j] ?? 1) + p.mean[j] }
        }
        #expect(close(back, approx, rtol: 1e-10))
        if p.k == min(x.rows, x.cols) { #expect(close(back, x, rtol: 1e-10)) }
    }
}

/// MML's rule: the first largest-magnitude component is positive (real vectors).
func followsSignConvention(_ v: [Double]) -> Bool {
    followsSignConvention(v.map { Complex($0, 0) })
}

/// MML's rule for complex vectors: the first largest-magnitude component is real and positive.
func followsSignConvention(_ v: [Complex<Double>]) -> Bool {
    let mags = v.map(\.length)
    guard let top = mags.max(), top > 0, let p = mags.firstIndex(where: { $0 >= top * (1 - 1e-10) }) else { return true }
    return v[p].real > 0 && v[p].imaginary == 0
}

/// True when applying each recorded operation to the previous matrix gives the recorded matrix.
func replays(_ steps: [RowStep], from start: Matrix) -> Bool {
    var m = start
    for s in steps {
        var next = m
        switch s.operation {
        case let .swap(i, j):
            for c in 0..<m.cols { (next[i, c], next[j, c]) = (m[j, c], m[i, c]) }
        case let .scale(row, f):
            for c in 0..<m.cols { next[row, c] = m[row, c] * f }
        case let .addMultiple(t, src, f):
            for c in 0..<m.cols { next[t, c] = m[t, c] + f * m[src, c] }
        }
        let scale = max(1, maxAbs(next))
        guard close(next, s.matrix, rtol: 1e-12 * scale) else { return false }
        m = s.matrix
    }
    return true
}

extension Matrix {
    /// Columns `from ..< from + count`.
    func columns(_ from: Int, _ count: Int) -> Matrix {
        Matrix(rows: rows, cols: count, data: Array(data[(from * rows)..<((from + count) * rows)]))
    }
}
