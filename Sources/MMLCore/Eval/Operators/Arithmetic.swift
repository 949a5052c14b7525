// The binary and unary operators on values: scalars, complex numbers, strings, matrices.
import ComplexModule
import RealModule
#if canImport(Glibc)
import Glibc
#endif

/// Where an operator was written, to name its operands in errors.
struct OperatorSite {
    var op: BinaryOperator
    var span: SourceSpan
    var left: SourceSpan
    var right: SourceSpan
}

enum Arithmetic {
    /// Applies a binary operator to two values.
    static func binary(_ ip: Interpreter, _ site: OperatorSite, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            return scalar(site.op, x, y)
        case (.bool, _), (_, .bool):
            if case .bool(let p) = a, case .bool(let q) = b, site.op == .equal || site.op == .notEqual {
                return .bool((p == q) == (site.op == .equal))
            }
            return try binary(ip, site, a.boolAsNumber, b.boolAsNumber)
        case (.complex, .number), (.number, .complex), (.complex, .complex):
            return try complexScalar(ip, site, a.asComplex!, b.asComplex!)
        case (.string(let s), .string(let t)):
            let x = s.text, y = t.text
            switch site.op {
            case .add:
                try Interpreter.locating(at: site.span) { try StringValue.reserve(x.utf8.count + y.utf8.count, for: "joining these strings") }
                return .string(x + y)
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            case .less: return .bool(x < y)
            case .greater: return .bool(x > y)
            case .lessEqual: return .bool(x <= y)
            case .greaterEqual: return .bool(x >= y)
            default: break
            }
        case (.object(let v as StringVector), .string(let s)), (.string(let s), .object(let v as StringVector)):
            let s = s.text
            // t.species == "setosa": one true/false per element, a mask for t[mask, :].
            if site.op == .equal || site.op == .notEqual {
                let equal = site.op == .equal
                return .matrix(Matrix(rows: v.values.count, cols: 1, data: v.values.map { ($0 == s) == equal ? 1 : 0 }, isLogical: true))
            }
            throw MMLError(kind: .type, "cannot apply \(site.op.rawValue) to a \(a.typeName) and a \(b.typeName)", at: site.span)
        case (.string, _), (_, .string):
            if site.op == .equal || site.op == .notEqual { return .bool(site.op == .notEqual) }
            throw MMLError(kind: .type, "cannot apply \(site.op.rawValue) to a \(a.typeName) and a \(b.typeName)", at: site.span,
                           hint: site.op == .add ? "to join text with a number, convert it first: \"x = \" + string(x)" : nil)
        case (.number(let x), .matrix(let m)):
            if let v = try stretched(site, x, m, numberOnLeft: true) { return v }
        case (.matrix(let m), .number(let x)):
            if let v = try stretched(site, x, m, numberOnLeft: false) { return v }
        default:
            break
        }
        if let m = try Interpreter.locating(at: site.left, { try a.matrixOperand() }),
           let n = try Interpreter.locating(at: site.right, { try b.matrixOperand() }) {
            return try Interpreter.locating(at: site.span) { try matrices(ip, site, m, n) }
        }
        throw MMLError(kind: .type, "cannot apply \(site.op.rawValue) to a \(a.typeName) and a \(b.typeName)", at: site.span)
    }

    @inline(__always)
    static func scalar(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value {
        switch op {
        case .add: return .number(x + y)
        case .subtract: return .number(x - y)
        case .multiply, .elementMultiply, .dot: return .number(x * y)
        case .divide, .elementDivide: return .number(x / y)
        case .leftDivide: return .number(y / x)
        case .power, .elementPower: return .number(power(x, y))
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        case .less: return .bool(x < y)
        case .lessEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterEqual: return .bool(x >= y)
        case .and: return .bool(x != 0 && y != 0)
        case .or: return .bool(x != 0 || y != 0)
        }
    }

    /// The arithmetic operators whose result on two numbers is a number (`arithmetic`).
    static func isArithmetic(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .subtract, .multiply, .elementMultiply, .dot, .divide, .elementDivide, .leftDivide, .power, .elementPower: return true
        default: return false
        }
    }

    /// `scalar` for an arithmetic operator, as a Double (0 for the others, which pure
    /// nodes never have: see `isArithmetic`).
    @inline(__always)
    static func arithmetic(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply, .elementMultiply, .dot: return x * y
        case .divide, .elementDivide: return x / y
        case .leftDivide: return y / x
        case .power, .elementPower: return power(x, y)
        default: return 0
        }
    }

    /// The truth of a comparison of two numbers, or nil when `op` is not a comparison.
    @inline(__always)
    static func compare(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Bool? {
        switch op {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        default: return nil
        }
    }

    /// x^y with exact results for small integer exponents (2^10 is 1024 exactly).
    @inline(__always)
    static func power(_ x: Double, _ y: Double) -> Double {
        if y == 2 { return x * x }
        // C's pow follows IEEE 754: a negative base with a whole exponent is real ((-2)^3 = -8);
        // RealModule's Double.pow is defined for x ≥ 0 only.
        return Glibc.pow(x, y)
    }

    static func complexScalar(_ ip: Interpreter, _ site: OperatorSite, _ z: Complex<Double>, _ w: Complex<Double>) throws -> Value {
        switch site.op {
        case .add: return normalized(z + w)
        case .subtract: return normalized(z - w)
        case .multiply, .elementMultiply: return normalized(z * w)
        case .divide, .elementDivide: return normalized(z / w)
        case .leftDivide: return normalized(w / z)
        case .power, .elementPower:
            if w.imaginary == 0, w.real == w.real.rounded(), abs(w.real) <= 64 {
                // Integer powers by repeated multiplication keep im^2 exactly -1.
                var result = Complex<Double>.one
                for _ in 0..<Int(abs(w.real)) { result = result * z }
                return normalized(w.real < 0 ? Complex.one / result : result)
            }
            return normalized(Complex.pow(z, w))
        case .equal: return .bool(z == w)
        case .notEqual: return .bool(z != w)
        default:
            throw MMLError(kind: .type, "complex numbers cannot be compared with \(site.op.rawValue)", at: site.span,
                           hint: "compare their magnitudes with abs(z), or their real parts with real(z)")
        }
    }

    /// A complex result with a zero imaginary part stays complex (the learner asked for
    /// complex arithmetic); only exact zeros from i·i collapse in printing.
    static func normalized(_ z: Complex<Double>) -> Value { .complex(z) }

    static func matrices(_ ip: Interpreter, _ site: OperatorSite, _ a: Matrix, _ b: Matrix) throws -> Value {
        let logical = isComparison(site.op)
        switch site.op {
        case .multiply:
            if a.count == 1 || b.count == 1 { return try elementwise(ip, site, a, b, logical: false) }
            guard a.cols == b.rows else { throw productMismatch(ip, site, a, b) }
            return collapse(try Kernels.product(a, b, at: site.span))
        case .dot:
            guard a.count == b.count else {
                throw MMLError(kind: .shape, "\(describe(ip, site.left)) has \(a.count) elements and \(describe(ip, site.right)) has \(b.count): a dot product needs equal lengths", at: site.span)
            }
            return .number(zip(a.data, b.data).reduce(0) { $0 + $1.0 * $1.1 })
        case .divide:
            if b.count == 1 { return try elementwise(ip, site, a, b, logical: false) }
            if a.count == 1 {
                throw MMLError(kind: .shape, "cannot divide a number by a \(b.shapeDescription) matrix", at: site.span,
                               hint: "for elementwise division use ./ ; for the inverse use inv(A)")
            }
            // A / B solves X·B = A, i.e. Bᵀ·Xᵀ = Aᵀ.
            guard a.cols == b.cols else {
                throw MMLError(kind: .shape, "\(describe(ip, site.left)) is \(a.shapeDescription) and \(describe(ip, site.right)) is \(b.shapeDescription): A / B needs the same number of columns", at: site.span,
                               hint: "for elementwise division use ./")
            }
            return .matrix(try Kernels.solve(b.transposed, a.transposed, ip: ip, at: site.span).transposed)
        case .leftDivide:
            if a.count == 1 { return try elementwise(ip, .init(op: .elementDivide, span: site.span, left: site.right, right: site.left), b, a, logical: false) }
            guard a.rows == b.rows else {
                throw MMLError(kind: .shape, "\(describe(ip, site.left)) is \(a.shapeDescription) and \(describe(ip, site.right)) is \(b.shapeDescription): A \\ b needs as many rows in b as in A", at: site.span)
            }
            return .matrix(try Kernels.solve(a, b, ip: ip, at: site.span))
        case .power:
            if a.count == 1 && b.count == 1 { return .number(power(a.data[0], b.data[0])) }
            // A vector has no matrix power, so v^2 squares each element, as in formulas like
            // mean((w*xs - ys)^2); a square matrix gets the matrix power A·A.
            if b.count == 1, a.isVector || a.isRow { return try elementwise(ip, site, a, b, logical: false) }
            if b.count == 1 { return .matrix(try Kernels.matrixPower(a, b.data[0], ip: ip, site: site)) }
            throw MMLError(kind: .shape, "a matrix cannot be an exponent of ^", at: site.right, hint: "for elementwise powers use .^")
        default:
            return try elementwise(ip, site, a, b, logical: logical)
        }
    }

    /// What `op` does to one pair of elements (a comparison gives 1 or 0).
    static func kernel(_ op: BinaryOperator) -> (Double, Double) -> Double {
        switch op {
        case .add: return { $0 + $1 }
        case .subtract: return { $0 - $1 }
        case .multiply, .elementMultiply, .dot: return { $0 * $1 }
        case .divide, .elementDivide: return { $0 / $1 }
        case .leftDivide: return { $1 / $0 }
        case .power, .elementPower: return { power($0, $1) }
        case .equal: return { $0 == $1 ? 1 : 0 }
        case .notEqual: return { $0 != $1 ? 1 : 0 }
        case .less: return { $0 < $1 ? 1 : 0 }
        case .lessEqual: return { $0 <= $1 ? 1 : 0 }
        case .greater: return { $0 > $1 ? 1 : 0 }
        case .greaterEqual: return { $0 >= $1 ? 1 : 0 }
        case .and: return { $0 != 0 && $1 != 0 ? 1 : 0 }
        case .or: return { $0 != 0 || $1 != 0 ? 1 : 0 }
        }
    }

    /// `x op m` or `m op x` for a number x, when `matrices` would stretch x over m
    /// elementwise: the same result, without making x a 1×1 matrix first. Nil for the
    /// operators that treat a number and a matrix otherwise (`x / A` is an error, `A ^ x`
    /// may be a matrix power, `u ⋅ x` needs equal lengths, …).
    @inline(__always)
    static func stretched(_ site: OperatorSite, _ x: Double, _ m: Matrix, numberOnLeft: Bool) throws -> Value? {
        guard stretchesNumber(site.op, numberOnLeft: numberOnLeft) else { return nil }
        let f = kernel(site.op)
        let result = try Interpreter.locating(at: site.span) {
            try numberOnLeft ? m.mapped { f(x, $0) } : m.mapped { f($0, x) }
        }
        return .matrix(result)
    }

    /// Whether `matrices` applies `op` to a number and a matrix by stretching the number over
    /// every element.
    @inline(__always)
    static func stretchesNumber(_ op: BinaryOperator, numberOnLeft: Bool) -> Bool {
        switch op {
        case .add, .subtract, .multiply, .elementMultiply, .elementDivide: return true
        case .divide: return !numberOnLeft
        default: return false
        }
    }

    /// Whether `matrices` applies `op` to two matrices of one shape element by element.
    @inline(__always)
    static func pairsElements(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .subtract, .elementMultiply, .elementDivide: return true
        default: return false
        }
    }

    /// `a op b` written over the storage of one operand (`right`: b, else a), a temporary the
    /// expression made (`g + e * xi`, `w - lr * g`): the result needs no new vector. For an
    /// elementwise operator on two matrices of one shape, or a matrix and a number that
    /// `stretched` would stretch, up to one chunk of elements; nil otherwise (then nothing has
    /// changed). Copy-on-write keeps it right should that operand be shared after all.
    static func overwriting(_ site: OperatorSite, _ a: inout Value, _ b: inout Value, right: Bool) -> Value? {
        guard case .matrix(var out) = right ? b : a, !out.isLogical, out.count <= StopToken.chunk else { return nil }
        switch right ? a : b {
        case .number:
            guard stretchesNumber(site.op, numberOnLeft: right) else { return nil }
        case .matrix(let m):
            guard pairsElements(site.op), m.rows == out.rows, m.cols == out.cols, !m.isLogical else { return nil }
        default:
            return nil
        }
        if right { b = .nothing } else { a = .nothing }  // `out` is now the only reference
        let f = kernel(site.op)
        out.storage.withUnsafeMutableBufferPointer { z in
            switch (right, right ? a : b) {
            case (true, .number(let x)): for i in z.indices { z[i] = f(x, z[i]) }
            case (false, .number(let y)): for i in z.indices { z[i] = f(z[i], y) }
            case (true, .matrix(let m)): m.storage.withUnsafeBufferPointer { x in for i in z.indices { z[i] = f(x[i], z[i]) } }
            case (false, .matrix(let n)): n.storage.withUnsafeBufferPointer { y in for i in z.indices { z[i] = f(z[i], y[i]) } }
            default: break
            }
        }
        return .matrix(out)
    }

    static func elementwise(_ ip: Interpreter, _ site: OperatorSite, _ a: Matrix, _ b: Matrix, logical: Bool) throws -> Value {
        let f = kernel(site.op)
        guard let m = try Matrix.broadcast(a, b, logical: logical || site.op == .and || site.op == .or, f) else {
            throw MMLError(kind: .shape,
                           "\(describe(ip, site.left)) is \(a.shapeDescription) and \(describe(ip, site.right)) is \(b.shapeDescription): \(site.op.rawValue) works elementwise and needs equal shapes",
                           at: site.span,
                           hint: "a scalar, a row (1×n) or a column (m×1) is stretched to match the other side; transpose with ' if one of them lies the wrong way")
        }
        return .matrix(m)
    }

    static func isComparison(_ op: BinaryOperator) -> Bool {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }

    /// A 1×1 product (a row times a column) is a number.
    static func collapse(_ m: Matrix) -> Value {
        m.count == 1 && !(m.rows == 1 && m.cols == 1 && m.isLogical) ? .number(m.data[0]) : .matrix(m)
    }

    static func productMismatch(_ ip: Interpreter, _ site: OperatorSite, _ a: Matrix, _ b: Matrix) -> MMLError {
        let l = describe(ip, site.left), r = describe(ip, site.right)
        var hints: [String] = []
        if a.rows == b.rows && a.cols == b.cols {
            hints.append(a.isVector ? "for the dot product use dot(u, v) or u ⋅ v; for elementwise use .*"
                                     : "for elementwise use .*; for A times B transposed, A * B'")
        } else if a.cols == b.cols {
            hints.append("cols(A) = \(a.cols) = cols(B): did you mean A * B' ?")
        } else if a.rows == b.rows {
            hints.append("rows(A) = \(a.rows) = rows(B): did you mean A' * B ?")
        }
        var error = MMLError(kind: .shape, "\(l) is \(a.shapeDescription) and \(r) is \(b.shapeDescription): A * B needs cols(A) = rows(B)", at: site.span)
        error.diagnostic.hints = hints
        return error
    }

    /// An operand named by its source text when short (`A`, `x'`), else by its side.
    static func describe(_ ip: Interpreter, _ span: SourceSpan) -> String {
        let text = ip.sources[span.source]?.text(of: span) ?? ""
        return text.isEmpty || text.count > 16 || text.contains("\n") ? (span.start == 0 ? "the left side" : "the operand") : "`\(text)`"
    }

    // MARK: Unary

    static func negate(_ v: Value, at span: SourceSpan) throws -> Value {
        try Interpreter.locating(at: span) { try negated(v, at: span) }
    }

    private static func negated(_ v: Value, at span: SourceSpan) throws -> Value {
        switch v {
        case .number(let x): return .number(-x)
        case .bool(let b): return .number(b ? -1 : 0)
        case .complex(let z): return .complex(-z)
        case .matrix(let m): return .matrix(try m.mapped { -$0 })
        case .range(let r): return .range(RangeValue(start: -r.start, step: -r.step, count: r.count))
        default: throw MMLError(kind: .type, "cannot negate a \(v.typeName)", at: span)
        }
    }

    static func not(_ v: Value, at span: SourceSpan) throws -> Value {
        switch v {
        case .bool(let b): return .bool(!b)
        case .number(let x): return .bool(x == 0)
        case .matrix(let m):
            return .matrix(try Interpreter.locating(at: span) { try m.mapped(logical: true) { $0 == 0 ? 1 : 0 } })
        default: throw MMLError(kind: .type, "`!` needs true or false, not a \(v.typeName)", at: span)
        }
    }
}

extension Value {
    /// The value as a matrix operand (`asMatrix`), with a range's elements made under the
    /// memory budget.
    func matrixOperand() throws -> Matrix? {
        if case .range(let r) = self { return try r.checkedMatrix() }
        return asMatrix
    }

    var boolAsNumber: Value {
        if case .bool(let b) = self { return .number(b ? 1 : 0) }
        return self
    }

    var asComplex: Complex<Double>? {
        switch self {
        case .number(let x): return Complex(x, 0)
        case .complex(let z): return z
        default: return nil
        }
    }
}
