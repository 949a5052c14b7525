// The canonical order of operands, so equal formulas have one shape and print the same way.

extension Formula {
    /// Kind rank used by the total order: numbers, constants, variables, data, then compounds.
    private var rank: Int {
        switch self {
        case .number: return 0
        case .constant: return 1
        case .variable: return 2
        case .vectorVariable: return 3
        case .data: return 4
        case .matrixProduct: return 5
        case .call: return 6
        case .power: return 7
        case .product: return 8
        case .sum: return 9
        }
    }

    /// A total order on expressions: -1, 0 or 1.
    static func compare(_ a: Formula, _ b: Formula) -> Int {
        let ra = a.rank, rb = b.rank
        if ra != rb {
            // A power sorts with its base so that x² stays next to x.
            if case .power(let base, _) = a, !(b.isPower) { let c = compare(base, b); return c == 0 ? 1 : c }
            if case .power(let base, _) = b, !(a.isPower) { let c = compare(a, base); return c == 0 ? -1 : c }
            return ra < rb ? -1 : 1
        }
        switch (a, b) {
        case (.number(let x), .number(let y)):
            return x == y ? 0 : (x < y ? -1 : (y < x ? 1 : (x.hashValue < y.hashValue ? -1 : 1)))
        case (.constant(let x), .constant(let y)): return cmp(x.rawValue, y.rawValue)
        case (.variable(let x), .variable(let y)), (.data(let x), .data(let y)),
             (.vectorVariable(let x), .vectorVariable(let y)): return cmp(x, y)
        case (.call(let f, let xs), .call(let g, let ys)):
            let c = cmp(f, g)
            return c != 0 ? c : compareLists(xs, ys)
        case (.power(let b1, let e1), .power(let b2, let e2)):
            let c = compare(b1, b2)
            return c != 0 ? c : compare(e1, e2)
        default: return compareLists(a.children, b.children)
        }
    }

    private var isPower: Bool { if case .power = self { return true } else { return false } }

    private static func compareLists(_ xs: [Formula], _ ys: [Formula]) -> Int {
        for (x, y) in zip(xs, ys) {
            let c = compare(x, y)
            if c != 0 { return c }
        }
        return xs.count == ys.count ? 0 : (xs.count < ys.count ? -1 : 1)
    }

    private static func cmp(_ a: String, _ b: String) -> Int { a == b ? 0 : (a < b ? -1 : 1) }

    /// Base and exponent of a factor: `x²` → (x, 2), `sin(x)` → (sin(x), 1).
    var baseAndExponent: (Formula, Formula) {
        if case .power(let b, let e) = self { return (b, e) }
        return (self, .one)
    }

    /// Numeric coefficient and the rest of a term: `3·x·y` → (3, x·y).
    var coefficientAndRest: (Number, Formula) {
        if case .product(let fs) = self, case .number(let c) = fs[0] {
            return (c, fs.count == 2 ? fs[1] : .product(Array(fs.dropFirst())))
        }
        if case .number(let c) = self { return (c, .one) }
        return (.int(1), self)
    }

    /// The non-numeric factors of a term.
    var monomialFactors: [Formula] {
        let (_, rest) = coefficientAndRest
        if case .product(let fs) = rest { return fs }
        return rest.isOne ? [] : [rest]
    }

    /// Order of factors in a product: by base, then by exponent.
    static func factorPrecedes(_ a: Formula, _ b: Formula) -> Bool {
        let (ba, ea) = a.baseAndExponent, (bb, eb) = b.baseAndExponent
        let c = compare(ba, bb)
        if c != 0 { return c < 0 }
        return compare(ea, eb) < 0
    }

    /// Order of terms in a sum: like a polynomial, higher powers of earlier variables first.
    static func termPrecedes(_ a: Formula, _ b: Formula) -> Bool {
        termPrecedes(TermKey(a), TermKey(b))
    }

    /// Sorts the terms of a sum by `termPrecedes`, working out each term's factors once
    /// rather than at every comparison.
    static func sortTerms(_ terms: inout [Formula]) {
        guard terms.count > 1 else { return }
        terms = terms.map(TermKey.init).sorted(by: termPrecedes).map(\.term)
    }

    /// A term with its monomial factors split into bases and exponents.
    struct TermKey {
        let term: Formula
        let factors: [(base: Formula, exponent: Formula)]
        init(_ term: Formula) {
            self.term = term
            factors = term.monomialFactors.map(\.baseAndExponent)
        }
    }

    private static func termPrecedes(_ a: TermKey, _ b: TermKey) -> Bool {
        for (x, y) in zip(a.factors, b.factors) {
            let c = compare(x.base, y.base)
            if c != 0 { return c < 0 }
            if let nx = x.exponent.numberValue, let ny = y.exponent.numberValue {
                if nx != ny { return ny < nx }
            } else {
                let d = compare(x.exponent, y.exponent)
                if d != 0 { return d > 0 }
            }
        }
        if a.factors.count != b.factors.count { return a.factors.count > b.factors.count }
        return compare(a.term, b.term) < 0
    }
}
