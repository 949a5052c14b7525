// The workspace: global variables by slot, with names resolved once at compile time.

/// Global variables. A name gets a slot the first time any code mentions it; the slot
/// stays empty until assigned, and reading an empty slot falls back to the builtins.
public final class Globals {
    private(set) var slotOf: [String: Int] = [:]
    private(set) var names: [String] = []
    var values: [Value?] = []

    /// The slot of a name, made on first use.
    func slot(_ name: String) -> Int {
        if let s = slotOf[name] { return s }
        let s = names.count
        slotOf[name] = s
        names.append(name)
        values.append(nil)
        return s
    }

    public subscript(name: String) -> Value? {
        get { slotOf[name].flatMap { values[$0] } }
        set { values[slot(name)] = newValue }
    }

    /// Names that hold a value, in the order they were first made.
    public var definedNames: [String] {
        names.indices.filter { values[$0] != nil }.map { names[$0] }
    }

    /// Forgets every variable (`:clear`); compiled code keeps its slots, now empty.
    public func clear() {
        for i in values.indices { values[i] = nil }
    }
}
