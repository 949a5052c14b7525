// Exact-math checks: results known in closed form (fractions, rotations, shears, Fibonacci).
import MMLCore
import Numerics
import Testing

@Suite("LinearAlgebra exact") struct LinAlgExactTests {
    /// 2x + y − z = 8, −3x − y + 2z = −11, −2x + y + 2z = −3 has the solution (2, 3, −1).
    @Test func rrefStepsOnAugmentedSystemWithFractions() throws {
        let a = Matrix(rowArrays: [[2, 1, -1, 8], [-3, -1, 2, -11], [-2, 1, 2, -3]])
        let r = try LinAlg.rref(a, steps: true)
        #expect(r.matrix == Matrix(rowArrays: [[1, 0, 0, 2], [0, 1, 0, 3], [0, 0, 1, -1]]))
        #expect(r.pivotColumns == [0, 1, 2])
        // Partial pivoting: |−3| is the largest entry of column 1, so rows 1 and 2 swap first,
        // then row 1 is scaled by −1/3, leaving the fractions 1/3, −2/3 and 11/3.
        #expect(r.steps.first?.operation == .swap(0, 1))
        guard r.steps.count > 1, case let .scale(row, factor) = r.steps[1].operation else {
            Issue.record("expected a scaling second, got \(r.steps.map(\.operation))")
            return
        }
        #expect(row == 0 && Rational.approximating(factor) == Rational(numerator: -1, denominator: 3))
        #expect(r.steps[1].operation.text == "R1 ← (-1/3)·R1")
        #expect(MatrixText.render(r.steps[1].matrix, indent: 0).split(separator: "\n").first == "[  1  1/3  -2/3  11/3 ]")
        #expect(replays(r.steps, from: a))
        let text = r.stepsText(original: a)
        #expect(text.contains("Step 1: R1 ↔ R2   (swap rows 1 and 2)"))
        #expect(text.contains("Pivot columns: 1, 2, 3 (rank 3)"))
        #expect(!text.contains("0.333"))
    }

    @Test func rrefByHandPivotingAndRankDeficiency() throws {
        let a = Matrix(rowArrays: [[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let r = try LinAlg.rref(a, steps: true, pivoting: .firstNonzero)
        #expect(r.matrix == Matrix(rowArrays: [[1, 0, -1], [0, 1, 2], [0, 0, 0]]))
        #expect(r.rank == 2)
        #expect(r.steps.first?.operation == .addMultiple(target: 1, source: 0, factor: -4))
        #expect(r.steps.first?.operation.text == "R2 ← R2 − 4·R1")
        #expect(replays(r.steps, from: a))
        #expect(throws: LinAlgError.self) { try LinAlg.rref(Matrix(rows: 13, cols: 13), steps: true) }
    }

    @Test func shearIsDefective() throws {
        let e = try LinAlg.eig(Matrix(rowArrays: [[1, 0.5], [0, 1]]))
        #expect(e.values == [Complex(1, 0), Complex(1, 0)])
        #expect(e.isDefective)
        #expect(e.note?.contains("do not span") == true)
        #expect(try !LinAlg.eig(Matrix(rowArrays: [[2, 0], [0, 3]])).isDefective)
        // Repeated but not defective: a rank-1 matrix has a 2-D null space, and its
        // eigenvectors must span it (dgeev alone returns nearly parallel vectors here).
        let rankOne = Matrix(rowArrays: [[0, -9, 3], [0, -6, 2], [0, -6, 2]])
        let r = try LinAlg.eig(rankOne)
        #expect(!r.isDefective)
        #expect(try LinAlg.rank(r.vectors.realPart) == 3)
    }

    @Test func rotationHasEigenvaluesPlusMinusI() throws {
        let e = try LinAlg.eig(Matrix(rowArrays: [[0, -1], [1, 0]]))
        #expect(e.values == [Complex(0, 1), Complex(0, -1)])
        #expect(e.realValues == nil && !e.isSymmetric && !e.isDefective)
        // For λ = i: v = (1, −i)/√2, its first component (tied largest) real and positive.
        let h = 0.5.squareRoot()
        let v = e.vectors.column(0), w = e.vectors.column(1)
        #expect((v[0] - Complex(h, 0)).length < 1e-15 && (v[1] - Complex(0, -h)).length < 1e-15)
        #expect((w[0] - Complex(h, 0)).length < 1e-15 && (w[1] - Complex(0, h)).length < 1e-15)
        #expect(try LinAlg.eigvals(Matrix(rowArrays: [[0, -1], [1, 0]])) == e.values)
    }

    @Test func symmetricEigenvectorsFollowTheSignConvention() throws {
        let e = try LinAlg.eig(Matrix(rowArrays: [[2, 1], [1, 2]]))
        #expect(e.isSymmetric)
        #expect(e.realValues.map { $0.map { ($0 * 1e12).rounded() / 1e12 } } == [3, 1])
        let v = try #require(e.realVectors)
        let h = 0.5.squareRoot()
        #expect(abs(v[0, 0] - h) < 1e-15 && abs(v[1, 0] - h) < 1e-15)
        #expect(abs(v[0, 1] - h) < 1e-15 && abs(v[1, 1] + h) < 1e-15)  // tie: the first component is positive
    }

    @Test func determinantsOfIntegerMatricesAreExact() throws {
        #expect(try LinAlg.det(Matrix(rowArrays: [[1, 2, 3], [4, 5, 6], [7, 8, 9]])) == 0)
        #expect(try LinAlg.det(Matrix(rowArrays: [[2, 1], [1, 1]])) == 1)
        #expect(try LinAlg.det(Matrix(rowArrays: [[0, 1], [1, 0]])) == -1)
        #expect(try LinAlg.det(Matrix(rows: 0, cols: 0, data: [])) == 1)
        #expect(throws: LinAlgError.self) { try LinAlg.det(Matrix(rowArrays: [[1, 2, 3]])) }
    }

    @Test func determinantStepsCofactorAndElimination() throws {
        let a = Matrix(rowArrays: [[2, 0, 1], [1, 3, 2], [1, 1, 2]])
        let s = try LinAlg.determinantSteps(a)
        guard case .cofactor(let e) = s else { Issue.record("expected cofactor expansion"); return }
        #expect(e.row == 0 && e.determinant == 6)  // 2·(6 − 2) − 0 + 1·(1 − 3)
        #expect(e.terms[1].minorDeterminant == nil)  // the 0 entry is not expanded
        #expect(s.text().contains("det(M11) = 3·2 − 2·1 = 4"))
        #expect(s.text().contains("det(A) = 2·4 + 0·… + 1·(-2) = 6"))
        let big = Matrix(rowArrays: [[1, 2, 0, 1], [0, 1, 3, 0], [2, 0, 1, 1], [1, 1, 1, 1]])
        let elim = try LinAlg.determinantSteps(big)
        guard case let .elimination(steps, _, upper, d) = elim else { Issue.record("expected elimination"); return }
        #expect(d == (try LinAlg.det(big)))
        #expect(replays(steps, from: big))
        for j in 0..<4 { for i in (j + 1)..<4 { #expect(upper[i, j] == 0) } }
        #expect(elim.text().contains("det(A) = "))
        #expect(throws: LinAlgError.self) { try LinAlg.determinantSteps(Matrix.identity(5), method: .cofactor) }
    }

    @Test func singularAndIllConditionedSystems() throws {
        let s = Matrix(rowArrays: [[1, 2], [2, 4]])
        let error = #expect(throws: LinAlgError.self) { try LinAlg.inv(s) }
        #expect(error?.message == "inv: the matrix is singular (rank 1 of 2), so it has no inverse")
        #expect(error?.hint?.contains("lstsq") == true)
        let ill = Matrix(rowArrays: [[1, 1], [1, 1 + 1e-13]])
        let r = try LinAlg.solve(ill, Matrix(column: [2, 2 + 1e-13]))
        #expect(r.warning?.contains("condition number ≈ 4") == true && r.warning?.contains("e+13") == true)
        #expect(abs(r.value[0, 0] - 1) < 1e-2 && abs(r.value[1, 0] - 1) < 1e-2)
        #expect(try LinAlg.solve(Matrix(rowArrays: [[2, 1], [1, 3]]), Matrix(rows: 1, cols: 2, data: [3, 5])).value
                == Matrix(column: [0.8, 1.4]).map { ($0 * 1e15).rounded() / 1e15 })
        #expect(try LinAlg.inv(Matrix(rowArrays: [[2, 1], [1, 1]])).value == Matrix(rowArrays: [[1, -1], [-1, 2]]))
    }

    @Test func classifyLinearSystems() throws {
        let a = Matrix(rowArrays: [[1, 1], [2, 2]])
        #expect(try LinAlg.classify(a, Matrix(column: [1, 2])).kind == .infinitelyMany)
        #expect(try LinAlg.classify(a, Matrix(column: [1, 3])).kind == .none)
        let u = try LinAlg.classify(Matrix(rowArrays: [[1, 1], [1, -1]]), Matrix(column: [1, 3]))
        #expect(u.kind == .unique && u.rank == 2 && u.freeVariables == 0)
        let inf = try LinAlg.classify(Matrix(rowArrays: [[1, 2, 3]]), Matrix(column: [6]))
        #expect(inf.freeVariables == 2 && inf.explanation.contains("2 free variables"))
    }

    @Test func vectorOperations() throws {
        let x = Matrix(column: [1, 0, 0]), y = Matrix(column: [0, 1, 0])
        #expect(try LinAlg.cross(x, y) == Matrix(column: [0, 0, 1]))
        #expect(try LinAlg.dot(Matrix(column: [1, 2, 3]), Matrix(rows: 1, cols: 3, data: [4, 5, 6])) == 32)
        #expect(abs(try LinAlg.angle(x, y) - Double.pi / 2) < 1e-15)
        #expect(try LinAlg.unit(Matrix(column: [3, 4])) == Matrix(column: [0.6, 0.8]))
        #expect(throws: LinAlgError.self) { try LinAlg.unit(Matrix(column: [0, 0])) }
        #expect(throws: LinAlgError.self) { try LinAlg.cross(Matrix(column: [1, 2]), Matrix(column: [3, 4])) }
        #expect(try LinAlg.project(Matrix(column: [2, 3]), onto: Matrix(column: [1, 0])) == Matrix(column: [2, 0]))
        let plane = Matrix(rowArrays: [[1, 0], [0, 1], [0, 0]])
        #expect(close(try LinAlg.project(Matrix(column: [1, 2, 3]), ontoColumnSpaceOf: plane), Matrix(column: [1, 2, 0]), rtol: 1e-15))
        #expect(try LinAlg.isIndependent(vectors: [x, y]))
        #expect(try !LinAlg.isIndependent(vectors: [x, y, Matrix(column: [1, 1, 0])]))
    }

    @Test func norms() throws {
        let v = Matrix(column: [3, -4])
        #expect(try LinAlg.norm(v) == 5 && LinAlg.norm(v, .one) == 7 && LinAlg.norm(v, .infinity) == 4)
        #expect(abs(try LinAlg.norm(v, .p(3)) - pow3root(91)) < 1e-14)  // (27 + 64)^(1/3)
        let a = Matrix(rowArrays: [[1, -2], [3, 4]])
        #expect(try LinAlg.norm(a, .one) == 6 && LinAlg.norm(a, .infinity) == 7)
        #expect(abs(try LinAlg.norm(a, .frobenius) - 30.0.squareRoot()) < 1e-14)
        #expect(NormKind(name: "fro") == .frobenius && NormKind(p: .infinity) == .infinity)
        #expect(try LinAlg.trace(a) == 5)
    }

    @Test func matrixPowersAndKronecker() throws {
        let f = Matrix(rowArrays: [[1, 1], [1, 0]])
        #expect(try LinAlg.power(f, 10) == Matrix(rowArrays: [[89, 55], [55, 34]]))
        #expect(try LinAlg.power(f, 0) == Matrix.identity(2))
        #expect(try LinAlg.power(f, -1) == Matrix(rowArrays: [[0, 1], [1, -1]]))
        #expect(try LinAlg.power(Matrix(rowArrays: [[2]]), -2) == Matrix(rowArrays: [[0.25]]))
        #expect(try LinAlg.power(Matrix(rowArrays: [[1]]), Int.min) == Matrix(rowArrays: [[1]]))
        #expect(throws: LinAlgError.self) { try LinAlg.power(Matrix(rowArrays: [[1, 2], [2, 4]]), -1) }
        let k = try LinAlg.kron(Matrix(rowArrays: [[1, 2], [3, 4]]), Matrix.identity(2))
        #expect(k == Matrix(rowArrays: [[1, 0, 2, 0], [0, 1, 0, 2], [3, 0, 4, 0], [0, 3, 0, 4]]))
        #expect(try LinAlg.matmul(Matrix(column: [1, 2]), Matrix(rows: 1, cols: 2, data: [3, 4]))
                == Matrix(rowArrays: [[3, 4], [6, 8]]))
        let e = #expect(throws: LinAlgError.self) { try LinAlg.matmul(Matrix.identity(2), Matrix.identity(3)) }
        #expect(e?.hint?.contains(".*") == true)
    }

    @Test func hugeSizesAreRefusedWithTheMemoryTheyNeed() throws {
        let e = #expect(throws: LinAlgError.self) { try Matrix.zeros(checkedRows: 100_000, cols: 100_000) }
        #expect(e?.message.contains("74.5 GiB") == true)
        #expect(throws: LinAlgError.self) { try LinAlgLimits.checkedCount(rows: Int.max, cols: 2) }
        #expect(throws: LinAlgError.self) { try LinAlgLimits.checkedCount(rows: -1, cols: 2) }
        let tall = Matrix(rows: 20_000, cols: 1, repeating: 1)
        #expect(throws: LinAlgError.self) { try LinAlg.kron(tall, tall.transposed) }  // 4e8 elements
        #expect(throws: LinAlgError.self) { try LinAlg.svd(tall, full: true) }       // U would be 20000×20000
        #expect(try LinAlg.svd(tall).S.count == 1)
    }

    @Test func nonFiniteInputIsAnError() throws {
        let a = Matrix(rowArrays: [[1, .nan], [0, 1]])
        #expect(throws: LinAlgError.self) { try LinAlg.det(a) }
        #expect(throws: LinAlgError.self) { try LinAlg.eig(a) }
        #expect(throws: LinAlgError.self) { try LinAlg.svd(a) }
        #expect(throws: LinAlgError.self) { try LinAlg.inv(a) }
    }

    @Test func luOfAKnownPivoting() throws {
        let a = Matrix(rowArrays: [[1, 2], [3, 4]])
        let f = try LinAlg.lu(a)
        #expect(f.permutation == [1, 0])
        #expect(f.L == Matrix(rowArrays: [[1, 0], [1.0 / 3, 1]]))
        #expect(f.U == Matrix(rowArrays: [[3, 4], [0, 2 - 4.0 / 3]]))
    }

    @Test func pcaOfPerfectlyCorrelatedData() throws {
        // Points on the line y = 2x: one component (1, 2)/√5 carries all the variance.
        let x = Matrix(rowArrays: [[0, 0], [1, 2], [2, 4], [3, 6]])
        let p = try LinAlg.pca(x, k: 1)
        #expect(p.mean == [1.5, 3])
        #expect(close(p.components, Matrix(column: [1, 2].map { $0 / 5.0.squareRoot() }), rtol: 1e-15))
        #expect(abs(p.explainedRatio[0] - 1) < 1e-15)
        #expect(abs(p.explainedVariance[0] - 5 * 5.0 / 3) < 1e-13)  // var(x) + var(y) = 5/3 + 20/3
        #expect(close(try LinAlg.reconstruct(p, scores: p.scores), x, rtol: 1e-14))
        #expect(throws: LinAlgError.self) { try LinAlg.pca(x, k: 3) }
        #expect(throws: LinAlgError.self) { try LinAlg.pca(Matrix(rowArrays: [[1, 1], [1, 1]])) }
    }

    @Test func rationalFormatting() {
        #expect(Rational.approximating(1.0 / 3)?.description == "1/3")
        #expect(Rational.approximating(-2.5)?.description == "-5/2")
        #expect(Rational.approximating(4)?.description == "4")
        #expect(Rational.approximating(0)?.description == "0")
        #expect(Rational.approximating(0.333333) == nil)
        #expect(Rational.approximating(Double.pi, maxDenominator: 1000) == nil)
        #expect(Rational.approximating(355.0 / 113)?.description == "355/113")
        #expect(Rational.approximating(1e300) == nil && Rational.approximating(.nan) == nil)
        #expect(MatrixText.number(0.1 + 0.2) == "3/10")
        #expect(MatrixText.number(1.0 / 7e6) == "1.42857e-7")
    }
}

private func pow3root(_ x: Double) -> Double { Double.pow(x, 1.0 / 3) }
