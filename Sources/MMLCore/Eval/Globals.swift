// The workspace: global variables by slot, with names resolved once at compile time.

/// Global variables. A name gets a slot the first time any code mentions it; the slot
/// stays empty until assigned, and reading an empty slot falls back to the builtins.
public final class Globals {
    private(set) var slotOf: [String: Int] = [:]
    private(set) var names: [String] = []
    /// The values by slot, in memory this object owns: `names.count` initialized slots out of
    /// `capacity`. Nodes read and write it through `self[slot:]`; a raw pointer is a plain
    /// value, so unlike an array it is not retained and released around every access.
    /// It moves only in `slot(_:)` (compilation), and no access holds it across that.
    private var storage: UnsafeMutablePointer<Value?>
    private var capacity: Int
    /// Changes whenever a slot may have changed to or from anything but a number or a bool:
    /// code that looked up a function, or worked something out from the functions and data
    /// in the workspace, can keep its result until then (see `NumCall`, `PrimeNode`).
    private(set) var epoch = 0

    init() {
        capacity = 64
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: names.count)
        storage.deallocate()
    }

    /// The slot of a name, made on first use.
    func slot(_ name: String) -> Int {
        if let s = slotOf[name] { return s }
        let s = names.count
        if s == capacity {
            let larger = UnsafeMutablePointer<Value?>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: s)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + s).initialize(to: nil)
        slotOf[name] = s
        names.append(name)
        return s
    }

    /// The value in a slot (nil while unassigned); slots come from `slot(_:)`.
    @inline(__always)
    subscript(slot slot: Int) -> Value? {
        get { storage[slot] }
        set {
            epoch &+= 1
            storage[slot] = newValue
        }
    }

    /// The number in a slot, read in place without copying the value; nil for anything else.
    @inline(__always)
    func number(at slot: Int) -> Double? {
        if case .number(let x)? = storage[slot] { return x }
        return nil
    }

    /// Stores a value. Replacing an empty slot, a number or a bool (no reference to release)
    /// overwrites it without the outlined destroy of the old value.
    @inline(__always)
    func store(_ value: Value, at slot: Int) {
        switch storage[slot] {
        case .none, .number?, .bool?:
            switch value {
            case .number, .bool: break
            default: epoch &+= 1
            }
            (storage + slot).initialize(to: value)
        default:
            epoch &+= 1
            storage[slot] = value
        }
    }

    /// Moves the value out of a slot, leaving it unassigned (so a matrix in it can be
    /// changed in place and stored back).
    @inline(__always)
    func take(at slot: Int) -> Value? {
        epoch &+= 1
        return storage[slot].take()
    }

    /// The function in a slot, read in place (nil when the slot holds anything else).
    @inline(__always)
    func function(at slot: Int) -> Function? {
        if case .function(let f)? = storage[slot] { return f }
        return nil
    }

    /// Whether a slot is unassigned, read without copying its value.
    @inline(__always)
    func isEmpty(_ slot: Int) -> Bool {
        if case .none = storage[slot] { return true }
        return false
    }

    public subscript(name: String) -> Value? {
        get { slotOf[name].flatMap { self[slot: $0] } }
        set { self[slot: slot(name)] = newValue }
    }

    /// Names that hold a value, in the order they were first made.
    public var definedNames: [String] {
        names.indices.filter { !isEmpty($0) }.map { names[$0] }
    }

    /// Every slot's value now: with `namesChanged(since:)`, what a run changed.
    func snapshot() -> [Value?] {
        Array(UnsafeBufferPointer(start: storage, count: names.count))
    }

    /// The names whose value is not the one in `old` (assigned, cleared or made since).
    func namesChanged(since old: [Value?]) -> Set<String> {
        var changed = Set<String>()
        for slot in names.indices {
            switch (slot < old.count ? old[slot] : nil, storage[slot]) {
            case (nil, nil): continue
            case (let a?, let b?) where a.isIdentical(to: b): continue
            default: changed.insert(names[slot])
            }
        }
        return changed
    }

    /// Forgets every variable (`:clear`); compiled code keeps its slots, now empty.
    public func clear() {
        for i in names.indices { self[slot: i] = nil }
    }
}
