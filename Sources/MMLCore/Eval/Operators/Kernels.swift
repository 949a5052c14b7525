// The operators' door to the linear-algebra engine: its errors become diagnostics at the
// operator (through `Interpreter.locating`), its warnings go to the interpreter's
// warning channel.

enum Kernels {
    static func product(_ a: Matrix, _ b: Matrix, at span: SourceSpan) throws -> Matrix {
        try Interpreter.locating(at: span) { try LinAlg.matmul(a, b) }
    }

    static func solve(_ a: Matrix, _ b: Matrix, ip: Interpreter, at span: SourceSpan) throws -> Matrix {
        let result = try Interpreter.locating(at: span) { try LinAlg.solve(a, b) }
        if let warning = result.warning { ip.warn(warning, at: span) }
        return result.value
    }

    static func matrixPower(_ a: Matrix, _ k: Double, ip: Interpreter, site: OperatorSite) throws -> Matrix {
        guard k == k.rounded() else {
            throw MMLError(kind: .shape, "a matrix power A^k needs a whole number k", at: site.right,
                           hint: "for elementwise powers use .^")
        }
        // Repeated squaring takes about log₂|k| products, so any k that fits an Int is quick.
        guard abs(k) < 0x1p63 else {
            throw MMLError(kind: .shape, "the exponent of a matrix power A^k must be below 2^63 in size, not \(formatNumber(k, style: .long))", at: site.right,
                           hint: "for elementwise powers use .^")
        }
        return try Interpreter.locating(at: site.span) { try LinAlg.power(a, Int(k)) }
    }
}
