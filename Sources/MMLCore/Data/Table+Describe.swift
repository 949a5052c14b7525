// describe: count, mean, std, min, quartiles and max of each numeric column, as pandas prints them.

extension Table {
    /// The statistic names, in the order of `describe()`'s rows.
    public static let describeStatistics = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]

    /// A summary table: a string column `stat` naming each statistic (count, mean, std —
    /// sample, n − 1 —, min, 25%, 50%, 75%, max; quartiles of type 7) and one column per
    /// numeric column of this table. Missing cells are left out of every statistic.
    public func describe() throws -> Table {
        let numeric = columns.filter { $0.kind == .number }
        guard !numeric.isEmpty else {
            throw DataError("describe needs a numeric column, and this table has none",
                            hint: "for string columns, group_by(t, \"col\") and count() show the categories")
        }
        var stat = "stat"
        while numeric.contains(where: { $0.name == stat }) { stat += "_" }
        var result = [Column(name: stat, strings: Table.describeStatistics)]
        for column in numeric {
            let summary = try DataSummary(values: (column.numbers ?? []).filter { !$0.isNaN })
            result.append(Column(name: column.name, numbers: summary.fields.map(\.1)))
        }
        return try Table(columns: result)
    }
}
