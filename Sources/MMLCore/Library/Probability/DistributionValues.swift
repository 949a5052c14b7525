// Distributions as MML values: objects that print their parameters, mean and variance and
// have fields (D.mean, D.sigma, …), and the bridge from engine errors to diagnostics.

/// A univariate distribution as an MML value (`Normal(0, 1)`).
public final class DistributionValue: MMLObject {
    public let distribution: Distribution

    public init(_ distribution: Distribution) { self.distribution = distribution }

    public var typeName: String { "distribution" }

    public func display(_ options: DisplayOptions) -> String { distribution.description }

    /// The fields of a distribution of a family, which its constructor declares.
    static func fields(of family: Distribution.Family) -> [ResultField] {
        var fields = [ResultField("family", "the family's name")]
            + family.parameters.map { ResultField($0.keyword, "\($0.symbol), \($0.meaning)") }
        switch family {
        case .gamma: fields.append(ResultField("rate", "1/θ, the rate"))
        case .exponential: fields.append(ResultField("scale", "1/λ, the scale (the mean)"))
        default: break
        }
        return fields + [ResultField("mean", "the mean"), ResultField("var", "the variance"), ResultField("std", "the standard deviation")]
    }

    public var fieldNames: [String] { Self.fields(of: distribution.family).map(\.name) }

    public func field(_ name: String) -> Value? {
        switch name {
        case "family": return .string(distribution.family.name)
        case "mean": return .number(distribution.mean)
        case "var", "variance": return .number(distribution.variance)
        case "std": return .number(distribution.std)
        default: return distribution.parameter(name).map(Value.number)
        }
    }
}

/// A multivariate normal MvNormal(μ, Σ) as an MML value.
public final class MvNormalValue: MMLObject {
    public let distribution: MvNormal

    public init(_ distribution: MvNormal) { self.distribution = distribution }

    public var typeName: String { "distribution" }

    public func display(_ options: DisplayOptions) -> String { distribution.description }

    static let fields: [ResultField] = [
        ResultField("mean", "μ, the mean vector"),
        ResultField("cov", "Σ, the covariance matrix"),
        ResultField("var", "each component's variance (the diagonal of Σ)"),
        ResultField("std", "each component's standard deviation"),
        ResultField("dim", "the dimension k"),
    ]
    public var fieldNames: [String] { Self.fields.map(\.name) }

    public func field(_ name: String) -> Value? {
        switch name {
        case "mean", "mu", "μ": return .matrix(Matrix(column: distribution.mean))
        case "cov", "Sigma", "Σ": return .matrix(distribution.covariance)
        case "var": return .matrix(Matrix(column: variances))
        case "std": return .matrix(Matrix(column: variances.map { $0.squareRoot() }))
        case "dim": return .number(Double(distribution.dimension))
        default: return nil
        }
    }

    /// The diagonal of Σ: each component's variance.
    var variances: [Double] { (0..<distribution.dimension).map { distribution.covariance[$0, $0] } }
}

extension Value {
    /// The univariate distribution this value stands for: a distribution, or the posterior
    /// distribution of a Bayesian update (so mean(post) is mean(post.posterior)).
    var distributionValue: DistributionValue? {
        switch self {
        case .object(let d as DistributionValue): return d
        case .object(let p as PosteriorValue): return p.distribution
        default: return nil
        }
    }
}

extension Arguments {
    /// A univariate distribution argument.
    func distribution(_ name: String) throws -> Distribution {
        let v = try value(name)
        if let o = v.distributionValue { return o.distribution }
        if case .function(let f as BuiltinFunction) = v, Distribution.Family(rawValue: f.builtin.name) != nil {
            throw error("\(builtin.name): `\(name)` must be a distribution with its parameters, not the family \(f.builtin.name) itself",
                        at: name, hint: "for example \(Distribution.example(Distribution.Family(rawValue: f.builtin.name)!))")
        }
        if case .object(_ as MvNormalValue) = v {
            throw error("\(builtin.name) works with one-dimensional distributions, not MvNormal", at: name)
        }
        throw typeError(name, expected: "a distribution such as Normal(0, 1)", got: v)
    }

    /// A distribution family given as its constructor (`Normal`), or a distribution whose family is meant.
    func family(_ name: String) throws -> Distribution.Family {
        let v = try value(name)
        switch v {
        case .function(let f as BuiltinFunction):
            if let family = Distribution.Family(rawValue: f.builtin.name) { return family }
        case .object(let o as DistributionValue):
            return o.distribution.family
        case .string(let s):
            if let family = Distribution.Family(rawValue: s.text) { return family }
        default:
            break
        }
        let names = Distribution.Family.allCases.map(\.name).joined(separator: ", ")
        throw error("\(builtin.name): `\(name)` must be a distribution family, one of \(names)", at: name,
                    hint: "pass the constructor itself, without parentheses: \(builtin.name)(Normal, data)")
    }

    /// A numeric argument as a plain data vector (all elements, column by column).
    func data(_ name: String) throws -> [Double] {
        try matrix(name).data
    }
}
