// Principal component analysis of the centred (optionally scaled) data: from the eigenvectors of
// its Gram matrix when the data is tall and well conditioned, from its SVD otherwise.

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
        var means = [Double](repeating: 0, count: d)
        var scales: [Double]? = scale ? [] : nil
        // One pass sums a column (four partial sums, so the adds need not wait for each other),
        // one writes it centred into the new matrix (and one more divides it when scaling).
        let data = [Double](unsafeUninitializedCapacity: n * d) { out, initialized in
            x.data.withUnsafeBufferPointer { src in
                for j in 0..<d {
                    let base = j * n, end = base + n
                    var partial: (Double, Double, Double, Double) = (0, 0, 0, 0)
                    var i = base
                    while i + 4 <= end {
                        partial.0 += src[i]; partial.1 += src[i + 1]; partial.2 += src[i + 2]; partial.3 += src[i + 3]
                        i += 4
                    }
                    while i < end { partial.0 += src[i]; i += 1 }
                    let mu = ((partial.0 + partial.1) + (partial.2 + partial.3)) / Double(n)
                    for i in base..<end { out[i] = src[i] - mu }
                    means[j] = mu
                    if scale {
                        var ss = 0.0
                        for i in base..<end { ss += out[i] * out[i] }
                        let sd = (ss / Double(n - 1)).squareRoot()
                        let s = sd > 0 ? sd : 1
                        if s != 1 { for i in base..<end { out[i] /= s } }
                        scales?.append(s)
                    }
                }
            }
            initialized = n * d
        }
        let centred = Matrix(rows: n, cols: d, data: data)
        let axes = try pcaByCovariance(centred, keep: keep) ?? pcaBySVD(centred, keep: keep)
        let s = axes.singularValues
        let totalSquares = s.reduce(0) { $0 + $1 * $1 }
        guard totalSquares > 0 else {
            throw LinAlgError("pca: the data has no variance (every row is the same), so there are no principal directions")
        }
        let (components, scores) = (axes.components, axes.scores)
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

extension LinAlg {
    /// The principal axes of centred data: every singular value (descending, those at rounding
    /// level set to 0), the first k directions (d×k, following SignConvention) and the scores
    /// (n×k) along them.
    struct PrincipalAxes {
        var singularValues: [Double]
        var components: Matrix
        var scores: Matrix
    }

    /// The covariance route is taken only when the smallest kept eigenvalue of XᵀX is at least
    /// this fraction of the largest (see pcaByCovariance).
    static let covarianceEigenvalueRatio = 1e-6

    /// ... and only for data with at least this much work (n·d², about 1000×10): below it the
    /// SVD takes well under a millisecond, and its (never worse) answer is kept unchanged.
    static let covarianceMinimumWork = 100_000

    /// The principal axes from the thin SVD of the centred data (dgesdd): accurate whatever the
    /// conditioning, since it never squares X.
    static func pcaBySVD(_ centred: Matrix, keep: Int) throws -> PrincipalAxes {
        let (n, d) = (centred.rows, centred.cols)
        let (raw, u, vt) = try LAPACK.gesdd(centred, vectors: .thin)
        // Directions with no spread beyond rounding (singular values below the tolerance `rank`
        // uses) explain exactly nothing: 0, not 1e-35 that changes with the BLAS kernel.
        let tolerance = LinAlg.rankTolerance(rows: n, cols: d, sigmaMax: raw.first ?? 0)
        let s = raw.map { $0 > tolerance ? $0 : 0 }
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
        return PrincipalAxes(singularValues: s, components: components, scores: scores)
    }

    /// The principal axes from the eigenvectors of the Gram matrix XᵀX of the centred data
    /// (one dsyrk, then dsyevd on a d×d matrix) and scores = X·V: for tall data (n ≥ 2d) about
    /// a quarter of the SVD's work, since only n·d² multiplications touch the n rows.
    ///
    /// Nil, so the caller takes the SVD route, when the data is small or not tall, or when forming XᵀX
    /// would cost digits the SVD keeps. XᵀX squares the condition number: rounding perturbs its
    /// eigenvalues by about ε·λ₁ (λ = σ²), so the j-th variance comes out with a relative error
    /// of about ε·λ₁/λⱼ, its direction within ε·λ₁/gapⱼ, where the SVD achieves ε·√(λ₁/λⱼ)
    /// and ε·σ₁/gap in σ. Requiring λₖ ≥ 10⁻⁶·λ₁ for the smallest kept eigenvalue bounds the
    /// route's extra loss to a factor √(λ₁/λₖ) ≤ 10³ — at most 3 of the SVD's digits — and its
    /// relative error in every kept variance, explained ratio and singular value to about
    /// 10⁻¹⁰ (10 significant digits, beyond the 6 MML displays). Rank-deficient data and data
    /// whose columns differ in scale by more than ~10³ in the kept directions fail the test.
    /// Nearly repeated eigenvalues leave their directions undetermined on either route.
    static func pcaByCovariance(_ centred: Matrix, keep: Int,
                                minimumRatio: Double = covarianceEigenvalueRatio) throws -> PrincipalAxes? {
        let (n, d) = (centred.rows, centred.cols)
        guard n >= 2 * d, n * d * d >= covarianceMinimumWork else { return nil }
        let (ascending, vectors) = try LAPACK.syevd(try LAPACK.gram(centred), vectors: true)
        let squares = ascending.reversed().map { Swift.max($0, 0) }  // σⱼ², descending
        guard let largest = squares.first, largest > 0, squares[keep - 1] >= minimumRatio * largest else {
            return nil
        }
        let raw = squares.map { $0.squareRoot() }
        let tolerance = LinAlg.rankTolerance(rows: n, cols: d, sigmaMax: raw[0])
        let s = raw.map { $0 > tolerance ? $0 : 0 }
        var components = try Matrix.zeros(checkedRows: d, cols: keep)
        for c in 0..<keep {
            for i in 0..<d { components[i, c] = vectors[i, d - 1 - c] }
        }
        SignConvention.normalizeColumns(&components)
        let scores = try LAPACK.gemm(centred, components)
        return PrincipalAxes(singularValues: s, components: components, scores: scores)
    }
}
