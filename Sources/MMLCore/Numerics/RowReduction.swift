// Reduced row echelon form by Gauss–Jordan elimination, recording each elementary row operation.
//
// This is the one place with a hand-written elimination loop: LAPACK has no RREF, and the
// steps a learner sees must be the textbook row operations, not a blocked factorisation.

/// An elementary row operation (rows are 0-based; text output shows them 1-based).
public enum RowOperation: Sendable, Equatable {
    /// Exchange two rows: Rᵢ ↔ Rⱼ.
    case swap(Int, Int)
    /// Multiply a row by a non-zero factor: Rᵢ ← c·Rᵢ.
    case scale(row: Int, by: Double)
    /// Add a multiple of one row to another: R_target ← R_target + c·R_source.
    case addMultiple(target: Int, source: Int, factor: Double)
}

/// One step of an elimination: the operation and the matrix right after it.
public struct RowStep: Sendable, Equatable {
    public var operation: RowOperation
    public var matrix: Matrix
}

/// How a pivot is chosen in each column.
public enum PivotRule: Sendable, Equatable {
    /// The largest |entry| at or below the current row (partial pivoting; numerically safest).
    case partial
    /// The first entry that is not (numerically) zero — what one does by hand.
    case firstNonzero
}

/// The reduced row echelon form of a matrix, with the operations that produced it.
public struct RREFResult: Sendable, Equatable {
    public var matrix: Matrix
    /// 0-based columns holding a leading 1.
    public var pivotColumns: [Int]
    /// The steps, when asked for (empty otherwise).
    public var steps: [RowStep]
    /// Entries at or below this magnitude were treated as zero.
    public var tolerance: Double

    /// The number of pivots (the rank by elimination).
    public var rank: Int { pivotColumns.count }
}

extension LinAlg {
    /// The largest matrix (elements) for which steps are recorded — beyond it the output is unreadable.
    public static let maxStepsElements = 144

    /// Gauss–Jordan elimination to reduced row echelon form, with partial pivoting by default.
    ///
    /// When every entry is a small rational (integers, 0.5, 1/3 …) the arithmetic is exact, so
    /// the result and every step hold exactly 1/3 rather than 0.33333333333333331. Otherwise (or
    /// if exact numbers grow too large) it runs in floating point, where entries at or below
    /// `tolerance` (default max(m, n)·eps·‖A‖∞, as MATLAB's rref) count as zero. With `steps`,
    /// every row operation is recorded with the matrix after it.
    public static func rref(_ a: Matrix, steps recordSteps: Bool = false, pivoting: PivotRule = .partial,
                            tolerance: Double? = nil) throws -> RREFResult {
        try a.requireFinite("rref")
        if recordSteps && a.count > maxStepsElements {
            throw LinAlgError("rref with steps shows matrices up to \(maxStepsElements) elements (this one is \(a.shapeDescription))",
                              hint: "call rref(A) without steps")
        }
        let normInf = try norm(a, .infinity)
        let scale = Double(Swift.max(a.rows, a.cols)) * eps
        // ‖A‖∞ overflows for entries near the largest Double; its bound n·max|aᵢⱼ|, multiplied
        // after the small factor, stays finite (an infinite tolerance would zero every entry).
        let tol = tolerance ?? (normInf.isFinite ? scale * normInf : scale * Double(a.cols) * a.maxAbs)
        let exact = a.data.compactMap { ExactFraction(exactly: $0) }
        if tolerance == nil, exact.count == a.data.count,
           let result = try? gaussJordan(exact, a.rows, a.cols, pivoting, 0, recordSteps) {
            return result
        }
        return try gaussJordan(a.data, a.rows, a.cols, pivoting, tol, recordSteps)
    }

    /// The elimination itself, over exact fractions or Doubles; `r` is column-major m×n.
    private static func gaussJordan<T: RowField>(_ start: [T], _ m: Int, _ n: Int, _ pivoting: PivotRule,
                                                 _ tol: Double, _ recordSteps: Bool) throws -> RREFResult {
        var r = start
        var pivots: [Int] = []
        var steps: [RowStep] = []
        func record(_ op: RowOperation) {
            if recordSteps { steps.append(RowStep(operation: op, matrix: Matrix(rows: m, cols: n, data: r.map(\.doubleValue)))) }
        }
        var row = 0
        for col in 0..<n where row < m {
            // Pivot: the largest magnitude (partial) or the first non-negligible entry.
            var p: Int?
            var best = tol
            for i in row..<m where !r[i + col * m].isNegligible(tol) {
                let v = r[i + col * m].fieldMagnitude
                if pivoting == .firstNonzero { p = i; break }
                if v > best || p == nil { p = i; best = v }
            }
            guard let p else {
                for i in row..<m { r[i + col * m] = .fieldZero }  // only rounding noise is left here
                continue
            }
            if p != row {
                for j in 0..<n { r.swapAt(row + j * m, p + j * m) }
                record(.swap(row, p))
            }
            let pivot = r[row + col * m]
            if pivot != .fieldOne {
                for j in 0..<n { r[row + j * m] = try r[row + j * m].dividing(by: pivot).cleaned(tol) }
                r[row + col * m] = .fieldOne
                record(.scale(row: row, by: try T.fieldOne.dividing(by: pivot).doubleValue))
            }
            try StopToken.check()  // one check per pivot column: O(m·n) work between checks
            for i in 0..<m where i != row {
                let f = r[i + col * m]
                if f.isNegligible(tol) { r[i + col * m] = .fieldZero; continue }
                for j in 0..<n {
                    r[i + j * m] = try r[i + j * m].plus(try f.times(r[row + j * m]).negated()).cleaned(tol)
                }
                r[i + col * m] = .fieldZero
                record(.addMultiple(target: i, source: row, factor: try f.negated().doubleValue))
            }
            pivots.append(col)
            row += 1
        }
        return RREFResult(matrix: Matrix(rows: m, cols: n, data: r.map(\.doubleValue)), pivotColumns: pivots,
                          steps: steps, tolerance: tol)
    }
}

/// What elimination needs from a number type: exact fractions or Doubles with a tolerance.
protocol RowField: Equatable {
    static var fieldZero: Self { get }
    static var fieldOne: Self { get }
    var doubleValue: Double { get }
    var fieldMagnitude: Double { get }
    /// Zero for exact numbers; at or below the tolerance for Doubles.
    func isNegligible(_ tol: Double) -> Bool
    /// The value, or exactly zero when it is negligible.
    func cleaned(_ tol: Double) -> Self
    func times(_ o: Self) throws -> Self
    func dividing(by o: Self) throws -> Self
    func plus(_ o: Self) throws -> Self
    func negated() throws -> Self
}

extension ExactFraction: RowField {
    static var fieldZero: ExactFraction { .zero }
    static var fieldOne: ExactFraction { .one }
    var fieldMagnitude: Double { magnitude }
    func isNegligible(_ tol: Double) -> Bool { isZero }
    func cleaned(_ tol: Double) -> ExactFraction { self }
}

extension Double: RowField {
    static var fieldZero: Double { 0 }
    static var fieldOne: Double { 1 }
    var doubleValue: Double { self }
    var fieldMagnitude: Double { abs(self) }
    func isNegligible(_ tol: Double) -> Bool { abs(self) <= tol }
    func cleaned(_ tol: Double) -> Double { abs(self) <= tol ? 0 : self }
    func times(_ o: Double) -> Double { self * o }
    func dividing(by o: Double) -> Double { self / o }
    func plus(_ o: Double) -> Double { self + o }
    func negated() -> Double { -self }
}

extension RowOperation {
    /// The operation in textbook notation, rows 1-based: "R1 ↔ R3", "R2 ← (1/3)·R2", "R3 ← R3 − 4·R1".
    public var text: String {
        switch self {
        case let .swap(i, j):
            return "R\(i + 1) ↔ R\(j + 1)"
        case let .scale(row, c):
            return "R\(row + 1) ← \(MatrixText.coefficient(c))·R\(row + 1)"
        case let .addMultiple(t, s, c):
            let sign = c < 0 ? "−" : "+"
            let mag = abs(c)
            let coef = mag == 1 ? "" : MatrixText.coefficient(mag) + "·"
            return "R\(t + 1) ← R\(t + 1) \(sign) \(coef)R\(s + 1)"
        }
    }

    /// A plain-words gloss: "swap rows 1 and 3", "scale row 2 by 1/3", "subtract 4 × row 1 from row 3".
    public var explanation: String {
        switch self {
        case let .swap(i, j):
            return "swap rows \(i + 1) and \(j + 1)"
        case let .scale(row, c):
            return "multiply row \(row + 1) by \(MatrixText.number(c)) to make its pivot 1"
        case let .addMultiple(t, s, c):
            let mag = MatrixText.number(abs(c))
            return c < 0 ? "subtract \(mag) × row \(s + 1) from row \(t + 1)"
                : "add \(mag) × row \(s + 1) to row \(t + 1)"
        }
    }
}

extension RREFResult {
    /// The steps as text: each operation with its gloss, then the matrix after it, aligned.
    /// `original` is printed first when given.
    public func stepsText(original: Matrix? = nil) -> String {
        var parts: [String] = []
        if let original { parts.append("Start:\n" + MatrixText.render(original)) }
        for (k, step) in steps.enumerated() {
            parts.append("Step \(k + 1): \(step.operation.text)   (\(step.operation.explanation))\n"
                            + MatrixText.render(step.matrix))
        }
        if steps.isEmpty { parts.append("Already in reduced row echelon form: no row operations needed.") }
        let cols = pivotColumns.map { String($0 + 1) }.joined(separator: ", ")
        parts.append("Pivot columns: \(cols.isEmpty ? "none" : cols) (rank \(rank))")
        return parts.joined(separator: "\n\n")
    }
}
