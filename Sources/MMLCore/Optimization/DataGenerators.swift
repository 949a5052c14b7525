// Seeded synthetic data for exercises, drawn exactly as scikit-learn's make_blobs and
// make_regression draw them from NumPy's legacy RandomState, so the same seed gives the same data
// in MML and in Python.

/// Where the blobs are centred: k random centres in a box, or given centres (one per row).
public enum BlobCenters: Sendable {
    case random(count: Int, features: Int)
    case given(Matrix)
}

/// Points around centres, with the index of each point's centre.
public struct Blobs: Sendable {
    /// n×d: one point per row.
    public var X: Matrix
    /// The centre (class) of each point: 0, 1, …, k − 1.
    public var labels: [Double]
    /// k×d: one centre per row.
    public var centers: Matrix
}

/// A linear-regression data set y = X·coef + bias + noise.
public struct RegressionData: Sendable {
    /// n×d features.
    public var X: Matrix
    public var y: [Double]
    /// The true coefficients (d values; the non-informative ones are 0).
    public var coef: [Double]
}

public enum DataGenerators {
    /// The most points a generator makes.
    public static let maxSamples = 1_000_000

    /// sklearn.datasets.make_blobs(n_samples, n_features, centers, cluster_std, center_box, shuffle=True):
    /// centres uniform in `box` (row by row), then n/k normal points per centre (the first n mod k
    /// centres get one more), then the rows shuffled.
    public static func makeBlobs(samples n: Int, centers: BlobCenters, std: [Double], box: (Double, Double) = (-10, 10),
                                 shuffle: Bool = true, random: RandomState) throws -> Blobs {
        try requireSamples(n)
        var C: Matrix
        switch centers {
        case .random(let k, let d):
            guard k >= 1, k <= 1000 else { throw OptimizationError("make_blobs: the number of centers must be from 1 to 1000, not \(k)") }
            guard d >= 1, d <= 1000 else { throw OptimizationError("make_blobs: the number of features must be from 1 to 1000, not \(d)") }
            guard box.0.isFinite, box.1.isFinite, box.0 < box.1 else {
                throw OptimizationError("make_blobs: the center box [\(shortText(box.0)), \(shortText(box.1))] must be a finite interval with low < high")
            }
            C = Matrix(rows: k, cols: d)
            for i in 0..<k {
                for j in 0..<d { C[i, j] = box.0 + (box.1 - box.0) * random.uniform() }
            }
        case .given(let m):
            guard m.rows >= 1, m.cols >= 1, m.data.allSatisfy(\.isFinite) else {
                throw OptimizationError("make_blobs: centers must be a matrix of finite numbers with one center per row")
            }
            C = m
        }
        let k = C.rows, d = C.cols
        guard n.multipliedReportingOverflow(by: d).overflow == false, n * d <= LinAlgLimits.maxElements else {
            throw OptimizationError("make_blobs: \(n) points of \(d) features is too many")
        }
        guard std.count == 1 || std.count == k else {
            throw OptimizationError("make_blobs: std has \(std.count) values but there are \(k) centers; give one std, or one per center")
        }
        if let bad = std.first(where: { !($0 >= 0 && $0.isFinite) }) {
            throw OptimizationError("make_blobs: std must be 0 or a positive number, not \(shortText(bad))")
        }
        var X = Matrix(rows: n, cols: d)
        var labels = [Double](repeating: 0, count: n)
        var row = 0
        for c in 0..<k {
            let count = n / k + (c < n % k ? 1 : 0)
            let s = std.count == 1 ? std[0] : std[c]
            for _ in 0..<count {
                for j in 0..<d { X[row, j] = C[c, j] + s * random.normal() }
                labels[row] = Double(c)
                row += 1
            }
        }
        if shuffle {
            var order = Array(0..<n)
            try random.shuffle(&order)
            X = rows(of: X, order)
            labels = order.map { labels[$0] }
        }
        return Blobs(X: X, labels: labels, centers: C)
    }

    /// sklearn.datasets.make_regression(n_samples, n_features, n_informative, noise, bias, shuffle=True):
    /// standard-normal features, the first `informative` coefficients 100·U(0, 1) and the rest 0,
    /// y = X·coef + bias + N(0, noise²), then samples and features shuffled.
    public static func makeRegression(samples n: Int, features d: Int, informative: Int? = nil, noise: Double = 0, bias: Double = 0,
                                      shuffle: Bool = true, random: RandomState) throws -> RegressionData {
        try requireSamples(n)
        guard d >= 1, d <= 1000 else { throw OptimizationError("make_regression: the number of features must be from 1 to 1000, not \(d)") }
        guard n.multipliedReportingOverflow(by: d).overflow == false, n * d <= LinAlgLimits.maxElements else {
            throw OptimizationError("make_regression: \(n) samples of \(d) features is too many")
        }
        let useful = min(informative ?? 10, d)
        guard useful >= 0 else { throw OptimizationError("make_regression: informative must be 0 or more, not \(useful)") }
        guard noise >= 0, noise.isFinite else { throw OptimizationError("make_regression: noise must be 0 or a positive number, not \(shortText(noise))") }
        guard bias.isFinite else { throw OptimizationError("make_regression: bias must be a finite number") }
        var X = Matrix(rows: n, cols: d)
        for i in 0..<n {
            for j in 0..<d { X[i, j] = random.normal() }
        }
        var coef = [Double](repeating: 0, count: d)
        for j in 0..<useful { coef[j] = 100 * random.uniform() }
        var y = (0..<n).map { i in (0..<d).reduce(0.0) { $0 + X[i, $1] * coef[$1] } + bias }
        if noise > 0 {
            for i in 0..<n { y[i] += noise * random.normal() }
        }
        if shuffle {
            var order = Array(0..<n)
            try random.shuffle(&order)
            X = rows(of: X, order)
            y = order.map { y[$0] }
            var features = Array(0..<d)
            try random.shuffle(&features)
            var permuted = Matrix(rows: n, cols: d)
            for (j, source) in features.enumerated() {
                for i in 0..<n { permuted[i, j] = X[i, source] }
            }
            X = permuted
            coef = features.map { coef[$0] }
        }
        return RegressionData(X: X, y: y, coef: coef)
    }

    private static func requireSamples(_ n: Int) throws {
        guard n >= 1, n <= maxSamples else {
            throw OptimizationError("the number of samples must be from 1 to \(maxSamples), not \(n)")
        }
    }

    private static func rows(of m: Matrix, _ order: [Int]) -> Matrix {
        var out = Matrix(rows: m.rows, cols: m.cols)
        for (i, source) in order.enumerated() {
            for j in 0..<m.cols { out[i, j] = m[source, j] }
        }
        return out
    }
}
