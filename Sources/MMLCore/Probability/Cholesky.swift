// Cholesky factorisation through LAPACK's dpotrf, for MvNormal (the only LAPACK call of this folder).
import CLapack

enum Cholesky {
    /// The lower-triangular L with LLᵀ = A for a symmetric positive-definite A; nil when A is not
    /// positive definite. The upper triangle of the result is zeroed.
    static func lower(_ a: Matrix) -> Matrix? {
        guard a.isSquare, a.rows > 0, a.rows <= Int(Int32.max) else { return nil }
        var data = a.data
        let n = Int32(a.rows)
        let info = data.withUnsafeMutableBufferPointer { buf in
            LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), n, buf.baseAddress, n)
        }
        guard info == 0 else { return nil }
        let size = a.rows
        for j in 0..<size { for i in 0..<j { data[i + j * size] = 0 } }
        return Matrix(rows: size, cols: size, data: data)
    }
}
