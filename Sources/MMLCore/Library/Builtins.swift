// The table of every builtin and constant, gathered from the domain files.

/// A named constant such as `pi`; a variable of the same name shadows it.
public struct Constant: Sendable {
    public var name: String
    public var value: Value
    public var summary: String
}

public enum Builtins {
    /// Every builtin, in the order the reference lists them.
    public static let all: [Builtin] = construct + math + reductions + searching + logic + output + linearAlgebra
        + probability + statistics + dataTables + plots + optimization + calculus + neural

    public static let constants: [Constant] = [
        Constant(name: "pi", value: .number(Double.pi), summary: "π = 3.14159…, the ratio of a circle's circumference to its diameter"),
        Constant(name: "π", value: .number(Double.pi), summary: "the same as pi"),
        Constant(name: "e", value: .number(2.718281828459045), summary: "Euler's number e = 2.71828…, the base of the natural logarithm"),
        Constant(name: "inf", value: .number(.infinity), summary: "positive infinity (1/0)"),
        Constant(name: "nan", value: .number(.nan), summary: "not a number (0/0); it propagates through arithmetic"),
        Constant(name: "im", value: .complex(.init(0, 1)), summary: "the imaginary unit i, with im^2 = -1"),
    ]

    /// Builtins by name (aliases included).
    public static let table: [String: Builtin] = {
        var t: [String: Builtin] = [:]
        for b in all {
            t[b.name] = b
            for a in b.aliases { t[a] = b }
        }
        return t
    }()

    private static let values: [String: Value] = {
        var v: [String: Value] = [:]
        for (name, b) in table { v[name] = .function(BuiltinFunction(b)) }
        for c in constants { v[c.name] = c.value }
        return v
    }()

    /// The builtin function or constant of a name.
    public static func value(named name: String) -> Value? { values[name] }

    /// Every builtin and constant name, for completion and "did you mean".
    public static let allNames: [String] = values.keys.sorted()
}
