// Principal component analysis from the SVD of the centred (optionally scaled) data.

/// The result of `pca`: rows of X are observations, columns are variables.
public struct PCAResult: Sendable, Equatable {
    /// d×k: column j is the j-th principal direction (unit length, largest-magnitude entry positive).
    public var components: Matrix
    /// Variance along each component, σⱼ²/(n − 1).
    public var explainedVariance: [Double]
    /// Share of the total variance along each component (all components sum to 1).
    public var explainedRatio: [Double]
    /// n×k: the coordinates of each observation along the components.
    public var scores: Matrix
    /// The column means that were subtracted.
    public var mean: [Double]
    /// The column standard deviations (n − 1) that were divided out, when scaling.
    public var scale: [Double]?
    /// The first k singular values of the centred (scaled) data.
    public var singularValues: [Double]
}

extension LinAlg {
    /// PCA of `x` (n observations × d variables) keeping `k` components (default min(n, d)).
    /// Centres each column; with `scale`, also divides by its standard deviation (a constant
    /// column is left unscaled, as scikit-learn does).
    public static func pca(_ x: Matrix, k: Int? = nil, scale: Bool = false) throws -> PCAResult {
        let (n, d) = (x.rows, x.cols)
        guard n >= 2, d >= 1 else {
            throw LinAlgError("pca needs at least 2 observations (rows) and 1 variable (column); X is \(x.shapeDescription)",
                              hint: "rows of X are observations; transpose X if they are its columns")
        }
        try x.requireFinite("pca")
        let maxK = Swift.min(n, d)
        let keep = k ?? maxK
        guard keep >= 1, keep <= maxK else {
            throw LinAlgError("pca: k must be between 1 and \(maxK) for \(x.shapeDescription) data (got \(keep))")
        }
        var centred = x
        var means = [Double](repeating: 0, count: d)
        var scales: [Double]? = scale ? [] : nil
        for j in 0..<d {
            let base = j * n
            var sum = 0.0
            for i in 0..<n { sum += centred.data[base + i] }
            let mu = sum / Double(n)
            var ss = 0.0
            for i in 0..<n {
                centred.data[base + i] -= mu
                ss += centred.data[base + i] * centred.data[base + i]
            }
            means[j] = mu
            if scale {
                let sd = (ss / Double(n - 1)).squareRoot()
                let s = sd > 0 ? sd : 1
                if s != 1 { for i in 0..<n { centred.data[base + i] /= s } }
                scales?.append(s)
            }
        }
        let (raw, u, vt) = try LAPACK.gesdd(centred, vectors: .thin)
        // Directions with no spread beyond rounding (singular values below the tolerance `rank`
        // uses) explain exactly nothing: 0, not 1e-35 that changes with the BLAS kernel.
        let tolerance = LinAlg.rankTolerance(rows: n, cols: d, sigmaMax: raw.first ?? 0)
        let s = raw.map { $0 > tolerance ? $0 : 0 }
        let totalSquares = s.reduce(0) { $0 + $1 * $1 }
        guard totalSquares > 0 else {
            throw LinAlgError("pca: the data has no variance (every row is the same), so there are no principal directions")
        }
        var components = try Matrix.zeros(checkedRows: d, cols: keep)
        for c in 0..<keep {
            for i in 0..<d { components[i, c] = vt[c, i] }
        }
        let signs = SignConvention.normalizeColumns(&components)
        // scores = U_k · diag(S_k), with the component's sign.
        var scores = u.columns(0..<keep)
        for c in 0..<keep {
            let f = s[c] * signs[c]
            for i in 0..<n { scores[i, c] *= f }
        }
        let variance = s.prefix(keep).map { $0 * $0 / Double(n - 1) }
        let ratio = s.prefix(keep).map { $0 * $0 / totalSquares }
        return PCAResult(components: components, explainedVariance: variance, explainedRatio: ratio,
                         scores: scores, mean: means, scale: scales, singularValues: Array(s.prefix(keep)))
    }

    /// Maps scores (n×k) back to data space: scores·componentsᵀ, times the scale, plus the mean.
    /// With all components this recovers X; with fewer, its best rank-k approximation.
    public static func reconstruct(_ p: PCAResult, scores: Matrix) throws -> Matrix {
        let k = p.components.cols
        guard scores.cols == k else {
            throw LinAlgError("reconstruct: the scores have \(scores.cols) columns but the PCA kept \(k) components",
                              hint: "pass p.scores, or new scores with \(k) columns")
        }
        var x = try LAPACK.gemm(scores, p.components, transposeB: true)
        for j in 0..<x.cols {
            let s = p.scale.map { j < $0.count ? $0[j] : 1 } ?? 1
            let mu = j < p.mean.count ? p.mean[j] : 0
            for i in 0..<x.rows { x[i, j] = x[i, j] * s + mu }
        }
        return x
    }
}
