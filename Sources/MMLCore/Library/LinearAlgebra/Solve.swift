// Linear-algebra builtins for square systems: determinants, inverses, solving, and what to do
// when a system is singular (classify, pinv, lstsq, cond, is_singular).

extension Builtins {
    static let linearSystems: [Builtin] = [
        Builtin("det", [.req("A"), .key("steps", "false")], area: .linearAlgebra, summary: "Determinant of a square matrix",
                help: "det(A) is computed from an LU factorisation (LAPACK dgetrf). When every entry is an integer the result is rounded to the integer it must be, so a singular integer matrix gives exactly 0. det(A, steps=true) first prints the working: cofactor expansion for matrices up to 3×3, elimination to triangular form for 4×4 up to 8×8 (swaps flip the sign; the determinant is the product of the diagonal), with exact fractions.",
                examples: [BuiltinExample("det([1, 2; 3, 4])", "-2"), BuiltinExample("det([1, 2; 2, 4])", "0"),
                           BuiltinExample("det([2, 1; 1, 3], steps=true)", "det([2, 1; 1, 3]) = 2·3 − 1·1 = 5\n5")],
                body: .general { args in
            let a = try args.matrix("A")
            if try args.bool("steps", default: false) {
                let steps = try args.blaming("A") { try LinAlg.determinantSteps(a) }
                args.interpreter.output(steps.text(name: args.sourceText("A") ?? "A") + "\n")
                return .number(steps.determinant)
            }
            return .number(try args.blaming("A") { try LinAlg.det(a) })
        }),
        Builtin("solve", [.req("A"), .req("b")], area: .linearAlgebra, summary: "Solve the linear system A·x = b (the same as A \\ b)",
                help: "solve(A, b) finds x with A·x = b for a square, non-singular A (LAPACK dgesv); b may have several columns, one system each. A singular A is an error that gives its rank and suggests pinv or lstsq (and classify(A, b) tells whether there are no solutions or infinitely many); an ill-conditioned one gives a warning with its condition number.",
                examples: [BuiltinExample("solve([2, 0; 0, 4], [2, 8])", "[1, 2]"),
                           BuiltinExample("solve([2, 1; 1, 3], [3, 5])", "[0.8, 1.4]")], body: .general { args in
            let a = try args.matrix("A"), b = try args.matrix("b")
            do {
                return args.checked(try LinAlg.solve(a, b))
            } catch let e as LinAlgError where e.message.contains("singular") {
                var error = e.located(at: args.callSpan)
                error.diagnostic.hints.append("classify(A, b) tells whether there is no solution or infinitely many")
                throw error
            }
        }),
        Builtin("inv", [.req("A")], area: .linearAlgebra, summary: "Inverse of a square matrix",
                help: "inv(A) is the matrix A⁻¹ with A·A⁻¹ = I (LAPACK dgetrf + dgetri). A singular matrix has no inverse: the error gives its rank and suggests pinv(A) or lstsq(A, b). An ill-conditioned matrix (reciprocal condition number below 1e-12) gives a warning with its condition number. To solve A·x = b, A \\ b is faster and more accurate than inv(A) * b. A^-1 is the same as inv(A).",
                examples: [BuiltinExample("inv([2, 0; 0, 4])", "  0.5  0\n  0    0.25"),
                           BuiltinExample("inv([1, 2; 3, 4])", "  -2     1\n   1.5  -0.5")], body: .general { args in
            let a = try args.matrix("A")
            return args.checked(try args.blaming("A") { try LinAlg.inv(a) })
        }),
        Builtin("pinv", [.req("A")], area: .linearAlgebra, summary: "Moore–Penrose pseudo-inverse",
                help: "pinv(A) exists for every matrix, square or not, singular or not: it inverts the non-zero singular values of A = U·diag(S)·V' (those above max(m, n)·eps·σmax) and drops the rest. For an invertible matrix it equals inv(A); pinv(A) * b is the least-squares solution of smallest length.",
                examples: [BuiltinExample("pinv([1, 2; 2, 4])", "  0.04  0.08\n  0.08  0.16"),
                           BuiltinExample("pinv([1; 1])", "  0.5  0.5")], body: .general { args in
            let a = try args.matrix("A")
            return .matrix(try args.blaming("A") { try LinAlg.pinv(a) })
        }),
        Builtin("lstsq", [.req("A"), .req("b")], area: .linearAlgebra, summary: "Least-squares solution of A·x ≈ b, as a record",
                help: "lstsq(A, b) finds the x that makes ‖A·x − b‖ as small as possible (LAPACK dgelsd, through the SVD): the best fit when there are more equations than unknowns, and the shortest solution when there are infinitely many. It returns a record: x (the solution), residual (‖A·x − b‖, the distance from b to the column space of A; a row of them when b has several columns), rank (the effective rank of A) and singular_values (of A). Use lstsq(A, b).x for the solution alone.",
                examples: [BuiltinExample("lstsq([1, 0; 1, 1; 1, 2], [1, 2, 4]).x", "[0.833333, 1.5]"),
                           BuiltinExample("lstsq([1, 1; 1, 1], [2, 2]).rank", "1")],
                result: .fields([ResultField("x", "the least-squares solution"),
                                 ResultField("residual", "‖A·x − b‖, the distance from b to the column space of A"),
                                 ResultField("rank", "the effective rank of A"), ResultField("singular_values", "the singular values of A")]), body: .general { args in
            let a = try args.matrix("A"), b = try args.matrix("b")
            let r = try LinAlg.lstsq(a, b)
            let residuals = r.residuals.map { $0.squareRoot() }
            let residual: Value = residuals.count == 1 ? .number(residuals[0])
                : .matrix(Matrix(rows: 1, cols: residuals.count, data: residuals))
            return .record(Record([("x", .matrix(r.solution)), ("residual", residual), ("rank", LinAlgValues.count(r.rank)),
                                   ("singular_values", LinAlgValues.column(r.singularValues))],
                                  title: "least-squares solution of A·x ≈ b"))
        }),
        Builtin("classify", [.req("A"), .req("b")], area: .linearAlgebra, summary: "Does A·x = b have one solution, none, or infinitely many?",
                help: "classify(A, b) compares rank(A) with the rank of the augmented matrix [A b] (the Rouché–Capelli theorem): if adding b raises the rank, b is outside the column space and there is no solution; otherwise the solution is unique when the rank equals the number of unknowns (columns of A), and there are infinitely many, with unknowns − rank free variables, when it is smaller. It returns a record with kind (\"unique\", \"none\" or \"infinitely many\"), rank, augmented_rank, unknowns, free_variables and a sentence of explanation.",
                examples: [BuiltinExample("classify([1, 2; 2, 4], [3, 6]).kind", "infinitely many"),
                           BuiltinExample("classify([1, 2; 2, 4], [3, 5]).explanation", "no solution: rank(A) = 1 < rank([A b]) = 2, so b is not in the column space of A")],
                result: .fields([ResultField("kind", "\"unique\", \"none\" or \"infinitely many\""), ResultField("rank", "rank(A)"),
                                 ResultField("augmented_rank", "rank([A b])"), ResultField("unknowns", "the number of unknowns (columns of A)"),
                                 ResultField("free_variables", "unknowns − rank when there are solutions"),
                                 ResultField("explanation", "the reasoning in one sentence")]),
                body: .general { args in
            let a = try args.matrix("A"), b = try args.matrix("b")
            let c = try LinAlg.classify(a, b)
            return .record(Record([("kind", .string(c.kind.rawValue)), ("rank", LinAlgValues.count(c.rank)),
                                   ("augmented_rank", LinAlgValues.count(c.augmentedRank)),
                                   ("unknowns", LinAlgValues.count(c.unknowns)),
                                   ("free_variables", LinAlgValues.count(c.freeVariables)),
                                   ("explanation", .string(c.explanation))],
                                  title: "the linear system A·x = b"))
        }),
        Builtin("is_singular", [.req("A")], area: .linearAlgebra, summary: "Whether a square matrix is singular (not invertible)",
                help: "is_singular(A) is true when rank(A) < n, judged by the SVD with the same tolerance as rank — more reliable than testing det(A) == 0, which is tiny but not zero for nearly singular matrices of non-integers.",
                examples: [BuiltinExample("is_singular([1, 2; 2, 4])", "true"), BuiltinExample("is_singular([1, 2; 3, 4])", "false")],
                body: .general { args in
            let a = try args.matrix("A")
            return .bool(try args.blaming("A") { try LinAlg.isSingular(a) })
        }),
        Builtin("cond", [.req("A")], area: .linearAlgebra, summary: "Condition number σmax/σmin (how much A amplifies errors)",
                help: "cond(A) is the ratio of the largest to the smallest singular value: solving A·x = b can lose about log10(cond(A)) significant digits. It is 1 for an orthogonal matrix, inf for a zero matrix, and about 1e16 or more for a singular one (rounding keeps the smallest singular value from being exactly 0).",
                examples: [BuiltinExample("cond([2, 0; 0, 1])", "2"), BuiltinExample("round(cond([1, 2; 3, 4]), 4)", "14.933")], body: .general { args in
            let a = try args.matrix("A")
            return .number(try args.blaming("A") { try LinAlg.cond(a) })
        }),
    ]
}
