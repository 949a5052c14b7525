// Smart constructors: the cheap canonical forms every formula is kept in.

extension Formula {
    /// `t₁ + t₂ + …`: flattens, folds numbers, collects like terms (`2x + 3x` → `5x`).
    public static func add(_ terms: [Formula]) -> Formula {
        var numeric = Number.int(0)
        var coefficients = FormulaTable<Number>()
        func take(_ t: Formula) {
            switch t {
            case .number(let n): numeric = numeric + n
            case .sum(let ts): for x in ts { take(x) }
            default:
                let (c, m) = t.coefficientAndRest
                coefficients.merge(m, initial: c) { $0 = $0 + c }
            }
        }
        for t in terms { take(t) }
        var out: [Formula] = []
        out.reserveCapacity(coefficients.keys.count + 1)
        for (m, c) in zip(coefficients.keys, coefficients.values) where !c.isZero {
            out.append(c.isOne ? m : scaled(m, by: c))
        }
        if out.isEmpty { return .number(numeric) }
        sortTerms(&out)
        if !numeric.isZero { out.append(.number(numeric)) }
        return out.count == 1 ? out[0] : .sum(out)
    }

    /// `c · m` for a coefficient and a coefficient-free monomial.
    private static func scaled(_ m: Formula, by c: Number) -> Formula {
        switch m {
        case .product(let fs): return .product([.number(c)] + fs)
        case .sum: return mul([.number(c), m])
        default: return .product([.number(c), m])
        }
    }

    /// `f₁ · f₂ · …`: flattens, folds numbers, merges powers of equal bases (`x·x` → `x²`,
    /// `x²/x` → `x`, `exp(a)·exp(b)` → `exp(a + b)`), and distributes a lone numeric
    /// coefficient over a sum (`−(a − b)` → `b − a`).
    public static func mul(_ factors: [Formula]) -> Formula { multiply(factors, distribute: true) }

    /// A product; `distribute: false` keeps `c·(a + b)` as written (for `factor`).
    static func multiply(_ factors: [Formula], distribute: Bool) -> Formula {
        var coefficient = Number.int(1)
        var exponents = FormulaTable<[Formula]>()
        var expArguments: [Formula] = []
        func take(_ f: Formula) {
            switch f {
            case .number(let n): coefficient = coefficient * n
            case .product(let fs): for x in fs { take(x) }
            case .call("exp", let args) where args.count == 1: expArguments.append(args[0])
            default:
                let (b, e) = f.baseAndExponent
                exponents.merge(b, initial: [e]) { $0.append(e) }
            }
        }
        for f in factors { take(f) }
        if coefficient.isZero, coefficient.double == 0 { return .zero }
        var out: [Formula] = []
        func emit(_ f: Formula) {
            switch f {
            case .number(let n): coefficient = coefficient * n
            case .product(let fs): for x in fs { emit(x) }
            default: out.append(f)
            }
        }
        for (b, es) in zip(exponents.keys, exponents.values) {
            emit(es.count == 1 ? pow(b, es[0]) : pow(b, add(es)))
        }
        if !expArguments.isEmpty {
            emit(apply("exp", [expArguments.count == 1 ? expArguments[0] : add(expArguments)]))
        }
        if coefficient.isZero { return .zero }
        if out.isEmpty { return .number(coefficient) }
        out.sort(by: factorPrecedes)
        if out.count == 1 {
            if coefficient.isOne { return out[0] }
            if distribute, case .sum(let ts) = out[0] { return add(ts.map { mul([.number(coefficient), $0]) }) }
        }
        return .product(coefficient.isOne ? out : [.number(coefficient)] + out)
    }

    /// `base ^ exponent`: `x^0` → 1, `x^1` → x, numbers folded when exact, `(x^a)^n` → `x^(a·n)`
    /// for integer `n`, `(x·y)^n` → `xⁿ·yⁿ`, `e^x` → `exp(x)`.
    public static func pow(_ base: Formula, _ exponent: Formula) -> Formula {
        if exponent.isZero { return .one }
        if exponent.isOne { return base }
        if base.isOne { return .one }
        if case .number(let bn) = base, case .number(let en) = exponent {
            if let r = bn.power(en) { return .number(r) }
            return .power(base, exponent)
        }
        if base.isZero, let en = exponent.numberValue, !en.isNegative { return .zero }
        if base == .constant(.e) { return apply("exp", [exponent]) }
        let integerExponent = exponent.numberValue?.isInteger ?? false
        switch base {
        case .power(let b, let e) where integerExponent:
            return pow(b, mul([e, exponent]))
        case .call("exp", let args) where args.count == 1:
            return apply("exp", [mul([args[0], exponent])])
        case .product(let fs) where integerExponent:
            return mul(fs.map { pow($0, exponent) })
        default:
            return .power(base, exponent)
        }
    }

    /// `−a`.
    public static func neg(_ a: Formula) -> Formula { mul([.minusOne, a]) }
    /// `a − b`.
    public static func sub(_ a: Formula, _ b: Formula) -> Formula { add([a, neg(b)]) }
    /// `a / b`.
    public static func div(_ a: Formula, _ b: Formula) -> Formula { mul([a, pow(b, .minusOne)]) }

    /// The matrix product `a * b`; an ordinary product when either side is a scalar.
    public static func matmul(_ a: Formula, _ b: Formula) -> Formula {
        if !a.isNonScalar || !b.isNonScalar { return mul([a, b]) }
        return .matrixProduct(a, b)
    }

    /// A function call with the light rewriting its function declares (`sqrt(u)` → `u^(1/2)`,
    /// `exp(log(u))` → `u`, `sum` of a scalar is the scalar, …), numeric arguments folded when
    /// the result is exact.
    public static func apply(_ name: String, _ args: [Formula]) -> Formula {
        guard let f = SymbolicFunctions.table[name] else { return .call(name, args) }
        if let rewrite = f.calculus.rewrite, let r = rewrite(args) { return r }
        if let folded = SymbolicFunctions.fold(f, args) { return folded }
        return .call(name, args)
    }

    /// `sum(u)` or `mean(u)` with the scalar factors of `u` moved out; `u` itself when it is a
    /// scalar (the sum and the mean of a single number are that number).
    static func linearReduction(_ name: String, _ args: [Formula]) -> Formula? {
        guard args.count == 1 else { return nil }
        let u = args[0]
        if !u.isNonScalar { return u }
        if case .product(let fs) = u {
            let scalars = fs.filter { !$0.isNonScalar }
            if !scalars.isEmpty {
                let rest = mul(fs.filter { $0.isNonScalar })
                return mul(scalars + [.call(name, [rest])])
            }
        }
        return nil
    }
}

extension Formula {
    public static func + (a: Formula, b: Formula) -> Formula { add([a, b]) }
    public static func - (a: Formula, b: Formula) -> Formula { sub(a, b) }
    public static func * (a: Formula, b: Formula) -> Formula { mul([a, b]) }
    public static func / (a: Formula, b: Formula) -> Formula { div(a, b) }
    public static prefix func - (a: Formula) -> Formula { neg(a) }
}
