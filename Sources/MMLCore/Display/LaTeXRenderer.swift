// Values as LaTeX, for notebooks: vectors and matrices as bmatrix, math functions as their
// definition `f(x) = …` (f′, ∇g, ∇²g, ∂g/∂y and J_F heads typeset). The formulas inside come
// from the formula printer's LaTeX style (Symbolic/Formula+Printing.swift); this adds what a
// value needs around them. The text is bare LaTeX: a front end wraps it in `$$ … $$`.
import ComplexModule

/// Typeset forms of values.
public enum LaTeXRenderer {
    /// The shown value as LaTeX (`A = \begin{bmatrix}…`), or nil when typesetting would not
    /// show more than its text does (numbers, strings, records, tables).
    public static func latex(of shown: ShownValue) -> String? {
        guard let body = latex(shown.value, options: shown.options) else { return nil }
        // A math function prints its own head (`f(x) = …`), also after `g = f'`.
        if case .function = shown.value { return body }
        return shown.name.map { "\(name($0)) = \(body)" } ?? body
    }

    /// The value as LaTeX, or nil when it has no typeset form.
    public static func latex(_ value: Value, options: DisplayOptions) -> String? {
        switch value {
        case .matrix(let m) where m.count > 0: return matrix(m, options: options)
        case .range(let r) where r.count > 0: return matrix(r.matrix, options: options)
        case .complexMatrix(let m) where m.realPart.count > 0:
            let style = options.style
            return grid(rows: m.realPart.rows, cols: m.realPart.cols, options: options) { k in
                let z = Complex(m.realPart.data[k], k < m.imaginaryPart.data.count ? m.imaginaryPart.data[k] : 0)
                let p = complexParts(z, style: style, rationalFallback: .short)
                let imaginary = String(p.imaginary.dropLast().filter { $0 != "(" && $0 != ")" })
                return "\(number(p.real)) \(p.sign) \(number(imaginary))i"
            }
        case .function(let f as UserFunction): return MathFunctionPrinter.latexDefinition(f)
        default: return nil
        }
    }

    /// A vector or matrix as a bmatrix, each element formatted as the REPL formats it. A long
    /// vector is written as a transposed row; past the display limits the middle rows and
    /// columns become ⋮, ⋯ and ⋱, as in the terminal.
    public static func matrix(_ m: Matrix, options: DisplayOptions) -> String {
        let style = options.style
        let element: (Int) -> String = m.isLogical
            ? { "\\mathrm{\(formatLogical(m.data[$0] != 0))}" }
            : { number(renderNumber(m.data[$0], style: style, rationalFallback: .short)) }
        if m.cols == 1 && m.rows > 6 {
            let shown = kept(m.rows, limit: options.maxElements)
            let items = shown.map { $0.map(element) ?? "\\cdots" }
            return "\\begin{bmatrix} \(items.joined(separator: " & ")) \\end{bmatrix}^{\\top}"
        }
        return grid(rows: m.rows, cols: m.cols, options: options, element: element)
    }

    /// A bmatrix of `rows`×`cols` elements given by their column-major index.
    private static func grid(rows: Int, cols: Int, options: DisplayOptions, element: (Int) -> String) -> String {
        let shownRows = kept(rows, limit: options.maxRows), shownCols = kept(cols, limit: options.maxColumns)
        let lines = shownRows.map { i in
            shownCols.map { j -> String in
                switch (i, j) {
                case let (i?, j?): return element(i + j * rows)
                case (nil, nil): return "\\ddots"
                case (nil, _): return "\\vdots"
                case (_, nil): return "\\cdots"
                }
            }.joined(separator: " & ")
        }
        return "\\begin{bmatrix} \(lines.joined(separator: " \\\\ ")) \\end{bmatrix}"
    }

    /// The indices shown of `count`: all of them, or the first and last `limit / 2` around nil.
    static func kept(_ count: Int, limit: Int) -> [Int?] {
        let limit = max(limit, 2)
        guard count > limit else { return Array(0..<count) }
        let half = limit / 2
        return Array(0..<half) + [nil] + Array((count - half)..<count)
    }

    /// A number as the REPL prints it, in LaTeX: `1.5e-7` as 1.5 × 10⁻⁷, `1/3` as a fraction,
    /// `inf` as ∞.
    static func number(_ text: String) -> String {
        var body = Substring(text), sign = ""
        if body.hasPrefix("-") {
            sign = "-"
            body = body.dropFirst()
        }
        switch body {
        case "inf": return sign + "\\infty"
        case "nan", "NaN": return "\\mathrm{NaN}"
        default: break
        }
        if let slash = body.firstIndex(of: "/") {
            return sign + "\\frac{\(body[..<slash])}{\(body[body.index(after: slash)...])}"
        }
        if let e = body.firstIndex(of: "e") {
            let mantissa = body[..<e], exponent = body[body.index(after: e)...]
            return sign + (mantissa == "1" ? "" : "\(mantissa) \\times ") + "10^{\(exponent)}"
        }
        return sign + body
    }

    /// A variable's name in LaTeX, as formulas write it (`alpha` as α, `x_1` as x₁).
    public static func name(_ name: String) -> String {
        Formula.variable(name).latex
    }

    /// The name of a function as the calculus builtins make it: `f''`, `∇g`, `∇²g`, `∂²g/∂y²`,
    /// `J_F`.
    static func functionName(_ full: String) -> String {
        if full.hasPrefix("∇²") { return "\\nabla^{2} " + functionName(String(full.dropFirst(2))) }
        if full.hasPrefix("∇") { return "\\nabla " + functionName(String(full.dropFirst())) }
        if full.hasPrefix("J_") { return "J_{" + functionName(String(full.dropFirst(2))) + "}" }
        if full.hasPrefix("∂"), let slash = full.firstIndex(of: "/") {
            // ∂ⁿg/∂yⁿ: the order is the superscript after the first ∂, the variable follows the second.
            let top = full[full.index(after: full.startIndex)..<slash]
            let bottom = full[full.index(after: slash)...].dropFirst()
            let order = String(top.prefix { superscriptDigits[$0] != nil }.compactMap { superscriptDigits[$0] })
            let function = top.dropFirst(order.count), variable = bottom.prefix { superscriptDigits[$0] == nil }
            let power = order.isEmpty ? "" : "^{\(order)}"
            return "\\frac{\\partial\(power) \(functionName(String(function)))}{\\partial \(name(String(variable)))\(power)}"
        }
        let primes = full.reversed().prefix { $0 == "'" }.count
        return name(String(full.dropLast(primes))) + String(repeating: "'", count: primes)
    }

    private static let superscriptDigits: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]
}
