// The linear-algebra engine's error type and every user-facing message it produces, in one place.
import RealModule

/// A linear-algebra failure a learner can act on: what went wrong, and (often) what to try instead.
public struct LinAlgError: EngineError, Equatable {
    public static let kind = DiagnosticKind.linearAlgebra
    /// The teaching message, e.g. "the matrix is singular (rank 2 of 3), so it has no inverse".
    public var message: String
    /// A suggestion, e.g. "use pinv(A) for the pseudo-inverse".
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

// Messages are built here so their wording stays consistent and tests can refer to them.
extension LinAlgError {
    static func notSquare(_ what: String, _ a: Matrix, hint: String? = nil) -> LinAlgError {
        LinAlgError("\(what) needs a square matrix, but this one is \(a.shapeDescription)", hint: hint)
    }

    static func shapeMismatch(_ what: String, _ a: Matrix, _ b: Matrix, need: String) -> LinAlgError {
        LinAlgError("\(what): shapes \(a.shapeDescription) and \(b.shapeDescription) do not fit (\(need))")
    }

    static func notVector(_ what: String, _ a: Matrix) -> LinAlgError {
        LinAlgError("\(what) needs a vector, but this is a \(a.shapeDescription) matrix")
    }

    static func empty(_ what: String) -> LinAlgError {
        LinAlgError("\(what) needs a non-empty matrix")
    }

    static func nonFinite(_ what: String) -> LinAlgError {
        LinAlgError("\(what): the matrix contains NaN or Inf, so the result would be meaningless",
                    hint: "find them with isnan / isinf and replace them first")
    }

    static func singular(_ what: String, rank: Int, n: Int) -> LinAlgError {
        LinAlgError("\(what): the matrix is singular (rank \(rank) of \(n)), so it has no inverse",
                    hint: "use pinv(A) for the pseudo-inverse, or lstsq(A, b) for a least-squares solution")
    }

    static func zeroVector(_ what: String) -> LinAlgError {
        LinAlgError("\(what) is undefined for the zero vector (it has no direction)")
    }

    static func tooLarge(rows: Int, cols: Int, limit: Int) -> LinAlgError {
        let bytes = Double(rows) * Double(cols) * 8
        return LinAlgError(
            "a \(rows)×\(cols) matrix would need \(formatBytes(bytes)) of memory, "
                + "more than the \(formatBytes(Double(limit) * 8)) limit for one matrix",
            hint: "work with a smaller matrix (or the thin form of the decomposition)")
    }

    static func tooLargeForLAPACK(_ n: Int) -> LinAlgError {
        LinAlgError("a dimension of \(n) is too large for LAPACK (at most \(Int32.max))")
    }

    static func noConvergence(_ what: String) -> LinAlgError {
        LinAlgError("\(what) did not converge (LAPACK gave up); the matrix may contain extreme values")
    }

    /// LAPACK rejected an argument: a bug in MML, not in the learner's input.
    static func lapackArgument(_ routine: String, _ info: Int32) -> LinAlgError {
        LinAlgError("internal error: LAPACK \(routine) rejected argument \(-info)",
                    hint: "please report this as a bug in MML")
    }

    static func illConditionedWarning(cond: Double) -> String {
        "the matrix is ill-conditioned (condition number ≈ \(formatThreeDigits(cond))); "
            + "the result may have lost up to \(Int(max(0, Double.log10(cond)).rounded())) significant digits"
    }
}
