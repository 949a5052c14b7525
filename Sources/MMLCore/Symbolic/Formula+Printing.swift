// Printers for formulas: Unicode math (the default), ASCII (what a user would type) and LaTeX.
import Glibc

/// How a formula is written out.
public enum FormulaStyle: Sendable {
    /// `x²·sin(x) − 1/(2·√x)`: what the REPL shows.
    case unicode
    /// `x^2*sin(x) - 1/(2*sqrt(x))`: valid MML input.
    case ascii
    /// `x^{2} \cdot \sin\left(x\right)` for instructors' notes.
    case latex
}

extension Formula: CustomStringConvertible {
    /// The formula in Unicode math notation.
    public var description: String { formatted(.unicode) }

    /// The formula in the given notation, with the fewest parentheses that keep its meaning.
    public func formatted(_ style: FormulaStyle = .unicode) -> String {
        FormulaPrinter(style: style).text(layout, minimum: 0)
    }

    /// The formula as MML input (`x^2*sin(x)`).
    public var ascii: String { formatted(.ascii) }
    /// The formula as LaTeX.
    public var latex: String { formatted(.latex) }
}

/// Binding strength of printed forms; an operand weaker than its slot needs parentheses.
private enum Strength {
    static let sum = 1, product = 2, negation = 3, power = 4, atom = 5
}

private struct FormulaPrinter {
    let style: FormulaStyle

    /// Text of `f`, in parentheses when it binds weaker than `minimum`.
    func text(_ f: FormulaLayout, minimum: Int) -> String {
        let (s, strength) = render(f)
        return strength < minimum ? paren(s) : s
    }

    private func paren(_ s: String) -> String { style == .latex ? "\\left(\(s)\\right)" : "(\(s))" }

    private var minus: String { style == .unicode ? "−" : "-" }
    private var times: String {
        switch style {
        case .unicode: return "·"
        case .ascii: return "*"
        case .latex: return " \\cdot "
        }
    }

    private func render(_ f: FormulaLayout) -> (String, Int) {
        switch f {
        case .number(let n): return (numberText(n), Strength.atom)
        case .variable(let v), .data(let v): return (name(v), Strength.atom)
        case .constant(let c):
            switch (c, style) {
            case (.pi, .unicode): return ("π", Strength.atom)
            case (.pi, .latex): return ("\\pi", Strength.atom)
            default: return (c.rawValue, Strength.atom)
            }
        case .neg(let a):
            return (minus + text(a, minimum: Strength.product), Strength.negation)
        case .add(let a, let b):
            return ("\(text(a, minimum: Strength.sum)) + \(text(b, minimum: Strength.product))", Strength.sum)
        case .sub(let a, let b):
            return ("\(text(a, minimum: Strength.sum)) \(minus) \(text(b, minimum: Strength.product))", Strength.sum)
        case .mul(let fs, let elementwise):
            let op = elementwise ? (style == .unicode ? "⊙" : style == .ascii ? ".*" : " \\odot ") : times
            return (fs.map { text($0, minimum: Strength.power) }.joined(separator: op), Strength.product)
        case .div(let a, let b, let elementwise):
            if style == .latex {
                return ("\\frac{\(text(a, minimum: 0))}{\(text(b, minimum: 0))}", Strength.atom)
            }
            let op = elementwise && style == .ascii ? "./" : "/"
            return ("\(text(a, minimum: Strength.product))\(op)\(text(b, minimum: Strength.power))", Strength.product)
        case .pow(let b, let e, let elementwise):
            return (power(b, e, elementwise: elementwise), Strength.power)
        case .sqrt(let a):
            switch style {
            case .unicode:
                let (s, strength) = render(a)
                return ("√" + (strength >= Strength.atom && !isCall(a) ? s : "(\(s))"), Strength.atom)
            case .ascii: return ("sqrt(\(text(a, minimum: 0)))", Strength.atom)
            case .latex: return ("\\sqrt{\(text(a, minimum: 0))}", Strength.atom)
            }
        case .call(let fname, let args):
            return (call(fname, args), Strength.atom)
        case .matmul(let a, let b):
            let op = style == .latex ? " " : times
            return ("\(text(a, minimum: Strength.power))\(op)\(text(b, minimum: Strength.power))", Strength.product)
        }
    }

    private func isCall(_ f: FormulaLayout) -> Bool { if case .call = f { return true } else { return false } }

    private func power(_ b: FormulaLayout, _ e: FormulaLayout, elementwise: Bool) -> String {
        let base = text(b, minimum: Strength.atom)
        switch style {
        case .unicode:
            if let digits = integerText(e) { return base + superscript(digits) }
            return base + "^" + text(e, minimum: Strength.atom)
        case .ascii:
            return base + (elementwise ? ".^" : "^") + text(e, minimum: Strength.atom)
        case .latex:
            return base + "^{" + text(e, minimum: 0) + "}"
        }
    }

    /// "2" or "-3" when the exponent is an integer.
    private func integerText(_ e: FormulaLayout) -> String? {
        switch e {
        case .number(let n): return n.intValue.map(String.init)
        case .neg(.number(let n)): return n.intValue.map { "-\($0)" }
        default: return nil
        }
    }

    private func superscript(_ s: String) -> String {
        let map: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                           "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(s.map { map[$0] ?? $0 })
    }

    private func call(_ fname: String, _ args: [FormulaLayout]) -> String {
        let inner = args.map { text($0, minimum: 0) }
        let plain = "\(fname)(\(inner.joined(separator: ", ")))"
        let notation = SymbolicFunctions.table[fname]?.calculus.notation ?? .call
        switch (style, notation) {
        case (.ascii, _): return plain
        case (.unicode, .bars) where inner.count == 1: return "|\(inner[0])|"
        case (.unicode, .transposed) where args.count == 1: return text(args[0], minimum: Strength.atom) + "ᵀ"
        case (.unicode, _): return plain
        case (.latex, _): break
        }
        let arg = inner.joined(separator: ", ")
        switch notation {
        case .bars: return "\\left|\(arg)\\right|"
        case .transposed: return text(args[0], minimum: Strength.atom) + "^{\\top}"
        case .exponential: return "e^{\(arg)}"
        case .logarithm where inner.count == 2: return "\\log_{\(inner[0])}\\left(\(inner[1])\\right)"
        case .logarithm: return "\\ln\\left(\(arg)\\right)"
        case .command(let command): return "\(command)\\left(\(arg)\\right)"
        case .call: return "\\operatorname{\(fname.replacingUnderscores)}\\left(\(arg)\\right)"
        }
    }

    private func name(_ v: String) -> String {
        guard style == .latex else { return v }
        let greek = ["alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "mu", "sigma", "tau", "phi", "omega"]
        if greek.contains(v) { return "\\" + v }
        if v.count == 1 { return v }
        if let i = v.firstIndex(of: "_"), i != v.startIndex {
            return "\(v[..<i])_{\(v[v.index(after: i)...])}"
        }
        return "\\mathrm{\(v)}"
    }

    private func numberText(_ n: Number) -> String {
        switch n {
        case .rational(let p, let q): return q == 1 ? String(p) : "\(p)/\(q)"
        case .real(let x):
            if x.isNaN { return "nan" }
            if x.isInfinite { return style == .latex ? "\\infty" : (style == .unicode ? "∞" : "inf") }
            let s = String(x)
            if style == .latex, let e = s.firstIndex(of: "e") {
                let exponent = String(s[s.index(after: e)...]).replacingOccurrences(of: "+", with: "")
                return "\(s[..<e]) \\times 10^{\(Int(exponent) ?? 0)}"
            }
            return s
        }
    }
}

private extension String {
    var replacingUnderscores: String { replacingOccurrences(of: "_", with: "\\_") }
}
