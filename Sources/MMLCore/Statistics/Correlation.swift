// Covariance and correlation (Pearson, Spearman with average ranks) of vectors and matrix columns.

/// Which correlation coefficient to compute.
public enum CorrelationMethod: String, Sendable, CaseIterable {
    /// Linear correlation of the values.
    case pearson
    /// Pearson correlation of the ranks (ties get their average rank).
    case spearman
}

extension Stats {
    /// The sample covariance Σ(x − x̄)(y − ȳ)/(n − 1) (or /n with `corrected: false`).
    public static func covariance(_ x: [Double], _ y: [Double], corrected: Bool = true) throws -> Double {
        try checkPair(x, y, "cov", corrected: corrected)
        let mx = sum(x) / Double(x.count), my = sum(y) / Double(y.count)
        var s = 0.0
        for i in x.indices { s += (x[i] - mx) * (y[i] - my) }
        return s / Double(corrected ? x.count - 1 : x.count)
    }

    /// The correlation of two vectors (Pearson by default).
    public static func correlation(_ x: [Double], _ y: [Double], method: CorrelationMethod = .pearson) throws -> Double {
        try checkPair(x, y, "corr", corrected: true)
        let (a, b) = method == .spearman ? (ranks(x), ranks(y)) : (x, y)
        let r = pearson(a, b)
        guard r.isFinite else {
            throw ProbabilityError("corr: one of the vectors is constant (standard deviation 0), so the correlation is undefined")
        }
        return r
    }

    static func checkPair(_ x: [Double], _ y: [Double], _ what: String, corrected: Bool) throws {
        guard x.count == y.count else {
            throw ProbabilityError("\(what) needs two vectors of the same length, but they have \(x.count) and \(y.count) values")
        }
        try check(x, what, atLeast: corrected ? 2 : 1)
        try check(y, what, atLeast: corrected ? 2 : 1)
    }

    /// Pearson's r (nan when either vector is constant).
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = sum(x) / n, my = sum(y) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy
        }
        guard sxx > 0 && syy > 0 else { return .nan }
        // One square root of the product keeps r exactly ±1 for perfectly related data
        // (√5·√5 rounds to 5.000000000000001); separate roots only if the product over/underflows.
        let product = sxx * syy
        let denominator = product.isNormal ? product.squareRoot() : sxx.squareRoot() * syy.squareRoot()
        return max(-1, min(1, sxy / denominator))
    }

    /// Ranks 1…n with ties given their average rank.
    public static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var r = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            let avg = Double(i + j) / 2 + 1
            for k in i...j { r[order[k]] = avg }
            i = j + 1
        }
        return r
    }

    /// The covariance matrix of the columns of X (each row an observation).
    public static func covariance(_ m: Matrix, corrected: Bool = true) throws -> Matrix {
        try checkColumns(m, "cov", corrected: corrected)
        let p = m.cols
        let centred = centredColumns(m)
        var out = Matrix(rows: p, cols: p)
        let denom = Double(corrected ? m.rows - 1 : m.rows)
        for i in 0..<p {
            for j in i..<p {
                var s = 0.0
                for k in 0..<m.rows { s += centred[i][k] * centred[j][k] }
                out[i, j] = s / denom
                out[j, i] = s / denom
            }
        }
        return out
    }

    /// The correlation matrix of the columns of X (nan where a column is constant).
    public static func correlation(_ m: Matrix, method: CorrelationMethod = .pearson) throws -> Matrix {
        try checkColumns(m, "corr", corrected: true)
        let cols = (0..<m.cols).map { method == .spearman ? ranks(m.column($0)) : m.column($0) }
        var out = Matrix(rows: m.cols, cols: m.cols)
        for i in 0..<m.cols {
            for j in i..<m.cols {
                let r = i == j ? (pearson(cols[i], cols[i]).isNaN ? .nan : 1) : pearson(cols[i], cols[j])
                out[i, j] = r
                out[j, i] = r
            }
        }
        return out
    }

    static func checkColumns(_ m: Matrix, _ what: String, corrected: Bool) throws {
        guard m.cols > 0 && m.rows > 0 else { throw ProbabilityError.emptyData(what) }
        if corrected && m.rows < 2 {
            throw ProbabilityError("\(what) of matrix columns needs at least 2 rows (observations), but got \(m.rows)",
                                   hint: "each row is one observation and each column one variable")
        }
        if m.data.contains(where: \.isNaN) { throw ProbabilityError.nanInData(what) }
    }

    static func centredColumns(_ m: Matrix) -> [[Double]] {
        (0..<m.cols).map { j in
            let c = m.column(j)
            let mu = sum(c) / Double(c.count)
            return c.map { $0 - mu }
        }
    }

    /// Applies a vector statistic to every column of a matrix (a 1 × cols result).
    public static func columnwise(_ m: Matrix, _ f: ([Double]) throws -> Double) rethrows -> [Double] {
        try (0..<m.cols).map { try f(m.column($0)) }
    }
}
