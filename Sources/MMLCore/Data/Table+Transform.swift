// Row filtering, sorting, missing-value removal and conversion of a table to a matrix.

extension Table {
    /// The rows for which `predicate` is true, in their original order.
    public func filter(_ predicate: (TableRow) throws -> Bool) rethrows -> Table {
        var keep: [Int] = []
        for i in 0..<nrows where try predicate(TableRow(table: self, index: i)) { keep.append(i) }
        return rowsUnchecked(keep)
    }

    /// The rows ordered by the column called `name`: a stable sort, missing cells last in
    /// either direction (as pandas does).
    public func sorted(by name: String, descending: Bool = false) throws -> Table {
        rowsUnchecked(try column(named: name).sortedOrder(descending: descending))
    }

    /// The rows with no missing cell in the named columns (all columns when `names` is nil).
    public func droppingMissing(in names: [String]? = nil) throws -> Table {
        let checked = try (names ?? columnNames).map { try column(named: $0) }
        return rowsUnchecked((0..<nrows).filter { i in !checked.contains { $0.cell(i).isMissing } })
    }

    /// The named numeric (or boolean) columns as an `nrows × k` matrix, for PCA and
    /// regression; all numeric and boolean columns when `names` is nil. Missing cells stay NaN.
    public func matrix(_ names: [String]? = nil) throws -> Matrix {
        let chosen: [Column]
        if let names {
            chosen = try names.map { try column(named: $0) }
        } else {
            chosen = columns.filter { $0.kind != .string }
            guard !chosen.isEmpty else {
                throw DataError("the table has no numeric columns to make a matrix from")
            }
        }
        var data: [Double] = []
        data.reserveCapacity(nrows * chosen.count)
        for column in chosen {
            guard let values = column.numericValues else {
                throw DataError("column '\(column.name)' holds strings, so it cannot go into a matrix",
                                hint: "leave it out, or turn its categories into numbers first")
            }
            data.append(contentsOf: values)
        }
        return Matrix(rows: nrows, cols: chosen.count, data: data)
    }
}

extension Column {
    /// Row indices that sort this column (stable; missing cells last).
    func sortedOrder(descending: Bool) throws -> [Int] {
        // Missing cells go last whatever the direction, so split them off first.
        func order<T>(_ key: (Int) -> T?, _ less: (T, T) -> Bool) throws -> [Int] {
            let (present, missing) = try InterruptibleSort.split(0..<count) { key($0) != nil }
            let sorted = try InterruptibleSort.sorted(present) { a, b in
                let ka = key(a)!, kb = key(b)!
                if less(ka, kb) { return !descending }
                if less(kb, ka) { return descending }
                return a < b
            }
            return sorted + missing
        }
        switch values {
        case .number(let v): return try order({ v[$0].isNaN ? nil : v[$0] }, <)
        case .string(let v): return try order({ v[$0] }, <)
        case .bool(let v): return try order({ v[$0] }, { !$0 && $1 })
        }
    }
}
