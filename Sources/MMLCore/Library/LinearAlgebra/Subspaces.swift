// Linear-algebra builtins about the spaces a matrix spans: rank, row reduction (with the
// steps a learner would write by hand) and the null space.

extension Builtins {
    static let subspaceBuiltins: [Builtin] = [
        Builtin("rank", [.req("A"), .key("tol", "max(m, n)·eps·σmax")], area: .linearAlgebra, summary: "Rank: the number of independent columns (or rows)",
                help: "rank(A) counts the singular values of A above the tolerance max(m, n)·eps·σmax (the rule NumPy and MATLAB use), so rounding noise does not count as a direction. It is the dimension of the column space, and also of the row space. rank(A, tol=…) sets the cut-off yourself.",
                examples: [BuiltinExample("rank([1, 2; 2, 4])", "1"), BuiltinExample("rank(eye(3))", "3"),
                           BuiltinExample("rank([1, 2; 2, 4.001], tol=0.01)", "1")], body: .general { args in
            let a = try args.matrix("A")
            let tol: Double? = args.has("tol") ? try args.number("tol") : nil
            if let tol, !(tol >= 0) {
                throw args.error("rank: tol must be a number ≥ 0", at: "tol")
            }
            return LinAlgValues.count(try args.blaming("A") { try LinAlg.rank(a, tolerance: tol) })
        }),
        Builtin("rref", [.req("A"), .key("steps", "false")], area: .linearAlgebra, summary: "Reduced row echelon form by Gauss–Jordan elimination",
                help: "rref(A) row-reduces A: each pivot becomes 1 and everything above and below it 0. Applied to an augmented matrix [A, b] it solves the system; the pivot columns show which columns are independent. When the entries are small fractions the arithmetic is exact, so 1/3 stays 1/3. rref(A, steps=true) prints every elementary row operation — swap two rows, scale a row, add a multiple of one row to another — with the matrix after it, in exact fractions (matrices up to 144 entries). Pivots are chosen by partial pivoting (the largest entry in the column), as numerical software does.",
                examples: [BuiltinExample("rref([1, 2, 3; 2, 4, 7])", "  1  2  0\n  0  0  1"),
                           BuiltinExample("rref([2, 4; 1, 3], steps=true)",
                                          "Start:\n    [ 2  4 ]\n    [ 1  3 ]\n\nStep 1: R1 ← (1/2)·R1   (multiply row 1 by 1/2 to make its pivot 1)\n    [ 1  2 ]\n    [ 1  3 ]\n\nStep 2: R2 ← R2 − R1   (subtract 1 × row 1 from row 2)\n    [ 1  2 ]\n    [ 0  1 ]\n\nStep 3: R1 ← R1 − 2·R2   (subtract 2 × row 2 from row 1)\n    [ 1  0 ]\n    [ 0  1 ]\n\nPivot columns: 1, 2 (rank 2)\n  1  0\n  0  1")],
                body: .general { args in
            let a = try args.matrix("A")
            let steps = try args.bool("steps", default: false)
            let r = try args.blaming("A") { try LinAlg.rref(a, steps: steps) }
            if steps { args.interpreter.output(r.stepsText(original: a) + "\n") }
            return .matrix(r.matrix)
        }),
        Builtin("nullspace", [.req("A")], area: .linearAlgebra, summary: "Orthonormal basis of the null space {x : A·x = 0}, as columns",
                help: "nullspace(A) gives unit, mutually perpendicular columns spanning every solution of A·x = 0 (from the SVD: the right singular vectors of the zero singular values). It has cols(A) − rank(A) columns — none (an empty matrix) when the columns of A are independent.",
                examples: [BuiltinExample("nullspace([1, 1; 1, 1])", "[0.707107, -0.707107]"), BuiltinExample("nullspace(eye(2))", "[]")],
                body: .general { args in
            let a = try args.matrix("A")
            return .matrix(try args.blaming("A") { try LinAlg.nullspace(a) })
        }),
    ]
}
