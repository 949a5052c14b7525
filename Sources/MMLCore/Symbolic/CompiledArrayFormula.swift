// A formula over captured data compiled once into whole-array operations: each node works on
// entire vectors (no interpreted loop per element), with scalars broadcast.
import Glibc

/// A formula that may involve data vectors and matrices, ready to evaluate.
public struct CompiledArrayFormula: Sendable {
    /// The variables, in the order their values are passed (scalars as 1×1 matrices).
    public let variables: [String]
    private let body: @Sendable ([Matrix]) throws -> Matrix

    /// The value at `arguments`; a scalar result is a 1×1 matrix.
    public func evaluate(_ arguments: [Matrix]) throws -> Matrix {
        guard arguments.count == variables.count else {
            throw SymbolicError("this formula takes \(variables.count) argument\(variables.count == 1 ? "" : "s"), not \(arguments.count)")
        }
        return try body(arguments)
    }

    /// The value at scalar arguments.
    public func evaluate(scalars: [Double]) throws -> Matrix {
        try evaluate(scalars.map { Matrix(rows: 1, cols: 1, data: [$0]) })
    }

    fileprivate init(variables: [String], body: @escaping @Sendable ([Matrix]) throws -> Matrix) {
        self.variables = variables
        self.body = body
    }
}

private typealias ArrayKernel = @Sendable ([Matrix]) throws -> Matrix

extension Formula {
    /// Compiles the formula for evaluation over `data` (captured vectors and matrices by name).
    public func compiledOverData(variables: [String], data: [String: Matrix]) throws -> CompiledArrayFormula {
        var slots: [String: Int] = [:]
        for (i, v) in variables.enumerated() where slots[v] == nil { slots[v] = i }
        return CompiledArrayFormula(variables: variables, body: try arrayKernel(slots, data))
    }

    private func arrayKernel(_ slots: [String: Int], _ data: [String: Matrix]) throws -> ArrayKernel {
        switch self {
        case .number, .constant:
            let c = Matrix(rows: 1, cols: 1, data: [numericValue])
            return { _ in c }
        case .variable(let name), .vectorVariable(let name), .data(let name):
            if let i = slots[name] { return { $0[i] } }
            if let m = data[name] { return { _ in m } }
            throw SymbolicError("unknown name `\(name)` in the formula")
        case .sum(let terms):
            let ks = try terms.map { try $0.arrayKernel(slots, data) }
            return { args in
                var acc = try ks[0](args)
                for k in ks.dropFirst() { acc = try ArrayMath.broadcast(acc, try k(args), +) }
                return acc
            }
        case .product(let factors):
            let ks = try factors.map { try $0.arrayKernel(slots, data) }
            return { args in
                var acc = try ks[0](args)
                for k in ks.dropFirst() { acc = try ArrayMath.broadcast(acc, try k(args), *) }
                return acc
            }
        case .power(let base, let exponent):
            let b = try base.arrayKernel(slots, data)
            if let n = exponent.numberValue {
                let e = n.double
                if e == 2 { return { ArrayMath.map(try b($0)) { $0 * $0 } } }
                if e == 0.5 { return { ArrayMath.map(try b($0)) { $0.squareRoot() } } }
                if e == -1 { return { ArrayMath.map(try b($0)) { 1 / $0 } } }
                return { ArrayMath.map(try b($0)) { Glibc.pow($0, e) } }
            }
            let e = try exponent.arrayKernel(slots, data)
            return { try ArrayMath.broadcast(try b($0), try e($0)) { Glibc.pow($0, $1) } }
        case .matrixProduct(let a, let b):
            let ka = try a.arrayKernel(slots, data), kb = try b.arrayKernel(slots, data)
            return { try ArrayMath.matmul(try ka($0), try kb($0)) }
        case .call(let name, let args):
            return try callKernel(name, args, slots, data)
        }
    }

    /// The value of a number or named constant.
    private var numericValue: Double {
        switch self {
        case .number(let n): return n.double
        case .constant(let c): return c.value
        default: return .nan
        }
    }

    private func callKernel(_ name: String, _ args: [Formula], _ slots: [String: Int], _ data: [String: Matrix]) throws -> ArrayKernel {
        guard let f = SymbolicFunctions.table[name] else { throw SymbolicError("unknown function `\(name)` in the formula") }
        guard f.arity.contains(args.count) else { throw SymbolicError.wrongArity(name, args.count, f.arity) }
        let ks = try args.map { try $0.arrayKernel(slots, data) }
        if let whole = f.calculus.arrayKernel {
            return { p in try whole(try ks.map { try $0(p) }) }
        }
        switch (f.calculus.kernel, ks.count) {
        case (.unary(let g)?, 1), (.unaryOrBinary(let g, _)?, 1):
            let a = ks[0]
            return { ArrayMath.map(try a($0), g) }
        case (.binary(let g)?, 2), (.unaryOrBinary(_, let g)?, 2):
            let a = ks[0], b = ks[1]
            return { try ArrayMath.broadcast(try a($0), try b($0), g) }
        default:
            throw SymbolicError("`\(name)` cannot be evaluated in a formula")
        }
    }
}

/// Whole-array kernels used by compiled formulas.
enum ArrayMath {
    static func scalar(_ x: Double) -> Matrix { Matrix(rows: 1, cols: 1, data: [x]) }

    static func map(_ m: Matrix, _ f: (Double) -> Double) -> Matrix {
        Matrix(rows: m.rows, cols: m.cols, data: m.data.map(f))
    }

    /// Elementwise `f(a, b)` with a 1×1 operand broadcast over the other.
    static func broadcast(_ a: Matrix, _ b: Matrix, _ f: (Double, Double) -> Double) throws -> Matrix {
        if a.rows == b.rows && a.cols == b.cols {
            var out = [Double](repeating: 0, count: a.data.count)
            for i in out.indices { out[i] = f(a.data[i], b.data[i]) }
            return Matrix(rows: a.rows, cols: a.cols, data: out)
        }
        if a.data.count == 1 { let x = a.data[0]; return map(b) { f(x, $0) } }
        if b.data.count == 1 { let y = b.data[0]; return map(a) { f($0, y) } }
        throw SymbolicError("elementwise operation on a \(a.rows)×\(a.cols) and a \(b.rows)×\(b.cols) array: sizes differ")
    }

    static func transpose(_ m: Matrix) -> Matrix {
        var out = [Double](repeating: 0, count: m.data.count)
        for j in 0..<m.cols { for i in 0..<m.rows { out[j + i * m.cols] = m.data[i + j * m.rows] } }
        return Matrix(rows: m.cols, cols: m.rows, data: out)
    }

    static func matmul(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        if a.data.count == 1 || b.data.count == 1 { return try broadcast(a, b, *) }
        guard a.cols == b.rows else {
            throw SymbolicError("\(a.rows)×\(a.cols) * \(b.rows)×\(b.cols): inner sizes differ",
                                hint: "for an elementwise product use .*")
        }
        var out = [Double](repeating: 0, count: a.rows * b.cols)
        for j in 0..<b.cols {
            for k in 0..<a.cols {
                let bkj = b.data[k + j * b.rows]
                for i in 0..<a.rows { out[i + j * a.rows] += a.data[i + k * a.rows] * bkj }
            }
        }
        return Matrix(rows: a.rows, cols: b.cols, data: out)
    }
}
