// Turns the data engine's DataError into an MML diagnostic at the right span, hint kept.

extension DataError {
    /// The error as MML shows it: `file:line:column: message` when the line is known (the
    /// engine's messages already name the file otherwise).
    func mmlError(at span: SourceSpan) -> MMLError {
        var place = ""
        if let line {
            place = file.map { "\($0):\(line)" } ?? "line \(line)"
            if let column { place += ":\(column)" }
        }
        return MMLError(kind: .data, place.isEmpty ? message : "\(place): \(message)", at: span, hint: hint)
    }
}

/// Runs an engine call, reporting a DataError at `span`.
func dataCall<T>(at span: SourceSpan, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as DataError { throw e.mmlError(at: span) }
}

extension Builtins {
    /// A builtin body whose DataErrors are reported at the call (or at `argument` when named).
    static func dataBody(argument: String? = nil, _ body: @escaping @Sendable (inout Arguments) throws -> Value) -> Builtin.Body {
        .general { args in
            do { return try body(&args) } catch let e as DataError {
                throw e.mmlError(at: argument.map(args.span) ?? args.callSpan)
            }
        }
    }
}

extension Arguments {
    /// The argument as a table; a teaching error for anything else.
    func table(_ name: String) throws -> Table {
        let v = try value(name)
        guard case .object(let o as TableValue) = v else {
            var hint = "read one with read_csv(\"file.csv\"), or make one from a matrix with table(M, names…)"
            if case .object(is GroupedValue) = v { hint = "a grouped table is summarised first: g.mean, g.count, …" }
            throw error("\(builtin.name): `\(name)` must be a table, not a \(v.typeName)", at: name, hint: hint)
        }
        return o.table
    }

    /// Column names given as strings, string vectors or lists of strings (variadic `rest`).
    func columnNames() throws -> [String] {
        var names: [String] = []
        for (v, span) in zip(rest, restSpans) {
            guard let list = stringList(v) else {
                throw MMLError(kind: .argument, "\(builtin.name): column names are strings in quotes, not a \(v.typeName)", at: span,
                               hint: "e.g. \(builtin.name)(t, \"sepal_length\", \"petal_length\")")
            }
            names += list
        }
        return names
    }
}
