// A formula compiled once into a tree of closures, so calling a math function at a point does
// not re-walk, re-simplify or look up names in the formula.
import Glibc

/// A formula ready for fast evaluation at scalar arguments.
public struct CompiledFormula: Sendable {
    /// The variables, in the order their values are passed.
    public let variables: [String]
    private let body: @Sendable (UnsafePointer<Double>) -> Double

    /// The value at `arguments` (one per variable, in order).
    public func evaluate(_ arguments: [Double]) throws -> Double {
        guard arguments.count == variables.count else {
            throw SymbolicError("this formula takes \(variables.count) argument\(variables.count == 1 ? "" : "s") (\(variables.joined(separator: ", "))), not \(arguments.count)")
        }
        if arguments.isEmpty {
            var dummy = 0.0
            return body(&dummy)
        }
        return arguments.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The value at `arguments` (one per variable, in order).
    public func callAsFunction(_ arguments: Double...) throws -> Double { try evaluate(arguments) }

    fileprivate init(variables: [String], body: @escaping @Sendable (UnsafePointer<Double>) -> Double) {
        self.variables = variables
        self.body = body
    }
}

private typealias Kernel = @Sendable (UnsafePointer<Double>) -> Double

extension Formula {
    /// Compiles the formula for evaluation with the given variable order; `constants` gives
    /// values for other names (scalar data). Throws for unknown names or functions and for
    /// data that is not a scalar.
    public func compiled(variables: [String], constants: [String: Double] = [:]) throws -> CompiledFormula {
        var slots: [String: Int] = [:]
        for (i, v) in variables.enumerated() where slots[v] == nil { slots[v] = i }
        let kernel = try compile(slots, constants)
        return CompiledFormula(variables: variables, body: kernel)
    }

    private func compile(_ slots: [String: Int], _ constants: [String: Double]) throws -> Kernel {
        switch self {
        case .number(let n):
            let c = n.double
            return { _ in c }
        case .constant(let k):
            let c = k.value
            return { _ in c }
        case .variable(let name), .vectorVariable(let name), .data(let name):
            if let i = slots[name] { return { $0[i] } }
            if let c = constants[name] { return { _ in c } }
            if case .data = self {
                throw SymbolicError("`\(name)` is data (a vector or matrix) and cannot be evaluated at a single point",
                                    hint: "evaluate the formula over its data with whole-vector operations")
            }
            throw SymbolicError("unknown variable `\(name)` in the formula")
        case .sum(let terms):
            let ks = try terms.map { try $0.compile(slots, constants) }
            if ks.count == 2 {
                let a = ks[0], b = ks[1]
                return { a($0) + b($0) }
            }
            return { p in
                var s = 0.0
                for k in ks { s += k(p) }
                return s
            }
        case .product(let factors):
            let ks = try factors.map { try $0.compile(slots, constants) }
            if ks.count == 2 {
                let a = ks[0], b = ks[1]
                return { a($0) * b($0) }
            }
            return { p in
                var s = 1.0
                for k in ks { s *= k(p) }
                return s
            }
        case .power(let base, let exponent):
            let b = try base.compile(slots, constants)
            if let n = exponent.numberValue {
                switch n {
                case .int(2): return { let v = b($0); return v * v }
                case .int(3): return { let v = b($0); return v * v * v }
                case .int(-1): return { 1 / b($0) }
                case .int(-2): return { let v = b($0); return 1 / (v * v) }
                case .fraction(1, 2): return { b($0).squareRoot() }
                case .fraction(-1, 2): return { 1 / b($0).squareRoot() }
                default:
                    let e = n.double
                    return { Glibc.pow(b($0), e) }
                }
            }
            let e = try exponent.compile(slots, constants)
            if base == .constant(.e) { return { Glibc.exp(e($0)) } }
            return { Glibc.pow(b($0), e($0)) }
        case .call(let name, let args):
            guard let f = SymbolicFunctions.table[name] else {
                throw SymbolicError("unknown function `\(name)` in the formula")
            }
            guard f.arity.contains(args.count) else { throw SymbolicError.wrongArity(name, args.count, f.arity) }
            let ks = try args.map { try $0.compile(slots, constants) }
            switch (f.calculus.kernel, ks.count) {
            case (.unary(let g)?, 1), (.unaryOrBinary(let g, _)?, 1):
                let a = ks[0]
                return { g(a($0)) }
            case (.binary(let g)?, 2), (.unaryOrBinary(_, let g)?, 2):
                let a = ks[0], b = ks[1]
                return { g(a($0), b($0)) }
            default:
                throw SymbolicError("`\(name)` cannot be evaluated at numbers in a formula")
            }
        case .matrixProduct:
            throw SymbolicError("a matrix product cannot be evaluated at a single point",
                                hint: "evaluate the formula over its data with whole-vector operations")
        }
    }
}
