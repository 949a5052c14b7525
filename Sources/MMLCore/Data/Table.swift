// A data table: ordered, named, equally long columns. Row indices in this API are 0-based;
// the language layer converts from MML's 1-based indexing.

/// A table of named columns of equal length, as read from a CSV file.
public struct Table: Sendable, Equatable {
    /// The columns, in file order.
    public private(set) var columns: [Column]
    /// Number of rows.
    public private(set) var nrows: Int

    /// A table from columns; they must have distinct names and equal lengths.
    public init(columns: [Column]) throws {
        var seen = Set<String>()
        for column in columns {
            guard seen.insert(column.name).inserted else {
                throw DataError("two columns are named '\(column.name)'", hint: "column names in a table must be distinct")
            }
        }
        let n = columns.first?.count ?? 0
        if let bad = columns.first(where: { $0.count != n }) {
            throw DataError("column '\(bad.name)' has \(bad.count) rows but column '\(columns[0].name)' has \(n)",
                            hint: "every column of a table must have the same number of rows")
        }
        self.columns = columns
        self.nrows = n
    }

    /// A numeric table from a matrix, one column per matrix column, named `names` or `col1`, `col2`, ….
    public init(matrix: Matrix, names: [String]? = nil) throws {
        let names = names ?? (0..<matrix.cols).map { "col\($0 + 1)" }
        guard names.count == matrix.cols else {
            throw DataError("\(names.count) column names for a matrix with \(matrix.cols) columns")
        }
        try LinAlgLimits.reserve(matrix.count)
        var columns: [Column] = []
        columns.reserveCapacity(matrix.cols)
        var poll = StopPoll()
        for j in 0..<matrix.cols {
            try poll.advance(matrix.rows)
            columns.append(Column(name: names[j], numbers: matrix.column(j)))
        }
        try self.init(columns: columns)
    }

    /// Number of columns.
    public var ncols: Int { columns.count }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column called `name`, or nil.
    public subscript(name: String) -> Column? { columns.first { $0.name == name } }

    /// The column called `name`; an error with a "did you mean" hint when there is none.
    public func column(named name: String) throws -> Column {
        if let column = self[name] { return column }
        throw unknownColumn(name)
    }

    func unknownColumn(_ name: String) -> DataError {
        let hint: String
        if let guess = Suggestions.nearest(to: name, in: columnNames) {
            hint = "did you mean '\(guess)'?"
        } else {
            hint = "the columns are " + columnNames.map { "'\($0)'" }.joined(separator: ", ")
        }
        return DataError("the table has no column '\(name)'", hint: hint)
    }

    /// Cell at 0-based `row` of the column called `name`.
    public func cell(row: Int, column name: String) throws -> CellValue {
        try checkRow(row)
        return try column(named: name).cell(row)
    }

    /// The rows at the given 0-based indices, in that order (repeats allowed).
    public func rows(_ indices: [Int]) throws -> Table {
        for i in indices { try checkRow(i) }
        return rowsUnchecked(indices)
    }

    func rowsUnchecked(_ indices: [Int]) -> Table {
        var copy = self
        copy.columns = columns.map { $0.subset(indices) }
        copy.nrows = indices.count
        return copy
    }

    private func checkRow(_ i: Int) throws {
        guard i >= 0 && i < nrows else {
            throw DataError("row \(i + 1) is out of range: the table has \(nrows) row\(nrows == 1 ? "" : "s")")
        }
    }

    /// The first `n` rows (all of them when there are fewer).
    public func head(_ n: Int = 6) -> Table {
        rowsUnchecked(Array(0..<max(0, min(n, nrows))))
    }

    /// The last `n` rows (all of them when there are fewer).
    public func tail(_ n: Int = 6) -> Table {
        rowsUnchecked(Array(max(0, nrows - max(0, n))..<nrows))
    }

    /// The named columns, in the order given.
    public func select(_ names: [String]) throws -> Table {
        try Table(columns: names.map { try column(named: $0) })
    }

    /// The table with `column` added at the end, or replacing the column of the same name.
    public func adding(_ column: Column) throws -> Table {
        var columns = self.columns
        if let i = columns.firstIndex(where: { $0.name == column.name }) {
            columns[i] = column
        } else {
            columns.append(column)
        }
        return try Table(columns: columns)
    }
}

/// Read access to one row, handed to `Table.filter` predicates.
public struct TableRow: Sendable {
    /// The table the row belongs to.
    public let table: Table
    /// The row's 0-based index.
    public let index: Int

    /// The cell in the column called `name`, or nil when there is no such column.
    public subscript(name: String) -> CellValue? { table[name]?.cell(index) }

    /// The cell in the column called `name`; an error naming the columns when there is none.
    public func value(_ name: String) throws -> CellValue { try table.column(named: name).cell(index) }

    /// The column names, in order.
    public var columnNames: [String] { table.columnNames }
}
