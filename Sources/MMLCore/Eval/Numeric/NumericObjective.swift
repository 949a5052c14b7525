// An optimizer's f and gradient evaluated together, by one straight-line program, when both are
// numeric forms of formulas.

/// f: ℝⁿ → ℝ and ∇f, numeric forms of MML functions whose bodies are expressions (a math
/// function, a matrix literal of expressions), run as one `StraightLineProgram` that shares
/// their common subexpressions and needs no frame.
final class NumericObjective {
    private let value: NumericEntry
    private let gradient: NumericEntry
    private let program: StraightLineProgram
    let dimension: Int
    /// The instructions of a run that computes f and ∇f.
    private let length: Int
    /// Set when the program bailed: from then on the caller runs f and ∇f separately (a bail
    /// tends to repeat, and each would cost the work twice).
    private var bailed = false

    /// The program for f and ∇f of `n` parameters, when f returns an expression and ∇f is
    /// an expression (n = 1) or a row or column of n; nil otherwise.
    init?(value: NumericEntry, gradient: NumericEntry, dimension n: Int) {
        guard value.body.parameterCount == n, gradient.body.parameterCount == n,
              let f = (value.body.root as? NumReturn)?.value else { return nil }
        let g = gradient.body
        var outputs = [f]
        if let root = g.root {
            guard n == 1, let entry = (root as? NumReturn)?.value else { return nil }
            outputs.append(entry)
        } else {
            guard g.entries.count == n, g.rows == 1 || g.cols == 1 else { return nil }
            outputs += g.entries
        }
        guard let program = StraightLineProgram(outputs, parameterCount: n) else { return nil }
        (self.value, self.gradient, self.program, dimension) = (value, gradient, program, n)
        length = program.ends[n]
    }

    /// f(x), with ∇f(x) written into `g` when f(x) is finite. Nil means compute them the
    /// ordinary way (which gives any error), in the cases where the tree walk would bail too:
    /// Ctrl-C, calls nested to the limit, a global or builtin that changed, a form that bailed.
    @inline(__always)  // into the optimizer's one call per step
    func evaluate(_ ip: Interpreter, _ x: [Double], gradient g: inout [Double]) -> Double? {
        guard !bailed, !value.code.numericBailed, !gradient.code.numericBailed, x.count == dimension, g.count == dimension,
              ip.callDepth < ip.maxCallDepth, !ip.stop.isRequested else { return nil }
        guard program.run(ip, x, count: length) else {
            bailed = true
            return nil
        }
        let fx = program.output(0)
        if fx.isFinite {
            g.withUnsafeMutableBufferPointer { program.copyOutputs(from: 1, into: $0) }
        }
        return fx
    }
}
