// Cheap hashing for formulas: dictionaries keyed by subformulas (collecting like terms,
// merging powers) would otherwise rehash whole subtrees at every level.

extension Formula {
    /// Hashes the top levels of the tree only. Equal formulas still hash equally (the hash is
    /// a function of the structure); deeper differences are left to `==`, which stops at the
    /// first mismatch.
    public func hash(into hasher: inout Hasher) {
        hashShallow(into: &hasher, depth: 4)
    }

    private func hashShallow(into hasher: inout Hasher, depth: Int) {
        switch self {
        case .number(let n): hasher.combine(0); hasher.combine(n)
        case .constant(let c): hasher.combine(1); hasher.combine(c)
        case .variable(let v): hasher.combine(2); hasher.combine(v)
        case .vectorVariable(let v): hasher.combine(3); hasher.combine(v)
        case .data(let d): hasher.combine(4); hasher.combine(d)
        case .sum(let ts): hasher.combine(5); hashChildren(ts, into: &hasher, depth: depth)
        case .product(let fs): hasher.combine(6); hashChildren(fs, into: &hasher, depth: depth)
        case .power(let b, let e): hasher.combine(7); hashChildren([b, e], into: &hasher, depth: depth)
        case .call(let name, let args): hasher.combine(8); hasher.combine(name); hashChildren(args, into: &hasher, depth: depth)
        case .matrixProduct(let a, let b): hasher.combine(9); hashChildren([a, b], into: &hasher, depth: depth)
        }
    }

    private func hashChildren(_ children: [Formula], into hasher: inout Hasher, depth: Int) {
        hasher.combine(children.count)
        guard depth > 0 else { return }
        for c in children { c.hashShallow(into: &hasher, depth: depth - 1) }
    }
}
