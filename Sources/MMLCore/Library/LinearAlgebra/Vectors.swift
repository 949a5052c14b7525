// Linear-algebra builtins on vectors and products: dot, cross, norm, angle, unit, outer,
// projection, is_independent, kron, trace.

extension Builtins {
    static let vectorBuiltins: [Builtin] = [
        // Binary (no argument binding): dot(w, x) is the inner step of hand-written regressions.
        .binary("dot", "u", "v", area: .linearAlgebra, summary: "Dot product u·v (the same as u ⋅ v)",
                help: "dot(u, v) is Σ uᵢvᵢ for two vectors of the same length (rows or columns). It is ‖u‖·‖v‖·cos θ, so it is 0 exactly when u and v are perpendicular. Type ⋅ as the operator u ⋅ v.",
                examples: [BuiltinExample("dot([1, 2, 3], [4, 5, 6])", "32"), BuiltinExample("dot([1, 0], [0, 1])", "0")],
                // In a formula dot(u, v) is sum(u .* v), differentiated as such.
                calculus: FunctionCalculus(arity: 2...2, kernel: .binary { $0 * $1 }, derivative: .partials { a in [a[1], a[0]] },
                                           vector: .pairs, rewrite: { a in a.count == 2 ? Formula.apply("sum", [Formula.mul(a)]) : nil })) { u, v, span in
            .number(try LinAlg.dot(try vectorOperand(u, "u", of: "dot", at: span), try vectorOperand(v, "v", of: "dot", at: span)))
        },
        Builtin("cross", [.req("u"), .req("v")], area: .linearAlgebra, summary: "Cross product u × v of two 3-vectors",
                help: "cross(u, v) is the vector perpendicular to both u and v, with length ‖u‖·‖v‖·sin θ (the area of the parallelogram they span) and direction by the right-hand rule. cross(v, u) = -cross(u, v).",
                examples: [BuiltinExample("cross([1, 0, 0], [0, 1, 0])", "[0, 0, 1]")], body: .general { args in
            let u = try args.matrix("u"), v = try args.matrix("v")
            return .matrix(try LinAlg.cross(u, v))
        }),
        Builtin("norm", [.req("x"), .opt("p", "2")], area: .linearAlgebra, summary: "Length of a vector, or size of a matrix",
                help: "norm(v) is the Euclidean length √(Σ vᵢ²). norm(v, 1) is Σ|vᵢ|, norm(v, inf) is max|vᵢ|, and norm(v, p) is (Σ|vᵢ|ᵖ)^(1/p) for any p ≥ 1. For a matrix, norm(A) is the largest singular value, norm(A, 1) the largest column sum of |aᵢⱼ|, norm(A, inf) the largest row sum, and norm(A, \"fro\") the Frobenius norm √(Σ aᵢⱼ²).",
                examples: [BuiltinExample("norm([3, 4])", "5"), BuiltinExample("norm([3, -4], 1)", "7"), BuiltinExample("norm([3, -4], inf)", "4"),
                           BuiltinExample("norm([1, 2; 3, 4], \"fro\")", "5.477225575051661")],
                calculus: .notDifferentiable("norm has no derivative rule; write the Euclidean norm as sqrt(sum(v .^ 2))", vector: .reduces),
                body: .general { args in
            let x = try args.matrix("x")
            var kind = NormKind.two
            switch args.optional("p") {
            case nil: break
            case .string(let name)?:
                guard let k = NormKind(name: name.text) else {
                    throw args.error("norm: unknown norm \"\(name)\"", at: "p", hint: "use 1, 2, inf, \"fro\" or a number p ≥ 1")
                }
                kind = k
            default:
                let p = try args.number("p")
                guard p >= 1 else {
                    throw args.error("norm: p must be at least 1 (got \(formatNumber(p, style: .long))); below 1 it is not a norm", at: "p",
                                     hint: "use 1, 2, inf, \"fro\" or a number p ≥ 1")
                }
                kind = NormKind(p: p)
                if case .p = kind, !x.isAnyVector {
                    throw args.error("norm: a matrix norm needs p = 1, 2, inf or \"fro\" (got p = \(formatNumber(p, style: .long)))", at: "p",
                                     hint: "for the p-norm of all the elements, use norm(A[:], p)")
                }
            }
            return .number(try args.blaming("p") { try LinAlg.norm(x, kind) })
        }),
        Builtin("angle", [.req("u"), .req("v")], area: .linearAlgebra, summary: "Angle between two vectors, in radians",
                help: "angle(u, v) is θ with cos θ = u·v / (‖u‖·‖v‖), between 0 and π. Multiply by 180 / pi for degrees. Perpendicular vectors give π/2; the zero vector has no direction, so it is an error.",
                examples: [BuiltinExample("angle([1, 0], [0, 1])", "1.5707963267948966"),
                           BuiltinExample("angle([1, 0], [1, 1]) * 180 / pi", "45.00000000000001")], body: .general { args in
            let u = try args.matrix("u"), v = try args.matrix("v")
            return .number(try LinAlg.angle(u, v))
        }),
        Builtin("unit", [.req("v")], area: .linearAlgebra, summary: "The unit vector v / ‖v‖ in the direction of v",
                help: "unit(v) has length 1 and points the same way as v (normalising a vector). The zero vector has no direction, so it is an error.",
                examples: [BuiltinExample("unit([3, 4])", "[0.6, 0.8]")], body: .general { args in
            let v = try args.matrix("v")
            return .matrix(try args.blaming("v") { try LinAlg.unit(v) })
        }),
        Builtin("outer", [.req("u"), .req("v")], area: .linearAlgebra, summary: "Outer product u·vᵀ (the same as u * v')",
                help: "outer(u, v) is the matrix whose (i, j) entry is uᵢ·vⱼ: a column times a row, so it can be written u * v' as well. Every outer product has rank 1 (unless u or v is zero).",
                examples: [BuiltinExample("outer([1, 2], [3, 4, 5])", "  3  4   5\n  6  8  10"),
                           BuiltinExample("u = [1, 2]; u * u'", "  1  2\n  2  4")], body: .general { args in
            let u = try args.matrix("u"), v = try args.matrix("v")
            let x = try u.vectorElements("outer"), y = try v.vectorElements("outer")
            return .matrix(try LinAlg.matmul(Matrix(column: x), Matrix(rows: 1, cols: y.count, data: y)))
        }),
        Builtin("projection", [.req("u"), .req("onto")], area: .linearAlgebra, summary: "Orthogonal projection of u onto a vector or onto the column space of a matrix",
                help: "projection(u, v) for a vector v is the shadow of u on the line through v: (u·v / v·v)·v. projection(u, A) for a matrix A is the point of the column space of A closest to u (computed from an orthonormal basis of that space, so A may be rank-deficient). u may also be a matrix: each of its columns is projected. In both cases u − projection(u, …) is perpendicular to the space.",
                examples: [BuiltinExample("projection([2, 3], [1, 0])", "[2, 0]"),
                           BuiltinExample("projection([1, 2, 3], [1, 0; 0, 1; 0, 0])", "[1, 2, 0]")], body: .general { args in
            let u = try args.matrix("u"), onto = try args.matrix("onto")
            // A single column spans a line, so both routes agree there; the vector one is exact.
            if onto.isAnyVector && u.isAnyVector { return .matrix(try LinAlg.project(u, onto: onto)) }
            // Several vectors (columns of u) onto a line: the line as a one-column matrix.
            let basis = onto.rows == 1 && onto.cols > 1 ? onto.transposed : onto
            return .matrix(try LinAlg.project(u, ontoColumnSpaceOf: basis))
        }),
        Builtin("is_independent", [.req("A"), .rest("vectors")], area: .linearAlgebra, summary: "Whether vectors (or the columns of a matrix) are linearly independent",
                help: "is_independent(A) asks whether the columns of A are linearly independent (rank(A) equals the number of columns); is_independent(u, v, w) asks the same of the vectors given. No vector of an independent set is a combination of the others. More vectors than their length can never be independent.",
                examples: [BuiltinExample("is_independent([1, 0], [0, 1])", "true"), BuiltinExample("is_independent([1, 2], [2, 4])", "false"),
                           BuiltinExample("is_independent([1, 0, 1; 0, 1, 1])", "false")], body: .general { args in
            let first = try args.matrix("A")
            if args.rest.isEmpty {
                return .bool(try args.blaming("A") { try LinAlg.isIndependent(first) })
            }
            var vectors = [first]
            for (value, span) in zip(args.rest, args.restSpans) {
                guard let m = value.asMatrix else {
                    throw MMLError(kind: .argument, "is_independent: every argument must be a vector, not a \(value.typeName)", at: span)
                }
                vectors.append(m)
            }
            return .bool(try LinAlg.isIndependent(vectors: vectors))
        }),
        Builtin("kron", [.req("A"), .req("B")], area: .linearAlgebra, summary: "Kronecker product: every entry of A times the whole of B",
                help: "kron(A, B) is the block matrix whose block (i, j) is A[i, j]·B; an m×n A and a p×q B give an mp×nq result.",
                examples: [BuiltinExample("kron([1, 2], [1, 1])", "[1, 1, 2, 2]"),
                           BuiltinExample("kron(eye(2), [1, 2; 3, 4])", "  1  2  0  0\n  3  4  0  0\n  0  0  1  2\n  0  0  3  4")],
                body: .general { args in
            let a = try args.matrix("A"), b = try args.matrix("B")
            return .matrix(try LinAlg.kron(a, b))
        }),
        Builtin("trace", [.req("A")], area: .linearAlgebra, summary: "Sum of the diagonal of a square matrix",
                help: "trace(A) = Σ aᵢᵢ. It equals the sum of the eigenvalues of A, and trace(A * B) = trace(B * A).",
                examples: [BuiltinExample("trace([1, 2; 3, 4])", "5")], body: .general { args in
            let a = try args.matrix("A")
            return .number(try args.blaming("A") { try LinAlg.trace(a) })
        }),
    ]
}

/// An argument of a binary linear-algebra builtin as a matrix, or the error naming it.
@inline(__always)
private func vectorOperand(_ value: Value, _ name: String, of builtin: String, at span: SourceSpan) throws -> Matrix {
    if case .matrix(let m) = value { return m }  // the usual case, without `asMatrix`'s copy
    guard let m = try value.matrixOperand() else {
        throw MMLError(kind: .argument, "\(builtin): `\(name)` must be a number, vector or matrix, not a \(value.typeName)", at: span,
                       hint: "\(builtin)(u, v) takes two vectors of the same length")
    }
    return m
}
