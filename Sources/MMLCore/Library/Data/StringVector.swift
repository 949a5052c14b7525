// A column of strings as an MML value (e.g. t.species): printed like a vector, indexed and
// looped over like one; a missing cell is nil and prints as NA.

/// A vector of strings.
public final class StringVector: IndexableObject, SequenceObject, ShapedObject {
    public let values: [String?]
    /// The charge for the vector's storage (see `StorageCharge.make(strings:)`).
    private let charge: StorageCharge?
    /// The charges of string values whose text it shares, counted once however many hold it.
    private let sharedCharges: [StorageCharge]

    public init(_ values: [String?]) {
        self.values = values
        charge = StorageCharge.make(strings: values)
        sharedCharges = []
    }

    /// The vector of string values (a list literal such as `[a, b]`): long text keeps the
    /// charge it already has rather than being counted again.
    init(_ elements: [StringValue]) {
        values = elements.map(\.text)
        charge = StorageCharge.make(strings: elements.map { $0.charge == nil ? $0.text : nil })
        sharedCharges = elements.compactMap(\.charge)
    }

    public var typeName: String { "string vector" }

    var shape: (rows: Int, cols: Int) { (values.count, 1) }
    var length: Int { values.count }

    /// Each element as a string (`nan` where missing, as for table cells).
    public var elements: [Value] { values.map(element) }

    private func element(_ s: String?) -> Value { s.map(Value.string) ?? .number(.nan) }

    /// `["a", "b", …]`; past `maxElements` (or the width) the middle is elided with `…` under
    /// a header line saying how many there are, as numeric vectors print.
    public func display(_ options: DisplayOptions) -> String {
        // Only the elements shown are quoted: a long vector of long strings is not copied whole.
        func quoted(_ s: String?) -> String { s.map { "\"\($0)\"" } ?? "NA" }
        if values.isEmpty { return "[]" }
        if values.count <= max(2, options.maxElements) {
            let full = "[" + values.map(quoted).joined(separator: ", ") + "]"
            if values.count <= 2 || full.count <= options.width { return full }
        }
        var keep = max(1, min(options.maxElements / 2, (values.count - 1) / 2))
        while true {
            let line = "[" + (values.prefix(keep).map(quoted) + ["…"] + values.suffix(keep).map(quoted)).joined(separator: ", ") + "]"
            if line.count <= options.width || keep == 1 { return "\(values.count)-element string vector\n" + line }
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
