// The linear-algebra engine's namespace, and the products and vector operations built on BLAS.
import RealModule

/// MML's linear algebra over `Matrix`: every dense kernel goes to OpenBLAS/LAPACK (see LAPACK.swift).
/// Functions throw `LinAlgError` with a teaching message; none of them traps on user input.
public enum LinAlg {
    /// Machine epsilon, the spacing of Doubles near 1.
    static let eps = Double.ulpOfOne

    /// The matrix product `A · B` (dgemm; dgemv when B is a column vector).
    public static func matmul(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        guard a.cols == b.rows else {
            throw LinAlgError("matrix product: the left side is \(a.shapeDescription) and the right side is "
                                + "\(b.shapeDescription); the left's columns (\(a.cols)) must equal the right's rows (\(b.rows))",
                              hint: "for an elementwise product use .*, for a dot product dot(u, v)")
        }
        if b.cols == 1 {
            return Matrix(column: try LAPACK.gemv(a, b.data))
        }
        return try LAPACK.gemm(a, b)
    }

    /// The dot product of two vectors of equal length (rows or columns).
    public static func dot(_ u: Matrix, _ v: Matrix) throws -> Double {
        guard u.isAnyVector else { throw LinAlgError.notVector("dot", u) }
        guard v.isAnyVector else { throw LinAlgError.notVector("dot", v) }
        guard u.count == v.count else {
            throw LinAlgError("dot: the vectors have different lengths (\(u.count) and \(v.count))")
        }
        return try LAPACK.dot(u.storage, v.storage)
    }

    /// The cross product of two 3-vectors (a column, unless `u` is a row).
    public static func cross(_ u: Matrix, _ v: Matrix) throws -> Matrix {
        let x = try u.vectorElements("cross"), y = try v.vectorElements("cross")
        guard x.count == 3, y.count == 3 else {
            throw LinAlgError("cross needs two vectors of length 3, but got lengths \(x.count) and \(y.count)",
                              hint: "the cross product is only defined in 3 dimensions")
        }
        let c = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]]
        return u.rows == 1 && u.cols == 3 ? Matrix(rows: 1, cols: 3, data: c) : Matrix(column: c)
    }

    /// The angle between two non-zero vectors, in radians (0 … π).
    public static func angle(_ u: Matrix, _ v: Matrix) throws -> Double {
        let d = try dot(u, v)
        let nu = try LAPACK.nrm2(u.data), nv = try LAPACK.nrm2(v.data)
        guard nu > 0, nv > 0 else { throw LinAlgError.zeroVector("angle") }
        return Double.acos(Swift.min(1, Swift.max(-1, d / (nu * nv))))
    }

    /// `v / ‖v‖₂`, the unit vector in the direction of `v` (same shape).
    public static func unit(_ v: Matrix) throws -> Matrix {
        let x = try v.vectorElements("unit")
        let n = try LAPACK.nrm2(x)
        guard n > 0, n.isFinite else { throw LinAlgError.zeroVector("unit") }
        return Matrix(rows: v.rows, cols: v.cols, data: x.map { $0 / n })
    }

    /// The sum of the diagonal of a square matrix.
    public static func trace(_ a: Matrix) throws -> Double {
        try a.requireSquare("trace")
        return (0..<a.rows).reduce(0) { $0 + a[$1, $1] }
    }

    /// The Kronecker product: block (i, j) of the result is `A[i, j] · B`.
    public static func kron(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        let (rowsOverflow, colsOverflow) = (a.rows.multipliedReportingOverflow(by: b.rows),
                                            a.cols.multipliedReportingOverflow(by: b.cols))
        guard !rowsOverflow.overflow, !colsOverflow.overflow else {
            throw LinAlgError("kron: the result would have more rows or columns than a computer can address",
                              hint: "kron(A, B) has size (rows(A)·rows(B)) × (cols(A)·cols(B))")
        }
        let (m, n) = (rowsOverflow.partialValue, colsOverflow.partialValue)
        var poll = StopPoll()
        return try Matrix.filled(rows: m, cols: n) { out in
            for ja in 0..<a.cols {
                for ia in 0..<a.rows {
                    try poll.advance(b.count)
                    let s = a[ia, ja]
                    for jb in 0..<b.cols {
                        let col = ja * b.cols + jb
                        for ib in 0..<b.rows { out[(ia * b.rows + ib) + col * m] = s * b[ib, jb] }
                    }
                }
            }
        }
    }

    /// `A^k` for an integer k by binary exponentiation with dgemm; a negative k inverts first.
    public static func power(_ a: Matrix, _ k: Int) throws -> Matrix {
        try a.requireSquare("A^k (matrix power)", hint: "for elementwise powers use A .^ k")
        try a.requireFinite("A^k")
        var base = k < 0 ? try inv(a).value : a
        var e = k.magnitude  // UInt: safe even for Int.min
        var result = try Matrix.identity(checked: a.rows)
        var first = true
        while e > 0 {
            if e & 1 == 1 {
                result = first ? base : try LAPACK.gemm(result, base)
                first = false
            }
            e >>= 1
            if e > 0 { base = try LAPACK.gemm(base, base) }
        }
        if a.isIntegerValued && k >= 0 {
            let scale = result.maxAbs
            result = result.map { snapNearIntegers($0, scale: scale) }
        }
        return result
    }
}
