// The error thrown by the probability and statistics engine: a teaching message and a hint.

/// A user-facing error from probability or statistics code (bad parameter, empty data, …).
/// The interpreter turns it into a diagnostic pointing at the call. `mle` treats errors of
/// this kind raised inside the objective (an invalid parameter such as σ < 0) as "outside
/// the domain".
public struct ProbabilityError: EngineError, Equatable {
    public static let kind = DiagnosticKind.probability
    /// What went wrong, in words a learner understands.
    public let message: String
    /// How to fix it, when there is an obvious fix.
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

extension ProbabilityError {
    /// Data given to a statistic is empty.
    static func emptyData(_ what: String) -> ProbabilityError {
        ProbabilityError("\(what) needs at least one data value, but the data is empty")
    }

    /// Too few data values for a statistic (e.g. a sample variance of one value).
    static func tooFew(_ what: String, need: Int, got: Int) -> ProbabilityError {
        ProbabilityError("\(what) needs at least \(need) data values, but got \(got)")
    }

    /// A NaN in the data, which would silently poison every result.
    static func nanInData(_ what: String) -> ProbabilityError {
        ProbabilityError("\(what): the data contains NaN", hint: "remove missing values first, e.g. x[!isnan(x)]")
    }

    /// A level or probability outside (0, 1).
    static func badLevel(_ name: String, _ value: Double) -> ProbabilityError {
        ProbabilityError("\(name) must be strictly between 0 and 1, but it is \(NumberFormat.short(value))",
                         hint: name == "level" ? "for a 95% interval use level=0.95" : nil)
    }
}
