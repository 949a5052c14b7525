// The one door to OpenBLAS and LAPACKE: loading them, and turning Int32 sizes, job characters and
// info codes into Swift. Nothing else in MML imports CLapack. Every routine works on column-major storage in place;
// an input is copied only because LAPACK overwrites it and the caller's Matrix must survive
// (the copy is Swift's copy-on-write, so a uniquely owned buffer is not copied at all).
import CLapack

/// Loads OpenBLAS and LAPACKE on first use, after choosing the CPU kernels OpenBLAS should use.
public enum BLASRuntime {
    /// The library routines; the first call loads the libraries.
    static func routines() throws -> mml_lapack { try loaded.get() }

    private static let loaded: Result<mml_lapack, LinAlgError> = {
        if getenv("OPENBLAS_CORETYPE") == nil, let family = kernelFamily(cpuFlags: cpuFlags()) {
            setenv("OPENBLAS_CORETYPE", family, 1)
        }
        guard let routines = mml_lapack_load() else {
            return .failure(LinAlgError(
                "linear algebra is unavailable: \(String(cString: mml_lapack_error()))",
                hint: "install the libraries with Scripts/setup (Debian/Ubuntu packages libopenblas0 and liblapacke)"))
        }
        return .success(routines.pointee)
    }()

    /// The OpenBLAS kernels to ask for on a CPU with these feature flags, or nil to let OpenBLAS
    /// choose. OpenBLAS 0.3.21 (Debian 12) does not recognise recent CPUs, nor virtual CPUs that
    /// hide their model, and falls back to its oldest kernels ("Prescott"), several times slower
    /// than the AVX2 or AVX-512 ones the CPU can run. Setting OPENBLAS_CORETYPE overrides this.
    static func kernelFamily(cpuFlags: Set<Substring>) -> String? {
        let avx512: [Substring] = ["avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"]
        if avx512.allSatisfy(cpuFlags.contains) { return "SkylakeX" }
        if cpuFlags.contains("avx2") && cpuFlags.contains("fma") { return "Haswell" }
        return nil
    }

    /// The feature flags of the first CPU in /proc/cpuinfo (empty where there is none).
    private static func cpuFlags() -> Set<Substring> {
        guard let bytes = try? FileAccess.readBytes("/proc/cpuinfo") else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " "))
    }
}

/// Thin Swift wrappers over the BLAS/LAPACK routines the engine uses.
enum LAPACK {
    private static let layout = Int32(LAPACK_COL_MAJOR)

    /// A size as LAPACK's 32-bit integer, or an error for sizes LP64 LAPACK cannot address.
    static func dim(_ n: Int) throws -> Int32 {
        guard n >= 0, n <= Int(Int32.max) else { throw LinAlgError.tooLargeForLAPACK(n) }
        return Int32(n)
    }

    /// A job or norm character as LAPACK wants it.
    private static func ch(_ c: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: c)) }

    /// Turns a LAPACKE info code into an error; returns positive codes for the caller to interpret.
    @discardableResult
    private static func check(_ info: Int32, _ routine: String) throws -> Int32 {
        if info == Int32(LAPACK_WORK_MEMORY_ERROR) || info == Int32(LAPACK_TRANSPOSE_MEMORY_ERROR) {
            throw LinAlgError("\(routine): not enough memory for LAPACK's workspace",
                              hint: "try a smaller matrix")
        }
        if info < 0 { throw LinAlgError.lapackArgument(routine, info) }
        return info
    }

    // MARK: BLAS

    /// `op(A) · op(B)` with dgemm, where op transposes when asked.
    static func gemm(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false) throws -> Matrix {
        let lib = try BLASRuntime.routines()
        let m = transposeA ? a.cols : a.rows, k = transposeA ? a.rows : a.cols
        let n = transposeB ? b.rows : b.cols
        let (m32, n32, k32) = (try dim(m), try dim(n), try dim(k))
        let (lda, ldb) = (try dim(max(1, a.rows)), try dim(max(1, b.rows)))
        return try Matrix.filled(rows: m, cols: n) { c in
            guard m > 0, n > 0, k > 0 else { return }  // the buffer is already zero
            a.data.withUnsafeBufferPointer { pa in
                b.data.withUnsafeBufferPointer { pb in
                    lib.cblas_dgemm(CblasColMajor, transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans, m32, n32, k32, 1,
                                pa.baseAddress, lda, pb.baseAddress, ldb, 0, c.baseAddress, m32)
                }
            }
        }
    }

    /// The Gram matrix `Aᵀ · A` with dsyrk (half the work of dgemm: dsyrk fills the lower
    /// triangle, which is mirrored into the upper one here).
    static func gram(_ a: Matrix) throws -> Matrix {
        let lib = try BLASRuntime.routines()
        let d = a.cols
        let (n32, k32, lda) = (try dim(d), try dim(a.rows), try dim(max(1, a.rows)))
        var c = try Matrix.filled(rows: d, cols: d) { c in
            guard d > 0, a.rows > 0 else { return }  // the buffer is already zero
            a.data.withUnsafeBufferPointer { pa in
                lib.cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, n32, k32, 1,
                                pa.baseAddress, lda, 0, c.baseAddress, n32)
            }
        }
        for j in 0..<d { for i in 0..<j { c.data[j * d + i] = c.data[i * d + j] } }
        return c
    }

    /// `A · x` (or `Aᵀ · x`) with dgemv.
    static func gemv(_ a: Matrix, transpose: Bool = false, _ x: [Double]) throws -> [Double] {
        let lib = try BLASRuntime.routines()
        let outCount = transpose ? a.cols : a.rows
        let (m32, n32, lda) = (try dim(a.rows), try dim(a.cols), try dim(max(1, a.rows)))
        return try Matrix.filled(rows: outCount, cols: 1) { y in
            guard a.rows > 0, a.cols > 0 else { return }
            a.data.withUnsafeBufferPointer { pa in
                x.withUnsafeBufferPointer { px in
                    lib.cblas_dgemv(CblasColMajor, transpose ? CblasTrans : CblasNoTrans, m32, n32, 1,
                                pa.baseAddress, lda, px.baseAddress, 1, 0, y.baseAddress, 1)
                }
            }
        }.data
    }

    /// Vectors up to this length are summed in Swift by `dot` and `nrm2`: a call into
    /// OpenBLAS costs more than their sums, and the first one loads the library (a few
    /// milliseconds a script that only works with short vectors need not pay).
    static let shortVector = 16

    /// `x · y` with ddot (the lengths must agree); a short one summed in order.
    static func dot(_ x: [Double], _ y: [Double]) throws -> Double {
        if x.count <= shortVector {
            guard !x.isEmpty else { return 0 }
            var sum = x[0] * y[0]  // (not 0 + x₀y₀, which turns −0 into 0)
            for i in 1..<x.count { sum += x[i] * y[i] }
            return sum
        }
        let lib = try BLASRuntime.routines()
        let n = try dim(x.count)
        guard n > 0 else { return 0 }
        return x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in lib.cblas_ddot(n, px.baseAddress, 1, py.baseAddress, 1) }
        }
    }

    /// Euclidean length with dnrm2 (scaled, so it neither overflows nor underflows). A short
    /// vector's plain sum of squares is used when it neither overflowed nor came near the
    /// subnormal range (below 2⁻⁹⁰⁰ squares that underflowed could matter); dnrm2 otherwise.
    static func nrm2(_ x: [Double]) throws -> Double {
        if x.count <= shortVector {
            var sum = 0.0
            for v in x { sum += v * v }
            if sum.isFinite && sum >= 0x1p-900 { return sum.squareRoot() }
        }
        let lib = try BLASRuntime.routines()
        let n = try dim(x.count)
        guard n > 0 else { return 0 }
        return x.withUnsafeBufferPointer { lib.cblas_dnrm2(n, $0.baseAddress, 1) }
    }

    // MARK: LU

    /// An LU factorisation from dgetrf: `factors` holds L (unit, below) and U (on and above).
    struct LU {
        var factors: Matrix
        /// 1-based row interchanges: row i was swapped with row pivots[i].
        var pivots: [Int32]
        /// The first zero pivot (1-based), when U is exactly singular.
        var zeroPivot: Int?
    }

    static func getrf(_ a: Matrix) throws -> LU {
        let lib = try BLASRuntime.routines()
        var f = a  // LAPACK overwrites: copy-on-write copies only if `a` is shared
        var piv = [Int32](repeating: 0, count: min(a.rows, a.cols))
        let (m, n, lda) = (try dim(a.rows), try dim(a.cols), try dim(max(1, a.rows)))
        guard a.rows > 0, a.cols > 0 else { return LU(factors: f, pivots: piv, zeroPivot: nil) }
        let info = f.data.withUnsafeMutableBufferPointer { pa in
            piv.withUnsafeMutableBufferPointer { lib.LAPACKE_dgetrf(layout, m, n, pa.baseAddress, lda, $0.baseAddress) }
        }
        let zero = try check(info, "dgetrf")
        return LU(factors: f, pivots: piv, zeroPivot: zero > 0 ? Int(zero) : nil)
    }

    /// Reciprocal condition number (1-norm) estimate from an LU factorisation, by dgecon.
    static func gecon(_ lu: LU, anorm: Double) throws -> Double {
        let lib = try BLASRuntime.routines()
        let n = try dim(lu.factors.rows)
        guard n > 0 else { return 1 }
        var rcond = 0.0
        let info = lu.factors.data.withUnsafeBufferPointer { pa in
            lib.LAPACKE_dgecon(layout, ch("1"), n, pa.baseAddress, n, anorm, &rcond)
        }
        try check(info, "dgecon")
        return rcond
    }

    /// Matrix norm by dlange: "1" (max column sum), "I" (max row sum), "F" (Frobenius), "M" (max abs).
    static func lange(_ kind: Unicode.Scalar, _ a: Matrix) throws -> Double {
        let lib = try BLASRuntime.routines()
        let (m, n, lda) = (try dim(a.rows), try dim(a.cols), try dim(max(1, a.rows)))
        guard a.rows > 0, a.cols > 0 else { return 0 }
        return a.data.withUnsafeBufferPointer { lib.LAPACKE_dlange(layout, ch(kind), m, n, $0.baseAddress, lda) }
    }

    /// Solves `A X = B` in place of `b` from A's LU factors, by dgetrs.
    static func getrs(_ lu: LU, _ b: inout Matrix) throws {
        let lib = try BLASRuntime.routines()
        let (n, nrhs, ldb) = (try dim(lu.factors.rows), try dim(b.cols), try dim(max(1, b.rows)))
        guard n > 0, nrhs > 0 else { return }
        let info = lu.factors.data.withUnsafeBufferPointer { pa in
            lu.pivots.withUnsafeBufferPointer { pp in
                b.data.withUnsafeMutableBufferPointer {
                    lib.LAPACKE_dgetrs(layout, ch("N"), n, nrhs, pa.baseAddress, n, pp.baseAddress, $0.baseAddress, ldb)
                }
            }
        }
        try check(info, "dgetrs")
    }

    /// The inverse from LU factors, by dgetri (the factors are consumed).
    static func getri(_ lu: LU) throws -> Matrix {
        let lib = try BLASRuntime.routines()
        var f = lu.factors
        let n = try dim(f.rows)
        guard n > 0 else { return f }
        let info = f.data.withUnsafeMutableBufferPointer { pa in
            lu.pivots.withUnsafeBufferPointer { lib.LAPACKE_dgetri(layout, n, pa.baseAddress, n, $0.baseAddress) }
        }
        if try check(info, "dgetri") > 0 { throw LinAlgError("inv: the matrix is singular") }
        return f
    }

    /// The lower-triangular L with LLᵀ = A for a symmetric positive-definite A, by dpotrf (reads
    /// the lower triangle); nil when A is not positive definite. The upper triangle is zeroed.
    static func choleskyLower(_ a: Matrix) throws -> Matrix? {
        let lib = try BLASRuntime.routines()
        var l = a
        let n = try dim(a.rows)
        guard n > 0 else { return l }
        let info = l.data.withUnsafeMutableBufferPointer { lib.LAPACKE_dpotrf(layout, ch("L"), n, $0.baseAddress, n) }
        guard try check(info, "dpotrf") == 0 else { return nil }
        for j in 0..<a.cols { for i in 0..<j { l[i, j] = 0 } }
        return l
    }

    // MARK: Eigenvalues

    /// Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix, by dsyevd
    /// (reads the lower triangle).
    static func syevd(_ a: Matrix, vectors: Bool) throws -> (values: [Double], vectors: Matrix) {
        let lib = try BLASRuntime.routines()
        var v = a
        let n = try dim(a.rows)
        var w = [Double](repeating: 0, count: a.rows)
        guard n > 0 else { return (w, v) }
        let info = v.data.withUnsafeMutableBufferPointer { pa in
            w.withUnsafeMutableBufferPointer {
                lib.LAPACKE_dsyevd(layout, ch(vectors ? "V" : "N"), ch("L"), n, pa.baseAddress, n, $0.baseAddress)
            }
        }
        if try check(info, "dsyevd") > 0 { throw LinAlgError.noConvergence("eig") }
        return (w, v)
    }

    /// Eigenvalues (real and imaginary parts) and right eigenvectors of a general matrix, by dgeev.
    /// A complex pair j, j+1 has vectors `vr[:, j] ± i·vr[:, j+1]`.
    static func geev(_ a: Matrix, vectors: Bool) throws -> (re: [Double], im: [Double], vr: Matrix) {
        let lib = try BLASRuntime.routines()
        var work = a
        let n = try dim(a.rows)
        var wr = [Double](repeating: 0, count: a.rows), wi = wr
        var vr = try Matrix.zeros(checkedRows: vectors ? a.rows : 1, cols: vectors ? a.rows : 1)
        guard n > 0 else { return (wr, wi, vr) }
        var vl = 0.0
        let info = work.data.withUnsafeMutableBufferPointer { pa in
            wr.withUnsafeMutableBufferPointer { pr in
                wi.withUnsafeMutableBufferPointer { pi in
                    vr.data.withUnsafeMutableBufferPointer { pv in
                        lib.LAPACKE_dgeev(layout, ch("N"), ch(vectors ? "V" : "N"), n, pa.baseAddress, n,
                                      pr.baseAddress, pi.baseAddress, &vl, 1, pv.baseAddress, vectors ? n : 1)
                    }
                }
            }
        }
        if try check(info, "dgeev") > 0 { throw LinAlgError.noConvergence("eig") }
        return (wr, wi, vr)
    }

    // MARK: SVD, QR, least squares

    /// Which singular vectors dgesdd computes.
    enum SVDVectors { case none, thin, full }

    /// Singular values (descending) and, if asked, U and Vᵀ, by dgesdd.
    static func gesdd(_ a: Matrix, vectors: SVDVectors) throws -> (s: [Double], u: Matrix, vt: Matrix) {
        let lib = try BLASRuntime.routines()
        let (rows, cols) = (a.rows, a.cols)
        let k = min(rows, cols)
        let (uCols, vtRows): (Int, Int) = switch vectors {
        case .none: (1, 1)
        case .thin: (k, k)
        case .full: (rows, cols)
        }
        let uRows = vectors == .none ? 1 : rows, vtCols = vectors == .none ? 1 : cols
        var u = try Matrix.zeros(checkedRows: uRows, cols: uCols)
        var vt = try Matrix.zeros(checkedRows: vtRows, cols: vtCols)
        var s = [Double](repeating: 0, count: k)
        let (m, n, lda) = (try dim(rows), try dim(cols), try dim(max(1, rows)))
        let (ldu, ldvt) = (try dim(max(1, uRows)), try dim(max(1, vtRows)))
        guard k > 0 else { return (s, u, vt) }
        var work = a
        let job: Unicode.Scalar = switch vectors { case .none: "N"; case .thin: "S"; case .full: "A" }
        let info = work.data.withUnsafeMutableBufferPointer { pa in
            s.withUnsafeMutableBufferPointer { ps in
                u.data.withUnsafeMutableBufferPointer { pu in
                    vt.data.withUnsafeMutableBufferPointer { pv in
                        lib.LAPACKE_dgesdd(layout, ch(job), m, n, pa.baseAddress, lda, ps.baseAddress,
                                       pu.baseAddress, ldu, pv.baseAddress, ldvt)
                    }
                }
            }
        }
        if try check(info, "dgesdd") > 0 { throw LinAlgError.noConvergence("svd") }
        return (s, u, vt)
    }

    /// Householder QR by dgeqrf, with Q formed by dorgqr. Q is m×m when `full`, else m×min(m,n);
    /// R has as many rows as Q has columns.
    static func qr(_ a: Matrix, full: Bool) throws -> (q: Matrix, r: Matrix) {
        let lib = try BLASRuntime.routines()
        let (rows, cols) = (a.rows, a.cols)
        let k = min(rows, cols), qCols = full ? rows : k
        _ = try LinAlgLimits.checkedCount(rows: rows, cols: max(qCols, cols))
        let (m, n, lda) = (try dim(rows), try dim(cols), try dim(max(1, rows)))
        var f = a
        var tau = [Double](repeating: 0, count: k)
        if k > 0 {
            let info = f.data.withUnsafeMutableBufferPointer { pa in
                tau.withUnsafeMutableBufferPointer { lib.LAPACKE_dgeqrf(layout, m, n, pa.baseAddress, lda, $0.baseAddress) }
            }
            try check(info, "dgeqrf")
        }
        var r = try Matrix.zeros(checkedRows: qCols, cols: cols)
        for j in 0..<cols where qCols > 0 {
            for i in 0...min(j, qCols - 1) { r[i, j] = f[i, j] }
        }
        // Q's first k columns are the reflectors dgeqrf left below the diagonal.
        var q = try Matrix.zeros(checkedRows: rows, cols: qCols)
        let copyCols = min(qCols, cols)
        q.data.replaceSubrange(0..<(rows * copyCols), with: f.data[0..<(rows * copyCols)])
        if qCols > 0 && rows > 0 {
            let qc = try dim(qCols), kk = try dim(k)
            let info = q.data.withUnsafeMutableBufferPointer { pq in
                tau.withUnsafeBufferPointer { lib.LAPACKE_dorgqr(layout, m, qc, kk, pq.baseAddress, lda, $0.baseAddress) }
            }
            try check(info, "dorgqr")
        }
        return (q, r)
    }

    /// Minimum-norm least-squares solution of `A X ≈ B` by dgelsd; singular values below
    /// `rcond·σmax` count as zero.
    static func gelsd(_ a: Matrix, _ b: Matrix, rcond: Double) throws -> (x: Matrix, s: [Double], rank: Int) {
        let lib = try BLASRuntime.routines()
        let (rows, cols, nrhs) = (a.rows, a.cols, b.cols)
        let ldbRows = max(1, rows, cols)
        var bb = try Matrix.zeros(checkedRows: ldbRows, cols: nrhs)
        for j in 0..<nrhs {
            for i in 0..<rows { bb[i, j] = b[i, j] }
        }
        var s = [Double](repeating: 0, count: min(rows, cols))
        var rank: Int32 = 0
        let (m, n, nr, lda, ldb) = (try dim(rows), try dim(cols), try dim(nrhs), try dim(max(1, rows)), try dim(ldbRows))
        if rows > 0, cols > 0, nrhs > 0 {
            var work = a
            let info = work.data.withUnsafeMutableBufferPointer { pa in
                bb.data.withUnsafeMutableBufferPointer { pb in
                    s.withUnsafeMutableBufferPointer { ps in
                        lib.LAPACKE_dgelsd(layout, m, n, nr, pa.baseAddress, lda, pb.baseAddress, ldb,
                                       ps.baseAddress, rcond, &rank)
                    }
                }
            }
            if try check(info, "dgelsd") > 0 { throw LinAlgError.noConvergence("lstsq") }
        }
        return (bb.block(rows: cols, cols: nrhs), s, Int(rank))
    }
}
