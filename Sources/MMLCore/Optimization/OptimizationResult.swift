// What every optimizer returns: the answer, how it got there (one row per iterate) and why it
// stopped, in words a learner can act on.

/// The outcome of gradient descent, Newton's method or BFGS.
public struct OptimizationResult: Sendable {
    /// Which method produced it (used in titles and trace headers).
    public enum Method: String, Sendable {
        case gradientDescent = "gradient descent"
        case newtonRoot = "Newton's method (root finding)"
        case newtonMinimize = "Newton's method (minimization)"
        case bfgs = "BFGS"
    }

    /// Why the iteration stopped.
    public enum Stop: Sendable, Equatable {
        /// The tolerance was met (gradient norm, or |f| for root finding).
        case converged
        /// The step budget ran out first.
        case maxSteps
        /// The iterate or value became inf/nan, or the value kept growing.
        case diverged
        /// No further progress is possible in floating point (a line search failed, or the
        /// step became smaller than rounding) before the tolerance was met.
        case stalled
    }

    public var method: Method
    /// The last iterate.
    public var x: [Double]
    /// f(x) when minimizing; for root finding the residual f(x) itself (see `residual`).
    public var value: Double
    /// For root finding of a system: f(x), one entry per equation (nil otherwise).
    public var residual: [Double]?
    /// Number of updates made (the path has steps + 1 rows).
    public var steps: Int
    public var stop: Stop
    /// One sentence on why it stopped, e.g. "converged: |∇f| = 3e-9 ≤ tol = 1e-8 after 25 steps".
    public var message: String
    /// What to try next (e.g. a smaller rate after divergence); nil when all went well.
    public var hint: String?
    /// A caution about a converged answer (e.g. Newton found a maximum, not a minimum).
    public var caution: String?
    /// Every iterate, x₀ first, flattened row by row: x after k steps is
    /// `pathData[k·n ..< (k+1)·n]` with n = x.count (one array, not one per step).
    public var pathData: [Double]
    /// f at each iterate (root finding: ‖f‖ for systems, f for one equation).
    public var values: [Double]
    /// ‖∇f‖ at each iterate (root finding: |f′| for one equation, ‖J‖ for a system).
    public var gradientNorms: [Double]

    /// Number of iterates recorded (steps + 1).
    public var pathCount: Int { x.isEmpty ? 0 : pathData.count / x.count }
    /// The k-th iterate (0 = x₀).
    public func iterate(_ k: Int) -> [Double] { Array(pathData[(k * x.count)..<((k + 1) * x.count)]) }
    /// Every iterate as its own array, x₀ first.
    public var path: [[Double]] { (0..<pathCount).map(iterate) }

    public var converged: Bool { stop == .converged }
    public var diverged: Bool { stop == .diverged }
}

/// Collects iterates as an optimizer runs (flat storage: no allocation per step).
struct PathRecorder {
    private(set) var points: [Double] = []
    private(set) var values: [Double] = []
    private(set) var gradientNorms: [Double] = []
    private let dimension: Int

    init(capacity: Int, dimension: Int) {
        self.dimension = dimension
        let c = min(max(capacity, 1), 1 << 20)
        points.reserveCapacity(c * dimension)
        values.reserveCapacity(c)
        gradientNorms.reserveCapacity(c)
    }

    /// Iterates recorded so far, minus one.
    var steps: Int { max(values.count - 1, 0) }

    /// Inlined: the optimizers record at every step.
    @inline(__always)
    mutating func record(_ x: [Double], _ value: Double, _ gradientNorm: Double) {
        for i in 0..<x.count { points.append(x[i]) }  // (append(contentsOf:) is not inlined: slower for a few)
        values.append(value)
        gradientNorms.append(gradientNorm)
    }

    /// The last recorded iterate (kept only in `points`: a copy per step would cost an
    /// allocation, as the optimizer then changes its x in place).
    private var last: [Double] { Array(points.suffix(dimension)) }

    /// The result for the last recorded iterate.
    func result(_ method: OptimizationResult.Method, stop: OptimizationResult.Stop, message: String,
                hint: String? = nil, caution: String? = nil, residual: [Double]? = nil) -> OptimizationResult {
        OptimizationResult(method: method, x: last, value: values.last ?? .nan, residual: residual,
                           steps: steps, stop: stop, message: message, hint: hint, caution: caution,
                           pathData: points, values: values, gradientNorms: gradientNorms)
    }
}

/// Numbers in engine messages: 6 significant digits, as matrices show them.
func shortText(_ x: Double) -> String { formatNumber(x, style: .short) }

/// A point in engine messages: `1.5` in one dimension, `[1, 2.5]` in several.
func pointText(_ x: [Double]) -> String {
    x.count == 1 ? shortText(x[0]) : "[" + x.map(shortText).joined(separator: ", ") + "]"
}

/// "1 step" / "25 steps".
func stepsText(_ n: Int) -> String { n == 1 ? "1 step" : "\(n) steps" }
