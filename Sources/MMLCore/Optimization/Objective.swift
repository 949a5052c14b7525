// A function to optimize as plain closures: the language adapts MML functions to this shape, the
// engine never sees an interpreter value.

/// f(x) and ∇f(x) in one evaluation, for a source that shares their work. A class protocol
/// rather than a closure: an optimizer calls it at every step, and an optional closure is called
/// through reabstraction thunks with its context retained and released.
public protocol JointEvaluation: AnyObject {
    /// f(x), with ∇f(x) written into `gradient` (n entries) when f(x) is finite.
    func valueAndGradient(_ x: [Double], into gradient: inout [Double]) throws -> Double
}

/// f: ℝⁿ → ℝ with its gradient and, optionally, its Hessian.
public struct Objective {
    /// f(x).
    public var value: ([Double]) throws -> Double
    /// ∇f(x), n entries.
    public var gradient: ([Double]) throws -> [Double]
    /// ∇f(x) written into an n-entry array in place, when the source can (no allocation per
    /// step); without it an optimizer uses `gradient`.
    public var fillGradient: (([Double], inout [Double]) throws -> Void)?
    /// f and ∇f in one evaluation, when the source can share their work; without it an
    /// optimizer calls `value` and then `fillGradient` or `gradient`.
    public var joint: (any JointEvaluation)?
    /// The n×n Hessian; when nil, Newton's method differentiates the gradient numerically.
    public var hessian: (([Double]) throws -> Matrix)?
    /// The relative accuracy of the Hessian: Newton's method treats singular values below
    /// accuracy·σmax as zero (a numeric Hessian of a singular one is only nearly singular).
    public var hessianAccuracy: Double

    public init(value: @escaping ([Double]) throws -> Double,
                gradient: @escaping ([Double]) throws -> [Double],
                fillGradient: (([Double], inout [Double]) throws -> Void)? = nil,
                joint: (any JointEvaluation)? = nil,
                hessian: (([Double]) throws -> Matrix)? = nil,
                hessianAccuracy: Double? = nil) {
        self.value = value
        self.gradient = gradient
        self.fillGradient = fillGradient
        self.joint = joint
        self.hessian = hessian
        self.hessianAccuracy = hessianAccuracy ?? (hessian == nil ? FiniteDifferences.gradientDifferenceAccuracy : 1e-12)
    }

    /// An objective whose gradient (and Hessian) come from finite differences of `value`.
    public static func numeric(_ value: @escaping ([Double]) throws -> Double) -> Objective {
        Objective(value: value,
                  gradient: { try FiniteDifferences.gradient(value, at: $0) },
                  hessian: { try FiniteDifferences.hessian(value, at: $0) },
                  hessianAccuracy: FiniteDifferences.secondDifferenceAccuracy)
    }

    /// The Hessian at x: the given one, else the Jacobian of the gradient by differences.
    func hessianMatrix(at x: [Double]) throws -> Matrix {
        if let hessian { return try hessian(x) }
        return try FiniteDifferences.hessian(gradient: gradient, at: x)
    }
}
