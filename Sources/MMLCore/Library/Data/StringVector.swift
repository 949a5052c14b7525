// A column of strings as an MML value (e.g. t.species): printed like a vector, indexed and
// looped over like one; a missing cell is nil and prints as NA.

/// A vector of strings.
public final class StringVector: IndexableObject, SequenceObject, ShapedObject {
    public let values: [String?]

    public init(_ values: [String?]) { self.values = values }

    public var typeName: String { "string vector" }

    var shape: (rows: Int, cols: Int) { (values.count, 1) }
    var length: Int { values.count }

    /// Each element as a string (`nan` where missing, as for table cells).
    public var elements: [Value] { values.map(element) }

    private func element(_ s: String?) -> Value { s.map(Value.string) ?? .number(.nan) }

    /// `["a", "b", …]`; past `maxElements` (or the width) the middle is elided with `…` under
    /// a header line saying how many there are, as numeric vectors print.
    public func display(_ options: DisplayOptions) -> String {
        let quoted = values.map { $0.map { "\"\($0)\"" } ?? "NA" }
        if quoted.isEmpty { return "[]" }
        let full = "[" + quoted.joined(separator: ", ") + "]"
        if quoted.count <= 2 || (quoted.count <= options.maxElements && full.count <= options.width) { return full }
        var keep = max(1, min(options.maxElements / 2, (quoted.count - 1) / 2))
        while true {
            let line = "[" + (quoted.prefix(keep) + ["…"] + quoted.suffix(keep)).joined(separator: ", ") + "]"
            if line.count <= options.width || keep == 1 { return "\(quoted.count)-element string vector\n" + line }
            keep -= 1
        }
    }

    /// `s[i]` is a string; `s[range]`, `s[mask]` are string vectors.
    public func index(_ indices: [Value], at span: SourceSpan) throws -> Value {
        guard indices.count == 1 else {
            throw MMLError(kind: .index, "a string vector takes one index, not \(indices.count)", at: span)
        }
        switch try selection(indices[0], extent: values.count, dimension: "element", at: span) {
        case .all: return .object(self)
        case .single(let i): return element(values[i])
        case .list(let l): return .object(StringVector(l.map { values[$0] }))
        }
    }
}
