// A small map from formulas to values that keeps the order keys were first seen in.

/// Formulas with a value each, in first-seen order. Most sums and products the constructors
/// build have two or three parts: those are found by comparing (no hashing, no dictionary);
/// past `linearLimit` keys a dictionary of positions takes over.
struct FormulaTable<Value> {
    private(set) var keys: [Formula] = []
    private(set) var values: [Value] = []
    private var positions: [Formula: Int]?
    private static var linearLimit: Int { 8 }

    /// Sets `key`'s value to `initial` if the key is new, else lets `combine` change it.
    mutating func merge(_ key: Formula, initial: @autoclosure () -> Value, combine: (inout Value) -> Void) {
        if let i = position(of: key) {
            combine(&values[i])
            return
        }
        keys.append(key)
        values.append(initial())
        if positions != nil {
            positions![key] = keys.count - 1
        } else if keys.count > Self.linearLimit {
            positions = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices))
        }
    }

    private func position(of key: Formula) -> Int? {
        if let positions { return positions[key] }
        return keys.firstIndex(of: key)
    }
}
