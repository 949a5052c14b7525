// The derivation log: which rule produced each part of a derivative, and its text rendering.

/// A differentiation rule as a learner meets it.
public enum StepRule: String, Sendable, CaseIterable {
    case constant, variable, sum, constantMultiple, product, quotient, power, chainPower,
         exponential, generalPower, function, chain, linear

    /// The rule's name and formula, e.g. "product rule: (f·g)′ = f′·g + f·g′".
    public var summary: String {
        switch self {
        case .constant: return "constant rule: (c)′ = 0"
        case .variable: return "(x)′ = 1"
        case .sum: return "sum rule: (f + g)′ = f′ + g′"
        case .constantMultiple: return "constant multiple rule: (c·f)′ = c·f′"
        case .product: return "product rule: (f·g)′ = f′·g + f·g′"
        case .quotient: return "quotient rule: (f/g)′ = (f′·g − f·g′)/g²"
        case .power: return "power rule: (xⁿ)′ = n·xⁿ⁻¹"
        case .chainPower: return "power rule with the chain rule: (uⁿ)′ = n·uⁿ⁻¹·u′"
        case .exponential: return "exponential rule: (aᵘ)′ = aᵘ·ln(a)·u′"
        case .generalPower: return "general power rule: (uᵛ)′ = uᵛ·(v′·ln(u) + v·u′/u)"
        case .function: return "derivative of a function"
        case .chain: return "chain rule: (f(u))′ = f′(u)·u′"
        case .linear: return "linearity"
        }
    }
}

/// One rule application: `d/dx [expression] = result`.
public struct DerivationStep: Sendable, Equatable {
    /// Nesting depth (0 for the whole formula).
    public let depth: Int
    public let rule: StepRule
    public let expression: Formula
    /// The derivative of `expression`, before simplification.
    public let result: Formula
    /// For the chain rule and function derivatives: the outer function's name.
    public let outer: String?
    /// For the chain rule: the inner expression u.
    public let inner: Formula?
}

/// A derivative together with how it was obtained.
public struct Derivation: Sendable {
    public let variable: String
    public let function: Formula
    /// Rule applications in the order a person would write them (outer before inner).
    public let steps: [DerivationStep]
    /// The derivative as the rules produced it (canonical form, not simplified).
    public let result: Formula
    /// The simplified derivative.
    public let simplified: Formula

    /// The derivation as indented text lines, ending with the simplified result.
    public func render(_ style: FormulaStyle = .unicode) -> String {
        let d = "d/d\(variable)"
        var lines: [String] = []
        for s in steps {
            let indent = String(repeating: "  ", count: s.depth)
            lines.append("\(indent)\(d) [\(s.expression.formatted(style))] = \(s.result.formatted(style))")
            lines.append("\(indent)    by \(explanation(s, style))")
        }
        lines.append("simplified: \(simplified.formatted(style))")
        return lines.joined(separator: "\n")
    }

    private func explanation(_ s: DerivationStep, _ style: FormulaStyle) -> String {
        switch s.rule {
        case .variable:
            return "(\(variable))′ = 1"
        case .function:
            let name = s.outer ?? "f"
            let u = Formula.variable(variable)
            let rule = (SymbolicFunctions.partials(name, [u])?.first).map { $0.formatted(style) } ?? "?"
            return "the derivative of \(name): \(name)′(\(variable)) = \(rule)"
        case .chain:
            let name = s.outer ?? "f"
            let u = Formula.variable("u")
            guard s.inner != nil, let rule = (SymbolicFunctions.partials(name, [u])?.first).map({ $0.formatted(style) }) else {
                return "the chain rule for \(name) of several arguments: the sum of ∂\(name)/∂uᵢ·uᵢ′"
            }
            let inner = s.inner.map { ", inner u = \($0.formatted(style))" } ?? ""
            return "the chain rule: outer \(name)(u)\(inner); \(name)′(u) = \(rule), times u′"
        case .chainPower:
            let inner = s.inner.map { " with inner u = \($0.formatted(style))" } ?? ""
            return StepRule.chainPower.summary + inner
        case .exponential:
            let inner = s.inner.map { " with u = \($0.formatted(style))" } ?? ""
            return StepRule.exponential.summary + inner
        case .linear:
            let name = s.outer ?? "sum"
            return "linearity: d/d\(variable) \(name)(u) = \(name)(du/d\(variable))"
        default:
            return s.rule.summary
        }
    }
}

/// Collects steps while differentiating; only used when a derivation is asked for.
final class StepRecorder {
    private(set) var steps: [DerivationStep?] = []
    private var depth = 0
    private var pending: [Int: (Formula, StepRule, String?, Formula?, Int)] = [:]
    private var openRules: [StepRule] = []

    /// Starts a step for a node whose derivative needs sub-steps; returns its slot.
    func open(_ e: Formula, _ rule: StepRule, outer: String? = nil, inner: Formula? = nil) -> Int {
        steps.append(nil)
        pending[steps.count - 1] = (e, rule, outer, inner, depth)
        depth += 1
        openRules.append(rule)
        return steps.count - 1
    }

    /// Finishes the step in `slot` with its result.
    func close(_ slot: Int?, _ result: Formula) {
        guard let slot, let p = pending.removeValue(forKey: slot) else { return }
        depth -= 1
        openRules.removeLast()
        steps[slot] = DerivationStep(depth: p.4, rule: p.1, expression: p.0, result: result, outer: p.2, inner: p.3)
    }

    /// A leaf (constant or the variable): recorded when it is the whole formula or a term or
    /// factor of a sum, product or quotient (where a learner writes "(x)′ = 1" out).
    func leaf(_ e: Formula, _ rule: StepRule) {
        if depth > 0, let parent = openRules.last, ![.sum, .product, .quotient].contains(parent) { return }
        steps.append(DerivationStep(depth: depth, rule: rule, expression: e, result: rule == .variable ? .one : .zero,
                                    outer: nil, inner: nil))
    }
}
