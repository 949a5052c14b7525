// Cost functions of regression and classification: mean squared error, binary log loss and
// categorical cross-entropy.
import RealModule

public enum Loss {
    /// Probabilities are clipped to [floor, 1 − floor] before the logarithm, so a confident
    /// wrong prediction costs −ln(1e-15) ≈ 34.5 instead of infinity (scikit-learn did the same).
    public static let probabilityFloor = 1e-15

    /// mean((ŷᵢ − yᵢ)²).
    public static func mse(_ yhat: [Double], _ y: [Double]) throws -> Double {
        try requireSameCount(yhat, y, what: "mse", names: ("yhat", "y"))
        guard !y.isEmpty else { throw OptimizationError("mse of no values is undefined") }
        var s = 0.0
        for (a, b) in zip(yhat, y) { s += (a - b) * (a - b) }
        return s / Double(y.count)
    }

    /// Binary cross-entropy −mean(yᵢ·ln pᵢ + (1 − yᵢ)·ln(1 − pᵢ)), pᵢ the predicted probability of
    /// class 1 and yᵢ ∈ {0, 1} (or a soft label in [0, 1]).
    public static func logLoss(_ p: [Double], _ y: [Double], what: String = "log_loss") throws -> Double {
        try requireBinary(p, y, what: what)
        var s = 0.0
        for (pi, yi) in zip(p, y) { s += logLoss(pi, yi) }
        return s / Double(y.count)
    }

    /// The log loss of one prediction: −(y·ln p + (1 − y)·ln(1 − p)), p clipped.
    @Sendable public static func logLoss(_ p: Double, _ y: Double) -> Double {
        let q = clip(p)
        return -(y * Double.log(q) + (1 - y) * Double.log(1 - q))
    }

    /// Categorical cross-entropy: for each row i of p (a probability distribution over the
    /// classes, summing to 1) and of y (one-hot, or soft labels), −Σₖ yᵢₖ·ln pᵢₖ; the mean over rows.
    public static func crossEntropy(_ p: Matrix, _ y: Matrix) throws -> Double {
        try requireDistributions(p, y)
        var total = 0.0
        for i in 0..<p.rows {
            var row = 0.0
            for k in 0..<p.cols { row -= y[i, k] * Double.log(clip(p[i, k])) }
            total += row
        }
        return total / Double(p.rows)
    }

    /// Which argument of a loss a gradient is taken with respect to.
    public enum LossArgument: Int, Sendable { case p = 1, y = 2 }

    /// The gradient of the categorical cross-entropy (rows of p against rows of y) with respect
    /// to p, −y/(m·p), or to y, −ln(p)/m, for m rows; of the unclipped formula, as the
    /// derivative rules are.
    public static func crossEntropyGradient(_ p: Matrix, _ y: Matrix, with respect: LossArgument) throws -> Matrix {
        try requireDistributions(p, y)
        let m = Double(p.rows)
        var g = p
        g.isLogical = false
        for i in g.data.indices {
            g.data[i] = respect == .p ? -y.data[i] / (m * p.data[i]) : -Double.log(p.data[i]) / m
        }
        return g
    }

    /// The gradient of the log loss with respect to p, (p − y)/(n·p·(1 − p)), or to y,
    /// −ln(p/(1 − p))/n, elementwise over n predictions; of the unclipped formula.
    public static func logLossGradient(_ p: [Double], _ y: [Double], with respect: LossArgument, what: String = "log_loss") throws -> [Double] {
        try requireBinary(p, y, what: what)
        let n = Double(p.count)
        return zip(p, y).map { pi, yi in
            respect == .p ? (pi - yi) / (n * pi * (1 - pi)) : (Double.log(1 - pi) - Double.log(pi)) / n
        }
    }

    /// p and y of the same shape, each row of p a probability distribution, y labels in [0, 1].
    private static func requireDistributions(_ p: Matrix, _ y: Matrix) throws {
        guard p.rows == y.rows, p.cols == y.cols else {
            throw OptimizationError("cross_entropy: p is \(p.shapeDescription) but y is \(y.shapeDescription); they must have the same shape",
                                    hint: "y holds one-hot labels: a 1 in the column of the true class, 0 elsewhere")
        }
        guard p.count > 0 else { throw OptimizationError("cross_entropy of no values is undefined") }
        try requireProbabilities(p.data, what: "cross_entropy")
        try requireLabels(y.data, what: "cross_entropy")
        try requireOrder(p.data, y.data, what: "cross_entropy")
        for i in 0..<p.rows {
            var sum = 0.0
            for k in 0..<p.cols { sum += p[i, k] }
            guard abs(sum - 1) <= 1e-6 else {
                let which = p.rows == 1 ? "p" : "row \(i + 1) of p"
                throw OptimizationError("cross_entropy: \(which) sums to \(shortText(sum)), not 1, so it is not a probability distribution over the classes",
                                        hint: "turn scores into probabilities with softmax first; for one probability per example use log_loss")
            }
        }
    }

    /// Predictions p and 0/1 labels y that pair up.
    private static func requireBinary(_ p: [Double], _ y: [Double], what: String) throws {
        try requireSameCount(p, y, what: what, names: ("p", "y"))
        guard !y.isEmpty else { throw OptimizationError("\(what) of no values is undefined") }
        try requireProbabilities(p, what: what)
        try requireLabels(y, what: what)
        try requireOrder(p, y, what: what)
    }

    @inline(__always) static func clip(_ p: Double) -> Double { min(max(p, probabilityFloor), 1 - probabilityFloor) }

    private static func requireSameCount(_ a: [Double], _ b: [Double], what: String, names: (String, String)) throws {
        guard a.count == b.count else {
            throw OptimizationError("\(what): \(names.0) has \(a.count) value\(a.count == 1 ? "" : "s") but \(names.1) has \(b.count); they must pair up")
        }
    }

    private static func requireProbabilities(_ p: [Double], what: String) throws {
        if let bad = p.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw OptimizationError("\(what): p must hold probabilities between 0 and 1, but it contains \(shortText(bad))",
                                    hint: "apply sigmoid (or softmax) to scores before taking the loss")
        }
    }

    /// Labels given first (scikit-learn's `log_loss(y_true, y_pred)` order) pass both range checks
    /// but give a wrong number: all-0/1 "probabilities" against fractional "labels" is that mistake.
    private static func requireOrder(_ p: [Double], _ y: [Double], what: String) throws {
        let pIsLabels = p.allSatisfy { $0 == 0 || $0 == 1 }
        guard pIsLabels, let soft = y.first(where: { $0 > 0 && $0 < 1 }) else { return }
        throw OptimizationError("\(what): the first argument holds only 0s and 1s and the second holds \(shortText(soft)); the arguments look swapped",
                                hint: "\(what)(p, y) takes the predicted probabilities first and the 0/1 labels second (scikit-learn's log_loss(y_true, y_pred) is the other order)")
    }

    private static func requireLabels(_ y: [Double], what: String) throws {
        if let bad = y.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw OptimizationError("\(what): the labels y must be 0 or 1 (or between them), but they contain \(shortText(bad))",
                                    hint: "encode the classes as 0 and 1")
        }
    }
}
