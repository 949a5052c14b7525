// Univariate polynomials with exact rational coefficients, for cancelling common factors of a
// fraction's numerator and denominator: (x² − 4)/(x + 2) → x − 2.

/// Coefficients by degree (`[c₀, c₁, …]`), exact rationals only.
struct Polynomial: Equatable {
    var coefficients: [Number]

    static let maximumDegree = 64

    var degree: Int { coefficients.count - 1 }
    var isZero: Bool { coefficients.isEmpty }

    init(_ coefficients: [Number]) {
        var c = coefficients
        while let last = c.last, last.isZero { c.removeLast() }
        self.coefficients = c
    }

    /// The polynomial `e` in `variable`, or nil when `e` is not one with exact coefficients.
    init?(_ e: Formula, in variable: String) {
        switch e {
        case .number(let n):
            guard case .rational = n else { return nil }
            self.init([n])
        case .variable(let v) where v == variable:
            self.init([.int(0), .int(1)])
        case .sum(let terms):
            var acc = Polynomial([])
            for t in terms {
                guard let p = Polynomial(t, in: variable) else { return nil }
                acc = acc + p
            }
            self = acc
        case .product(let factors):
            var acc = Polynomial([.int(1)])
            for f in factors {
                guard let p = Polynomial(f, in: variable) else { return nil }
                acc = acc * p
                if acc.degree > Self.maximumDegree { return nil }
            }
            self = acc
        case .power(let b, let e):
            guard let n = e.numberValue?.intValue, n >= 0, let p = Polynomial(b, in: variable),
                  p.degree * n <= Self.maximumDegree else { return nil }
            var acc = Polynomial([.int(1)])
            for _ in 0..<n { acc = acc * p }
            self = acc
        default:
            return nil
        }
        if coefficients.contains(where: { if case .real = $0 { return true } else { return false } }) { return nil }
    }

    static func + (a: Polynomial, b: Polynomial) -> Polynomial {
        var c = [Number](repeating: .int(0), count: max(a.coefficients.count, b.coefficients.count))
        for (i, x) in a.coefficients.enumerated() { c[i] = c[i] + x }
        for (i, x) in b.coefficients.enumerated() { c[i] = c[i] + x }
        return Polynomial(c)
    }

    static func * (a: Polynomial, b: Polynomial) -> Polynomial {
        if a.isZero || b.isZero { return Polynomial([]) }
        var c = [Number](repeating: .int(0), count: a.coefficients.count + b.coefficients.count - 1)
        for (i, x) in a.coefficients.enumerated() {
            for (j, y) in b.coefficients.enumerated() { c[i + j] = c[i + j] + x * y }
        }
        return Polynomial(c)
    }

    /// `self = q·d + r`; nil when an inexact coefficient appears.
    func divided(by d: Polynomial) -> (quotient: Polynomial, remainder: Polynomial)? {
        guard !d.isZero, let lead = d.coefficients.last else { return nil }
        var r = coefficients
        if r.count < d.coefficients.count { return (Polynomial([]), self) }
        var q = [Number](repeating: .int(0), count: r.count - d.coefficients.count + 1)
        for k in stride(from: q.count - 1, through: 0, by: -1) {
            let c = r[k + d.degree] / lead
            if case .real = c { return nil }
            q[k] = c
            for (j, y) in d.coefficients.enumerated() { r[k + j] = r[k + j] - c * y }
        }
        return (Polynomial(q), Polynomial(r))
    }

    /// The formula `c₀ + c₁·x + …` in canonical form.
    func expr(in variable: String) -> Formula {
        let x = Formula.variable(variable)
        return Formula.add(coefficients.enumerated().map { i, c in Formula.mul([.number(c), Formula.pow(x, .int(i))]) })
    }
}

extension Formula {
    /// Cancels polynomial denominator factors that divide the numerator exactly:
    /// `(x² + 4·x + 4)/(x + 2)²` → 1, `(x² − 4)/(x + 2)` → `x − 2`. Single-variable fractions only.
    func cancelled() -> Formula {
        guard case .product(let factors) = self else { return self }
        let names = freeVariables
        guard names.count == 1, let v = names.first, dataNames.isEmpty else { return self }
        var numeratorParts: [Formula] = [], others: [Formula] = []
        var denominators: [(Formula, Int)] = []
        for f in factors {
            if case .power(let b, let e) = f, let n = e.numberValue?.intValue, n < 0, case .sum = b,
               Polynomial(b, in: v) != nil {
                denominators.append((b, -n))
            } else if Polynomial(f, in: v) != nil, !(f.numberValue != nil) {
                numeratorParts.append(f)
            } else {
                others.append(f)
            }
        }
        guard !denominators.isEmpty, !numeratorParts.isEmpty,
              var numerator = Polynomial(Formula.mul(numeratorParts), in: v) else { return self }
        var changed = false
        var remaining: [Formula] = []
        for (b, k) in denominators {
            guard let p = Polynomial(b, in: v) else { continue }
            var left = k
            while left > 0, let (q, r) = numerator.divided(by: p), r.isZero {
                numerator = q
                left -= 1
                changed = true
            }
            if left > 0 { remaining.append(Formula.pow(b, .int(-left))) }
        }
        guard changed else { return self }
        return Formula.mul(others + [numerator.expr(in: v)] + remaining)
    }
}

extension Formula {
    /// Every sum that is a polynomial in `variable` with exact coefficients written in
    /// collected form, highest power first: `x·(x + 2) + 2·x + 2` → `x² + 4·x + 2` (what a
    /// learner writes for the second derivative of x²·eˣ). A sum whose collected form would be
    /// larger (a high power of a sum) is kept as it is.
    func collectingPolynomials(in variable: String) -> Formula {
        collected(in: variable) ?? self
    }

    /// The formula with its polynomial sums collected, or nil when nothing changes, so an
    /// unchanged subtree (most of a large derivative) is kept rather than rebuilt.
    private func collected(in variable: String) -> Formula? {
        switch self {
        case .number, .constant, .variable, .vectorVariable, .data: return nil
        default:
            var children = self.children
            var changed = false
            for i in children.indices {
                if let c = children[i].collected(in: variable) {
                    children[i] = c
                    changed = true
                }
            }
            let node = changed ? rebuild(with: children) : self
            guard case .sum(let terms) = node, !Self.isCollected(terms, in: variable),
                  let p = Polynomial(node, in: variable), p.degree >= 1 else { return changed ? node : nil }
            let collected = p.expr(in: variable)
            return collected.nodeCount <= node.nodeCount ? collected : (changed ? node : nil)
        }
    }

    /// True when the terms are monomials `c·xᵏ` of distinct degrees (1 + x² in a denominator):
    /// collecting them would give the same sum, so the polynomial need not be built.
    private static func isCollected(_ terms: [Formula], in variable: String) -> Bool {
        var seen: UInt64 = 0
        for t in terms {
            guard let d = t.monomialDegree(in: variable), d < 64, seen & (1 << d) == 0 else { return false }
            seen |= 1 << d
        }
        return true
    }

    /// k when the formula is `c·xᵏ` (c an exact number, possibly absent), else nil.
    private func monomialDegree(in variable: String) -> Int? {
        switch self {
        case .number(.rational): return 0
        case .variable(let v): return v == variable ? 1 : nil
        case .power(.variable(let v), .number(let n)):
            guard v == variable, let k = n.intValue, k >= 2 else { return nil }
            return k
        case .product(let factors):
            guard factors.count == 2, case .number(.rational) = factors[0] else { return nil }
            let d = factors[1].monomialDegree(in: variable)
            return d == 0 ? nil : d
        default: return nil
        }
    }
}

