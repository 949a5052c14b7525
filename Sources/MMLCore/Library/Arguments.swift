// A builtin's arguments bound to its declared parameters, with typed accessors that
// produce teaching errors pointing at the offending argument.

public struct Arguments {
    public let builtin: Builtin
    public let interpreter: Interpreter
    /// The whole call, for errors about the call as such.
    public let callSpan: SourceSpan
    private var values: [Value?]
    private var spans: [SourceSpan]
    /// Positional arguments taken by a variadic parameter.
    public private(set) var rest: [Value] = []
    public private(set) var restSpans: [SourceSpan] = []
    /// How many names the result is unpacked into (2 for `m, i = max(v)`), 1 otherwise.
    public internal(set) var resultCount = 1

    /// Binds positional and keyword arguments to the builtin's parameters.
    init(builtin: Builtin, interpreter: Interpreter, callSpan: SourceSpan,
         positional: [Value], positionalSpans: [SourceSpan], keywords: [(String, Value, SourceSpan)]) throws {
        self.builtin = builtin
        self.interpreter = interpreter
        self.callSpan = callSpan
        (values, spans, rest, restSpans) = try builtin.bind(
            positional: positional, positionalSpans: positionalSpans, keywords: keywords, callSpan: callSpan)
    }

    /// Arguments given by position only, as many as `builtin.inOrderArity` allows: each
    /// goes to the parameter in its place, the rest are not given. `values` and `spans` may
    /// be shorter than the parameter list.
    init(inOrder builtin: Builtin, interpreter: Interpreter, callSpan: SourceSpan, values: [Value?], spans: [SourceSpan]) {
        self.builtin = builtin
        self.interpreter = interpreter
        self.callSpan = callSpan
        self.values = values
        self.spans = spans
    }

    private func index(_ name: String) -> Int {
        // Parameter names are fixed in the declaration; a wrong name is a bug caught by the
        // example tests, so an unknown name simply reads as "not given".
        builtin.parameters.firstIndex { $0.name == name } ?? -1
    }

    /// Whether the argument was given.
    public func has(_ name: String) -> Bool {
        let i = index(name)
        return i >= 0 && i < values.count && values[i] != nil
    }

    /// Where the argument was written (the call itself when it was not given).
    public func span(_ name: String) -> SourceSpan {
        let i = index(name)
        return i >= 0 && i < spans.count ? spans[i] : callSpan
    }

    /// The argument as the user wrote it (`B`, `[1, 2; 3, 4]`), for working that names it; nil
    /// when it was not given or spans several lines.
    public func sourceText(_ name: String) -> String? {
        guard has(name), let text = interpreter.sources[span(name).source]?.text(of: span(name)),
              !text.contains(where: \.isNewline) else { return nil }
        return text
    }

    /// The argument's value, or nil when it was not given.
    public func optional(_ name: String) -> Value? {
        let i = index(name)
        return i >= 0 && i < values.count ? values[i] : nil
    }

    /// The argument's value; required parameters are checked when binding.
    public func value(_ name: String) throws -> Value {
        guard let v = optional(name) else {
            throw MMLError(kind: .call, "\(builtin.name) needs the argument `\(name)`", at: callSpan, hint: "the signature is \(builtin.signature)")
        }
        return v
    }

    /// An error about one argument, with the caret under it.
    public func error(_ message: String, at name: String? = nil, hint: String? = nil) -> MMLError {
        MMLError(kind: .argument, message, at: name.map(span) ?? callSpan, hint: hint)
    }

    /// Runs engine work whose errors are about the argument `name` (a singular `A`, a file
    /// `path`): they are located under that argument. Engine errors about the call as a
    /// whole need no wrapper; the interpreter locates them at the call.
    public func blaming<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as EngineError {
            throw e.located(at: span(name), callee: builtin.name)
        }
    }

    func typeError(_ name: String, expected: String, got value: Value) -> MMLError {
        error("\(builtin.name): `\(name)` must be \(expected), not a \(value.typeName)", at: name,
              hint: "the signature is \(builtin.signature)")
    }

    public func number(_ name: String) throws -> Double {
        let v = try value(name)
        switch v {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .matrix(let m) where m.count == 1: return m.data[0]
        default: throw typeError(name, expected: "a number", got: v)
        }
    }

    public func number(_ name: String, default fallback: Double) throws -> Double {
        has(name) ? try number(name) : fallback
    }

    /// A whole number (e.g. a size or a count) within `range`.
    public func int(_ name: String, in range: ClosedRange<Int> = Int.min / 2...Int.max / 2) throws -> Int {
        let x = try number(name)
        guard x.isFinite, x == x.rounded() else {
            throw error("\(builtin.name): `\(name)` must be a whole number, not \(formatNumber(x, style: .long))", at: name)
        }
        guard x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            // Ranges open at the top (sizes, counts) read better without their huge upper end,
            // unless that end is what was passed.
            if range.upperBound >= Int.max / 4 {
                if x > Double(range.upperBound) {
                    throw error("\(builtin.name): `\(name)` is too large: \(formatNumber(x, style: .long)) is more than MML can count (at most \(range.upperBound))", at: name)
                }
                throw error("\(builtin.name): `\(name)` must be at least \(range.lowerBound), not \(formatNumber(x, style: .long))", at: name)
            }
            throw error("\(builtin.name): `\(name)` must be between \(range.lowerBound) and \(range.upperBound), not \(formatNumber(x, style: .long))", at: name)
        }
        return Int(x)
    }

    public func int(_ name: String, default fallback: Int, in range: ClosedRange<Int> = Int.min / 2...Int.max / 2) throws -> Int {
        has(name) ? try int(name, in: range) : fallback
    }

    public func bool(_ name: String, default fallback: Bool) throws -> Bool {
        guard let v = optional(name) else { return fallback }
        switch v {
        case .bool(let b): return b
        default: throw typeError(name, expected: "true or false", got: v)
        }
    }

    public func string(_ name: String) throws -> String {
        let v = try value(name)
        guard let s = v.text else { throw typeError(name, expected: "a string", got: v) }
        return s
    }

    public func string(_ name: String, default fallback: String) throws -> String {
        has(name) ? try string(name) : fallback
    }

    /// A numeric argument as a matrix: a number is 1×1, a range or vector a column.
    public func matrix(_ name: String) throws -> Matrix {
        let v = try value(name)
        guard let m = try v.matrixOperand() else { throw typeError(name, expected: "a number, vector or matrix", got: v) }
        return m
    }

    public func function(_ name: String) throws -> Function {
        let v = try value(name)
        guard case .function(let f) = v else { throw typeError(name, expected: "a function", got: v) }
        return f
    }
}
