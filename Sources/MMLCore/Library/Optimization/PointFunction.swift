// Calling an MML function at a point x ∈ ℝⁿ: the bridge between interpreter values and the
// optimization engine's closures over [Double].
//
// The calling convention (documented in gd's help):
// - one coordinate: f(x) with a number;
// - n > 1 coordinates and f has n parameters (g(x, y) with x0 = [1, 1]): one number per parameter;
// - otherwise f gets the whole point as one n-element column vector (J(w) with w = [0, 0]);
//   a builtin function always gets the vector.

/// An MML function bound to a calling convention for points of a fixed dimension. A class: the
/// optimizers call it through closures at every step, and a struct would be copied (its
/// references retained and released) at each call.
final class PointFunction {
    enum Convention { case scalar, spread, vector }

    let function: Function
    let convention: Convention
    let dimension: Int
    /// The name used in messages: "f", "grad", …
    let role: String
    let ip: Interpreter
    let span: SourceSpan
    /// f's numeric form, when it takes the point's coordinates as numbers.
    let numericEntry: NumericEntry?

    init(_ function: Function, dimension n: Int, role: String, ip: Interpreter, at span: SourceSpan) throws {
        self.function = function
        self.dimension = n
        self.role = role
        self.ip = ip
        self.span = span
        if n == 1 {
            convention = .scalar
            numericEntry = NumericEntry(function, arguments: 1)
            return
        }
        guard let user = function as? UserFunction else {
            convention = .vector
            numericEntry = nil
            return
        }
        let total = user.parameters.count
        let required = user.parameters.filter { $0.defaultValue == nil }.count
        if total > 1 && required <= n && n <= total {
            convention = .spread
            numericEntry = NumericEntry(function, arguments: n)
        } else if total >= 1 && required <= 1 {
            convention = .vector
            numericEntry = nil
        } else {
            throw MMLError(kind: .argument, "\(role) takes \(total) argument\(total == 1 ? "" : "s") (\(user.parameterList)) but the start point has \(n) coordinates",
                           at: span, hint: "give a start point with \(total) numbers, one per parameter, or write \(role) with one vector parameter")
        }
    }

    /// The MML arguments for the point x.
    func arguments(_ x: [Double]) -> [Value] {
        switch convention {
        case .scalar: return [.number(x[0])]
        case .spread: return x.map { .number($0) }
        case .vector: return [.matrix(Matrix(column: x))]
        }
    }

    /// f(x) as the value it returns. Checks for Ctrl-C first: a builtin f (or grad) would
    /// otherwise let a long run ignore it.
    func call(_ x: [Double]) throws -> Value {
        try ip.checkInterrupt(at: span)
        return try ip.call(function, arguments(x), at: span)
    }

    /// f(x) through f's numeric form (numbers in, numbers out, no interpreted call) when f
    /// has one: a number, or a matrix literal's entries. Nil means call f the ordinary way,
    /// which also gives any error.
    private func numeric(_ x: [Double]) -> (entries: [Double], rows: Int, cols: Int)? {
        if let y = numericEntry?.number(ip, x) { return ([y], 1, 1) }
        return numericEntry?.array(ip, x)
    }

    /// f(x), which must be one number.
    func number(_ x: [Double]) throws -> Double {
        if let y = numericEntry?.number(ip, x) { return y }
        let v = try call(x)
        switch v {
        case .number(let y): return y
        case .matrix(let m) where m.count == 1 && !m.isLogical: return m.data[0]
        default:
            throw MMLError(kind: .type, "\(role) must return one number, but at \(pointText(x)) it returned a \(v.typeName)",
                           at: span, hint: v.asMatrix != nil && role == "f" ? "to find where several functions are zero at once, use newton(f, x0)" : nil)
        }
    }

    /// f(x), which must be `count` numbers (a number, a vector or a row).
    func vector(_ x: [Double], count: Int? = nil) throws -> [Double] {
        if let r = numeric(x), r.rows == 1 || r.cols == 1, r.entries.count == count ?? r.entries.count { return r.entries }
        let v = try call(x)
        guard let m = v.asMatrix, !m.isLogical, m.rows == 1 || m.cols == 1 else {
            throw MMLError(kind: .type, "\(role) must return a number or a vector, but at \(pointText(x)) it returned a \(v.typeName)", at: span)
        }
        if let count, m.count != count {
            throw MMLError(kind: .shape, "\(role) must return \(count) number\(count == 1 ? "" : "s") (one per coordinate), but at \(pointText(x)) it returned \(m.count)",
                           at: span)
        }
        return m.data
    }

    /// f(x) as `vector(_:count:)` gives it, written into `out`: in place through f's numeric
    /// form when it has one (no allocation), else by the ordinary call.
    func vector(_ x: [Double], into out: inout [Double], count: Int) throws {
        // (Not `if let numericEntry`: binding the entry retains and releases its two objects
        // at every step of an optimizer.)
        if out.count == count, numericEntry?.fill(ip, x, into: &out) == true { return }
        out = try vector(x, count: count)
    }

    /// f(x), which must be a `rows`×`cols` matrix (a Jacobian or a Hessian).
    func matrix(_ x: [Double], rows: Int, cols: Int) throws -> Matrix {
        if let r = numeric(x), r.rows == rows, r.cols == cols { return Matrix(rows: rows, cols: cols, data: r.entries) }
        let v = try call(x)
        guard let m = v.asMatrix, !m.isLogical, m.rows == rows, m.cols == cols else {
            let got = v.asMatrix.map { $0.shapeDescription } ?? "a \(v.typeName)"
            throw MMLError(kind: .shape, "\(role) must return a \(rows)×\(cols) matrix, but at \(pointText(x)) it returned \(got)", at: span)
        }
        return m
    }
}

extension Arguments {
    /// A start point: a number, or a vector/row of numbers (at most 10,000 coordinates).
    func startPoint(_ name: String) throws -> (point: [Double], wasNumber: Bool) {
        let v = try value(name)
        if case .number(let x) = v { return ([x], true) }
        guard let m = v.asMatrix, !m.isLogical, m.rows == 1 || m.cols == 1, m.count >= 1 else {
            throw error("\(builtin.name): `\(name)` must be a number or a vector, not a \(v.typeName)", at: name)
        }
        guard m.count <= 10_000 else {
            throw error("\(builtin.name): `\(name)` has \(m.count) coordinates; at most 10000 are supported", at: name)
        }
        return (m.data, m.count == 1)
    }
}
