// group_by: rows split by the distinct values of one column, summarised per group.

/// A table split into groups by the distinct values of one column. Groups are ordered by
/// key (as pandas does); rows with a missing key belong to no group.
public struct GroupedTable: Sendable {
    /// The table that was grouped.
    public let table: Table
    /// The name of the column whose values form the groups.
    public let keyName: String
    /// One key per group, in ascending order.
    public let keys: [CellValue]
    /// The 0-based row indices of each group, in the original row order.
    public let groups: [[Int]]

    /// The rows of group `i` as a table.
    public func group(_ i: Int) -> Table? {
        guard i >= 0 && i < groups.count else { return nil }
        return table.rowsUnchecked(groups[i])
    }

    /// One row per group: the key and the number of rows in the group (column `count`).
    public func count() throws -> Table {
        try Table(columns: [keyColumn(), Column(name: "count", numbers: groups.map { Double($0.count) })])
    }

    /// One row per group: the key and the mean of every other numeric or boolean column (missing cells skipped).
    public func mean() throws -> Table {
        try summarize { $0.isEmpty ? .nan : $0.reduce(0, +) / Double($0.count) }
    }

    /// One row per group: the key and the sum of every other numeric or boolean column (missing cells skipped).
    public func sum() throws -> Table {
        try summarize { $0.reduce(0, +) }
    }

    /// One row per group: the key and `summary` applied to the non-missing values of every
    /// other numeric or boolean column.
    public func summarize(_ summary: ([Double]) throws -> Double) throws -> Table {
        var columns = [keyColumn()]
        for column in table.columns where column.name != keyName {
            guard let values = column.numericValues else { continue }
            let summaries = try groups.map { rows in try summary(rows.map { values[$0] }.filter { !$0.isNaN }) }
            columns.append(Column(name: column.name, numbers: summaries))
        }
        return try Table(columns: columns)
    }

    private func keyColumn() -> Column {
        let firstRows = groups.map { $0[0] }
        return table[keyName].map { $0.subset(firstRows) } ?? Column(name: keyName, strings: [])
    }
}

extension Table {
    /// The rows grouped by the distinct values of the column called `name`.
    public func groupBy(_ name: String) throws -> GroupedTable {
        let key = try column(named: name)
        var keys: [CellValue] = []
        var groups: [[Int]] = []
        // Walking the rows in key-sorted order makes each group's rows contiguous and the
        // groups come out ordered by key; the stable sort keeps row order inside a group.
        for i in try key.sortedOrder(descending: false) {
            let value = key.cell(i)
            if value.isMissing { continue }
            if let last = keys.last, last == value {
                groups[groups.count - 1].append(i)
            } else {
                keys.append(value)
                groups.append([i])
            }
        }
        return GroupedTable(table: self, keyName: name, keys: keys, groups: groups)
    }
}
