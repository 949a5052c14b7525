// Linear-algebra builtins that factor a matrix: eig, eigvals, svd, qr, lu. Each returns a
// tuple with named parts, so `λ, V = eig(A)` and `U, S, V = svd(A)` unpack it and
// `eig(A).values` reads one part.

extension Builtins {
    // The parts of each result, declared with the builtin and named in the tuple it builds.
    private static let eigParts = [ResultField("values", "the eigenvalues λ, largest real part first"),
                                   ResultField("vectors", "the unit eigenvectors, one per column: A * V[:, j] = λ[j] * V[:, j]")]
    private static let svdParts = [ResultField("U", "the left singular vectors, one per column"),
                                   ResultField("S", "the singular values, largest first (a vector)"),
                                   ResultField("V", "the right singular vectors, one per column: A = U * diag(S) * V'")]
    private static let qrParts = [ResultField("Q", "orthonormal columns"), ResultField("R", "upper triangular, A = Q * R")]
    private static let luParts = [ResultField("L", "lower triangular with ones on the diagonal"), ResultField("U", "upper triangular"),
                                  ResultField("P", "the row permutation: P * A = L * U")]

    static let decompositionBuiltins: [Builtin] = [
        Builtin("eig", [.req("A")], area: .linearAlgebra, summary: "Eigenvalues and eigenvectors: λ, V = eig(A)",
                help: "eig(A) returns the tuple (values, vectors), unpacked by λ, V = eig(A) or read as eig(A).values, with A * V[:, j] = λ[j] * V[:, j]. The values are sorted by real part, largest first (ties: imaginary part, largest first), the same rule for every matrix. A symmetric matrix uses the symmetric solver (LAPACK dsyevd): real values and orthonormal vectors. Any other matrix uses dgeev: complex values come in conjugate pairs and are shown as complex (a rotation has none that are real); real ones are shown as reals. Each eigenvector has length 1 and its largest component positive, so the output is the same on every machine. A defective matrix (like the shear [1, 1; 0, 1]) has too few independent eigenvectors: you get its values and vectors with a warning that the vectors do not span.",
                examples: [BuiltinExample("λ, V = eig([2, 0; 0, 3]); λ", "[3, 2]"),
                           BuiltinExample("λ, V = eig([2, 1; 1, 2]); V", "  0.707107   0.707107\n  0.707107  -0.707107"),
                           BuiltinExample("λ, V = eig([0, -1; 1, 0]); λ", "[0 + 1i, 0 - 1i]")], result: .fields(eigParts), body: .general { args in
            let a = try args.matrix("A")
            let e = try args.blaming("A") { try LinAlg.eig(a) }
            if let note = e.note {
                args.interpreter.warn(note, at: args.callSpan, hint: "rank(V) < \(a.rows); the values are still right")
            }
            return .record(Record(tuple: eigParts.map(\.name), [LinAlgValues.column(e.values), LinAlgValues.matrix(e.vectors)]))
        }),
        Builtin("eigvals", [.req("A")], area: .linearAlgebra, summary: "Eigenvalues only, in the same order as eig",
                help: "eigvals(A) is the first result of eig(A), computed without the eigenvectors: sorted by real part, largest first; real when they are real (always for a symmetric matrix), complex in conjugate pairs otherwise. Their sum is trace(A) and their product det(A).",
                examples: [BuiltinExample("eigvals([2, 1; 1, 2])", "[3, 1]"), BuiltinExample("eigvals([0, -1; 1, 0])", "[0 + 1i, 0 - 1i]")],
                body: .general { args in
            let a = try args.matrix("A")
            return LinAlgValues.column(try args.blaming("A") { try LinAlg.eigvals(a) })
        }),
        Builtin("svd", [.req("A"), .key("full", "false")], area: .linearAlgebra, summary: "Singular value decomposition: U, S, V = svd(A) with A = U * diag(S) * V'",
                help: "svd(A) returns the tuple (U, S, V) (unpack it, or read svd(A).S): S holds the singular values, largest first (a vector); the columns of U and V are orthonormal, and A = U * diag(S) * V'. It is the thin SVD (for m×n A, U is m×k and V is n×k with k = min(m, n)); full=true gives square U and V. Each pair of singular vectors is signed so the largest component of V's column is positive (LAPACK dgesdd).",
                examples: [BuiltinExample("U, S, V = svd([3, 0; 0, -2]); S", "[3, 2]"),
                           BuiltinExample("U, S, V = svd([3, 0; 0, -2]); U", "  1   0\n  0  -1")], result: .fields(svdParts), body: .general { args in
            let a = try args.matrix("A")
            let full = try args.bool("full", default: false)
            let d = try args.blaming("A") { try LinAlg.svd(a, full: full) }
            return .record(Record(tuple: svdParts.map(\.name), [.matrix(d.U), LinAlgValues.column(d.S), .matrix(d.V)]))
        }),
        Builtin("qr", [.req("A"), .key("full", "false")], area: .linearAlgebra, summary: "QR decomposition: Q, R = qr(A) with A = Q * R",
                help: "qr(A) returns the tuple (Q, R) (unpack it, or read qr(A).R): Q has orthonormal columns (Gram–Schmidt done stably by Householder reflections, LAPACK dgeqrf) and R is upper triangular with a non-negative diagonal, so A = Q * R. Thin by default (Q is m×min(m, n)); full=true gives a square Q.",
                examples: [BuiltinExample("Q, R = qr([3, 1; 4, 2]); R", "  5  2.2\n  0  0.4")], result: .fields(qrParts), body: .general { args in
            let a = try args.matrix("A")
            let full = try args.bool("full", default: false)
            let d = try args.blaming("A") { try LinAlg.qr(a, full: full) }
            return .record(Record(tuple: qrParts.map(\.name), [.matrix(d.Q), .matrix(d.R)]))
        }),
        Builtin("lu", [.req("A")], area: .linearAlgebra, summary: "LU decomposition with row pivoting: L, U, P = lu(A) with P * A = L * U",
                help: "lu(A) returns the tuple (L, U, P) (unpack it, or read lu(A).U): L is lower triangular with ones on the diagonal, U is upper triangular, and the permutation matrix P records the row swaps of partial pivoting (LAPACK dgetrf), so P * A = L * U. This is Gaussian elimination written as matrices; det(A) is ± the product of U's diagonal.",
                examples: [BuiltinExample("L, U, P = lu([1, 2; 3, 4]); U", "  3  4\n  0  0.666667"),
                           BuiltinExample("L, U, P = lu([1, 2; 3, 4]); P", "  0  1\n  1  0")], result: .fields(luParts), body: .general { args in
            let a = try args.matrix("A")
            let d = try args.blaming("A") { try LinAlg.lu(a) }
            return .record(Record(tuple: luParts.map(\.name), [.matrix(d.L), .matrix(d.U), .matrix(d.P)]))
        }),
    ]
}
