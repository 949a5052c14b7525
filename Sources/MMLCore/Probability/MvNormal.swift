// The multivariate normal MvNormal(μ, Σ): validated, with a pdf and sampling through the Cholesky factor.
import Glibc

/// A k-dimensional normal distribution with mean vector μ and covariance matrix Σ.
public struct MvNormal: Sendable, Equatable, CustomStringConvertible {
    /// The mean vector μ.
    public let mean: [Double]
    /// The covariance matrix Σ (k × k, symmetric positive definite).
    public let covariance: Matrix
    /// The lower Cholesky factor L of Σ (Σ = LLᵀ).
    public let choleskyFactor: Matrix
    /// log det Σ.
    let logDeterminant: Double

    /// Checks that Σ is square, matches μ, is symmetric and positive definite.
    public init(mean: [Double], covariance: Matrix) throws {
        let k = mean.count
        guard k > 0 else { throw ProbabilityError("MvNormal(μ, Σ): μ must have at least one component") }
        guard mean.allSatisfy(\.isFinite) else { throw ProbabilityError("MvNormal(μ, Σ): μ must contain only finite numbers") }
        guard covariance.rows == k && covariance.cols == k else {
            throw ProbabilityError("MvNormal(μ, Σ): μ has \(k) components, so Σ must be \(k)×\(k), but it is \(covariance.shapeDescription)")
        }
        guard covariance.data.allSatisfy(\.isFinite) else { throw ProbabilityError("MvNormal(μ, Σ): Σ must contain only finite numbers") }
        for j in 0..<k {
            for i in 0..<j {
                let a = covariance[i, j], b = covariance[j, i]
                if abs(a - b) > 1e-12 * max(1, abs(a), abs(b)) {
                    throw ProbabilityError("MvNormal(μ, Σ): the covariance Σ must be symmetric, but Σ[\(i + 1),\(j + 1)] = \(NumberFormat.short(a)) and Σ[\(j + 1),\(i + 1)] = \(NumberFormat.short(b))",
                                           hint: "use (S + S')/2 to symmetrise")
                }
            }
        }
        guard let l = try LAPACK.choleskyLower(covariance) else {
            throw ProbabilityError("MvNormal(μ, Σ): the covariance Σ must be positive definite (every variance positive, no perfectly dependent components), but it is not",
                                   hint: "check the eigenvalues of Σ: all must be > 0")
        }
        self.mean = mean
        self.covariance = covariance
        self.choleskyFactor = l
        var ld = 0.0
        for i in 0..<k { ld += 2 * log(l[i, i]) }
        self.logDeterminant = ld
    }

    /// The dimension k.
    public var dimension: Int { mean.count }

    /// The density at x (a vector of k numbers); `log: true` gives its log.
    public func pdf(_ x: [Double], log takeLog: Bool = false) throws -> Double {
        let k = dimension
        guard x.count == k else {
            throw ProbabilityError("MvNormal pdf: x has \(x.count) components but the distribution has \(k)")
        }
        // Solve Lz = x − μ by forward substitution (O(k²)); the quadratic form is |z|².
        var z = [Double](repeating: 0, count: k)
        for i in 0..<k {
            var s = x[i] - mean[i]
            for j in 0..<i { s -= choleskyFactor[i, j] * z[j] }
            z[i] = s / choleskyFactor[i, i]
        }
        let q = z.reduce(0) { $0 + $1 * $1 }
        let lp = -0.5 * (Double(k) * log(2 * Double.pi) + logDeterminant + q)
        return takeLog ? lp : exp(lp)
    }

    /// n draws as the rows of an n × k matrix: μ + Lz with z standard normals from `rng`
    /// (in distribution only: NumPy's multivariate_normal factors Σ by SVD, so streams differ).
    public func sample(_ n: Int, using rng: RandomState) throws -> Matrix {
        guard n >= 0 else { throw ProbabilityError("the number of draws must not be negative, but it is \(n)") }
        let k = dimension
        var out = Matrix(rows: n, cols: k)
        for r in 0..<n {
            let z = try rng.normal(count: k)
            for i in 0..<k {
                var s = mean[i]
                for j in 0...i { s += choleskyFactor[i, j] * z[j] }
                out[r, i] = s
            }
        }
        return out
    }

    /// E.g. "MvNormal(μ=[0, 0], Σ=[1, 0.5; 0.5, 2])".
    public var description: String {
        let mu = mean.map { NumberFormat.short($0) }.joined(separator: ", ")
        let rows = (0..<dimension).map { i in covariance.row(i).map { NumberFormat.short($0) }.joined(separator: ", ") }
        return "MvNormal(μ=[\(mu)], Σ=[\(rows.joined(separator: "; "))])  \(dimension)-dimensional"
    }
}
