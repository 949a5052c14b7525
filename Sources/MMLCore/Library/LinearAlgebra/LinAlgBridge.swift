// The builtins' door to the linear-algebra engine: warnings go to the session, results become
// values (engine errors are located by the interpreter, see `EngineError`).
import ComplexModule

extension Builtins {
    /// Every linear-algebra builtin, in the order the reference lists them.
    static let linearAlgebra: [Builtin] = linearSystems + vectorBuiltins + subspaceBuiltins
        + decompositionBuiltins + pcaBuiltins
}

extension Arguments {
    /// The value of a checked computation (inv, solve); its ill-conditioning warning, which
    /// gives the condition number, goes to the session's warning channel.
    func checked(_ result: CheckedResult) -> Value {
        if let warning = result.warning {
            interpreter.warn(warning, at: callSpan, hint: "check the answer with A * x, or use pinv / lstsq")
        }
        return .matrix(result.value)
    }
}

/// Engine results as MML values.
enum LinAlgValues {
    /// A column vector.
    static func column(_ xs: [Double]) -> Value { .matrix(Matrix(column: xs)) }

    /// Complex numbers as a real column when none has an imaginary part, else a complex column.
    static func column(_ zs: [Complex<Double>]) -> Value {
        if zs.allSatisfy({ $0.imaginary == 0 }) { return column(zs.map(\.real)) }
        return .complexMatrix(ComplexMatrix(column: zs))
    }

    /// A complex matrix as a real one when it has no imaginary part.
    static func matrix(_ m: ComplexMatrix) -> Value {
        m.isReal ? .matrix(m.realPart) : .complexMatrix(m)
    }

    /// A count or rank as a number.
    static func count(_ n: Int) -> Value { .number(Double(n)) }
}
