// Linear-algebra builtins over the LAPACK engine: determinants and linear systems.

extension Builtins {
    static let linearAlgebra: [Builtin] = [
        Builtin("det", [.req("A")], area: .linearAlgebra, summary: "Determinant of a square matrix",
                help: "det(A) is computed from an LU factorisation (LAPACK dgetrf). When every entry is an integer the result is rounded to the integer it must be, so a singular integer matrix gives exactly 0.",
                examples: [BuiltinExample("det([1, 2; 3, 4])", "-2"), BuiltinExample("det([1, 2; 2, 4])", "0")], body: .general { args in
            .number(try LinAlg.det(try args.matrix("A")))
        }),
        Builtin("solve", [.req("A"), .req("b")], area: .linearAlgebra, summary: "Solve the linear system A·x = b (the same as A \\ b)",
                help: "solve(A, b) finds x with A·x = b for a square, non-singular A (LAPACK dgesv). A singular A is an error that gives its rank and suggests pinv or lstsq; an ill-conditioned one gives a warning with its condition number.",
                examples: [BuiltinExample("solve([2, 0; 0, 4], [2, 8])", "[1, 2]")], body: .general { args in
            .matrix(try Kernels.solve(try args.matrix("A"), try args.matrix("b"), ip: args.interpreter, at: args.callSpan))
        }),
    ]
}
