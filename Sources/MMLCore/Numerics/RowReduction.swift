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

    /// Gauss–Jordan elimination to reduced row echelon form. Entries at or below `tolerance`
    /// (default max(m, n)·eps·‖A‖∞, as MATLAB's rref) count as zero and are set to exactly 0;
    /// pivots are set to exactly 1. With `steps`, every row operation is recorded.
    public static func rref(_ a: Matrix, steps recordSteps: Bool = false, pivoting: PivotRule = .partial,
                            tolerance: Double? = nil) throws -> RREFResult {
        try a.requireFinite("rref")
        if recordSteps && a.count > maxStepsElements {
            throw LinAlgError("rref with steps shows matrices up to \(maxStepsElements) elements (this one is \(a.shapeDescription))",
                              hint: "call rref(A) without steps")
        }
        let (m, n) = (a.rows, a.cols)
        let normInf = try norm(a, .infinity)
        let tol = tolerance ?? Double(Swift.max(m, n)) * eps * normInf
        var r = a
        var pivots: [Int] = []
        var steps: [RowStep] = []
        func record(_ op: RowOperation) { if recordSteps { steps.append(RowStep(operation: op, matrix: r)) } }

        var row = 0
        for col in 0..<n where row < m {
            guard let p = pivotRow(r, column: col, from: row, rule: pivoting, tolerance: tol) else {
                for i in row..<m { r[i, col] = 0 }  // only rounding noise is left in this column
                continue
            }
            if p != row {
                for j in 0..<n { (r[row, j], r[p, j]) = (r[p, j], r[row, j]) }
                record(.swap(row, p))
            }
            let pivot = r[row, col]
            if pivot != 1 {
                for j in 0..<n { r[row, j] /= pivot }
                r[row, col] = 1
                cleanRow(&r, row, tol)
                record(.scale(row: row, by: 1 / pivot))
            }
            for i in 0..<m where i != row {
                let f = r[i, col]
                if f == 0 { continue }
                if abs(f) <= tol { r[i, col] = 0; continue }  // noise, not a real entry
                for j in 0..<n { r[i, j] -= f * r[row, j] }
                r[i, col] = 0
                cleanRow(&r, i, tol)
                record(.addMultiple(target: i, source: row, factor: -f))
            }
            pivots.append(col)
            row += 1
        }
        return RREFResult(matrix: r, pivotColumns: pivots, steps: steps, tolerance: tol)
    }

    private static func pivotRow(_ r: Matrix, column: Int, from row: Int, rule: PivotRule, tolerance: Double) -> Int? {
        var best: Int?
        var bestValue = tolerance
        for i in row..<r.rows {
            let v = abs(r[i, column])
            guard v > tolerance else { continue }
            if rule == .firstNonzero { return i }
            if v > bestValue { best = i; bestValue = v }
        }
        return best
    }

    /// Sets entries of row `i` at or below the tolerance to exactly zero.
    private static func cleanRow(_ r: inout Matrix, _ i: Int, _ tol: Double) {
        for j in 0..<r.cols where abs(r[i, j]) <= tol { r[i, j] = 0 }
    }
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
