// Evaluating MML expressions in a fresh interpreter for the builtin-level probability and
// statistics tests, with inputs passed as variables (so no number is re-parsed from text).
@testable import MMLCore

enum BuiltinHarness {
    /// The value of the last expression of `code`, with `variables` defined first.
    static func eval(_ code: String, _ variables: [String: Value] = [:], in ip: Interpreter = Interpreter()) throws -> Value {
        for (name, value) in variables { ip.globals[name] = value }
        return try ip.evaluate(code)
    }

    /// The numbers of a numeric value, in column-major order.
    static func numbers(_ v: Value) -> [Double] {
        switch v {
        case .number(let x): return [x]
        case .bool(let b): return [b ? 1 : 0]
        case .matrix(let m): return m.data
        case .range(let r): return r.matrix.data
        default: return []
        }
    }

    /// A column vector value.
    static func vector(_ xs: [Double]) -> Value { .matrix(Matrix(column: xs)) }

    /// A matrix value from rows.
    static func matrix(_ rows: [[Double]]) -> Value { .matrix(Matrix(rowArrays: rows)) }
}
