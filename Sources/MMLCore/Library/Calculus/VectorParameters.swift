// Which parameters of a math function stand for vectors. A definition has no types, so the
// formula decides, by one rule a learner can predict:
//
//   a parameter is a vector when the formula uses it as one —
//     multiplied by a matrix from the right (X * w, with X a data matrix or a transposed vector),
//     transposed (w'), in a dot product (w ⋅ v, dot(w, v)),
//     or reduced on its own: a builtin whose calculus facet reduces a vector or takes it whole
//     (sum, mean, length, norm, softmax, the losses) of an expression without data
//     (sum(w .^ 2), softmax(z)).
//   Every other parameter is a number.
//
// So in J(w, b) = mean((w*xs + b - ys)^2) both w and b are numbers (the data xs make the vector),
// and in L(w) = sum(log(1 + exp(-ys .* (X * w)))) w is a vector.

enum VectorParameters {
    /// How the builtin `name` treats a vector argument (elementwise when it has no facet).
    static func role(of name: String) -> VectorRole {
        Builtins.table[name]?.calculus?.vector ?? .elementwise
    }

    /// True for builtins whose argument, when it involves no data, makes its parameters vectors.
    static func takesWholeVector(_ name: String) -> Bool {
        switch role(of: name) {
        case .reduces, .wholeVector: return true
        case .elementwise, .pairs, .transposes: return false
        }
    }

    /// The parameters of `body` used as vectors. `isData(name)` says whether a name that is not
    /// a parameter holds a vector or matrix; `isMatrix(name)` whether it has several columns.
    static func infer(_ body: Expr, parameters: [String], isData: (String) -> Bool, isMatrix: (String) -> Bool) -> Set<String> {
        let params = Set(parameters)
        var vectors = Set<String>()

        func parameter(_ e: Expr) -> String? {
            if case .identifier(let n) = e.kind, params.contains(n) { return n }
            return nil
        }
        /// True when `e` is certainly a matrix or a row (so `e * p` makes `p` a vector).
        func isMatrixLike(_ e: Expr) -> Bool {
            switch e.kind {
            case .identifier(let n): return !params.contains(n) && isMatrix(n)
            case .prime(let inner, let count) where count % 2 == 1:
                // A transposed parameter is a row, so it multiplies a vector; a transposed data vector too.
                return parameter(inner) != nil || mentionsData(inner)
            default: return false
            }
        }
        func mentionsData(_ e: Expr) -> Bool {
            if case .identifier(let n) = e.kind { return !params.contains(n) && isData(n) }
            if case .call(_, let args) = e.kind { return args.contains { mentionsData($0.value) } }
            return ExprWalk.children(e).contains(where: mentionsData)
        }
        func mark(parametersIn e: Expr) {
            if let p = parameter(e) { vectors.insert(p); return }
            for c in ExprWalk.children(e) { mark(parametersIn: c) }
        }
        func visit(_ e: Expr) {
            switch e.kind {
            case .prime(let inner, let count) where count % 2 == 1:
                if let p = parameter(inner) { vectors.insert(p) }
            case .binary(.multiply, let l, let r):
                if let p = parameter(r), isMatrixLike(l) { vectors.insert(p) }
            case .binary(.dot, let l, let r):
                if let p = parameter(l) { vectors.insert(p) }
                if let p = parameter(r) { vectors.insert(p) }
            case .call(let callee, let args):
                if case .identifier(let name) = callee.kind {
                    if case .pairs = role(of: name) {
                        for a in args { if let p = parameter(a.value) { vectors.insert(p) } }
                    } else if takesWholeVector(name), args.count == 1, !mentionsData(args[0].value) {
                        mark(parametersIn: args[0].value)
                    }
                }
            default: break
            }
            for c in ExprWalk.children(e) { visit(c) }
        }
        visit(body)
        return vectors
    }
}

/// Generic access to the operands of a syntax-tree node.
enum ExprWalk {
    /// The direct sub-expressions of `e` (call arguments included, callee excluded).
    static func children(_ e: Expr) -> [Expr] {
        switch e.kind {
        case .number, .string, .bool, .identifier, .end, .all: return []
        case .unary(_, let a): return [a]
        case .binary(_, let a, let b): return [a, b]
        case .range(let start, let step, let stop): return [start] + (step.map { [$0] } ?? []) + [stop]
        case .prime(let a, _): return [a]
        case .call(_, let args): return args.map(\.value)
        case .index(let a, let ix): return [a] + ix
        case .field(let a, _): return [a]
        case .matrix(let rows, _): return rows.flatMap { $0 }
        case .lambda(_, let body): return [body]
        case .tuple(let items): return items
        }
    }

    /// Every identifier that is read as a value (not called) in `e`.
    static func names(in e: Expr, into set: inout Set<String>) {
        if case .identifier(let n) = e.kind { set.insert(n) }
        for c in children(e) { names(in: c, into: &set) }
    }
}
