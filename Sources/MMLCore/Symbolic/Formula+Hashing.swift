// Cheap hashing for formulas: dictionaries keyed by subformulas (collecting like terms,
// merging powers) would otherwise rehash whole subtrees at every level.

extension Formula {
    /// Hashes the top levels of the tree only. Equal formulas still hash equally (the hash is
    /// a function of the structure); deeper differences are left to `==`, which stops at the
    /// first mismatch. The levels are mixed into one Int by multiply-and-xor, and `Hasher`
    /// scrambles only that (its per-value cost was a fifth of differentiating a long sum).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(shapeHash(depth: 4))
    }

    private func shapeHash(depth: Int) -> Int {
        switch self {
        case .number(let n): return mix(0, n.shapeHash)
        case .constant(let c): return mix(1, nameHash(c.rawValue))
        case .variable(let v): return mix(2, nameHash(v))
        case .vectorVariable(let v): return mix(3, nameHash(v))
        case .data(let d): return mix(4, nameHash(d))
        case .sum(let ts): return childrenHash(5, ts, depth: depth)
        case .product(let fs): return childrenHash(6, fs, depth: depth)
        case .power(let b, let e): return pairHash(7, b, e, depth: depth)
        case .call(let name, let args): return childrenHash(mix(8, nameHash(name)), args, depth: depth)
        case .matrixProduct(let a, let b): return pairHash(9, a, b, depth: depth)
        }
    }

    private func childrenHash(_ tag: Int, _ children: [Formula], depth: Int) -> Int {
        var h = mix(tag, children.count)
        guard depth > 0 else { return h }
        for c in children { h = mix(h, c.shapeHash(depth: depth - 1)) }
        return h
    }

    private func pairHash(_ tag: Int, _ a: Formula, _ b: Formula, depth: Int) -> Int {
        let h = mix(tag, 2)
        guard depth > 0 else { return h }
        return mix(mix(h, a.shapeHash(depth: depth - 1)), b.shapeHash(depth: depth - 1))
    }
}

extension Number {
    /// Equal numbers give equal values (0 and −0 are equal reals).
    fileprivate var shapeHash: Int {
        switch self {
        case .rational(let n, let d): return mix(n, d)
        case .real(let x): return x == 0 ? 0 : Int(bitPattern: UInt(x.bitPattern))
        }
    }
}

/// One step of FNV-1a over whole words.
private func mix(_ h: Int, _ x: Int) -> Int {
    (h ^ x) &* 0x0000_0100_0000_01B3
}

private func nameHash(_ name: String) -> Int {
    var h = -0x340D_631B_7BDD_DCDB  // the FNV offset basis as a signed word
    for byte in name.utf8 { h = mix(h, Int(byte)) }
    return h
}
