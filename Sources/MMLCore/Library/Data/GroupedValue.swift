// The value group_by returns: a table split by one column. Summaries are fields, as in
// pandas' df.groupby("species").mean(): g.mean, g.count, g.sum, g.min, g.max, g.std, g.median.

/// A grouped table (wraps the engine's `GroupedTable`).
public final class GroupedValue: IndexableObject, SequenceObject {
    public let grouped: GroupedTable

    public init(_ grouped: GroupedTable) { self.grouped = grouped }

    public var typeName: String { "grouped table" }

    /// Its fields, which `group_by` declares: a summary table per group, and the keys.
    static let fields: [ResultField] = [
        ResultField("count", "one row per group: how many values each column has"),
        ResultField("mean", "one row per group: the mean of each numeric column"),
        ResultField("sum", "one row per group: the sum of each numeric column"),
        ResultField("min", "one row per group: the smallest value of each numeric column"),
        ResultField("max", "one row per group: the largest value of each numeric column"),
        ResultField("std", "one row per group: the sample standard deviation of each numeric column"),
        ResultField("median", "one row per group: the median of each numeric column"),
        ResultField("keys", "the group keys, in order"),
    ]

    /// The summaries a field names, in the order they are listed.
    static let summaries = fields.map(\.name).filter { $0 != "keys" }

    public var fieldNames: [String] { GroupedValue.fields.map(\.name) }

    public func field(_ name: String) -> Value? {
        if name == "keys" { return keysValue }
        guard GroupedValue.summaries.contains(name) else { return nil }
        return try? summary(name).map { .object(TableValue($0)) }
    }

    /// The group keys as a value: a string vector, or a vector of numbers.
    var keysValue: Value {
        if grouped.keys.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
            return .matrix(Matrix(column: grouped.keys.map { if case .number(let x) = $0 { return x } else { return .nan } }))
        }
        return .object(StringVector(grouped.keys.map(\.description)))
    }

    /// One row per group with the named summary of every other numeric column; nil for an unknown name.
    func summary(_ name: String) throws -> Table? {
        switch name {
        case "count": return try grouped.count()
        case "mean": return try grouped.mean()
        case "sum": return try grouped.sum()
        case "min": return try grouped.summarize { $0.min() ?? .nan }
        case "max": return try grouped.summarize { $0.max() ?? .nan }
        case "std": return try grouped.summarize { meanAndSampleStd($0).std }
        case "median": return try grouped.summarize { quantileType7(sorted: $0.sorted(), 0.5) }
        default: return nil
        }
    }

    public func display(_ options: DisplayOptions) -> String {
        let sizes = zip(grouped.keys, grouped.groups).map { "\($0.description) (\($1.count))" }
        let shown = sizes.count > 12 ? sizes.prefix(6) + ["…"] + sizes.suffix(6) : sizes[...]
        return """
            table grouped by \(grouped.keyName): \(grouped.groups.count) group\(grouped.groups.count == 1 ? "" : "s") — \(shown.joined(separator: ", "))
              summaries: g.count, g.mean, g.sum, g.min, g.max, g.std, g.median, or summarize(g, f)
              one group's rows: g["key"]
            """
    }

    /// `g["setosa"]` (or `g[2]`, the second group) is that group's rows as a table.
    public func index(_ indices: [Value], at span: SourceSpan) throws -> Value {
        guard indices.count == 1 else { throw MMLError(kind: .index, "a grouped table takes one index: a key or a group number", at: span) }
        if let key = indices[0].text {
            guard let i = grouped.keys.firstIndex(where: { $0.description == key }), let t = grouped.group(i) else {
                let keys = grouped.keys.map(\.description)
                var error = MMLError(kind: .index, "there is no group \"\(key)\"", at: span, notes: ["the keys are: " + keys.joined(separator: ", ")])
                if let near = Suggestions.nearest(to: key, in: keys) { error.diagnostic.hints.append("did you mean \"\(near)\"?") }
                throw error
            }
            return .object(TableValue(t))
        }
        guard case .single(let i) = try selection(indices[0], extent: grouped.groups.count, dimension: "group", at: span),
              let t = grouped.group(i) else {
            throw MMLError(kind: .index, "pick one group at a time: g[\"key\"] or g[k]", at: span)
        }
        return .object(TableValue(t))
    }

    /// `for part in g { … }` walks the groups' tables in key order.
    public var elements: [Value] { grouped.groups.indices.compactMap { grouped.group($0).map { .object(TableValue($0)) } } }
}
