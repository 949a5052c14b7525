// The payload of a string value: its text and, for long text, the charge that counts it
// against the memory budget while any copy of the value is alive.

/// The text of a string value.
///
/// Text of `StorageCharge.minimumBytes` or more carries a `StorageCharge`, shared by every copy
/// of the value and released when the last one goes away, so strings a program keeps count
/// against the budget like matrices do. Shorter text carries none and costs nothing more than
/// a `String`. `Value.string(_:)` builds one from a `String`.
public struct StringValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Short text inline; long text boxed with its charge. One reference either way, so that
    /// copying a `Value` stays a single retain (a `String` beside an optional charge made the
    /// copy of every value, numbers included, measurably slower).
    private enum Storage: Sendable {
        case short(String)
        case long(LongText)
    }

    /// Long text and the charge that counts it.
    private final class LongText: Sendable {
        let text: String
        let charge: StorageCharge

        init(_ text: String, _ charge: StorageCharge) {
            self.text = text
            self.charge = charge
        }
    }

    private let storage: Storage

    /// `text`, charged to the current budget when it is long enough to count. The storage
    /// exists already, so this does not refuse: producers whose size a program controls call
    /// `StringValue.reserve` before they build the text, and a value made without a check may
    /// overdraw the budget, which the next builtin call reports (as for matrices).
    public init(_ text: String) {
        if let charge = StorageCharge.make(count: text.utf8.count, stride: 1) {
            storage = .long(LongText(text, charge))
        } else {
            storage = .short(text)
        }
    }

    /// The text.
    public var text: String {
        switch storage {
        case .short(let text): return text
        case .long(let long): return long.text
        }
    }

    /// The charge for the text, nil when it is too short to count.
    var charge: StorageCharge? {
        if case .long(let long) = storage { return long.charge }
        return nil
    }

    /// `text` as a value, refused when it would pass the longest string MML makes or what is
    /// left of the memory budget (for builtins that print a value as text: its size is known
    /// only once it is written, and it is refused before it is kept).
    init(checked text: String, for what: String) throws {
        try StringValue.reserve(text.utf8.count, for: what)
        self.init(text)
    }

    /// Refuses text of `bytes` bytes of UTF-8 when it would pass the longest string MML makes
    /// (`maxBytes`) or what is left of the memory budget. `what` names the operation in the
    /// error ("joining these strings").
    @inline(__always)
    static func reserve(_ bytes: Int, for what: @autoclosure () -> String) throws {
        if bytes < StorageCharge.minimumBytes { return }  // short text is not counted
        guard bytes <= maxBytes else { throw StringTooLongError(operation: what(), bytes: bytes) }
        try (MemoryBudget.current ?? .shared).reserve(bytes)
    }

    /// The longest string, in bytes of UTF-8 (256 MiB: far beyond any text a program prints,
    /// well short of exhausting memory when a loop keeps doubling a string).
    public static let maxBytes = 1 << 28

    public static func == (a: StringValue, b: StringValue) -> Bool { a.text == b.text }
    public static func < (a: StringValue, b: StringValue) -> Bool { a.text < b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
    public var description: String { text }
}

/// A string longer than `StringValue.maxBytes` was asked for.
struct StringTooLongError: EngineError {
    static let kind = DiagnosticKind.memory

    /// What would have made it ("joining these strings").
    var operation: String
    /// Its size in bytes of UTF-8.
    var bytes: Int

    var message: String {
        "\(operation) would make a string of \(formatBytes(Double(bytes))), more than the \(formatBytes(Double(StringValue.maxBytes))) MML allows for one string"
    }

    var hint: String? { "is a loop adding to a string more times than intended?" }
}

extension Value {
    /// A string value holding `text` (see `StringValue` for how long text is charged).
    @inline(__always)
    public static func string(_ text: String) -> Value { .string(StringValue(text)) }

    /// The text when the value is a string.
    public var text: String? {
        if case .string(let s) = self { return s.text }
        return nil
    }
}
