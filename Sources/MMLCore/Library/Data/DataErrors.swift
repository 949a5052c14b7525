// Reading table arguments for the data builtins, with teaching errors.

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
