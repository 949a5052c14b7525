// How a canonical formula is laid out for reading: subtraction, division and negation come
// back, so every printer sees `a − b` and `a/b`, never `a + -1·b`.

/// A formula as a reader sees it: binary operators, explicit negation and fractions.
indirect enum FormulaLayout: Equatable {
    /// A non-negative number as text.
    case number(Number)
    case variable(String)
    case data(String)
    case constant(NamedConstant)
    case neg(FormulaLayout)
    case add(FormulaLayout, FormulaLayout)
    case sub(FormulaLayout, FormulaLayout)
    /// Factors; `elementwise` when two or more of them may be vectors (prints `.*`/`⊙`).
    case mul([FormulaLayout], elementwise: Bool)
    case div(FormulaLayout, FormulaLayout, elementwise: Bool)
    case pow(FormulaLayout, FormulaLayout, elementwise: Bool)
    case call(String, [FormulaLayout])
    case sqrt(FormulaLayout)
    case matmul(FormulaLayout, FormulaLayout)
}

extension Formula {
    /// The formula as it is printed.
    var layout: FormulaLayout {
        switch self {
        case .number(let n):
            if n.isNegative { return .neg(Formula.number(-n).layout) }
            if case .rational(let p, let q) = n, q != 1 { return .div(.number(.int(p)), .number(.int(q)), elementwise: false) }
            return .number(n)
        case .constant(let c): return .constant(c)
        case .variable(let v), .vectorVariable(let v): return .variable(v)
        case .data(let d): return .data(d)
        case .sum(let terms): return Formula.layoutSum(terms)
        case .product: return layoutProduct()
        case .power(let b, let e):
            if let n = e.numberValue, n.isNegative { return layoutProduct() }
            if e == .fraction(1, 2) { return .sqrt(b.layout) }
            return .pow(b.layout, e.layout, elementwise: b.isNonScalar)
        case .call(let name, let args): return .call(name, args.map { $0.layout })
        case .matrixProduct(let a, let b): return .matmul(a.layout, b.layout)
        }
    }

    /// True when a term reads with a minus sign (negative coefficient).
    var readsNegative: Bool {
        switch self {
        case .number(let n): return n.isNegative
        case .product(let fs): return fs[0].numberValue?.isNegative ?? false
        default: return false
        }
    }

    private static func layoutSum(_ terms: [Formula]) -> FormulaLayout {
        var ordered = terms
        // "1 − x" reads better than "−x + 1": start with a positive term when there is one.
        if ordered.first?.readsNegative == true, let i = ordered.firstIndex(where: { !$0.readsNegative }) {
            let t = ordered.remove(at: i)
            ordered.insert(t, at: 0)
        }
        var result: FormulaLayout?
        for t in ordered {
            let negative = t.readsNegative
            let body = negative ? Formula.neg(t).layout : t.layout
            if let r = result {
                result = negative ? .sub(r, body) : .add(r, body)
            } else {
                result = negative ? .neg(body) : body
            }
        }
        return result ?? .number(.int(0))
    }

    /// A product (or lone negative power) as `−? numerator / denominator`.
    private func layoutProduct() -> FormulaLayout {
        var factors: [Formula]
        switch self {
        case .product(let fs): factors = fs
        default: factors = [self]
        }
        var coefficient = Number.int(1)
        if let c = factors.first?.numberValue {
            coefficient = c
            factors.removeFirst()
        }
        let negative = coefficient.isNegative
        if negative { coefficient = -coefficient }
        var numerator: [Formula] = [], denominator: [Formula] = []
        // Polynomial factors before functions, as textbooks (and SymPy) write them:
        // (x² + 4·x + 2)·exp(x), x·(x + 2)·exp(x).
        factors = factors.filter { !$0.containsCall } + factors.filter(\.containsCall)
        for f in factors {
            if case .power(let b, let e) = f, let n = e.numberValue, n.isNegative {
                denominator.append(n == .int(-1) ? b : .power(b, .number(-n)))
            } else {
                numerator.append(f)
            }
        }
        var numLayout: [FormulaLayout] = numerator.map { $0.layout }
        var denLayout: [FormulaLayout] = denominator.map { $0.layout }
        switch coefficient {
        case .rational(let p, let q):
            if p != 1 || numLayout.isEmpty { numLayout.insert(.number(.int(p)), at: 0) }
            if q != 1 { denLayout.insert(.number(.int(q)), at: 0) }
        case .real:
            numLayout.insert(.number(coefficient), at: 0)
        }
        let numElementwise = numerator.filter { $0.isNonScalar }.count >= 2
        let num: FormulaLayout = numLayout.count == 1 ? numLayout[0] : .mul(numLayout, elementwise: numElementwise)
        var result = num
        if !denLayout.isEmpty {
            let den: FormulaLayout = denLayout.count == 1 ? denLayout[0]
                : .mul(denLayout, elementwise: denominator.filter { $0.isNonScalar }.count >= 2)
            let elementwise = numerator.contains { $0.isNonScalar } && denominator.contains { $0.isNonScalar }
            result = .div(num, den, elementwise: elementwise)
        }
        return negative ? .neg(result) : result
    }
}

extension Formula {
    /// True when a function (sin, exp, …) of something variable occurs in the formula; cos(1)
    /// is a constant and stays in front like a coefficient.
    var containsCall: Bool {
        if case .call = self { return hasVariable }
        return children.contains { $0.containsCall }
    }

    private var hasVariable: Bool {
        switch self {
        case .variable, .vectorVariable, .data: return true
        default: return children.contains { $0.hasVariable }
        }
    }
}
