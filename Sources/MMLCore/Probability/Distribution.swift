// Univariate distributions as values: a family, validated parameters, and a display string.
//
// Parametrisations (textbook, and what MML documents):
//   Normal(μ, σ)          σ the standard deviation
//   Uniform(a, b)         continuous on [a, b]
//   Bernoulli(p)          1 with probability p
//   Binomial(n, p)        successes in n trials
//   Poisson(λ)            λ the mean
//   Exponential(λ)        λ the RATE (mean 1/λ)
//   Geometric(p)          number of TRIALS up to and including the first success: support 1, 2, …
//                         (Rmath and R count failures, support 0, 1, …; we shift by one)
//   Beta(α, β)
//   Gamma(k, θ)           shape k and SCALE θ (mean kθ); `Distribution.gamma(shape:rate:)` takes a rate
//   StudentT(ν), ChiSquared(k), F(d1, d2)

/// A univariate probability distribution with validated parameters.
public struct Distribution: Sendable, Equatable, CustomStringConvertible {
    /// The distribution families MML knows.
    public enum Family: String, CaseIterable, Sendable {
        case normal = "Normal", uniform = "Uniform", bernoulli = "Bernoulli", binomial = "Binomial"
        case poisson = "Poisson", exponential = "Exponential", geometric = "Geometric", beta = "Beta"
        case gamma = "Gamma", studentT = "StudentT", chiSquared = "ChiSquared", f = "F"

        /// The constructor's name in MML, e.g. "Normal".
        public var name: String { rawValue }

        /// The parameters in order: symbol, ASCII keyword, meaning, allowed values, default.
        public var parameters: [Parameter] {
            switch self {
            case .normal: [.init("μ", "mu", "the mean", .real, 0), .init("σ", "sigma", "the standard deviation", .positive, 1)]
            case .uniform: [.init("a", "a", "the lower end", .real, 0), .init("b", "b", "the upper end", .real, 1)]
            case .bernoulli: [.init("p", "p", "the probability of a 1", .probability)]
            case .binomial: [.init("n", "n", "the number of trials", .count), .init("p", "p", "the success probability", .probability)]
            case .poisson: [.init("λ", "lambda", "the mean number of events", .positive)]
            case .exponential: [.init("λ", "lambda", "the rate (the mean is 1/λ)", .positive, 1)]
            case .geometric: [.init("p", "p", "the success probability", .positiveProbability)]
            case .beta: [.init("α", "alpha", "the first shape", .positive), .init("β", "beta", "the second shape", .positive)]
            case .gamma: [.init("k", "k", "the shape", .positive), .init("θ", "theta", "the scale (the mean is kθ)", .positive, 1)]
            case .studentT: [.init("ν", "nu", "the degrees of freedom", .positive)]
            case .chiSquared: [.init("k", "k", "the degrees of freedom", .positive)]
            case .f: [.init("d1", "d1", "the numerator degrees of freedom", .positive), .init("d2", "d2", "the denominator degrees of freedom", .positive)]
            }
        }

        /// True for distributions on integers (they have a pmf rather than a pdf).
        public var isDiscrete: Bool {
            switch self {
            case .bernoulli, .binomial, .poisson, .geometric: true
            default: false
            }
        }

        /// The set of values the distribution can take, in words.
        public var supportDescription: String {
            switch self {
            case .normal, .studentT: "all real numbers"
            case .uniform: "[a, b]"
            case .bernoulli: "{0, 1}"
            case .binomial: "{0, 1, …, n}"
            case .poisson: "{0, 1, 2, …}"
            case .geometric: "{1, 2, 3, …} (trials up to and including the first success)"
            case .exponential, .gamma, .chiSquared, .f: "x ≥ 0"
            case .beta: "[0, 1]"
            }
        }
    }

    /// What values a parameter may take.
    public enum Constraint: Sendable {
        case real, positive, probability, positiveProbability, count

        func violation(_ v: Double) -> String? {
            switch self {
            case .real: return v.isFinite ? nil : "must be a finite number"
            case .positive: return v.isFinite && v > 0 ? nil : "must be positive and finite"
            case .probability: return v >= 0 && v <= 1 ? nil : "is a probability, so it must be between 0 and 1"
            case .positiveProbability: return v > 0 && v <= 1 ? nil : "is a probability of success, so it must be in (0, 1]"
            case .count: return v >= 0 && v == v.rounded() && v <= 9_007_199_254_740_992 ? nil : "must be a whole number ≥ 0"
            }
        }
    }

    /// One parameter of a family.
    public struct Parameter: Sendable {
        /// The symbol shown in displays, e.g. "σ".
        public let symbol: String
        /// The keyword accepted in calls and as a field name, e.g. "sigma".
        public let keyword: String
        /// What it means, e.g. "the standard deviation".
        public let meaning: String
        public let constraint: Constraint
        /// The value used when the argument is omitted, if there is one.
        public let defaultValue: Double?

        init(_ symbol: String, _ keyword: String, _ meaning: String, _ constraint: Constraint, _ defaultValue: Double? = nil) {
            self.symbol = symbol; self.keyword = keyword; self.meaning = meaning
            self.constraint = constraint; self.defaultValue = defaultValue
        }
    }

    public let family: Family
    /// Parameter values in the family's order.
    public let parameters: [Double]

    /// A distribution, after checking every parameter; the error names the bad one and why.
    public init(_ family: Family, _ parameters: [Double]) throws {
        let specs = family.parameters
        guard parameters.count <= specs.count else {
            throw ProbabilityError("\(family.name) takes \(specs.count) parameter\(specs.count == 1 ? "" : "s") (\(Self.signature(family))), but got \(parameters.count)")
        }
        var values = parameters
        for spec in specs.dropFirst(parameters.count) {
            guard let d = spec.defaultValue else {
                throw ProbabilityError("\(Self.signature(family)): \(spec.symbol) (\(spec.meaning)) is missing",
                                       hint: "for example \(Self.example(family))")
            }
            values.append(d)
        }
        for (spec, v) in zip(specs, values) {
            if let why = spec.constraint.violation(v) {
                throw ProbabilityError("\(Self.signature(family)): \(spec.symbol) (\(spec.meaning)) \(why), but it is \(NumberFormat.short(v))")
            }
        }
        if family == .uniform, !(values[0] < values[1]) {
            throw ProbabilityError("Uniform(a, b): the lower end a must be less than the upper end b, but a = \(NumberFormat.short(values[0])) and b = \(NumberFormat.short(values[1]))")
        }
        self.family = family
        self.parameters = values
    }

    /// A distribution from keyword arguments (e.g. `["sigma": 2]`), with positional ones first.
    /// Gamma also accepts `rate` (θ = 1/rate) and Exponential accepts `scale` (λ = 1/scale).
    public init(_ family: Family, positional: [Double], keywords: [String: Double]) throws {
        var kw = keywords
        if family == .gamma, let rate = kw.removeValue(forKey: "rate") {
            guard kw["theta"] == nil && positional.count < 2 else { throw ProbabilityError("Gamma: give either the scale θ or rate=, not both") }
            guard rate.isFinite && rate > 0 else { throw ProbabilityError("Gamma(k, rate=…): the rate must be positive and finite, but it is \(NumberFormat.short(rate))") }
            kw["theta"] = 1 / rate
        }
        if family == .exponential, let scale = kw.removeValue(forKey: "scale") {
            guard kw["lambda"] == nil && positional.isEmpty else { throw ProbabilityError("Exponential: give either the rate λ or scale=, not both") }
            guard scale.isFinite && scale > 0 else { throw ProbabilityError("Exponential(scale=…): the scale must be positive and finite, but it is \(NumberFormat.short(scale))") }
            kw["lambda"] = 1 / scale
        }
        let specs = family.parameters
        var values: [Double] = positional
        for spec in specs.dropFirst(positional.count) {
            if let v = kw.removeValue(forKey: spec.keyword) ?? kw.removeValue(forKey: spec.symbol) {
                values.append(v)
            } else if let d = spec.defaultValue {
                values.append(d)
            } else {
                break
            }
        }
        if let unknown = kw.keys.sorted().first {
            let known = specs.map(\.keyword).joined(separator: ", ")
            throw ProbabilityError("\(family.name) has no parameter named \(unknown)", hint: "its parameters are \(known)")
        }
        try self.init(family, values)
    }

    /// The call signature with symbols, e.g. "Normal(μ, σ)".
    public static func signature(_ family: Family) -> String {
        "\(family.name)(\(family.parameters.map(\.symbol).joined(separator: ", ")))"
    }

    static func example(_ family: Family) -> String {
        switch family {
        case .normal: "Normal(0, 1)"
        case .uniform: "Uniform(0, 1)"
        case .bernoulli: "Bernoulli(0.3)"
        case .binomial: "Binomial(10, 0.5)"
        case .poisson: "Poisson(4)"
        case .exponential: "Exponential(2)"
        case .geometric: "Geometric(0.2)"
        case .beta: "Beta(2, 5)"
        case .gamma: "Gamma(2, 1.5)"
        case .studentT: "StudentT(5)"
        case .chiSquared: "ChiSquared(3)"
        case .f: "F(5, 10)"
        }
    }

    /// A parameter's value by keyword or symbol ("sigma" or "σ"), for field access.
    public func parameter(_ name: String) -> Double? {
        if family == .gamma && name == "rate" { return 1 / parameters[1] }
        if family == .exponential && name == "scale" { return 1 / parameters[0] }
        guard let i = family.parameters.firstIndex(where: { $0.keyword == name || $0.symbol == name }) else { return nil }
        return parameters[i]
    }

    /// E.g. "Normal(μ=0, σ=1)".
    public var signatureWithValues: String {
        let parts = zip(family.parameters, parameters).map { "\($0.symbol)=\(NumberFormat.short($1))" }
        return "\(family.name)(\(parts.joined(separator: ", ")))"
    }

    /// E.g. "Normal(μ=0, σ=1)  mean 0, variance 1".
    public var description: String {
        "\(signatureWithValues)  mean \(NumberFormat.short(mean)), variance \(NumberFormat.short(variance))"
    }
}

extension Distribution {
    public static func normal(_ mu: Double = 0, _ sigma: Double = 1) throws -> Distribution { try .init(.normal, [mu, sigma]) }
    public static func uniform(_ a: Double = 0, _ b: Double = 1) throws -> Distribution { try .init(.uniform, [a, b]) }
    public static func bernoulli(_ p: Double) throws -> Distribution { try .init(.bernoulli, [p]) }
    public static func binomial(_ n: Double, _ p: Double) throws -> Distribution { try .init(.binomial, [n, p]) }
    public static func poisson(_ lambda: Double) throws -> Distribution { try .init(.poisson, [lambda]) }
    /// Exponential with rate λ (mean 1/λ).
    public static func exponential(rate lambda: Double = 1) throws -> Distribution { try .init(.exponential, [lambda]) }
    /// Geometric counting trials up to and including the first success (support 1, 2, …).
    public static func geometric(_ p: Double) throws -> Distribution { try .init(.geometric, [p]) }
    public static func beta(_ alpha: Double, _ beta: Double) throws -> Distribution { try .init(.beta, [alpha, beta]) }
    public static func gamma(shape k: Double, scale theta: Double = 1) throws -> Distribution { try .init(.gamma, [k, theta]) }
    public static func gamma(shape k: Double, rate: Double) throws -> Distribution {
        try .init(.gamma, positional: [k], keywords: ["rate": rate])
    }
    public static func studentT(_ nu: Double) throws -> Distribution { try .init(.studentT, [nu]) }
    public static func chiSquared(_ k: Double) throws -> Distribution { try .init(.chiSquared, [k]) }
    public static func f(_ d1: Double, _ d2: Double) throws -> Distribution { try .init(.f, [d1, d2]) }
}
