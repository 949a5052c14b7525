// Telling a diverging iteration from a slow one: non-finite values, or a value that keeps
// growing past where it started.

/// Watches an iteration step by step and says when (and why) it has diverged.
struct DivergenceMonitor {
    /// f at the start point.
    let start: Double
    /// How many consecutive increases, ending above the starting value, count as divergence
    /// (momentum legitimately overshoots for a while, so it gets more patience).
    let patience: Int
    private var previous: Double
    private var rising = 0
    private var riseStart: Double

    init(start: Double, patience: Int) {
        self.start = start
        self.patience = patience
        previous = start
        riseStart = start
    }

    /// nil while all is well; otherwise the reason, e.g. "f(x) became nan at step 1 (x = -0.56)".
    /// Called at every step: the usual case (everything finite) is inlined into the loop, the
    /// reasons are made out of line.
    @inline(__always)
    mutating func check(step k: Int, x: [Double], value: Double, gradientNorm: Double) -> String? {
        guard value.isFinite, gradientNorm.isFinite, Vec.isFinite(x) else {
            return notFinite(step: k, x: x, value: value, gradientNorm: gradientNorm)
        }
        if value > previous {
            if rising == 0 { riseStart = previous }
            rising += 1
        } else {
            rising = 0
        }
        previous = value
        if rising >= patience && value > start { return grew(step: k, value: value) }
        return nil
    }

    /// Why an iterate with a non-finite coordinate, value or gradient norm has diverged.
    @inline(never)
    private func notFinite(step k: Int, x: [Double], value: Double, gradientNorm: Double) -> String {
        if !Vec.isFinite(x) {
            return "x became \(pointText(x)) at step \(k)"
        }
        if value.isNaN {
            return "f(x) became nan at step \(k) (x = \(pointText(x)); the step left f's domain or overshot)"
        }
        if value.isInfinite {
            return "f(x) became \(shortText(value)) at step \(k) (x = \(pointText(x)); each step overshot further than the last)"
        }
        return "the gradient became \(shortText(gradientNorm)) at step \(k) (x = \(pointText(x)))"
    }

    @inline(never)
    private func grew(step k: Int, value: Double) -> String {
        "f grew for \(rising) steps in a row, from \(shortText(riseStart)) to \(shortText(value)) (step \(k))"
    }
}
