// Vector and matrix norms, rank and condition number (the SVD-based measures of size).
import RealModule

/// Which norm `LinAlg.norm` computes.
public enum NormKind: Sendable, Equatable {
    /// Vectors: Σ|xᵢ|. Matrices: the largest column sum of |aᵢⱼ|.
    case one
    /// Vectors: Euclidean length. Matrices: the largest singular value.
    case two
    /// Vectors: max |xᵢ|. Matrices: the largest row sum of |aᵢⱼ|.
    case infinity
    /// √(Σ aᵢⱼ²) (the Euclidean length of all elements).
    case frobenius
    /// Vectors only: (Σ|xᵢ|ᵖ)^(1/p) for p ≥ 1.
    case p(Double)

    /// The norm for a numeric p as a learner writes it: 1, 2, inf, or another p ≥ 1.
    public init(p: Double) {
        switch p {
        case 1: self = .one
        case 2: self = .two
        case .infinity: self = .infinity
        default: self = .p(p)
        }
    }

    /// The norm for a name: "fro", "inf", "1", "2".
    public init?(name: String) {
        switch name.lowercased() {
        case "fro", "frobenius": self = .frobenius
        case "inf", "infinity": self = .infinity
        case "1": self = .one
        case "2": self = .two
        default: return nil
        }
    }
}

extension LinAlg {
    /// The norm of a vector (row or column) or of a matrix; see `NormKind`.
    public static func norm(_ a: Matrix, _ kind: NormKind = .two) throws -> Double {
        if a.isEmpty { return 0 }
        if a.isAnyVector {
            let x = a.data
            switch kind {
            case .two, .frobenius: return try LAPACK.nrm2(x)
            case .one: return x.reduce(0) { $0 + abs($1) }
            case .infinity: return x.reduce(0) { Swift.max($0, abs($1)) }
            case .p(let p):
                guard p >= 1 else {
                    throw LinAlgError("norm: p must be at least 1 (got \(p)); below 1 it is not a norm")
                }
                let scale = x.reduce(0) { Swift.max($0, abs($1)) }
                guard scale > 0 else { return 0 }
                // Scaling by the largest element keeps |x|^p from overflowing.
                let s = x.reduce(0) { $0 + Double.pow(abs($1) / scale, p) }
                return scale * Double.pow(s, 1 / p)
            }
        }
        switch kind {
        case .one: return try LAPACK.lange("1", a)
        case .infinity: return try LAPACK.lange("I", a)
        case .frobenius: return try LAPACK.lange("F", a)
        case .two:
            try a.requireFinite("norm")
            return try singularValues(a).first ?? 0
        case .p(let p):
            throw LinAlgError("norm: a matrix norm needs p = 1, 2, inf or \"fro\" (got p = \(p))",
                              hint: "for the p-norm of all elements, use norm(A[:], p)")
        }
    }

    /// Singular values in descending order (dgesdd, no vectors).
    public static func singularValues(_ a: Matrix) throws -> [Double] {
        try a.requireFinite("svd")
        return try LAPACK.gesdd(a, vectors: .none).s
    }

    /// The standard rank tolerance max(m, n)·eps·σmax.
    public static func rankTolerance(rows: Int, cols: Int, sigmaMax: Double) -> Double {
        Double(Swift.max(rows, cols)) * eps * sigmaMax
    }

    /// The number of singular values above `tolerance` (default max(m, n)·eps·σmax).
    public static func rank(_ a: Matrix, tolerance: Double? = nil) throws -> Int {
        if a.isEmpty { return 0 }
        let s = try singularValues(a)
        let tol = tolerance ?? rankTolerance(rows: a.rows, cols: a.cols, sigmaMax: s.first ?? 0)
        return s.filter { $0 > tol }.count
    }

    /// The 2-norm condition number σmax/σmin (∞ when the matrix is singular).
    public static func cond(_ a: Matrix) throws -> Double {
        try a.requireNonEmpty("cond")
        let s = try singularValues(a)
        guard let smax = s.first, let smin = s.last else { return .infinity }
        return smin == 0 ? .infinity : smax / smin
    }
}
