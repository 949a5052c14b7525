// Property tests on seeded random formulas: rewriting keeps the value, and the derivative
// matches a finite difference, for shapes no one thought to write by hand.
import Foundation
import MMLCore
import Testing

/// A small deterministic generator (64-bit LCG) so failures reproduce.
struct FormulaGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }

    /// A random formula in `x` whose value is finite for moderate x.
    mutating func formula(depth: Int) -> Formula {
        let x = Formula.variable("x")
        if depth == 0 {
            switch next(4) {
            case 0: return .int(next(5) + 1)
            case 1: return .fraction(next(7) + 1, next(3) + 2)
            default: return x
            }
        }
        let a = formula(depth: depth - 1)
        switch next(12) {
        case 0: return a + formula(depth: depth - 1)
        case 1: return a - formula(depth: depth - 1)
        case 2, 3: return a * formula(depth: depth - 1)
        case 4: return a / (Formula.pow(formula(depth: depth - 1), .int(2)) + .one)
        case 5: return Formula.pow(a, .int(next(4) + 2))
        case 6: return Formula.apply(["sin", "cos", "atan", "tanh", "sigmoid"][next(5)], [a])
        case 7: return Formula.apply("exp", [Formula.apply("sin", [a])])
        case 8: return Formula.apply("log", [Formula.pow(a, .int(2)) + .one])
        case 9: return Formula.apply("sqrt", [Formula.pow(a, .int(2)) + .int(2)])
        case 10: return Formula.pow(Formula.pow(a, .int(2)) + .one, .fraction(next(3) + 1, 2))
        default: return Formula.neg(a)
        }
    }
}

@Suite("Symbolic: random formulas")
struct SymbolicRandomFormulaTests {
    static let points = [-1.1, 0.35, 0.9]

    @Test("simplify, expand, factor and printing keep the value; derivatives match finite differences")
    func randomFormulas() throws {
        var generator = FormulaGenerator(seed: 20_261_126)
        var checked = 0
        for _ in 0..<400 {
            let f = generator.formula(depth: 3)
            let value = try f.compiled(variables: ["x"])
            let forms = [f.simplified(), f.expanded(), f.factored(), f.together(), try TestFormulaParser.parse(f.ascii)]
            let derivative = try f.derivative("x").compiled(variables: ["x"])
            for x in Self.points {
                let v = try value.evaluate([x])
                guard v.isFinite, abs(v) < 1e6 else { continue }
                for form in forms {
                    let w = try form.compiled(variables: ["x"]).evaluate([x])
                    #expect(close(w, v, 1e-8), "\(f.ascii) → \(form.ascii) at \(x)")
                }
                let h = 1e-4
                let fd = try (-value.evaluate([x + 2 * h]) + 8 * value.evaluate([x + h])
                              - 8 * value.evaluate([x - h]) + value.evaluate([x - 2 * h])) / (12 * h)
                let d = try derivative.evaluate([x])
                #expect(close(d, fd, 1e-5), "d/dx \(f.ascii) at \(x): \(d) vs \(fd)")
                checked += 1
            }
        }
        #expect(checked > 800)
    }
}
