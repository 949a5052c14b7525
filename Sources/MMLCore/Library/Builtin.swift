// The declaration every builtin is made from: name, parameters, docs, example, implementation,
// its calculus facet (scalar kernel, derivative rule, formula notation) and the fields of its
// result, where it has them.

/// The area a builtin belongs to; `:help` lists builtins by area and Docs/ is grouped by it.
public enum BuiltinArea: String, Sendable, CaseIterable {
    case construct = "Construction and shape"
    case math = "Elementwise math"
    case reduce = "Sums, products and extremes"
    case logic = "Logic and comparison"
    case linearAlgebra = "Linear algebra"
    case calculus = "Calculus"
    case optimization = "Optimization"
    case neural = "Neural-network pieces"
    case probability = "Probability"
    case statistics = "Statistics"
    case data = "Data tables"
    case plot = "Plots"
    case io = "Output and checking"
    case system = "Session"
}

/// One parameter of a builtin.
public struct BuiltinParameter: Sendable {
    public enum Kind: Sendable {
        /// Must be given (by position or by name).
        case required
        /// May be left out; `defaultText` says what is used then (shown in the signature).
        case optional(defaultText: String)
        /// Takes all remaining positional arguments (`hcat(a, b, …)`).
        case variadic
        /// May only be given by name (`rate=0.1`).
        case keyword(defaultText: String)
    }
    public let name: String
    public var kind: Kind

    public static func req(_ name: String) -> BuiltinParameter { .init(name: name, kind: .required) }
    public static func opt(_ name: String, _ defaultText: String) -> BuiltinParameter { .init(name: name, kind: .optional(defaultText: defaultText)) }
    public static func rest(_ name: String) -> BuiltinParameter { .init(name: name, kind: .variadic) }
    public static func key(_ name: String, _ defaultText: String) -> BuiltinParameter { .init(name: name, kind: .keyword(defaultText: defaultText)) }
}

/// An example in a builtin's help; the test suite runs `code` and compares with `result`,
/// the text MML shows for its value.
public struct BuiltinExample: Sendable {
    public var code: String
    public var result: String
    public init(_ code: String, _ result: String) {
        self.code = code
        self.result = result
    }
}

/// One field of the record or object a builtin returns: what an editor offers after `r.`
/// when `r = gd(…)`, with a line on what it holds.
public struct ResultField: Sendable, Equatable {
    public var name: String
    public var summary: String
    /// When only some calls give the field, which ones ("with scale=true"); nil when every call does.
    public var condition: String?

    public init(_ name: String, _ summary: String, only condition: String? = nil) {
        self.name = name
        self.summary = summary
        self.condition = condition
    }
}

/// The fields of what a builtin returns, when it returns a record or an object with fields.
/// Declared with the builtin; a test calls each builtin and compares with what it really returns.
public enum ResultShape: Sendable {
    /// A record or object with these fields, in the order it lists them.
    case fields([ResultField])
    /// The fields of what the builtin named by this parameter's argument returns:
    /// `fit(Normal, data)` has the fields of `Normal(…)`.
    case likeBuiltin(parameter: String)

    /// The fields in words for `:help` and the reference, one line each, a name set off by
    /// `quote` (backticks in Markdown).
    public func lines(quote: String = "") -> [String] {
        switch self {
        case .fields(let fields):
            return fields.map { field in
                "\(quote)\(field.name)\(quote): \(field.summary)" + (field.condition.map { " (only \($0))" } ?? "")
            }
        case .likeBuiltin(let parameter):
            return ["those of the value its \(quote)\(parameter)\(quote) argument makes (fit(Normal, x): μ, σ)"]
        }
    }
}

/// A builtin function, declared once: `:help`, completion, Docs/reference.md and the
/// example tests all come from this. A class, so passing one around copies nothing.
public final class Builtin: Sendable {
    public enum Body: Sendable {
        /// A function of one value, called without building an argument list (fast path
        /// for elementwise math); the interpreter is there for warnings.
        case unary(@Sendable (Value, SourceSpan, Interpreter) throws -> Value)
        /// A function of two values (both required), called without an argument list.
        case binary(@Sendable (Value, Value, SourceSpan) throws -> Value)
        /// Anything else: arguments bound to the declared parameters.
        case general(@Sendable (inout Arguments) throws -> Value)
    }

    public let name: String
    public let parameters: [BuiltinParameter]
    public let area: BuiltinArea
    public let summary: String
    public let help: String
    public let examples: [BuiltinExample]
    public let body: Body
    /// Other names for the same builtin (e.g. `transpose` for `'`).
    public let aliases: [String]
    /// What the symbolic engine knows of it: its value at numbers, its derivative rule (or why
    /// it has none), how it prints in a formula. Nil outside the math areas.
    public let calculus: FunctionCalculus?
    /// The fields of its result when that is a record or an object with fields; nil otherwise
    /// (and for tables, whose fields are their data's column names).
    public let result: ResultShape?
    /// How many positional arguments bind in order to the leading parameters with nothing
    /// else to check: from the last required parameter to the last parameter before a
    /// variadic or keyword one (see `Arguments.init(inOrder:)`).
    let inOrderArity: ClosedRange<Int>?

    public init(
        _ name: String, _ parameters: [BuiltinParameter], area: BuiltinArea, summary: String,
        help: String = "", examples: [BuiltinExample], aliases: [String] = [], calculus: FunctionCalculus? = nil,
        result: ResultShape? = nil, body: Body
    ) {
        self.name = name
        self.parameters = parameters
        self.area = area
        self.summary = summary
        self.help = help
        self.examples = examples
        self.aliases = aliases
        self.calculus = calculus
        self.result = result
        self.body = body
        let leading = parameters.prefix { if case .required = $0.kind { true } else if case .optional = $0.kind { true } else { false } }.count
        let required = (parameters.lastIndex { if case .required = $0.kind { true } else { false } } ?? -1) + 1
        inOrderArity = required <= leading ? required...leading : nil
    }

    /// A builtin of one argument applied by the unary fast path.
    public static func unary(
        _ name: String, area: BuiltinArea, summary: String, help: String = "", examples: [BuiltinExample],
        parameter: String = "x", calculus: FunctionCalculus? = nil, _ f: @escaping @Sendable (Value, SourceSpan) throws -> Value
    ) -> Builtin {
        Builtin(name, [.req(parameter)], area: area, summary: summary, help: help, examples: examples, calculus: calculus,
                body: .unary { v, span, _ in try f(v, span) })
    }

    /// A builtin of one argument applied by the unary fast path that may warn through the interpreter.
    public static func unary(
        _ name: String, area: BuiltinArea, summary: String, help: String = "", examples: [BuiltinExample],
        parameter: String = "x", calculus: FunctionCalculus? = nil, warning f: @escaping @Sendable (Value, SourceSpan, Interpreter) throws -> Value
    ) -> Builtin {
        Builtin(name, [.req(parameter)], area: area, summary: summary, help: help, examples: examples, calculus: calculus, body: .unary(f))
    }

    /// A builtin of two required arguments applied by the binary fast path.
    public static func binary(
        _ name: String, _ first: String, _ second: String, area: BuiltinArea, summary: String, help: String = "",
        examples: [BuiltinExample], calculus: FunctionCalculus? = nil, _ f: @escaping @Sendable (Value, Value, SourceSpan) throws -> Value
    ) -> Builtin {
        Builtin(name, [.req(first), .req(second)], area: area, summary: summary, help: help, examples: examples, calculus: calculus, body: .binary(f))
    }

    /// `name(a, b=1, rest…; key=…)` as shown in help and errors.
    public var signature: String {
        let parts = parameters.map { p -> String in
            switch p.kind {
            case .required: return p.name
            case .optional(let d): return "\(p.name)=\(d)"
            case .variadic: return "\(p.name)…"
            case .keyword(let d): return "\(p.name)=\(d)"
            }
        }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }

    var minimumArity: Int {
        parameters.filter { if case .required = $0.kind { return true } else { return false } }.count
    }
}
