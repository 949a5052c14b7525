// Calling MML functions to get plot data: sampling y = f(x), z = g(x, y), and a numeric slope.
import Glibc

/// Points a function plot is sampled at (a smooth curve in an 800-pixel SVG).
let functionSamples = 401

extension Interpreter {
    /// f(x) as a number; a non-number result is an error naming the function, and a
    /// non-finite one is nan (the curve breaks there).
    func callNumber(_ f: Function, _ args: [Double], what: String, at span: SourceSpan) throws -> Double {
        let r = try call(f, args.map(Value.number), at: span)
        switch r {
        case .number(let x): return x.isFinite ? x : .nan
        case .bool(let b): return b ? 1 : 0
        case .matrix(let m) where m.count == 1: return m.data[0].isFinite ? m.data[0] : .nan
        case .complex: return .nan
        default:
            let at = args.map { formatNumber($0, style: .short) }.joined(separator: ", ")
            throw MMLError(kind: .type, "\(what): \(functionLabel(f)) must return one number, but at (\(at)) it returned a \(r.typeName)", at: span,
                           hint: "plot draws functions of numbers to numbers; for data use plot(xs, ys)")
        }
    }

    /// `count` equally spaced x from a to b (both included) and f at each.
    func sample(_ f: Function, from a: Double, to b: Double, count: Int = functionSamples, at span: SourceSpan) throws -> (xs: [Double], ys: [Double]) {
        let xs = (0..<count).map { k in k == count - 1 ? b : a + (b - a) * Double(k) / Double(count - 1) }
        var ys: [Double] = []
        ys.reserveCapacity(count)
        for x in xs {
            try checkInterrupt(at: span)
            ys.append(try callNumber(f, [x], what: "plot", at: span))
        }
        return (xs, ys)
    }

    /// f′(a): from the exact derivative when f is a math function or lambda the calculus
    /// engine can differentiate (as `f'` would), else estimated by the engine's adaptive
    /// central differences. The second value is true when it is exact.
    func slope(_ f: Function, at a: Double, span: SourceSpan) throws -> (value: Double, isExact: Bool) {
        if let user = f as? UserFunction, user.form != .block, user.parameters.count == 1,
           let derivative = try? Differentiation.derivativeFunction(of: user, variable: nil, order: 1, ip: self, at: span) {
            return (try callNumber(derivative, [a], what: "plot_tangent", at: span), true)
        }
        return (try FiniteDifferences.estimate({ try callNumber(f, [$0], what: "plot_tangent", at: span) }, at: a).value, false)
    }
}

/// How a function is named in a legend: its formula, or its name.
func functionLabel(_ f: Function) -> String {
    guard let u = f as? UserFunction else { return f.name }
    switch u.form {
    case .math, .lambda: return u.display(DisplayOptions())
    case .block: return "\(u.name)(\(u.parameterList))"
    }
}

/// A number for a legend: at most 4 significant digits, no exponent for ordinary sizes.
func legendNumber(_ x: Double) -> String {
    let shown = roundedForLegend(x)
    if shown == shown.rounded() && abs(shown) < 1e6 { return String(Int(shown)) }
    return String(cFormat: "%.4g", shown)
}

/// `x` to 4 significant digits (so a numeric slope of 0.9999999999 reads as 1).
func roundedForLegend(_ x: Double) -> Double {
    guard x.isFinite else { return x }
    return Double(String(cFormat: "%.4g", x)) ?? x
}

/// "y = 2x + 1" from a slope and an intercept (signs written as a person would).
func lineEquation(slope: Double, intercept: Double) -> String {
    let m = roundedForLegend(slope), c = roundedForLegend(intercept)
    var s = "y = "
    if m == 0 { return s + legendNumber(c) }
    s += m == 1 ? "" : m == -1 ? "−" : legendNumber(m).replacingOccurrences(of: "-", with: "−")
    s += "x"
    if c != 0 { s += (c < 0 ? " − " : " + ") + legendNumber(abs(c)) }
    return s
}
