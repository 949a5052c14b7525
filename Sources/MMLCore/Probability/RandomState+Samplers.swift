// NumPy's legacy samplers (legacy-distributions.c / distributions.c), transcribed operation for operation.
//
// The order of floating-point operations follows NumPy's C source exactly: reordering even
// one product changes the last bit and the stream would no longer match NumPy's.
// Parameters are validated by `Distribution`; called directly with invalid ones (NaN, negative)
// these samplers return NaN or 0 instead of looping or trapping.
import Glibc

extension RandomState {
    /// `standard_exponential()`: −log(1 − U).
    public func standardExponential() -> Double {
        -log(1.0 - mt.nextDouble())
    }

    /// `standard_gamma(shape)`: Marsaglia–Tsang for shape > 1, Ahrens–Dieter (GS) below 1.
    public func standardGamma(_ shape: Double) -> Double {
        guard shape >= 0, shape.isFinite else { return .nan }
        if shape == 1.0 { return standardExponential() }
        if shape == 0.0 { return 0.0 }
        if shape < 1.0 {
            while true {
                let u = mt.nextDouble()
                let v = standardExponential()
                if u <= 1.0 - shape {
                    let x = pow(u, 1.0 / shape)
                    if x <= v { return x }
                } else {
                    let y = -log((1 - u) / shape)
                    let x = pow(1.0 - shape + shape * y, 1.0 / shape)
                    if x <= v + y { return x }
                }
            }
        }
        let b = shape - 1.0 / 3.0
        let c = 1.0 / (9 * b).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal()
                v = 1.0 + c * x
            } while v <= 0.0
            v = v * v * v
            let u = mt.nextDouble()
            if u < 1.0 - 0.0331 * (x * x) * (x * x) { return b * v }
            if log(u) < 0.5 * x * x + b * (1.0 - v + log(v)) { return b * v }
        }
    }

    /// `beta(a, b)`: Jöhnk's algorithm when both parameters are ≤ 1, else a ratio of gammas.
    public func beta(_ a: Double, _ b: Double) -> Double {
        if a <= 1.0 && b <= 1.0 {
            while true {
                let u = mt.nextDouble(), v = mt.nextDouble()
                let x = pow(u, 1.0 / a), y = pow(v, 1.0 / b)
                if x + y <= 1.0 {
                    if x + y > 0 { return x / (x + y) }
                    var logX = log(u) / a, logY = log(v) / b
                    let logM = logX > logY ? logX : logY
                    logX -= logM
                    logY -= logM
                    return exp(logX - log(exp(logX) + exp(logY)))
                }
            }
        }
        let ga = standardGamma(a), gb = standardGamma(b)
        return ga / (ga + gb)
    }

    /// `chisquare(df)` = 2·standard_gamma(df/2).
    public func chiSquare(_ df: Double) -> Double {
        2.0 * standardGamma(df / 2.0)
    }

    /// `standard_t(df)`: a normal over the root of a scaled gamma.
    public func studentT(_ df: Double) -> Double {
        let num = normal()
        let denom = standardGamma(df / 2)
        return (df / 2).squareRoot() * num / denom.squareRoot()
    }

    /// `f(dfnum, dfden)`: a ratio of scaled chi-squares.
    public func fisherF(_ dfnum: Double, _ dfden: Double) -> Double {
        (chiSquare(dfnum) * dfden) / (chiSquare(dfden) * dfnum)
    }

    /// `geometric(p)`: the number of trials up to and including the first success (1, 2, …).
    public func geometric(_ p: Double) -> Int64 {
        guard p > 0, p <= 1 else { return 0 }
        if p >= 0.333333333333333333333333 {
            // Sequential search.
            var x: Int64 = 1
            var sum = p, prod = p
            let q = 1.0 - p
            let u = mt.nextDouble()
            while u > sum {
                prod *= q
                sum += prod
                x += 1
            }
            return x
        }
        // Inversion; the cap keeps a tiny p from overflowing Int64 (NumPy returns the same bound).
        let z = ceil(log(1.0 - mt.nextDouble()) / log(1.0 - p))
        return z >= 9.2233720368547758e18 ? Int64.max : Int64(z)
    }

    /// `poisson(lam)`: multiplication for λ < 10, Hörmann's PTRS for λ ≥ 10.
    public func poisson(_ lam: Double) -> Int64 {
        guard lam > 0, lam.isFinite else { return 0 }
        if lam >= 10 { return poissonPTRS(lam) }
        let enlam = exp(-lam)
        var x: Int64 = 0
        var prod = 1.0
        while true {
            prod *= mt.nextDouble()
            if prod > enlam { x += 1 } else { return x }
        }
    }

    private func poissonPTRS(_ lam: Double) -> Int64 {
        let slam = lam.squareRoot()
        let loglam = log(lam)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = mt.nextDouble() - 0.5
            let v = mt.nextDouble()
            let us = 0.5 - abs(u)
            let kd = floor((2 * a / us + b) * u + lam + 0.43)
            // NumPy casts to int64 here; the value is always in range for valid λ.
            let k: Int64 = kd.isNaN || kd < -9.2e18 ? -1 : (kd >= 9.2e18 ? .max : Int64(kd))
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + Double(k) * loglam - Self.loggam(Double(k) + 1) {
                return k
            }
        }
    }

    /// NumPy's `random_loggam`: log Γ(x) by Stirling's series, used only inside PTRS.
    static func loggam(_ x: Double) -> Double {
        let a: [Double] = [8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
                           -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
                           6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
                           -1.39243221690590e+00]
        if x == 1.0 || x == 2.0 { return 0.0 }
        let n: Int64 = x < 7.0 ? Int64(7 - x) : 0
        var x0 = x + Double(n)
        let x2 = (1.0 / x0) * (1.0 / x0)
        let lg2pi = 1.8378770664093453e+00
        var gl0 = a[9]
        for k in stride(from: 8, through: 0, by: -1) {
            gl0 *= x2
            gl0 += a[k]
        }
        var gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * log(x0) - x0
        if x < 7.0 {
            for _ in 0..<n {
                gl -= log(x0 - 1.0)
                x0 -= 1.0
            }
        }
        return gl
    }
}
