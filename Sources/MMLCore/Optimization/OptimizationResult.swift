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
    /// Every iterate, x₀ first, column by column (as a matrix with one row per iterate stores
    /// it): coordinate j of x after k steps is `pathColumns[j·pathCount + k]`.
    public var pathColumns: [Double]
    /// f at each iterate (root finding: ‖f‖ for systems, f for one equation).
    public var values: [Double]
    /// ‖∇f‖ at each iterate (root finding: |f′| for one equation, ‖J‖ for a system).
    public var gradientNorms: [Double]

    /// Number of iterates recorded (steps + 1).
    public var pathCount: Int { values.count }
    /// The k-th iterate (0 = x₀).
    public func iterate(_ k: Int) -> [Double] { (0..<x.count).map { pathColumns[$0 * pathCount + k] } }
    /// Every iterate as its own array, x₀ first.
    public var path: [[Double]] { (0..<pathCount).map(iterate) }

    public var converged: Bool { stop == .converged }
    public var diverged: Bool { stop == .diverged }
}

/// Collects iterates as an optimizer runs, each coordinate in its own stretch of one array
/// (no allocation per step). The columns are laid out for `capacity` iterates and moved together
/// at the end, so the path becomes the record's matrix without a transposed copy: for a long
/// run the pages a copy touches cost more time than the steps themselves.
struct PathRecorder {
    /// Coordinate j of iterate k at `columns[j·capacity + k]`. Entries past `values.count` in
    /// each column have not been written: they are never read, and `result` drops them.
    private var columns: [Double]
    private var capacity: Int
    private(set) var values: [Double] = []
    private(set) var gradientNorms: [Double] = []
    private let dimension: Int

    init(capacity: Int, dimension: Int) {
        self.dimension = dimension
        let c = min(max(capacity, 1), 1 << 20)
        self.capacity = c
        columns = PathRecorder.unwritten(c * dimension)
        values.reserveCapacity(c)
        gradientNorms.reserveCapacity(c)
    }

    /// An array of `count` doubles whose pages are not touched (unlike zeros, which a long
    /// budget would pay for even when the run stops early).
    private static func unwritten(_ count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Iterates recorded so far, minus one.
    var steps: Int { max(values.count - 1, 0) }

    /// Inlined: the optimizers record at every step.
    @inline(__always)
    mutating func record(_ x: [Double], _ value: Double, _ gradientNorm: Double) {
        let k = values.count
        if k == capacity { grow() }
        let c = capacity
        columns.withUnsafeMutableBufferPointer { out in
            for j in 0..<x.count { out[j * c + k] = x[j] }
        }
        values.append(value)
        gradientNorms.append(gradientNorm)
    }

    /// Twice the room for each column, the recorded entries moved over.
    @inline(never)
    private mutating func grow() {
        let (old, count) = (capacity, values.count)
        capacity = 2 * old
        var wider = PathRecorder.unwritten(capacity * dimension)
        wider.withUnsafeMutableBufferPointer { out in
            columns.withUnsafeBufferPointer { from in
                for j in 0..<dimension {
                    (out.baseAddress! + j * capacity).update(from: from.baseAddress! + j * old, count: count)
                }
            }
        }
        columns = wider
    }

    /// The last recorded iterate.
    private var last: [Double] {
        let k = values.count - 1
        return k < 0 ? [] : (0..<dimension).map { columns[$0 * capacity + k] }
    }

    /// The result for the last recorded iterate. Mutating: the columns are moved together in
    /// place and handed over (a copy would touch every page of the path again).
    mutating func result(_ method: OptimizationResult.Method, stop: OptimizationResult.Stop, message: String,
                         hint: String? = nil, caution: String? = nil, residual: [Double]? = nil) -> OptimizationResult {
        let x = last
        let (count, c) = (values.count, capacity)
        columns.withUnsafeMutableBufferPointer { p in
            for j in 1..<max(dimension, 1) {
                (p.baseAddress! + j * count).update(from: p.baseAddress! + j * c, count: count)
            }
        }
        columns.removeLast((c - count) * dimension)
        // A run that stopped well short of its budget: an exact copy (few pages), rather than
        // keeping the room laid out for the rest alive with the result.
        if count == 0 {
            columns = []
        } else if count < c / 2 {
            let exact = columns.count
            columns = columns.withUnsafeBufferPointer { from in
                [Double](unsafeUninitializedCapacity: exact) { out, initialized in
                    out.baseAddress!.initialize(from: from.baseAddress!, count: exact)
                    initialized = exact
                }
            }
        }
        capacity = count
        return OptimizationResult(method: method, x: x, value: values.last ?? .nan, residual: residual,
                                  steps: steps, stop: stop, message: message, hint: hint, caution: caution,
                                  pathColumns: columns, values: values, gradientNorms: gradientNorms)
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
