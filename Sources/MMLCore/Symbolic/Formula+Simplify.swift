// Heavier rewriting than the smart constructors: simplify, expand, factor, together.

extension Formula {
    /// A simpler equivalent formula: children first, then at each sum the smallest of the
    /// collected form, the form with common factors pulled out and the form over a common
    /// denominator; `sin(u)² + cos(u)²` → 1 and `cosh(u)² − sinh(u)²` → 1 along the way.
    public func simplified() -> Formula {
        switch self {
        case .number, .constant, .variable, .vectorVariable, .data: return self
        default:
            let rebuiltNode = rebuild(with: children.map { $0.simplified() })
            if case .product = rebuiltNode { return rebuiltNode.trigonometricQuotients().cancelled() }
            guard case .sum(let terms) = rebuiltNode else { return rebuiltNode }
            // Asked to stop: the sum as it is (equal in value), before the rewrites that can
            // grow large; the caller throws. Checked at sums only, where the work is.
            if StopToken.isStopRequested { return rebuiltNode }
            let base = Formula.pythagorean(terms)
            guard case .sum = base else { return base }
            // A rewrite must pay for itself: a learner reads x²·cos(x) + 2·x·sin(x) more easily
            // than x·(x·cos(x) + 2·sin(x)), so a rewritten form wins only when clearly smaller.
            var best = base, bestCount = Double(base.nodeCount)
            // Common denominators and expansion grow quickly; they are tried on modest sums.
            let modest = bestCount <= 400
            for candidate in [base.factored(deep: false)] + (bestCount <= 4000 ? [base.together().cancelled()] : []) {
                let c = Double(candidate.nodeCount) / 0.8
                if c < bestCount { best = candidate; bestCount = c }
            }
            // Multiplying out is how a learner simplifies by hand: it wins whenever it is smaller.
            if modest {
                let expandedForm = base.expanded()
                if Double(expandedForm.nodeCount) < bestCount { best = expandedForm }
            }
            return best
        }
    }

    /// Multiplies out products of sums and positive integer powers of sums (up to 32). Asked to
    /// stop, it leaves the rest unexpanded (equal in value); the caller throws.
    public func expanded() -> Formula {
        switch self {
        case .number, .constant, .variable, .vectorVariable, .data: return self
        case .product where StopToken.isStopRequested, .power where StopToken.isStopRequested: return self
        case .product(let fs):
            return fs.map { $0.expanded() }.reduce(Formula.one) { Formula.distribute($0, $1) }
        case .power(let b, let e):
            let eb = b.expanded()
            if case .sum = eb, let n = e.numberValue?.intValue, n >= 2, n <= 32 {
                var acc = eb
                for k in 1..<n {
                    if StopToken.isStopRequested { return Formula.mul([acc, Formula.pow(eb, .number(.int(n - k)))]) }
                    acc = Formula.distribute(acc, eb)
                }
                return acc
            }
            return Formula.pow(eb, e)
        default:
            return rebuild(with: children.map { $0.expanded() })
        }
    }

    /// `a·b` multiplied out when either side is a sum.
    private static func distribute(_ a: Formula, _ b: Formula) -> Formula {
        switch (a, b) {
        case (.sum(let xs), .sum(let ys)): return add(xs.flatMap { x in ys.map { y in mul([x, y]) } })
        case (.sum(let xs), _): return add(xs.map { mul([$0, b]) })
        case (_, .sum(let ys)): return add(ys.map { mul([a, $0]) })
        default: return mul([a, b])
        }
    }

    /// Pulls common factors out of every sum: `2·x² + 4·x` → `2·x·(x + 2)`.
    public func factored() -> Formula { factored(deep: true) }

    func factored(deep: Bool) -> Formula {
        let node = deep ? rebuild(with: children.map { $0.factored(deep: true) }) : self
        guard case .sum(let terms) = node else { return node }
        return Formula.pullCommonFactors(terms) ?? node
    }

    /// A sum with fractions written over one common denominator: `1/x + 1/y` → `(x + y)/(x·y)`.
    public func together() -> Formula {
        guard case .sum(let terms) = self else { return self }
        var denominators: [Formula: Number] = [:]
        var order: [Formula] = []
        var coefficientDenominator = 1
        for t in terms {
            let (c, _) = t.coefficientAndRest
            if case .rational(_, let q) = c { coefficientDenominator = lcm(coefficientDenominator, q) ?? coefficientDenominator }
            for f in t.monomialFactors {
                if case .power(let b, let e) = f, let n = e.numberValue, n.isNegative {
                    let k = -n
                    if let old = denominators[b] {
                        if old < k { denominators[b] = k }
                    } else {
                        denominators[b] = k
                        order.append(b)
                    }
                }
            }
        }
        if order.isEmpty && coefficientDenominator == 1 { return self }
        var denominatorFactors: [Formula] = order.map { Formula.pow($0, .number(denominators[$0] ?? .int(1))) }
        if coefficientDenominator != 1 { denominatorFactors.append(.int(coefficientDenominator)) }
        let denominator = Formula.mul(denominatorFactors)
        let numerator = Formula.add(terms.map { Formula.mul([$0, denominator]) })
        var bestNumerator = numerator, bestCount = numerator.nodeCount
        let expandedNumerator = numerator.expanded()
        for candidate in [expandedNumerator, expandedNumerator.factored(deep: false), numerator.factored(deep: false)] {
            let c = candidate.nodeCount
            if c < bestCount { bestNumerator = candidate; bestCount = c }
        }
        if bestNumerator.isZero { return .zero }
        return Formula.quotient(bestNumerator, denominator)
    }

    /// `n/d` kept as written (a sum numerator is not distributed over).
    private static func quotient(_ n: Formula, _ d: Formula) -> Formula {
        multiply([n, pow(d, .minusOne)], distribute: false)
    }

    /// The common factors of all terms pulled out, or nil when there are none.
    static func pullCommonFactors(_ terms: [Formula]) -> Formula? {
        guard terms.count >= 2 else { return nil }
        var common: [Formula: Number]? = nil
        var order: [Formula] = []
        var coefficients: [Number] = []
        for t in terms {
            let (c, _) = t.coefficientAndRest
            coefficients.append(c)
            var mine: [Formula: Number] = [:]
            for f in t.monomialFactors {
                let (b, e) = f.baseAndExponent
                if let n = e.numberValue { mine[b] = n } else { mine[f] = .int(1) }
            }
            if var cm = common {
                for (b, n) in cm {
                    if let m = mine[b], m.isNegative == n.isNegative { cm[b] = min(m, n) } else { cm[b] = nil }
                }
                common = cm
            } else {
                common = mine
                order = t.monomialFactors.map { f in
                    let (b, e) = f.baseAndExponent
                    return e.numberValue == nil ? f : b
                }
            }
        }
        let commonCoefficient = commonNumber(coefficients)
        var pulled: [Formula] = []
        for b in order {
            if let n = common?[b] { pulled.append(pow(b, .number(n))) }
        }
        if pulled.isEmpty && commonCoefficient.isOne { return nil }
        let divisor = mul(pulled + [.number(commonCoefficient)])
        var inner = add(terms.map { div($0, divisor) })
        if case .sum(let innerTerms) = inner { inner = pythagorean(innerTerms) }
        return multiply(pulled + [.number(commonCoefficient), inner], distribute: false)
    }

    /// The largest rational dividing all coefficients (negative when all are negative).
    private static func commonNumber(_ cs: [Number]) -> Number {
        var g = 0, l = 1
        for c in cs {
            guard case .rational(let p, let q) = c else { return .int(1) }
            g = gcdInt(g, p.magnitude)
            guard let nl = lcm(l, q) else { return .int(1) }
            l = nl
        }
        if g == 0 { return .int(1) }
        let allNegative = cs.allSatisfy { $0.isNegative }
        return .fraction(allNegative ? -g : g, l)
    }

    /// `sin(u)²·r + cos(u)²·r` → `r` and `cosh(u)²·r − sinh(u)²·r` → `r`.
    static func pythagorean(_ terms: [Formula]) -> Formula {
        var remaining = terms
        var changed = false
        var i = 0
        while i < remaining.count {
            let t = remaining[i]
            var replaced = false
            for (first, second, sign) in [("sin", "cos", 1), ("cosh", "sinh", -1)] {
                guard let (u, rest) = squaredCall(first, in: t) else { continue }
                let partner = mul([.int(sign), rest, pow(.call(second, [u]), .int(2))])
                if let j = remaining.firstIndex(of: partner), j != i {
                    remaining[i] = rest
                    remaining.remove(at: j)
                    changed = true
                    replaced = true
                    break
                }
            }
            if !replaced { i += 1 }
        }
        return changed ? add(remaining) : add(terms)
    }

    /// `sin(u)ⁿ/cos(u)ⁿ` → `tan(u)ⁿ` and `sinh(u)ⁿ/cosh(u)ⁿ` → `tanh(u)ⁿ` inside a product.
    func trigonometricQuotients() -> Formula {
        guard case .product(let fs) = self else { return self }
        var factors = fs
        var changed = false
        for (numerator, denominator, quotient) in [("sin", "cos", "tan"), ("sinh", "cosh", "tanh")] {
            for i in factors.indices {
                let (b, e) = factors[i].baseAndExponent
                guard case .call(let name, let args) = b, name == numerator, args.count == 1,
                      let n = e.numberValue, !n.isNegative else { continue }
                guard let j = factors.firstIndex(of: Formula.pow(Formula.apply(denominator, args), .number(-n))) else { continue }
                factors[i] = Formula.pow(Formula.apply(quotient, args), .number(n))
                factors.remove(at: j)
                changed = true
                break
            }
        }
        return changed ? Formula.mul(factors) : self
    }

    /// When `t = rest·name(u)²`, returns (u, rest).
    private static func squaredCall(_ name: String, in t: Formula) -> (Formula, Formula)? {
        let factors: [Formula]
        if case .product(let fs) = t { factors = fs } else { factors = [t] }
        for (k, f) in factors.enumerated() {
            if case .power(.call(let n, let args), let e) = f, n == name, args.count == 1, e == .int(2) {
                var rest = factors
                rest.remove(at: k)
                return (args[0], mul(rest))
            }
        }
        return nil
    }
}

private func gcdInt(_ a: Int, _ b: UInt) -> Int {
    var x = UInt(a.magnitude), y = b
    while y != 0 { (x, y) = (y, x % y) }
    return x > UInt(Int.max) ? 1 : Int(x)
}

/// Least common multiple, or nil on overflow.
private func lcm(_ a: Int, _ b: Int) -> Int? {
    let g = gcdInt(a, b.magnitude)
    guard g != 0 else { return nil }
    let (r, o) = (a / g).multipliedReportingOverflow(by: b)
    return o ? nil : abs(r)
}
