// Least-squares fits a learner checks gradient descent against: a straight line in closed form,
// and polynomials through LAPACK's least squares.

/// A least-squares line y ≈ slope·x + intercept.
public struct LineFit: Sendable, Equatable {
    public var slope: Double
    public var intercept: Double
    /// The coefficient of determination R² = 1 − SS_res / SS_tot (1 when every y is equal and fitted exactly).
    public var r2: Double
}

public enum Regression {
    /// The least-squares line through (xs[i], ys[i]): slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², from
    /// centred sums so large offsets lose no digits.
    public static func fitLine(_ xs: [Double], _ ys: [Double]) throws -> LineFit {
        try requirePairs(xs, ys, what: "fit_line", minimum: 2)
        let n = Double(xs.count)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (x, y) in zip(xs, ys) {
            sxx += (x - mx) * (x - mx)
            sxy += (x - mx) * (y - my)
            syy += (y - my) * (y - my)
        }
        guard sxx > 0 else {
            throw OptimizationError("fit_line: every x is \(shortText(xs[0])), so no line y = a·x + b fits better than another (a vertical line has no slope)",
                                    hint: "the xs need at least two different values")
        }
        let slope = sxy / sxx
        let intercept = my - slope * mx
        var ssRes = 0.0
        for (x, y) in zip(xs, ys) {
            let e = y - (slope * x + intercept)
            ssRes += e * e
        }
        let r2 = syy > 0 ? 1 - ssRes / syy : (ssRes == 0 ? 1 : 0)
        return LineFit(slope: slope, intercept: intercept, r2: r2)
    }

    /// Least-squares polynomial coefficients, highest power first (as NumPy's polyfit and
    /// Octave's): p[1]·x^deg + … + p[deg+1]. The Vandermonde columns are scaled to unit norm
    /// before LAPACK's dgelsd, as NumPy does, so high degrees stay well conditioned.
    /// `rankDeficient` is set when the points cannot determine every coefficient (NumPy warns then).
    public static func polyfit(_ xs: [Double], _ ys: [Double], degree: Int) throws -> (coefficients: [Double], rankDeficient: Bool) {
        try requirePairs(xs, ys, what: "polyfit", minimum: 1)
        guard degree >= 0, degree <= 100 else {
            throw OptimizationError("polyfit: the degree must be a whole number from 0 to 100, not \(degree)")
        }
        let m = xs.count, k = degree + 1
        guard m.multipliedReportingOverflow(by: k).overflow == false, m * k <= LinAlgLimits.maxElements else {
            throw OptimizationError("polyfit: \(m) points × \(k) coefficients is too large")
        }
        var A = Matrix(rows: m, cols: k)
        for i in 0..<m {
            var power = 1.0
            for j in stride(from: k - 1, through: 0, by: -1) {
                A[i, j] = power
                power *= xs[i]
            }
        }
        var scale = [Double](repeating: 1, count: k)
        for j in 0..<k {
            let s = Vec.norm(A.column(j))
            if s > 0 && s.isFinite {
                scale[j] = s
                for i in 0..<m { A[i, j] /= s }
            }
        }
        let fit = try LinAlg.lstsq(A, Matrix(column: ys), rcond: Double(m) * Double.ulpOfOne)
        let coefficients = (0..<k).map { fit.solution.data[$0] / scale[$0] }
        return (coefficients, fit.rank < k)
    }

    /// p(x) by Horner's rule, p given highest power first.
    public static func polyval(_ p: [Double], at x: Double) -> Double {
        var y = 0.0
        for c in p { y = y * x + c }
        return y
    }

    private static func requirePairs(_ xs: [Double], _ ys: [Double], what: String, minimum: Int) throws {
        guard xs.count == ys.count else {
            throw OptimizationError("\(what): xs has \(xs.count) values but ys has \(ys.count); they must pair up")
        }
        guard xs.count >= minimum else {
            throw OptimizationError("\(what) needs at least \(minimum) point\(minimum == 1 ? "" : "s"), but got \(xs.count)")
        }
        guard Vec.isFinite(xs), Vec.isFinite(ys) else {
            throw OptimizationError("\(what): the data contain inf or nan", hint: "remove or replace the missing values first")
        }
    }
}
