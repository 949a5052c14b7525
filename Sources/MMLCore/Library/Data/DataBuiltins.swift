// Data-table builtins that read, write, make and inspect tables: read_csv, write_csv, table,
// add_column, columns, nrows, ncols, head, tail.

extension Builtins {
    static let dataTables: [Builtin] = dataIO + dataTransforms

    static let dataIO: [Builtin] = [
        Builtin("read_csv", [.req("path"), .key("sep", "\",\""), .key("header", "true")], area: .data,
                summary: "Read a CSV file into a table",
                help: "read_csv(path) reads a comma-separated file whose first line names the columns. Each column becomes numbers, true/false or strings, whichever fits every cell. Empty cells, NA and NaN are missing (NA); how many are missing is said once, as a warning. Quoted cells (RFC 4180), CRLF line ends and a UTF-8 byte-order mark are understood. sep=\";\" (or \"\\t\", \"|\") changes the separator; header=false names the columns col1, col2, …. A malformed line is an error naming the file, line and column.",
                examples: [BuiltinExample("t = read_csv(\"Samples/data/iris.csv\"); size(t)", "[150, 5]")],
                body: .general { args in
            let path = try args.string("path")
            let sep = try args.string("sep", default: ",")
            guard sep.count == 1, let separator = sep.first else {
                throw args.error("read_csv: sep must be one character, not \"\(sep)\"", at: "sep", hint: "e.g. sep=\";\" or sep=\"\\t\"")
            }
            let options = CSVOptions(separator: separator, header: try args.bool("header", default: true))
            let file = try args.interpreter.fileAccess.checkRead(path, at: args.span("path"))
            let result = try args.blaming("path") { try CSV.read(path: file, options: options) }
            if let notice = result.notice {
                args.interpreter.warn("\(path): \(notice)", at: args.callSpan,
                                      hint: result.missingTotal > 0 ? "drop_missing(t) keeps only the rows without a missing cell" : nil)
            }
            return .object(TableValue(result.table))
        }),
        Builtin("write_csv", [.req("path"), .req("data"), .key("sep", "\",\"")], area: .data,
                summary: "Write a table or matrix to a CSV file",
                help: "write_csv(path, t) writes the table with a header line; write_csv(path, M) writes a matrix with columns named col1, col2, … (make a table with table(M, names…) for other names). The order write_csv(t, path), as R and pandas write it, works too. Numbers are written with every digit they need, missing cells empty. The file is written whole or not at all: into a temporary file that then replaces path.",
                examples: [BuiltinExample("write_csv(\"/tmp/mml-example.csv\", table([1, 2; 3, 4], \"x\", \"y\"))\nread_csv(\"/tmp/mml-example.csv\").y", "[2, 4]")],
                body: .general { args in
            // (data, path), as R's write.csv(x, file) and pandas' df.to_csv(path) read, is accepted too.
            let swapped = try !args.value("path").isString && args.value("data").isString
            let (pathName, dataName) = swapped ? ("data", "path") : ("path", "data")
            let path = try args.string(pathName)
            let sep = try args.string("sep", default: ",")
            guard sep.count == 1, let separator = sep.first else {
                throw args.error("write_csv: sep must be one character, not \"\(sep)\"", at: "sep")
            }
            let data = try args.value(dataName)
            let target = try args.interpreter.fileAccess.checkWrite(path, at: args.span(pathName))
            if case .object(let t as TableValue) = data {
                try args.blaming(pathName) { try CSV.write(t.table, to: target, separator: separator) }
            } else if let m = data.asMatrix {
                try args.blaming(pathName) { try CSV.write(m, to: target, separator: separator) }
            } else {
                throw args.typeError(dataName, expected: "a table or a matrix", got: data)
            }
            return .nothing
        }),
        Builtin("table", [.req("M"), .rest("names")], area: .data, summary: "A table from a matrix, with column names",
                help: "table(M, \"a\", \"b\", …) makes a table whose columns are the columns of M, named as given (col1, col2, … when no names are given). A vector makes a one-column table.",
                examples: [BuiltinExample("table([1, 2; 3, 4], \"x\", \"y\")", "   x  y\n1  1  2\n2  3  4\n2 rows × 2 columns")],
                body: .general { args in
            let m = try args.matrix("M")
            let names = try args.columnNames()
            return .object(TableValue(try Table(matrix: m, names: names.isEmpty ? nil : names)))
        }),
        Builtin("add_column", [.req("t"), .req("name"), .req("values")], area: .data, summary: "The table with a column added (or replaced)",
                help: "add_column(t, \"ratio\", t.petal_length ./ t.petal_width) returns a new table with the column added at the end, or replacing a column of the same name. values is a vector with one number per row, a single number for every row, or strings.",
                examples: [BuiltinExample("t = table([1; 2], \"x\"); add_column(t, \"y\", t.x * 10)", "   x   y\n1  1  10\n2  2  20\n2 rows × 2 columns")],
                body: .general { args in
            let t = try args.table("t")
            let name = try args.string("name")
            let v = try args.value("values")
            let column: Column
            if let s = v.text {
                column = Column(name: name, strings: Array(repeating: s, count: t.nrows))
            } else if let strings = stringList(v) {
                column = Column(name: name, strings: strings)
            } else if let m = v.asMatrix {
                if m.count == 1 {
                    column = Column(name: name, numbers: Array(repeating: m.data[0], count: t.nrows))
                } else if m.isLogical {
                    column = Column(name: name, bools: m.data.map { $0 != 0 })
                } else {
                    column = Column(name: name, numbers: m.data)
                }
            } else {
                throw args.typeError("values", expected: "a vector, a number or strings", got: v)
            }
            guard column.count == t.nrows else {
                throw args.error("add_column: the table has \(t.nrows) rows but \(column.count) values were given", at: "values",
                                 hint: "give one value per row, or a single value for all of them")
            }
            return .object(TableValue(try t.adding(column)))
        }),
        Builtin("columns", [.req("t")], area: .data, summary: "The column names of a table",
                examples: [BuiltinExample("columns(table([1, 2; 3, 4], \"a\", \"b\"))", "[\"a\", \"b\"]")],
                body: .general { args in .object(StringVector(try args.table("t").columnNames)) }),
        Builtin("nrows", [.req("t")], area: .data, summary: "The number of rows of a table (or matrix)",
                help: "nrows(t) counts the rows of a table; on a matrix it is rows(A).",
                examples: [BuiltinExample("nrows(read_csv(\"Samples/data/iris.csv\"))", "150")],
                body: .general { args in .number(Double(try shapeOf(args, "t").rows)) }),
        Builtin("ncols", [.req("t")], area: .data, summary: "The number of columns of a table (or matrix)",
                examples: [BuiltinExample("ncols(read_csv(\"Samples/data/iris.csv\"))", "5")],
                body: .general { args in .number(Double(try shapeOf(args, "t").cols)) }),
        Builtin("head", [.req("x"), .opt("n", "6")], area: .data, summary: "The first n rows of a table (or elements of a vector)",
                help: "head(t) shows the first 6 rows of a table, head(t, n) the first n. On a vector it gives the first n elements, on a matrix the first n rows.",
                examples: [BuiltinExample("head(1:100, 3)", "[1, 2, 3]")],
                body: .general { args in try headOrTail(args, fromStart: true) }),
        Builtin("tail", [.req("x"), .opt("n", "6")], area: .data, summary: "The last n rows of a table (or elements of a vector)",
                help: "tail(t) shows the last 6 rows of a table, tail(t, n) the last n. On a vector it gives the last n elements, on a matrix the last n rows.",
                examples: [BuiltinExample("tail(1:100, 3)", "[98, 99, 100]")],
                body: .general { args in try headOrTail(args, fromStart: false) }),
    ]

    /// Rows and columns of a table, string vector or matrix.
    private static func shapeOf(_ args: Arguments, _ name: String) throws -> (rows: Int, cols: Int) {
        let v = try args.value(name)
        if case .object(let o as any ShapedObject) = v { return o.shape }
        guard let m = v.asMatrix else { throw args.typeError(name, expected: "a table or a matrix", got: v) }
        return (m.rows, m.cols)
    }

    private static func headOrTail(_ args: Arguments, fromStart: Bool) throws -> Value {
        let n = try args.int("n", default: 6, in: 0...Int.max / 2)
        let v = try args.value("x")
        switch v {
        case .object(let t as TableValue):
            return .object(TableValue(fromStart ? t.table.head(n) : t.table.tail(n)))
        case .object(let s as StringVector):
            return .object(StringVector(Array(fromStart ? s.values.prefix(n) : s.values.suffix(n))))
        default:
            guard let m = v.asMatrix else { throw args.typeError("x", expected: "a table, vector or matrix", got: v) }
            let k = min(n, m.isRow ? m.cols : m.rows)
            if m.isRow {
                let cols = fromStart ? Array(0..<k) : Array((m.cols - k)..<m.cols)
                return .matrix(Matrix(rows: 1, cols: k, data: cols.map { m.data[$0] }, isLogical: m.isLogical))
            }
            let rows = fromStart ? Array(0..<k) : Array((m.rows - k)..<m.rows)
            var data: [Double] = []
            data.reserveCapacity(k * m.cols)
            for j in 0..<m.cols { for i in rows { data.append(m[i, j]) } }
            return .matrix(Matrix(rows: k, cols: m.cols, data: data, isLogical: m.isLogical))
        }
    }
}
