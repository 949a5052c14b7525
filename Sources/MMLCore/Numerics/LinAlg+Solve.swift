// Determinants, inverses and linear systems (LU with dgetrf/dgecon), with singularity checks.
import RealModule

/// A result that succeeded but may carry a warning (e.g. an ill-conditioned matrix).
public struct CheckedResult: Sendable, Equatable {
    /// The inverse or the solution.
    public var value: Matrix
    /// Set when the matrix is ill-conditioned: says the condition number and the digits at risk.
    public var warning: String?
    /// The 2-norm condition number when it was computed (only for ill-conditioned matrices),
    /// otherwise nil.
    public var conditionNumber: Double?
}

/// How many solutions `A x = b` has.
public enum SolutionCount: String, Sendable, Equatable {
    case unique
    case none
    case infinitelyMany = "infinitely many"
}

/// The classification of a linear system by rank(A) and rank([A b]).
public struct SystemClassification: Sendable, Equatable {
    public var kind: SolutionCount
    public var rank: Int
    public var augmentedRank: Int
    public var unknowns: Int
    /// unknowns − rank(A) when there are solutions, else 0.
    public var freeVariables: Int

    /// One sentence for the learner, e.g. "infinitely many solutions: rank(A) = rank([A b]) = 2 < 3 unknowns (1 free variable)".
    public var explanation: String {
        switch kind {
        case .unique:
            return "a unique solution: rank(A) = rank([A b]) = \(rank) = number of unknowns"
        case .none:
            return "no solution: rank(A) = \(rank) < rank([A b]) = \(augmentedRank), so b is not in the column space of A"
        case .infinitelyMany:
            let s = freeVariables == 1 ? "" : "s"
            return "infinitely many solutions: rank(A) = rank([A b]) = \(rank) < \(unknowns) unknowns "
                + "(\(freeVariables) free variable\(s))"
        }
    }
}

extension LinAlg {
    /// Below this reciprocal condition number a matrix is ill-conditioned (a warning is given).
    public static let illConditionedRcond = 1e-12

    /// The determinant by LU (dgetrf). For an all-integer matrix the result is rounded when it
    /// lies within rounding error of an integer, so a singular integer matrix gives exactly 0.
    public static func det(_ a: Matrix) throws -> Double {
        try a.requireSquare("det")
        try a.requireFinite("det")
        let n = a.rows
        if n == 0 { return 1 }
        let lu = try LAPACK.getrf(a)
        var d = 1.0
        for i in 0..<n {
            d *= lu.factors[i, i]
            if Int(lu.pivots[i]) != i + 1 { d = -d }
        }
        return a.isIntegerValued ? roundIntegerDeterminant(d, of: a) : d + 0  // + 0: no "-0"
    }

    /// Rounds an integer matrix's determinant when it is within the LU error bound of an
    /// integer; the bound is n·eps times Hadamard's bound ∏‖aⱼ‖ on |det|.
    static func roundIntegerDeterminant(_ d: Double, of a: Matrix) -> Double {
        var hadamard = 1.0
        for j in 0..<a.cols { hadamard *= (try? LAPACK.nrm2(a.column(j))) ?? .infinity }
        let tol = 8 * Double(a.rows) * eps * hadamard
        let r = d.rounded()
        guard tol < 0.5, abs(d - r) <= tol else { return d }
        return r + 0
    }

    /// The inverse of a square matrix. Singular → an error giving the rank and suggesting pinv;
    /// ill-conditioned (rcond < 1e-12) → succeeds with a warning.
    public static func inv(_ a: Matrix) throws -> CheckedResult {
        try a.requireSquare("inv", hint: "a non-square matrix has no inverse; pinv(A) gives the pseudo-inverse")
        try a.requireFinite("inv")
        if a.rows == 0 { return CheckedResult(value: a) }
        let (lu, warning, condition) = try factorChecked(a, what: "inv")
        var x = try LAPACK.getri(lu)
        if a.isIntegerValued {
            let scale = x.maxAbs
            x = x.map { snapNearIntegers($0, scale: scale) }
        }
        return CheckedResult(value: x, warning: warning, conditionNumber: condition)
    }

    /// Solves `A x = b` for square A (b may have several columns; a row vector b of the right
    /// length is read as a column). Singular or ill-conditioned A behave as in `inv`.
    public static func solve(_ a: Matrix, _ b: Matrix) throws -> CheckedResult {
        try a.requireSquare("solve", hint: "for a non-square system use lstsq(A, b) for the least-squares solution")
        var rhs = try rightHandSide(b, for: a, what: "solve")
        try a.requireFinite("solve")
        try b.requireFinite("solve")
        if a.rows == 0 { return CheckedResult(value: rhs) }
        let (lu, warning, condition) = try factorChecked(a, what: "solve")
        try LAPACK.getrs(lu, &rhs)
        if a.isIntegerValued && b.isIntegerValued {
            let scale = rhs.maxAbs
            rhs = rhs.map { snapNearIntegers($0, scale: scale) }
        }
        return CheckedResult(value: rhs, warning: warning, conditionNumber: condition)
    }

    /// LU factors of a square matrix after the singularity and conditioning checks.
    private static func factorChecked(_ a: Matrix, what: String) throws -> (LAPACK.LU, String?, Double?) {
        let anorm = try LAPACK.lange("1", a)
        let lu = try LAPACK.getrf(a)
        if lu.zeroPivot != nil {
            throw LinAlgError.singular(what, rank: try rank(a), n: a.rows)
        }
        let rcond = try LAPACK.gecon(lu, anorm: anorm)
        guard rcond < illConditionedRcond || rcond.isNaN else { return (lu, nil, nil) }
        // Close to singular: decide with the SVD, the same test `rank` uses.
        let s = try singularValues(a)
        let tol = rankTolerance(rows: a.rows, cols: a.cols, sigmaMax: s.first ?? 0)
        let r = s.filter { $0 > tol }.count
        if r < a.rows { throw LinAlgError.singular(what, rank: r, n: a.rows) }
        let condition = (s.first ?? 0) / (s.last ?? 1)
        return (lu, LinAlgError.illConditionedWarning(cond: condition), condition)
    }

    /// True when a square matrix is singular (rank < n, by the SVD).
    public static func isSingular(_ a: Matrix) throws -> Bool {
        try a.requireSquare("is_singular")
        return try rank(a) < a.rows
    }

    /// True when the columns of `a` are linearly independent (rank = number of columns).
    public static func isIndependent(_ a: Matrix) throws -> Bool {
        if a.cols == 0 { return true }
        return try rank(a) == a.cols
    }

    /// True when the given vectors (all of one length) are linearly independent.
    public static func isIndependent(vectors: [Matrix]) throws -> Bool {
        guard let first = vectors.first else { return true }
        let n = try first.vectorElements("is_independent").count
        var data: [Double] = []
        for v in vectors {
            let x = try v.vectorElements("is_independent")
            guard x.count == n else {
                throw LinAlgError("is_independent: the vectors have different lengths (\(n) and \(x.count))")
            }
            data += x
        }
        _ = try LinAlgLimits.checkedCount(rows: n, cols: vectors.count)
        return try isIndependent(Matrix(rows: n, cols: vectors.count, data: data))
    }

    /// Classifies `A x = b` as having a unique solution, none, or infinitely many.
    public static func classify(_ a: Matrix, _ b: Matrix) throws -> SystemClassification {
        let rhs = try rightHandSide(b, for: a, what: "classify")
        try a.requireFinite("classify")
        try b.requireFinite("classify")
        let r = try rank(a)
        let ra = try rank(a.appendingColumns(rhs))
        let kind: SolutionCount = ra > r ? .none : (r == a.cols ? .unique : .infinitelyMany)
        return SystemClassification(kind: kind, rank: r, augmentedRank: ra, unknowns: a.cols,
                                    freeVariables: kind == .none ? 0 : a.cols - r)
    }

    /// The right-hand side `b` of `A x = b` as columns of A's height: a row vector of the right
    /// length is read as a column; any other height is an error naming `what`.
    static func rightHandSide(_ b: Matrix, for a: Matrix, what: String) throws -> Matrix {
        guard let rhs = b.asColumns(height: a.rows) else {
            throw LinAlgError("\(what): A is \(a.shapeDescription) but b has \(b.rows) rows; b needs \(a.rows) rows (one per equation)")
        }
        return rhs
    }
}

extension Matrix {
    /// This matrix when it has `height` rows, a row vector of `height` elements as a column, else nil.
    func asColumns(height: Int) -> Matrix? {
        if rows == height { return self }
        return rows == 1 && cols == height ? transposed : nil
    }
}
