// SVD, QR and LU factorisations, each normalised so the output is the same on every machine.

/// A = U · diag(S) · Vᵀ.
public struct SVDResult: Sendable, Equatable {
    /// Left singular vectors (m×k thin, m×m full).
    public var U: Matrix
    /// Singular values, descending (k = min(m, n) of them).
    public var S: [Double]
    /// Right singular vectors (n×k thin, n×n full) — V, not Vᵀ.
    public var V: Matrix
}

/// A = Q · R with orthonormal Q and upper-triangular R (diagonal ≥ 0).
public struct QRResult: Sendable, Equatable {
    public var Q: Matrix
    public var R: Matrix
}

/// P · A = L · U with partial pivoting.
public struct LUResult: Sendable, Equatable {
    /// The m×m permutation matrix.
    public var P: Matrix
    /// Unit lower-triangular, m×min(m, n).
    public var L: Matrix
    /// Upper-triangular, min(m, n)×n.
    public var U: Matrix
    /// Row i of P·A is row `permutation[i]` of A (0-based).
    public var permutation: [Int]
}

extension LinAlg {
    /// The singular value decomposition (dgesdd). Thin by default: U is m×k and V is n×k with
    /// k = min(m, n); `full` gives square U and V. Each pair of singular vectors is signed so the
    /// largest-magnitude component of the V column is positive.
    public static func svd(_ a: Matrix, full: Bool = false) throws -> SVDResult {
        try a.requireFinite("svd")
        let (s, u0, vt) = try LAPACK.gesdd(a, vectors: full ? .full : .thin)
        var u = u0, v = vt.transposed
        if s.isEmpty {  // a matrix with no rows or no columns
            u = try full ? .identity(checked: a.rows) : .zeros(checkedRows: a.rows, cols: 0)
            v = try full ? .identity(checked: a.cols) : .zeros(checkedRows: a.cols, cols: 0)
        }
        let signs = SignConvention.normalizeColumns(&v)
        for (j, sign) in signs.enumerated() where sign < 0 && j < s.count && j < u.cols {
            for i in 0..<u.rows { u[i, j] = -u[i, j] }
        }
        // Columns of a full U beyond the singular values have no partner in V: sign them alone.
        if u.cols > s.count {
            var extra = u.columns(s.count..<u.cols)
            SignConvention.normalizeColumns(&extra)
            u.data.replaceSubrange((s.count * u.rows)..<u.data.count, with: extra.data)
        }
        return SVDResult(U: u, S: s, V: v)
    }

    /// QR by Householder reflections (dgeqrf + dorgqr). Thin by default (Q is m×min(m, n));
    /// `full` gives an m×m Q. R's diagonal is made non-negative, so R is unique for full rank.
    public static func qr(_ a: Matrix, full: Bool = false) throws -> QRResult {
        try a.requireFinite("qr")
        var (q, r) = try LAPACK.qr(a, full: full)
        for i in 0..<Swift.min(r.rows, r.cols) where r[i, i] < 0 {
            for j in 0..<r.cols { r[i, j] = -r[i, j] }
            for k in 0..<q.rows { q[k, i] = -q[k, i] }
        }
        return QRResult(Q: q, R: r)
    }

    /// LU with partial pivoting (dgetrf), as P·A = L·U; works for rectangular matrices too.
    public static func lu(_ a: Matrix) throws -> LUResult {
        try a.requireFinite("lu")
        let (m, n) = (a.rows, a.cols)
        let k = Swift.min(m, n)
        let f = try LAPACK.getrf(a)
        var perm = Array(0..<m)
        for i in 0..<k {
            let p = Int(f.pivots[i]) - 1
            if p != i && p >= 0 && p < m { perm.swapAt(i, p) }
        }
        var p = try Matrix.zeros(checkedRows: m, cols: m)
        for i in 0..<m { p[i, perm[i]] = 1 }
        var l = try Matrix.zeros(checkedRows: m, cols: k)
        var u = try Matrix.zeros(checkedRows: k, cols: n)
        for j in 0..<k {
            l[j, j] = 1
            for i in (j + 1)..<Swift.max(j + 1, m) { l[i, j] = f.factors[i, j] }
        }
        for j in 0..<n {
            for i in 0..<Swift.min(j + 1, k) { u[i, j] = f.factors[i, j] }
        }
        return LUResult(P: p, L: l, U: u, permutation: perm)
    }
}
