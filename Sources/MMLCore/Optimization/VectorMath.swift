// Small dense-vector helpers for the optimizers (n is tiny: a loop beats a BLAS call here).

/// Operations on `[Double]` used as points and directions in ℝⁿ.
enum Vec {
    /// u · v
    @inline(__always) static func dot(_ u: [Double], _ v: [Double]) -> Double {
        var s = 0.0
        for i in 0..<min(u.count, v.count) { s += u[i] * v[i] }
        return s
    }

    /// ‖v‖₂, scaled so that huge or tiny entries neither overflow nor underflow.
    /// Inlined: gradient descent takes it at every step.
    @inline(__always) static func norm(_ v: [Double]) -> Double {
        // The plain sum of squares when it neither overflows nor underflows (the usual case);
        // otherwise scale by the largest entry first.
        var squares = 0.0
        for x in v { squares += x * x }
        if squares > 1e-290 && squares < 1e290 { return squares.squareRoot() }
        return scaledNorm(v)
    }

    @inline(never) private static func scaledNorm(_ v: [Double]) -> Double {
        if v.contains(where: \.isNaN) { return .nan }
        var scale = 0.0
        for x in v { scale = max(scale, abs(x)) }
        if scale == 0 || scale.isInfinite { return scale }
        var s = 0.0
        for x in v {
            let t = x / scale
            s += t * t
        }
        return scale * s.squareRoot()
    }

    /// x + a·d
    @inline(__always) static func step(_ x: [Double], _ a: Double, _ d: [Double]) -> [Double] {
        var out = x
        for i in 0..<out.count { out[i] += a * d[i] }
        return out
    }

    /// u − v
    static func minus(_ u: [Double], _ v: [Double]) -> [Double] {
        var out = u
        for i in 0..<out.count { out[i] -= v[i] }
        return out
    }

    static func isFinite(_ v: [Double]) -> Bool {
        for x in v where !x.isFinite { return false }  // (allSatisfy(\.isFinite) is not inlined)
        return true
    }
}
