// Maximum-likelihood fits of a distribution family to data.
//
// Closed forms: Normal (μ̂ = x̄, σ̂ = √(Σ(x − x̄)²/n), the biased MLE), Exponential (λ̂ = 1/x̄),
// Poisson (λ̂ = x̄), Bernoulli (p̂ = x̄), Binomial with known n (p̂ = x̄/n), Uniform (min, max),
// Geometric counting trials (p̂ = 1/x̄). Iterative: Gamma (Newton on log k − ψ(k) = log x̄ − mean log x,
// Minka's start), Beta (Newton on the two digamma equations, from the method-of-moments start).
import Glibc

extension Stats {
    /// The maximum-likelihood fit of `family` to the data (`trials` is Binomial's known n).
    public static func fit(_ family: Distribution.Family, _ x: [Double], trials: Double? = nil) throws -> Distribution {
        let name = "fit(\(family.name), data)"
        try check(x, name)
        guard x.allSatisfy(\.isFinite) else { throw ProbabilityError("\(name): the data must be finite numbers") }
        let n = Double(x.count)
        let m = sum(x) / n
        func require(_ ok: Bool, _ what: String, hint: String? = nil) throws {
            if !ok { throw ProbabilityError("\(name): \(what)", hint: hint) }
        }
        switch family {
        case .normal:
            let s = try std(x, corrected: false)
            try require(s > 0, "all values are equal, so the fitted σ would be 0")
            return try .normal(m, s)
        case .exponential:
            try require(x.allSatisfy { $0 >= 0 }, "Exponential data must be ≥ 0")
            try require(m > 0, "all values are 0, so the rate would be infinite")
            return try .exponential(rate: 1 / m)
        case .poisson:
            try require(x.allSatisfy { $0 >= 0 && $0 == $0.rounded() }, "Poisson data must be counts (whole numbers ≥ 0)")
            try require(m > 0, "all counts are 0, so the fitted λ would be 0")
            return try .poisson(m)
        case .bernoulli:
            try require(x.allSatisfy { $0 == 0 || $0 == 1 }, "Bernoulli data must be 0s and 1s")
            return try .bernoulli(m)
        case .binomial:
            guard let trials else {
                throw ProbabilityError("\(name): the number of trials n must be given", hint: "fit(Binomial, data, n=10)")
            }
            try require(trials >= 1 && trials == trials.rounded(), "the number of trials must be a whole number ≥ 1")
            try require(x.allSatisfy { $0 >= 0 && $0 <= trials && $0 == $0.rounded() }, "Binomial data must be whole numbers between 0 and n = \(NumberFormat.short(trials))")
            return try .binomial(trials, m / trials)
        case .uniform:
            let lo = x.min()!, hi = x.max()!
            try require(lo < hi, "all values are equal, so a Uniform(a, b) with a < b cannot be fitted")
            return try .uniform(lo, hi)
        case .geometric:
            try require(x.allSatisfy { $0 >= 1 && $0 == $0.rounded() }, "Geometric data must be numbers of trials (whole numbers ≥ 1)")
            return try .geometric(1 / m)
        case .gamma:
            return try fitGamma(x, name)
        case .beta:
            return try fitBeta(x, name)
        case .studentT, .chiSquared, .f:
            throw ProbabilityError("fit supports Normal, Exponential, Poisson, Bernoulli, Binomial, Uniform, Geometric, Gamma and Beta, not \(family.name)",
                                   hint: "use mle with your own negative log-likelihood")
        }
    }

    static func fitGamma(_ x: [Double], _ name: String) throws -> Distribution {
        guard x.allSatisfy({ $0 > 0 }) else { throw ProbabilityError("\(name): Gamma data must be positive") }
        let n = Double(x.count)
        let m = sum(x) / n
        let meanLog = sum(x.map { Glibc.log($0) }) / n
        let s = Glibc.log(m) - meanLog
        guard s > 1e-14 else { throw ProbabilityError("\(name): all values are (nearly) equal, so the Gamma shape would be infinite") }
        var k = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
        for _ in 0..<100 {
            let f = Glibc.log(k) - Rmath.digamma(k) - s
            let fp = 1 / k - Rmath.trigamma(k)
            var next = k - f / fp
            if !(next > 0) { next = k / 2 }
            let done = abs(next - k) <= 1e-15 * k
            k = next
            if done { break }
        }
        return try .gamma(shape: k, scale: m / k)
    }

    static func fitBeta(_ x: [Double], _ name: String) throws -> Distribution {
        guard x.allSatisfy({ $0 > 0 && $0 < 1 }) else {
            throw ProbabilityError("\(name): Beta data must lie strictly between 0 and 1", hint: "a 0 or 1 makes the likelihood infinite or zero")
        }
        let n = Double(x.count)
        let g1 = sum(x.map { Glibc.log($0) }) / n
        let g2 = sum(x.map { Glibc.log1p(-$0) }) / n
        let m = sum(x) / n
        let v = try variance(x, corrected: false)
        guard v > 0 else { throw ProbabilityError("\(name): all values are equal, so the Beta shapes would be infinite") }
        let c = m * (1 - m) / v - 1
        var a = c > 0 ? m * c : 1, b = c > 0 ? (1 - m) * c : 1
        for _ in 0..<200 {
            let dab = Rmath.digamma(a + b), tab = Rmath.trigamma(a + b)
            let f1 = Rmath.digamma(a) - dab - g1, f2 = Rmath.digamma(b) - dab - g2
            let j11 = Rmath.trigamma(a) - tab, j22 = Rmath.trigamma(b) - tab, j12 = -tab
            let det = j11 * j22 - j12 * j12
            guard det != 0 && det.isFinite else { break }
            var da = (j22 * f1 - j12 * f2) / det, db = (j11 * f2 - j12 * f1) / det
            // Halve the step until both shapes stay positive.
            while a - da <= 0 || b - db <= 0 { da /= 2; db /= 2 }
            a -= da; b -= db
            if abs(da) <= 1e-15 * a && abs(db) <= 1e-15 * b { break }
        }
        return try .beta(a, b)
    }
}
