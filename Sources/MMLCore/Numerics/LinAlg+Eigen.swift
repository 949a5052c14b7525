// Eigenvalues and eigenvectors: dsyevd for symmetric matrices, dgeev otherwise, one ordering rule.
import Numerics

/// Eigenvalues and unit eigenvectors of a square matrix.
public struct EigenResult: Sendable, Equatable {
    /// Sorted by real part descending; ties by imaginary part descending. Complex values of a
    /// real matrix come in conjugate pairs (a + bi before a − bi).
    public var values: [Complex<Double>]
    /// Column j is a unit eigenvector for `values[j]`, its largest-magnitude component real
    /// and positive.
    public var vectors: ComplexMatrix
    /// True when the symmetric solver was used (then every value and vector is real).
    public var isSymmetric: Bool
    /// True when the eigenvectors do not span: the matrix is defective (or numerically so).
    public var isDefective: Bool

    /// A sentence for the learner when something needs saying (a defective matrix), else nil.
    public var note: String? {
        isDefective
            ? "the eigenvectors do not span: this matrix is defective (a repeated eigenvalue has fewer "
                + "independent eigenvectors than its multiplicity), so it cannot be diagonalised as V·D·V⁻¹"
            : nil
    }

    /// The eigenvalues as reals, when none has an imaginary part.
    public var realValues: [Double]? {
        values.allSatisfy { $0.imaginary == 0 } ? values.map(\.real) : nil
    }

    /// The eigenvectors as a real matrix, when all of them are real.
    public var realVectors: Matrix? { vectors.isReal ? vectors.realPart : nil }
}

extension LinAlg {
    /// Below this ratio σmin/σmax of the eigenvector matrix, the eigenvectors are taken not to
    /// span. A defective 2×2 block gives about √eps ≈ 1e-8 after rounding; distinct eigenvalues
    /// give ratios far above 1e-6 unless they nearly coincide.
    public static let defectiveThreshold = 1e-6

    /// Eigenvalues and eigenvectors. Symmetric input (within 1e-12 relative) uses the
    /// symmetric solver and gives real results.
    public static func eig(_ a: Matrix) throws -> EigenResult {
        try a.requireSquare("eig", hint: "a non-square matrix has singular values instead: svd(A)")
        try a.requireFinite("eig")
        let (scaled, scale) = eigenScaled(a)
        var result = try eigUnscaled(scaled)
        result.values = try eigenValues(result.values, scaledBack: scale, "eig")
        return result
    }

    /// A matrix whose entries are near the overflow (or underflow) threshold has finite
    /// eigenvalues, but the work towards them (products, the checks of the vectors) does not
    /// stay finite. The eigenvalues of A are s times those of A/s, with the same vectors: such
    /// a matrix is solved as A/s, s a power of two (so the division is exact).
    private static func eigenScaled(_ a: Matrix) -> (Matrix, Double) {
        let largest = a.maxAbs
        guard largest > 0x1p500 || (largest > 0 && largest < 0x1p-500) else { return (a, 1) }
        let scale = Double(sign: .plus, exponent: largest.exponent, significand: 1)
        return (a.map { $0 / scale }, scale)
    }

    private static func eigenValues(_ values: [Complex<Double>], scaledBack scale: Double, _ what: String) throws -> [Complex<Double>] {
        guard scale != 1 else { return values }
        let back = values.map { Complex($0.real * scale, $0.imaginary * scale) }
        if back.contains(where: { !$0.real.isFinite || !$0.imaginary.isFinite }) {
            throw LinAlgError("\(what): an eigenvalue of this matrix is larger than the largest number (about 1.8e308)",
                              hint: "divide the matrix by a large number first; its eigenvalues shrink by the same factor")
        }
        return back
    }

    private static func eigUnscaled(_ a: Matrix) throws -> EigenResult {
        let n = a.rows
        if isSymmetric(a) {
            let (w, v) = try LAPACK.syevd(a, vectors: true)
            let order = Array((0..<n).reversed())  // dsyevd gives ascending values
            var data: [Double] = []
            data.reserveCapacity(n * n)
            for j in order { data += v.data[(j * n)..<((j + 1) * n)] }  // whole columns, reversed
            var vectors = Matrix(rows: n, cols: n, data: data)
            SignConvention.normalizeColumns(&vectors)
            return EigenResult(values: order.map { Complex(w[$0], 0) }, vectors: ComplexMatrix(vectors),
                               isSymmetric: true, isDefective: false)
        }
        let (wr, wi, vr) = try LAPACK.geev(a, vectors: true)
        // Rebuild each complex vector from dgeev's packed (real, imaginary) column pairs.
        var columns: [[Complex<Double>]] = []
        var j = 0
        while j < n {
            if wi[j] != 0 && j + 1 < n {
                let v = (0..<n).map { Complex(vr[$0, j], vr[$0, j + 1]) }
                columns.append(v)
                columns.append(v.map(\.conjugate))
                j += 2
            } else {
                columns.append((0..<n).map { Complex(vr[$0, j], 0) })
                j += 1
            }
        }
        let values = (0..<n).map { Complex(wr[$0], wi[$0]) }
        let order = sortedOrder(values)
        let sorted = order.map { values[$0] }
        var vectors = ComplexMatrix(try Matrix.zeros(checkedRows: n, cols: n))
        for (k, src) in order.enumerated() {
            for i in 0..<n { vectors[i, k] = columns[src][i] }
        }
        let clusterDefective = try refineRepeatedEigenvalues(a, sorted, &vectors)
        for k in 0..<n {
            let v = SignConvention.normalize(vectors.column(k))
            for i in 0..<n { vectors[i, k] = v[i] }
        }
        // The span check also catches defective blocks too large for the cluster test. It costs
        // an SVD of V, so large matrices whose eigenvalues are all well apart skip it.
        let normA = try LAPACK.lange("F", a)
        let nearPairs = clusters(sorted, tolerance: 1e-3 * normA).contains { $0.count > 1 }
        let defective = try clusterDefective || ((n <= 50 || nearPairs) && eigenvectorsDoNotSpan(vectors))
        return EigenResult(values: sorted, vectors: vectors, isSymmetric: false, isDefective: defective)
    }

    /// Eigenvalues only, in the same order as `eig`.
    public static func eigvals(_ a: Matrix) throws -> [Complex<Double>] {
        try a.requireSquare("eigvals", hint: "a non-square matrix has singular values instead: svd(A)")
        try a.requireFinite("eigvals")
        let (a, scale) = eigenScaled(a)
        if isSymmetric(a) {
            return try eigenValues(LAPACK.syevd(a, vectors: false).values.reversed().map { Complex($0, 0) }, scaledBack: scale, "eigvals")
        }
        let (wr, wi, _) = try LAPACK.geev(a, vectors: false)
        let values = (0..<a.rows).map { Complex(wr[$0], wi[$0]) }
        return try eigenValues(sortedOrder(values).map { values[$0] }, scaledBack: scale, "eigvals")
    }

    /// True when `a` equals its transpose within 1e-12 relative to its largest element.
    public static func isSymmetric(_ a: Matrix) -> Bool {
        guard a.isSquare else { return false }
        let tol = 1e-12 * a.maxAbs
        for j in 0..<a.cols {
            for i in (j + 1)..<Swift.max(j + 1, a.rows) where abs(a[i, j] - a[j, i]) > tol { return false }
        }
        return true
    }

    /// The permutation that sorts by real part descending, then imaginary part descending.
    /// Real parts equal to 12 significant digits (relative to the largest value) count as tied,
    /// so a conjugate pair always lists +i first whatever the rounding.
    static func sortedOrder(_ values: [Complex<Double>]) -> [Int] {
        let scale = values.reduce(0.0) { Swift.max($0, $1.length) }
        let quantum = scale > 0 ? scale * 1e-12 : 1
        let keys = values.map { ($0.real / quantum).rounded() }
        return values.indices.sorted { i, j in
            if keys[i] != keys[j] { return keys[i] > keys[j] }
            if values[i].imaginary != values[j].imaginary { return values[i].imaginary > values[j].imaginary }
            return i < j
        }
    }

    /// True when the unit eigenvectors are numerically dependent (σmin/σmax below the threshold).
    /// The complex matrix V = X + iY has the singular values of [X −Y; Y X], each twice.
    static func eigenvectorsDoNotSpan(_ v: ComplexMatrix) throws -> Bool {
        let n = v.rows
        guard n > 1 else { return false }
        let s: [Double]
        if v.isReal {
            s = try singularValues(v.realPart)
        } else {
            var big = try Matrix.zeros(checkedRows: 2 * n, cols: 2 * n)
            for j in 0..<n {
                for i in 0..<n {
                    let z = v[i, j]
                    big[i, j] = z.real
                    big[i + n, j + n] = z.real
                    big[i + n, j] = z.imaginary
                    big[i, j + n] = -z.imaginary
                }
            }
            s = try singularValues(big)
        }
        guard let smax = s.first, let smin = s.last, smax > 0 else { return true }
        return smin / smax < defectiveThreshold
    }
}
