// The local variables of one function call, and the free list that lets a function reuse
// the frames of its finished calls instead of allocating one per call.

/// The slots of one call. Closures made during the call keep it alive (as their `captured`
/// frame), so a frame lives as long as the longest of the call and those closures.
final class Frame {
    /// The frame of the enclosing function call, for variables of enclosing functions.
    fileprivate(set) var parent: Frame?

    /// The frame `depth` levels out along the chain of enclosing functions.
    @inline(__always)
    func ancestor(_ depth: Int) -> Frame {
        var f = self
        for _ in 0..<depth {
            guard let p = f.parent else { break }
            f = p
        }
        return f
    }
    /// The number of slots.
    let count: Int
    /// `count` slots, always all initialized (nil while a variable has no value). This frame
    /// owns them: allocated in `init`, deinitialized and freed in `deinit`, never exposed
    /// beyond a single access. A raw pointer makes reading a slot one load of a concrete
    /// `Value?` (no retain of a buffer, no copy through generic value witnesses).
    private let slots: UnsafeMutablePointer<Value?>
    /// The next frame in its function's free list, set only while this frame is on it.
    fileprivate var nextFree: Frame?

    init(count: Int, parent: Frame?) {
        self.count = count
        self.parent = parent
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Stores an argument in a slot that is still empty, as every slot of a frame from
    /// `CompiledFunction.takeFrame` is. An empty slot holds no reference, so it can be
    /// overwritten without being destroyed first.
    @inline(__always)
    func initialize(_ slot: Int, to value: Value) {
        (slots + slot).initialize(to: value)
    }

    /// The value in a slot (the compiler only makes slot numbers below the frame's count).
    @inline(__always)
    subscript(slot: Int) -> Value? {
        get { reattached(slots[slot]) }
        set { slots[slot] = newValue }
    }

    /// A value read from a slot, with the functions in it that were detached from this frame
    /// (see `detachClosures`) closed over it again, as they were made.
    @inline(__always)
    private func reattached(_ value: Value?) -> Value? {
        guard hasDetached, let value else { return value }
        return ClosureCycles.replacing(in: value) { $0.detachedDepth != nil ? $0.closed(over: self) : nil } ?? value
    }

    /// Whether `detachClosures` changed a slot (until then reading a slot checks nothing more).
    private var hasDetached = false

    /// Breaks the reference cycles between this frame and the functions made during its call
    /// that are kept in its own slots (a local `fn`, a lambda in a variable, or either inside
    /// a record or tuple there), each of which holds the frame. Called when the call has ended
    /// while something (a returned closure, or one of those functions) still holds the frame:
    /// without it the frame and those functions would keep each other alive for ever.
    /// A function closing over the frame of a call nested in this one (whose parent chain
    /// leads here) is such a cycle too, one frame longer.
    func detachClosures() {
        for i in 0..<count {
            guard let value = slots[i],
                  let detached = ClosureCycles.replacing(in: value, { f in
                      guard f.detachedDepth == nil, let depth = f.captured?.distance(to: self) else { return nil }
                      return f.detached(depth: depth)
                  })
            else { continue }
            slots[i] = detached
            hasDetached = true
        }
    }

    /// How many parents up `ancestor` is (0 for this frame); nil when it is not an ancestor.
    func distance(to ancestor: Frame) -> Int? {
        var frame = self, steps = 0
        while frame !== ancestor {
            guard let p = frame.parent else { return nil }
            (frame, steps) = (p, steps + 1)
        }
        return steps
    }

    /// Copies of this frame and its next `count − 1` parents, linked as they are, the last
    /// copy's parent being `lastParent`.
    func copyingChain(_ count: Int, lastParent: Frame?) -> Frame {
        let copy = Frame(count: self.count, parent: count <= 1 ? lastParent : parent?.copyingChain(count - 1, lastParent: lastParent))
        for i in 0..<self.count { copy.slots[i] = slots[i] }
        copy.hasDetached = hasDetached
        return copy
    }

    /// The number in a slot, read in place without copying the value; nil for anything else.
    @inline(__always)
    func number(_ slot: Int) -> Double? {
        if case .number(let x)? = slots[slot] { return x }
        return nil
    }

    /// Stores a value. Replacing an empty slot, a number or a bool (no reference to release)
    /// overwrites it without the outlined destroy of the old value.
    @inline(__always)
    func store(_ value: Value, _ slot: Int) {
        switch slots[slot] {
        case .none, .number?, .bool?: (slots + slot).initialize(to: value)
        default: slots[slot] = value
        }
    }

    /// Moves the value out of a slot, leaving it empty (so a matrix in it can be changed in
    /// place without a copy).
    @inline(__always)
    func take(_ slot: Int) -> Value? {
        reattached(slots[slot].take())
    }

    /// Empties every slot and forgets the parent, as a new frame is.
    fileprivate func clear() {
        for i in 0..<count {
            switch slots[i] {
            case .none, .number?:
                // Nothing to release: overwrite without destroying (the common case).
                (slots + i).initialize(to: nil)
            default:
                slots[i] = nil
            }
        }
        if parent != nil { parent = nil }
        hasDetached = false
    }
}

extension CompiledFunction {
    /// A frame for a new call: the most recently freed one, or a new one. Every slot is empty.
    @inline(__always)
    func takeFrame(parent: Frame?) -> Frame {
        guard let frame = freeFrames else { return Frame(count: slotCount, parent: parent) }
        freeFrames = frame.nextFree
        frame.nextFree = nil
        frame.parent = parent
        return frame
    }

    /// Puts the frame of a finished call on the free list, unless anything but the caller
    /// still holds it: a closure made during the call (perhaps returned as its value) keeps
    /// its frame, which must then never be reused. Uniqueness is checked, not assumed, so
    /// no analysis of the function's body has to be right for this to be safe.
    @inline(__always)
    func recycle(_ frame: inout Frame) {
        guard isKnownUniquelyReferenced(&frame) else {
            frame.detachClosures()
            return
        }
        frame.clear()
        frame.nextFree = freeFrames
        freeFrames = frame
    }
}

/// Finds functions inside a value, for `Frame.detachClosures`.
enum ClosureCycles {
    /// `value` with each user function in it (directly, or inside records and tuples) for which
    /// `replacement` gives a new one replaced by it; nil when nothing was replaced.
    static func replacing(in value: Value, _ replacement: (UserFunction) -> UserFunction?) -> Value? {
        switch value {
        case .function(let f):
            guard f.isUserFunction, let g = replacement(unsafeDowncast(f, to: UserFunction.self)) else { return nil }
            return .function(g)
        case .record(let r):
            guard let values = replacing(in: r.values, replacement) else { return nil }
            return .record(Record(Array(zip(r.names, values)), title: r.title))
        case .tuple(let items):
            return replacing(in: items, replacement).map(Value.tuple)
        default:
            return nil
        }
    }

    private static func replacing(in values: [Value], _ replacement: (UserFunction) -> UserFunction?) -> [Value]? {
        var result = values
        var changed = false
        for (i, v) in values.enumerated() {
            if let w = replacing(in: v, replacement) {
                result[i] = w
                changed = true
            }
        }
        return changed ? result : nil
    }
}
