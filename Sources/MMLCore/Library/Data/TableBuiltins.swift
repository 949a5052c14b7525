// Data-table builtins that query and reshape tables: filter, sort, select, drop_missing,
// group_by, summarize, matrix. (describe, in Statistics/Summaries.swift, also takes tables.)

extension Builtins {
    static let dataTransforms: [Builtin] = [
        Builtin("filter", [.req("x"), .req("keep")], area: .data, summary: "The rows of a table (or elements of a vector) for which a function or a mask is true",
                help: "filter(t, row -> row.sepal_length > 7) keeps the rows for which the function returns true; the row is a record whose fields are the columns (a missing cell is nan). filter(t, t.age > 30) keeps the rows where a true/false mask (one entry per row) is true, as t[mask] does in pandas. filter(v, x -> x > 0) and filter(v, v > 0) keep elements of a vector.",
                examples: [BuiltinExample("filter([3, -1, 4, -1, 5], x -> x > 0)", "[3, 4, 5]"), BuiltinExample("v = [3, -1, 4]; filter(v, v > 0)", "[3, 4]")],
                body: .general { args in
            let ip = args.interpreter
            if case .matrix(let mask) = try args.value("keep") { return try filterByMask(args, mask) }
            let f = try args.function("keep")
            let span = args.span("keep")
            func keep(_ value: Value) throws -> Bool {
                switch try ip.call(f, [value], at: span) {
                case .bool(let b): return b
                case .matrix(let m) where m.isLogical && m.count == 1: return m.data[0] != 0
                case let other:
                    throw MMLError(kind: .type, "filter: the function must return true or false, but it returned a \(other.typeName)", at: span,
                                   hint: "compare something, e.g. row -> row.age > 30")
                }
            }
            let x = try args.value("x")
            if case .object(let t as TableValue) = x {
                return .object(TableValue(try t.table.filter { try keep(.record(rowRecord($0.table, $0.index))) }))
            }
            if !x.isString, let strings = x.stringValues {
                return .object(StringVector(try strings.filter { try keep($0.map(Value.string) ?? .number(.nan)) }))
            }
            guard let m = x.asMatrix, m.isVector || m.isRow else { throw args.typeError("x", expected: "a table or a vector", got: x) }
            let kept = try m.data.filter { try keep(m.isLogical ? .bool($0 != 0) : .number($0)) }
            var out = Matrix(column: kept)
            out.isLogical = m.isLogical
            return .matrix(m.isRow && m.count > 1 ? out.transposed : out)
        }),
        Builtin("sort", [.req("x"), .opt("by", "none"), .key("descending", "false")], area: .data,
                summary: "A table sorted by a column, or a vector sorted",
                help: "sort(t, \"col\") orders the rows of a table by a column (a stable sort: ties keep their order; missing cells last); sort(v) sorts a vector (nan last). descending=true reverses the order.",
                examples: [BuiltinExample("sort([3, 1, 2])", "[1, 2, 3]"), BuiltinExample("sort([3, 1, 2], descending=true)", "[3, 2, 1]")],
                body: .general { args in
            let descending = try args.bool("descending", default: false)
            let x = try args.value("x")
            if case .object(let t as TableValue) = x {
                guard args.has("by") else {
                    throw args.error("sort: name the column to sort a table by", hint: "e.g. sort(t, \"\(t.table.columnNames.first ?? "col")\")")
                }
                return .object(TableValue(try Interpreter.locating(at: args.span("by")) { try t.table.sorted(by: try args.string("by"), descending: descending) }))
            }
            if !x.isString, let strings = x.stringValues {
                let column = Column(name: "x", strings: strings)
                return .object(StringVector(try Table(columns: [column]).sorted(by: "x", descending: descending).columns[0].strings ?? []))
            }
            guard let m = x.asMatrix, m.isVector || m.isRow else { throw args.typeError("x", expected: "a table or a vector", got: x) }
            let out = Matrix(column: try InterruptibleSort.ascending(m.data, descending: descending))
            return .matrix(m.isRow && m.count > 1 ? out.transposed : out)
        }),
        Builtin("select", [.req("t"), .rest("columns")], area: .data, summary: "A table with only the named columns, in that order",
                help: "select(t, \"a\", \"b\") (or select(t, [\"a\", \"b\"])) keeps those columns.",
                examples: [BuiltinExample("select(table([1, 2, 3; 4, 5, 6], \"a\", \"b\", \"c\"), \"c\", \"a\")", "   c  a\n1  3  1\n2  6  4\n2 rows × 2 columns")],
                body: .general { args in
            let t = try args.table("t")
            let names = try args.columnNames()
            guard !names.isEmpty else { throw args.error("select: name at least one column", hint: "the columns are " + t.columnNames.joined(separator: ", ")) }
            return .object(TableValue(try t.select(names)))
        }),
        Builtin("drop_missing", [.req("t"), .rest("columns")], area: .data, summary: "The rows of a table without a missing cell",
                help: "drop_missing(t) keeps the rows with no missing cell; drop_missing(t, \"a\", \"b\") looks only at those columns.",
                examples: [BuiltinExample("nrows(drop_missing(table([1, nan, 3], \"x\")))", "2")],
                body: .general { args in
            let names = try args.columnNames()
            return .object(TableValue(try args.table("t").droppingMissing(in: names.isEmpty ? nil : names)))
        }),
        Builtin("group_by", [.req("t"), .req("column")], area: .data, summary: "Split a table into groups by the values of a column",
                help: "g = group_by(t, \"species\") groups the rows by species (groups in key order; rows with a missing key are left out). Summaries are its fields, one row per group: g.count, g.mean, g.sum, g.min, g.max, g.std, g.median (each over the other numeric columns, missing cells skipped); summarize(g, f) applies your own function. g[\"setosa\"] is one group's rows, g.keys the keys, and for part in g { … } walks the groups.",
                examples: [BuiltinExample("g = group_by(table([1, 1, 2; 10, 20, 30]', \"k\", \"v\"), \"k\"); g.mean", "   k   v\n1  1  15\n2  2  30\n2 rows × 2 columns")],
                result: .fields(GroupedValue.fields),
                body: .general { args in
            let t = try args.table("t"), column = try args.string("column")
            return .object(GroupedValue(try args.blaming("column") { try t.groupBy(column) }))
        }),
        Builtin("summarize", [.req("g"), .req("how")], area: .data, summary: "One summary row per group of a grouped table",
                help: "summarize(g, \"mean\") is g.mean (also \"count\", \"sum\", \"min\", \"max\", \"std\", \"median\"); summarize(g, f) calls f on each group's values of each numeric column (a vector, missing cells left out) and expects a number back, e.g. summarize(g, v -> max(v) - min(v)).",
                examples: [BuiltinExample("g = group_by(table([1, 1, 2; 10, 20, 30]', \"k\", \"v\"), \"k\"); summarize(g, v -> max(v) - min(v))", "   k   v\n1  1  10\n2  2   0\n2 rows × 2 columns")],
                body: .general { args in
            let g = try args.value("g")
            guard case .object(let grouped as GroupedValue) = g else {
                throw args.typeError("g", expected: "a grouped table (from group_by)", got: g)
            }
            let how = try args.value("how")
            if let name = how.text {
                guard let t = try grouped.summary(name) else {
                    throw args.error("summarize: unknown summary \"\(name)\"", at: "how",
                                     hint: "use one of " + GroupedValue.summaries.map { "\"\($0)\"" }.joined(separator: ", ") + ", or a function")
                }
                return .object(TableValue(t))
            }
            let f = try args.function("how")
            let ip = args.interpreter, span = args.span("how")
            return .object(TableValue(try grouped.grouped.summarize { values in
                let r = try ip.call(f, [.matrix(Matrix(column: values))], at: span)
                guard let m = r.asMatrix, m.count == 1 else {
                    throw MMLError(kind: .type, "summarize: the function must return one number per group, but it returned a \(r.typeName)", at: span)
                }
                return m.data[0]
            }))
        }),
        Builtin("matrix", [.req("t"), .rest("columns")], area: .data, summary: "Numeric columns of a table as a matrix (rows = observations)",
                help: "matrix(t) puts every numeric (and true/false) column of a table side by side in a matrix, one row per table row, ready for pca, regression or A \\ b; matrix(t, \"a\", \"b\") takes just those columns, in that order. Missing cells become nan.",
                examples: [BuiltinExample("matrix(table([1, 2; 3, 4], \"x\", \"y\"), \"y\")", "[2, 4]")],
                body: .general { args in
            let names = try args.columnNames()
            return .matrix(try args.table("t").matrix(names.isEmpty ? nil : names))
        }),
    ]
}

extension Builtins {
    /// filter(x, mask): the rows of a table, or elements of a vector, where a true/false mask is true.
    fileprivate static func filterByMask(_ args: Arguments, _ mask: Matrix) throws -> Value {
        let x = try args.value("x")
        guard mask.isLogical, mask.isVector || mask.isRow else {
            throw args.error("filter: the second argument must be a function or a true/false mask, not a \(try args.value("keep").typeName) of numbers", at: "keep",
                             hint: "compare to make a mask, e.g. filter(t, t.age > 30), or pass a function: row -> row.age > 30")
        }
        let count: Int, isTable: Bool
        if case .object(let t as TableValue) = x { (count, isTable) = (t.table.nrows, true) } else if !x.isString, let s = x.stringValues { (count, isTable) = (s.count, false) } else { (count, isTable) = (x.asMatrix?.count ?? 0, false) }
        guard mask.count == count else {
            throw args.error("filter: the mask has \(mask.count) entries but there are \(count) \(isTable ? "rows" : "elements")", at: "keep")
        }
        let keep = mask.data.indices.filter { mask.data[$0] != 0 }
        if case .object(let t as TableValue) = x { return .object(TableValue(t.table.rowsUnchecked(keep))) }
        if !x.isString, let strings = x.stringValues { return .object(StringVector(keep.map { strings[$0] })) }
        guard let m = x.asMatrix, m.isVector || m.isRow else { throw args.typeError("x", expected: "a table or a vector", got: x) }
        var out = Matrix(column: keep.map { m.data[$0] })
        out.isLogical = m.isLogical
        return .matrix(m.isRow && m.count > 1 ? out.transposed : out)
    }
}
