// NumPy's legacy binomial sampler: inversion for n·p ≤ 30, Kachitvichyanukul–Schmeiser BTPE above.
//
// Integer and double arithmetic are mixed exactly where NumPy's C mixes them (e.g. `-k*k` is
// an integer product before the division), so the stream matches NumPy bit for bit.
import Glibc

extension RandomState {
    /// `binomial(n, p)`: successes in n trials.
    public func binomial(_ n: Int64, _ p: Double) -> Int64 {
        guard n > 0, p > 0, p <= 1 else { return 0 }
        if p <= 0.5 {
            return p * Double(n) <= 30.0 ? binomialInversion(n, p) : binomialBTPE(n, p)
        }
        let q = 1.0 - p
        return q * Double(n) <= 30.0 ? n - binomialInversion(n, q) : n - binomialBTPE(n, q)
    }

    private func binomialInversion(_ n: Int64, _ p: Double) -> Int64 {
        let q = 1.0 - p
        let qn = exp(Double(n) * log(q))
        let np = Double(n) * p
        let bound = Int64(min(Double(n), np + 10.0 * (np * q + 1).squareRoot()))
        var x: Int64 = 0
        var px = qn
        var u = mt.nextDouble()
        while u > px {
            x += 1
            if x > bound {
                x = 0
                px = qn
                u = mt.nextDouble()
            } else {
                u -= px
                px = (Double(n - x + 1) * p * px) / (Double(x) * q)
            }
        }
        return x
    }

    private func binomialBTPE(_ n: Int64, _ p: Double) -> Int64 {
        let nd = Double(n)
        let r = min(p, 1.0 - p)
        let q = 1.0 - r
        let fm = nd * r + r
        let m = Int64(floor(fm))
        let md = Double(m)
        let p1 = floor(2.195 * (nd * r * q).squareRoot() - 4.6 * q) + 0.5
        let xm = md + 0.5
        let xl = xm - p1
        let xr = xm + p1
        let c = 0.134 + 20.5 / (15.3 + md)
        var a = (fm - xl) / (fm - xl * r)
        let laml = a * (1.0 + a / 2.0)
        a = (xr - fm) / (xr * q)
        let lamr = a * (1.0 + a / 2.0)
        let p2 = p1 * (1.0 + 2.0 * c)
        let p3 = p2 + c / laml
        let p4 = p3 + c / lamr

        while true {  // Step 10
            let nrq = nd * r * q
            let u = mt.nextDouble() * p4
            var v = mt.nextDouble()
            var y: Int64
            if u <= p1 {
                y = Int64(floor(xm - p1 * v + u))
                return p > 0.5 ? n - y : y  // Step 60
            }
            if u <= p2 {  // Step 20: parallelogram
                let x = xl + (u - p1) / c
                v = v * c + 1.0 - abs(md - x + 0.5) / p1
                if v > 1.0 { continue }
                y = Int64(floor(x))
            } else if u <= p3 {  // Step 30: left exponential tail
                let yd = floor(xl + log(v) / laml)
                if v == 0.0 || !(yd >= 0) { continue }
                y = Int64(yd)
                v = v * (u - p2) * laml
            } else {  // Step 40: right exponential tail
                let yd = floor(xr - log(v) / lamr)
                if v == 0.0 || !(yd <= nd) { continue }
                y = Int64(yd)
                v = v * (u - p3) * lamr
            }
            // Step 50
            let k = abs(y - m)
            if !(k > 20 && Double(k) < nrq / 2.0 - 1) {
                let s = r / q
                let aa = s * Double(n + 1)
                var f = 1.0
                if m < y {
                    var i = m + 1
                    while i <= y { f *= (aa / Double(i) - s); i += 1 }
                } else if m > y {
                    var i = y + 1
                    while i <= m { f /= (aa / Double(i) - s); i += 1 }
                }
                if v > f { continue }
                return p > 0.5 ? n - y : y
            }
            // Step 52: squeeze with Stirling's approximation.
            let kd = Double(k)
            let rho = (kd / nrq) * ((kd * (kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
            let t = Double(-k * k) / (2 * nrq)
            let bigA = log(v)
            if bigA < t - rho { return p > 0.5 ? n - y : y }
            if bigA > t + rho { continue }
            let x1 = Double(y + 1)
            let f1 = Double(m + 1)
            let z = Double(n + 1 - m)
            let w = Double(n - y + 1)
            let x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w
            let bound = xm * log(f1 / x1) + (Double(n - m) + 0.5) * log(z / w) + Double(y - m) * log(w * r / (x1 * q))
                + (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / f2) / f2) / f2) / f2) / f1 / 166320.0
                + (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / z2) / z2) / z2) / z2) / z / 166320.0
                + (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / x2) / x2) / x2) / x2) / x1 / 166320.0
                + (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / w2) / w2) / w2) / w2) / w / 166320.0
            if bigA > bound { continue }
            return p > 0.5 ? n - y : y
        }
    }
}
