// The size of a formula as a reader sees it, used to measure how simplified it is.

extension Formula {
    /// The size of the formula as printed: one node per number, name, operator and call
    /// (so `x²·sin(x)` has 6). Used to measure how simplified a formula is. Computed directly
    /// (without building the layout) by the same rules as `layout`.
    public var nodeCount: Int {
        switch self {
        case .number(let n):
            if n.isNegative { return 1 + Formula.number(-n).nodeCount }
            if case .rational(_, let q) = n, q != 1 { return 3 }
            return 1
        case .constant, .variable, .vectorVariable, .data: return 1
        case .sum(let terms):
            var total = terms.count - 1
            var allNegative = true
            for t in terms {
                if t.readsNegative { total += Formula.neg(t).nodeCount } else { total += t.nodeCount; allNegative = false }
            }
            return allNegative ? total + 1 : total
        case .product: return productNodeCount
        case .power(let b, let e):
            if let n = e.numberValue, n.isNegative { return productNodeCount }
            if e == .fraction(1, 2) { return 1 + b.nodeCount }
            return 1 + b.nodeCount + e.nodeCount
        case .call(_, let args): return args.reduce(1) { $0 + $1.nodeCount }
        case .matrixProduct(let a, let b): return 1 + a.nodeCount + b.nodeCount
        }
    }

    /// `nodeCount` of a product laid out as `−? numerator / denominator`.
    private var productNodeCount: Int {
        var factors: [Formula]
        if case .product(let fs) = self { factors = fs } else { factors = [self] }
        var coefficient = Number.int(1)
        if let c = factors.first?.numberValue {
            coefficient = c
            factors.removeFirst()
        }
        let negative = coefficient.isNegative
        if negative { coefficient = -coefficient }
        var numeratorCount = 0, numeratorSize = 0, denominatorCount = 0, denominatorSize = 0
        for f in factors {
            if case .power(let b, let e) = f, let n = e.numberValue, n.isNegative {
                denominatorCount += 1
                denominatorSize += n == .int(-1) ? b.nodeCount : Formula.power(b, .number(-n)).nodeCount
            } else {
                numeratorCount += 1
                numeratorSize += f.nodeCount
            }
        }
        switch coefficient {
        case .rational(let p, let q):
            if p != 1 || numeratorCount == 0 { numeratorCount += 1; numeratorSize += 1 }
            if q != 1 { denominatorCount += 1; denominatorSize += 1 }
        case .real:
            numeratorCount += 1
            numeratorSize += 1
        }
        var total = numeratorSize + numeratorCount - 1
        if denominatorCount > 0 { total += 1 + denominatorSize + denominatorCount - 1 }
        return negative ? total + 1 : total
    }
}

extension Formula {
    /// The deepest formula symbolic work accepts. Simplifying, printing, comparing and
    /// freeing a formula walk it recursively without a stop; this bound keeps each walk well
    /// inside the evaluation stack (see DepthGuard), and no formula a learner writes or
    /// differentiates comes near it.
    public static let maximumDepth = 10_000

    /// True when some path from the root passes `limit` levels. Walks with its own stack of
    /// pending nodes, so it is safe on a formula of any depth.
    public func isDeeper(than limit: Int) -> Bool {
        var pending: [(Formula, Int)] = [(self, 1)]
        while let (e, depth) = pending.popLast() {
            if depth > limit { return true }
            switch e {
            case .number, .constant, .variable, .vectorVariable, .data: break
            case .sum(let operands), .product(let operands), .call(_, let operands):
                for c in operands where !c.isLeaf { pending.append((c, depth + 1)) }
            case .power(let a, let b), .matrixProduct(let a, let b):
                if !a.isLeaf { pending.append((a, depth + 1)) }
                if !b.isLeaf { pending.append((b, depth + 1)) }
            }
        }
        return false
    }

    private var isLeaf: Bool {
        switch self {
        case .number, .constant, .variable, .vectorVariable, .data: return true
        default: return false
        }
    }
}
