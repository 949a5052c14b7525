// Pseudo-inverse, least squares, null space and projections — the tools for singular systems.

/// The least-squares solution of A x ≈ b.
public struct LstsqResult: Sendable, Equatable {
    /// The minimum-norm x minimising ‖A x − b‖ (n×p for b of p columns).
    public var solution: Matrix
    /// ‖A x − b‖² for each column of b. Always computed (NumPy leaves it empty when A is
    /// rank-deficient or m ≤ n; here it is then simply ≈ 0 or the true residual).
    public var residuals: [Double]
    /// The effective rank of A.
    public var rank: Int
    /// A's singular values, descending.
    public var singularValues: [Double]
}

extension LinAlg {
    /// The Moore–Penrose pseudo-inverse from the SVD, dropping singular values at or below
    /// `tolerance` (default max(m, n)·eps·σmax, the same cut as `rank`).
    public static func pinv(_ a: Matrix, tolerance: Double? = nil) throws -> Matrix {
        let d = try svd(a)
        let tol = tolerance ?? rankTolerance(rows: a.rows, cols: a.cols, sigmaMax: d.S.first ?? 0)
        var vs = d.V  // n×k, column j scaled by 1/σj (or zeroed)
        for j in 0..<d.S.count {
            let f = d.S[j] > tol ? 1 / d.S[j] : 0
            for i in 0..<vs.rows { vs[i, j] *= f }
        }
        return try LAPACK.gemm(vs, d.U, transposeB: true)
    }

    /// Least squares by dgelsd (SVD-based, handles rank deficiency). `rcond` (default
    /// max(m, n)·eps) is relative to σmax. A row-vector b of length m is read as a column.
    public static func lstsq(_ a: Matrix, _ b: Matrix, rcond: Double? = nil) throws -> LstsqResult {
        let rhs = try rightHandSide(b, for: a, what: "lstsq")
        try a.requireFinite("lstsq")
        try rhs.requireFinite("lstsq")
        let cut = rcond ?? Double(Swift.max(a.rows, a.cols)) * eps
        let (x, s, r) = try LAPACK.gelsd(a, rhs, rcond: cut)
        let fitted = try LAPACK.gemm(a, x)
        var residuals: [Double] = []
        for j in 0..<rhs.cols {
            var sum = 0.0
            for i in 0..<rhs.rows {
                let e = fitted[i, j] - rhs[i, j]
                sum += e * e
            }
            residuals.append(sum)
        }
        return LstsqResult(solution: x, residuals: residuals, rank: r, singularValues: s)
    }

    /// An orthonormal basis of the null space {x : A x = 0} as columns (n×(n − rank)), from the
    /// right singular vectors of the zero singular values.
    public static func nullspace(_ a: Matrix, tolerance: Double? = nil) throws -> Matrix {
        try a.requireFinite("nullspace")
        // V must be n×n; the thin SVD already gives that when m ≥ n.
        let d = try svd(a, full: a.rows < a.cols)
        let tol = tolerance ?? rankTolerance(rows: a.rows, cols: a.cols, sigmaMax: d.S.first ?? 0)
        let r = d.S.filter { $0 > tol }.count
        return d.V.columns(r..<d.V.cols)
    }

    /// The orthogonal projection of `u` onto the line through `v`: (u·v / v·v) v.
    public static func project(_ u: Matrix, onto v: Matrix) throws -> Matrix {
        let vv = try dot(v, v)
        guard vv > 0 else { throw LinAlgError.zeroVector("projection onto a vector") }
        let f = try dot(u, v) / vv
        return Matrix(rows: u.rows, cols: u.cols, data: v.data.map { $0 * f })
    }

    /// The orthogonal projection of `u` (one vector, or several as columns) onto the column
    /// space of A, as U_r·U_rᵀ·u with U_r the left singular vectors of the non-zero singular values.
    public static func project(_ u: Matrix, ontoColumnSpaceOf a: Matrix) throws -> Matrix {
        guard let target = u.asColumns(height: a.rows) else {
            throw LinAlgError("projection: A has \(a.rows) rows, so the vector needs \(a.rows) elements (it has \(u.count))")
        }
        try target.requireFinite("projection")
        let d = try svd(a)
        let tol = rankTolerance(rows: a.rows, cols: a.cols, sigmaMax: d.S.first ?? 0)
        let r = d.S.filter { $0 > tol }.count
        let ur = d.U.columns(0..<r)
        let coefficients = try LAPACK.gemm(ur, transposeA: true, target)
        let p = try LAPACK.gemm(ur, coefficients)
        return u.rows == 1 && u.cols == a.rows && a.rows > 1 ? p.transposed : p
    }
}
