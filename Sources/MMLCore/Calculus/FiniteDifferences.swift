// Numeric derivatives by central differences with Richardson extrapolation: the fallback when a
// function has no exact (symbolic or user-given) derivative. The one home of numeric
// differentiation: these fixed-step stencils serve the optimizers (cheap, allocation-free
// gradients); FiniteDifferences+Adaptive.swift estimates derivatives of any order with an
// error estimate for nderiv, numeric Taylor polynomials and plot tangents.
//
// Step sizes balance truncation against rounding: for a 4th-order first-derivative formula the
// total error ~ h⁴·|f⁽⁵⁾| + ε·|f|/h is smallest near h = ε^(1/5) ≈ 7e-4 (relative to |x|);
// extrapolating two such estimates removes the h⁴ term too, which keeps about 11 digits when
// |x| (and so h) is large. Second derivatives use h = ε^(1/6) ≈ 2.5e-3.
import RealModule

/// Central-difference derivatives, gradients, Jacobians and Hessians of closures.
public enum FiniteDifferences {
    /// ε^(1/5): the relative step for first derivatives.
    static let firstStep = Double.pow(Double.ulpOfOne, 0.2)
    /// ε^(1/6): the relative step for second derivatives.
    static let secondStep = Double.pow(Double.ulpOfOne, 1.0 / 6.0)

    /// Relative accuracy to assume of a first derivative by the five-point stencil.
    public static let firstDerivativeAccuracy = 1e-9
    /// … of a Hessian differenced from an exact gradient.
    public static let gradientDifferenceAccuracy = 1e-9
    /// … of a Hessian from second differences of values.
    public static let secondDifferenceAccuracy = 1e-6

    /// A step near `h·max(1, |x|)` such that x ± h are exactly representable.
    static func step(_ relative: Double, at x: Double) -> Double {
        let h = relative * max(1, abs(x))
        let exact = (x + h) - x
        return exact > 0 ? exact : h
    }

    /// f′(x) by the five-point stencil D(h) = (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h at h and
    /// h/2, combined by Richardson's extrapolation D(h/2) + (D(h/2) − D(h))/15, whose error is
    /// O(h⁶): 8 evaluations for about 11 correct digits even where the step is large (|x| big).
    /// Near the edge of f's domain (a stencil value is inf/nan) smaller steps are tried — one
    /// relative to |x| first, since a function undefined nearby usually varies on that scale —
    /// then one-sided formulas; nan when nothing works.
    public static func derivative(_ f: (Double) throws -> Double, at x: Double) rethrows -> Double {
        let h0 = step(firstStep, at: x)
        var steps = [h0]
        if x != 0 && abs(x) < 1 { steps.append(step(firstStep * abs(x), at: x)) }
        steps += [h0 / 64, h0 / 4096]
        for h in steps {
            guard let coarse = try fivePoint(f, x, h), let fine = try fivePoint(f, x, h / 2) else { continue }
            return fine + (fine - coarse) / 15
        }
        // One-sided second-order formulas, for a point right at a domain boundary.
        let h = step(firstStep, at: x)
        let f0 = try f(x)
        let p1 = try f(x + h), p2 = try f(x + 2 * h)
        if f0.isFinite && p1.isFinite && p2.isFinite { return (-3 * f0 + 4 * p1 - p2) / (2 * h) }
        let m1 = try f(x - h), m2 = try f(x - 2 * h)
        if f0.isFinite && m1.isFinite && m2.isFinite { return (3 * f0 - 4 * m1 + m2) / (2 * h) }
        return .nan
    }

    /// The five-point central difference at step h, or nil when a value is not finite.
    private static func fivePoint(_ f: (Double) throws -> Double, _ x: Double, _ h: Double) rethrows -> Double? {
        let m2 = try f(x - 2 * h), m1 = try f(x - h), p1 = try f(x + h), p2 = try f(x + 2 * h)
        guard m2.isFinite && m1.isFinite && p1.isFinite && p2.isFinite else { return nil }
        return (m2 - 8 * m1 + 8 * p1 - p2) / (12 * h)
    }

    /// ∇f(x), one extrapolated central difference per coordinate (8n evaluations of f).
    public static func gradient(_ f: ([Double]) throws -> Double, at x: [Double]) rethrows -> [Double] {
        var g = [Double](repeating: 0, count: x.count)
        var probe = x
        for i in 0..<x.count {
            g[i] = try derivative({ t in
                probe[i] = t
                return try f(probe)
            }, at: x[i])
            probe[i] = x[i]
        }
        return g
    }

    /// The m×n Jacobian of F: ℝⁿ → ℝᵐ, column j from the extrapolated central difference in xⱼ
    /// (6 evaluations of F per column). Entries are nan where F is not finite around x.
    public static func jacobian(_ F: ([Double]) throws -> [Double], at x: [Double], outputs m: Int) rethrows -> Matrix {
        let n = x.count
        var J = Matrix(rows: m, cols: n)
        var probe = x
        for j in 0..<n {
            let h = step(firstStep, at: x[j])
            // Values at x ± h/2, ± h, ± 2h (the two five-point stencils of `derivative`).
            var at: [Double: [Double]] = [:]
            for k in [-2.0, -1.0, -0.5, 0.5, 1.0, 2.0] {
                probe[j] = x[j] + k * h
                at[k] = try F(probe)
            }
            probe[j] = x[j]
            func value(_ k: Double, _ i: Int) -> Double {
                guard let v = at[k], i < v.count else { return .nan }
                return v[i]
            }
            for i in 0..<m {
                let coarse = (value(-2, i) - 8 * value(-1, i) + 8 * value(1, i) - value(2, i)) / (12 * h)
                let fine = (value(-1, i) - 8 * value(-0.5, i) + 8 * value(0.5, i) - value(1, i)) / (6 * h)
                J[i, j] = fine + (fine - coarse) / 15
            }
        }
        return J
    }

    /// The Hessian of f from values only: diagonal entries by the five-point second-difference
    /// stencil, off-diagonal ones by Richardson-extrapolated cross differences; symmetric.
    public static func hessian(_ f: ([Double]) throws -> Double, at x: [Double]) rethrows -> Matrix {
        let n = x.count
        var H = Matrix(rows: n, cols: n)
        var probe = x
        let f0 = try f(x)
        func value(_ i: Int, _ a: Double, _ j: Int, _ b: Double) throws -> Double {
            probe[i] += a
            probe[j] += b
            defer { probe = x }
            return try f(probe)
        }
        let h = x.map { step(secondStep, at: $0) }
        for i in 0..<n {
            let m2 = try value(i, -2 * h[i], i, 0), m1 = try value(i, -h[i], i, 0)
            let p1 = try value(i, h[i], i, 0), p2 = try value(i, 2 * h[i], i, 0)
            H[i, i] = (-m2 + 16 * m1 - 30 * f0 + 16 * p1 - p2) / (12 * h[i] * h[i])
        }
        for i in 0..<n {
            for j in (i + 1)..<n {
                // D(s) = [f(+,+) − f(+,−) − f(−,+) + f(−,−)] / 4s², error O(s²): combine s = h and 2h.
                func cross(_ s: Double) throws -> Double {
                    let hi = s * h[i], hj = s * h[j]
                    let pp = try value(i, hi, j, hj), pm = try value(i, hi, j, -hj)
                    let mp = try value(i, -hi, j, hj), mm = try value(i, -hi, j, -hj)
                    return (pp - pm - mp + mm) / (4 * hi * hj)
                }
                let d = (4 * (try cross(1)) - (try cross(2))) / 3
                H[i, j] = d
                H[j, i] = d
            }
        }
        return H
    }

    /// The Hessian as the Jacobian of an (exact) gradient, symmetrised: (J + Jᵀ)/2.
    public static func hessian(gradient g: ([Double]) throws -> [Double], at x: [Double]) rethrows -> Matrix {
        let n = x.count
        let J = try jacobian(g, at: x, outputs: n)
        var H = J
        for i in 0..<n {
            for j in 0..<n { H[i, j] = (J[i, j] + J[j, i]) / 2 }
        }
        return H
    }
}
