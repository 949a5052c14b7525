// One named column of a table: numbers (NaN = missing), strings or booleans (nil = missing).

/// The three kinds of column a CSV file can hold.
public enum ColumnKind: String, Sendable, Equatable {
    case number, string, bool
}

/// A column's cells. Numbers mark a missing cell with NaN; strings and booleans with nil.
public enum ColumnValues: Sendable, Equatable {
    case number([Double])
    case string([String?])
    case bool([Bool?])
}

/// One cell, as seen by a row predicate or an element lookup.
public enum CellValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case string(String)
    case bool(Bool)
    case missing

    /// True for `.missing` and for a NaN number.
    public var isMissing: Bool {
        switch self {
        case .missing: return true
        case .number(let x): return x.isNaN
        default: return false
        }
    }

    /// The cell as it prints in a table: numbers with up to 6 significant digits, `NA` when missing.
    public var description: String {
        switch self {
        case .number(let x): return x.isNaN ? "NA" : formatTableNumber(x)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .missing: return "NA"
        }
    }
}

/// A named column. Its cells are charged to the memory budget while it exists (see `Matrix`).
public struct Column: Sendable, Equatable {
    /// The column's name (unique within its table).
    public var name: String
    /// The cells.
    public var values: ColumnValues {
        didSet { charge = Column.charge(for: values) }
    }
    private var charge: StorageCharge?

    /// A column from its name and cells.
    public init(name: String, values: ColumnValues) {
        self.name = name
        self.values = values
        charge = Column.charge(for: values)
    }

    public static func == (a: Column, b: Column) -> Bool { a.name == b.name && a.values == b.values }

    /// The charge for a column's cells: their array slots, and the text of strings too long
    /// to be stored inside their slot.
    private static func charge(for values: ColumnValues) -> StorageCharge? {
        switch values {
        case .number(let v): return StorageCharge.make(count: v.count)
        case .bool(let v): return StorageCharge.make(count: v.count, stride: MemoryLayout<Bool?>.stride)
        case .string(let v): return StorageCharge.make(strings: v)
        }
    }

    /// A numeric column.
    public init(name: String, numbers: [Double]) { self.init(name: name, values: .number(numbers)) }
    /// A string column.
    public init(name: String, strings: [String?]) { self.init(name: name, values: .string(strings)) }
    /// A boolean column.
    public init(name: String, bools: [Bool?]) { self.init(name: name, values: .bool(bools)) }

    /// Number, string or bool.
    public var kind: ColumnKind {
        switch values {
        case .number: return .number
        case .string: return .string
        case .bool: return .bool
        }
    }

    /// Number of cells.
    public var count: Int {
        switch values {
        case .number(let v): return v.count
        case .string(let v): return v.count
        case .bool(let v): return v.count
        }
    }

    /// Number of missing cells.
    public var missingCount: Int {
        switch values {
        case .number(let v): return v.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .string(let v): return v.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        case .bool(let v): return v.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        }
    }

    /// The numbers, when this is a numeric column.
    public var numbers: [Double]? { if case .number(let v) = values { return v } else { return nil } }
    /// The strings, when this is a string column.
    public var strings: [String?]? { if case .string(let v) = values { return v } else { return nil } }
    /// The booleans, when this is a boolean column.
    public var bools: [Bool?]? { if case .bool(let v) = values { return v } else { return nil } }

    /// The numbers of a numeric or boolean column (true = 1, false = 0, missing = NaN), as a
    /// vector for statistics; nil for a string column.
    public var numericValues: [Double]? {
        switch values {
        case .number(let v): return v
        case .bool(let v): return v.map { $0.map { $0 ? 1 : 0 } ?? .nan }
        case .string: return nil
        }
    }

    /// Cell `i` (0-based); `.missing` when out of range.
    public func cell(_ i: Int) -> CellValue {
        guard i >= 0 && i < count else { return .missing }
        switch values {
        case .number(let v): return v[i].isNaN ? .missing : .number(v[i])
        case .string(let v): return v[i].map(CellValue.string) ?? .missing
        case .bool(let v): return v[i].map(CellValue.bool) ?? .missing
        }
    }

    /// The cells at the given 0-based indices, in that order (indices must be valid).
    func subset(_ indices: [Int]) -> Column {
        switch values {
        case .number(let v): return Column(name: name, values: .number(indices.map { v[$0] }))
        case .string(let v): return Column(name: name, values: .string(indices.map { v[$0] }))
        case .bool(let v): return Column(name: name, values: .bool(indices.map { v[$0] }))
        }
    }
}
