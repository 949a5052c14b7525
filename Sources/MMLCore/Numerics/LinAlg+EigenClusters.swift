// Repeated eigenvalues: is the matrix defective, and if not, eigenvectors that really span.
//
// dgeev computes each eigenvector on its own. For a repeated eigenvalue that returns nearly
// parallel vectors even when the eigenspace has full dimension (a rank-1 3×3 matrix has the
// eigenvalue 0 twice and a 2-D null space). So each cluster of (numerically) equal values is
// checked against its geometric multiplicity, dim null(A − λ̄I) from the SVD: fewer
// independent directions than the multiplicity means defective; as many means the cluster's
// vectors are replaced by an orthonormal basis of that null space.
import Numerics

extension LinAlg {
    /// Eigenvalues closer than this (relative to ‖A‖_F) count as one repeated value. A
    /// defective block of size k splits its value by about eps^(1/k) after rounding
    /// (1.5e-8 for k = 2, 6e-6 for k = 3).
    static let eigenClusterTolerance = 1e-5

    /// Checks each cluster of repeated eigenvalues of a real non-symmetric matrix; replaces
    /// the vectors of real, non-defective clusters. Returns true when the matrix is defective.
    static func refineRepeatedEigenvalues(_ a: Matrix, _ values: [Complex<Double>],
                                          _ vectors: inout ComplexMatrix) throws -> Bool {
        let n = a.rows
        let normA = try LAPACK.lange("F", a)
        guard n > 1, normA > 0 else { return false }
        let small = Double(n) * eps.squareRoot() * normA
        var defective = false
        for cluster in clusters(values, tolerance: eigenClusterTolerance * normA) where cluster.count > 1 {
            let k = cluster.count
            let mean = cluster.reduce(Complex<Double>.zero) { $0 + values[$1] }.divided(by: Double(k))
            if abs(mean.imaginary) <= eigenClusterTolerance * normA {
                var shifted = a
                for i in 0..<n { shifted[i, i] -= mean.real }
                let d = try svd(shifted, full: true)
                let nullity = d.S.filter { $0 <= small }.count
                if nullity < k {
                    defective = defective || nullity >= 1
                    continue
                }
                for (offset, index) in cluster.enumerated() {
                    let column = n - k + offset
                    for i in 0..<n { vectors[i, index] = Complex(d.V[i, column], 0) }
                }
            } else {
                // A complex value: B = (A − aI) − i·bI has the singular values of [X −Y; Y X], doubled.
                var big = try Matrix.zeros(checkedRows: 2 * n, cols: 2 * n)
                for j in 0..<n {
                    for i in 0..<n {
                        big[i, j] = a[i, j]
                        big[i + n, j + n] = a[i, j]
                    }
                    big[j, j] -= mean.real
                    big[j + n, j + n] -= mean.real
                    big[j + n, j] = -mean.imaginary
                    big[j, j + n] = mean.imaginary
                }
                let nullity = try singularValues(big).filter { $0 <= small }.count / 2
                if nullity >= 1 && nullity < k { defective = true }
            }
        }
        return defective
    }

    /// Groups indices of values within `tolerance` of each other (single linkage), in order.
    static func clusters(_ values: [Complex<Double>], tolerance: Double) -> [[Int]] {
        var parent = Array(values.indices)
        func root(_ i: Int) -> Int {
            var r = i
            while parent[r] != r { r = parent[r] }
            return r
        }
        for i in values.indices {
            for j in (i + 1)..<Swift.max(i + 1, values.count) where (values[i] - values[j]).length <= tolerance {
                let (ri, rj) = (root(i), root(j))
                if ri != rj { parent[Swift.max(ri, rj)] = Swift.min(ri, rj) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in values.indices { groups[root(i), default: []].append(i) }
        return groups.keys.sorted().compactMap { groups[$0] }
    }
}
