// Frequency tables (counts) and the describe summary of a data vector.

/// Distinct values in increasing order with how often each occurs.
public struct FrequencyTable: Sendable, Equatable, CustomStringConvertible {
    public let values: [Double]
    public let counts: [Int]
    /// Each count divided by the total.
    public var proportions: [Double] {
        let n = Double(counts.reduce(0, +))
        return counts.map { Double($0) / n }
    }
    public var description: String {
        let w = max(5, values.map { NumberFormat.short($0).count }.max() ?? 0)
        var lines = [padRight("value", w) + "  count"]
        for (v, c) in zip(values, counts) {
            let s = NumberFormat.short(v)
            lines.append(String(repeating: " ", count: w - s.count) + s + "  " + String(c))
        }
        return lines.joined(separator: "\n")
    }
}

/// count, mean, std (n − 1), min, Q1, median, Q3, max — like pandas' describe.
public struct DataSummary: Sendable, Equatable, CustomStringConvertible {
    public let count: Int
    public let mean: Double
    /// Sample standard deviation (n − 1); nan for a single value.
    public let std: Double
    public let min: Double
    public let q1: Double
    public let median: Double
    public let q3: Double
    public let max: Double

    /// Field names and values in display order (for records and tables).
    public var fields: [(String, Double)] {
        [("count", Double(count)), ("mean", mean), ("std", std), ("min", min),
         ("q1", q1), ("median", median), ("q3", q3), ("max", max)]
    }

    public var description: String {
        fields.map { name, v in padRight(name, 7) + NumberFormat.short(v) }
            .joined(separator: "\n")
    }

    public static func == (a: DataSummary, b: DataSummary) -> Bool {
        zip(a.fields, b.fields).allSatisfy { $0.1 == $1.1 || ($0.1.isNaN && $1.1.isNaN) }
    }
}

extension Stats {
    /// The frequency table of the data.
    public static func counts(_ x: [Double]) throws -> FrequencyTable {
        try check(x, "counts")
        let sorted = x.sorted()
        var values: [Double] = [], counts: [Int] = []
        for v in sorted {
            if let last = values.last, last == v { counts[counts.count - 1] += 1 } else { values.append(v); counts.append(1) }
        }
        return FrequencyTable(values: values, counts: counts)
    }

    /// The describe summary of the data.
    public static func describe(_ x: [Double]) throws -> DataSummary {
        try check(x, "describe")
        return try DataSummary(values: x)
    }
}
