// det(A, steps=true): cofactor expansion (up to 4×4) or elimination to triangular form.

/// One term aᵢⱼ·Cᵢⱼ of a cofactor expansion.
public struct CofactorTerm: Sendable, Equatable {
    /// 0-based position of the entry expanded on.
    public var row: Int
    public var column: Int
    /// The entry aᵢⱼ.
    public var entry: Double
    /// (−1)^(i+j).
    public var sign: Double
    /// The minor matrix (A without row i and column j).
    public var minor: Matrix
    /// det(minor); nil when the entry is 0 (the term vanishes, so the minor is not expanded).
    public var minorDeterminant: Double?
    /// The expansion of the minor itself (for minors larger than 2×2).
    public var minorExpansion: CofactorExpansion?
}

/// det(A) = Σⱼ aᵢⱼ·(−1)^(i+j)·det(Mᵢⱼ) along one row (the row with the most zeros).
public struct CofactorExpansion: Sendable, Equatable {
    public var matrix: Matrix
    /// 0-based row expanded along.
    public var row: Int
    public var terms: [CofactorTerm]
    public var determinant: Double
}

/// How `determinantSteps` shows its work.
public enum DeterminantMethod: Sendable, Equatable {
    /// Cofactor expansion for n ≤ 3, elimination for larger matrices.
    case automatic
    case cofactor
    case elimination
}

/// A determinant with the work that produced it.
public enum DeterminantSteps: Sendable, Equatable {
    case cofactor(CofactorExpansion)
    /// Row operations (swaps flip the sign, adding multiples changes nothing) down to an upper
    /// triangular matrix whose diagonal product, times (−1)^swaps, is the determinant.
    case elimination(steps: [RowStep], swaps: Int, upper: Matrix, determinant: Double)

    public var determinant: Double {
        switch self {
        case .cofactor(let e): return e.determinant
        case .elimination(_, _, _, let d): return d
        }
    }
}

extension LinAlg {
    /// The largest size for which `determinantSteps` expands cofactors.
    public static let maxCofactorSize = 4
    /// The largest size for which `determinantSteps` shows elimination.
    public static let maxDeterminantStepsSize = 8

    /// det(A) with its working. The value agrees with `det(A)` (LU), including the rounding of
    /// integer matrices.
    public static func determinantSteps(_ a: Matrix, method: DeterminantMethod = .automatic) throws -> DeterminantSteps {
        try a.requireSquare("det")
        try a.requireFinite("det")
        try a.requireNonEmpty("det with steps")
        let n = a.rows
        let useCofactor = method == .cofactor || (method == .automatic && n <= 3)
        if useCofactor {
            guard n <= maxCofactorSize else {
                throw LinAlgError("cofactor expansion is shown for matrices up to \(maxCofactorSize)×\(maxCofactorSize) (this one is \(a.shapeDescription))",
                                  hint: "use elimination steps, or det(A) without steps")
            }
            return .cofactor(try cofactorExpansion(a))
        }
        guard n <= maxDeterminantStepsSize else {
            throw LinAlgError("determinant steps are shown for matrices up to \(maxDeterminantStepsSize)×\(maxDeterminantStepsSize) (this one is \(a.shapeDescription))",
                              hint: "call det(A) without steps")
        }
        return try eliminationSteps(a)
    }

    static func cofactorExpansion(_ a: Matrix) throws -> CofactorExpansion {
        let n = a.rows
        // Expand along the row with the most zeros: fewer minors to work out.
        let zeros = (0..<n).map { i in (0..<n).filter { a[i, $0] == 0 }.count }
        let row = zeros.firstIndex(of: zeros.max() ?? 0) ?? 0
        var terms: [CofactorTerm] = []
        for j in 0..<n where n > 1 {
            let minor = minorMatrix(a, removing: row, j)
            let entry = a[row, j]
            let sign: Double = (row + j) % 2 == 0 ? 1 : -1
            var sub: CofactorExpansion?
            var minorDet: Double?
            if entry != 0 {
                if minor.rows > 2 { sub = try cofactorExpansion(minor) }
                minorDet = try sub?.determinant ?? det(minor)
            }
            terms.append(CofactorTerm(row: row, column: j, entry: entry, sign: sign, minor: minor,
                                      minorDeterminant: minorDet, minorExpansion: sub))
        }
        return CofactorExpansion(matrix: a, row: row, terms: terms, determinant: try det(a))
    }

    private static func minorMatrix(_ a: Matrix, removing row: Int, _ col: Int) -> Matrix {
        let n = a.rows
        var data: [Double] = []
        data.reserveCapacity((n - 1) * (n - 1))
        for j in 0..<n where j != col {
            for i in 0..<n where i != row { data.append(a[i, j]) }
        }
        return Matrix(rows: n - 1, cols: n - 1, data: data)
    }

    static func eliminationSteps(_ a: Matrix) throws -> DeterminantSteps {
        let n = a.rows
        let normInf = try norm(a, .infinity)
        let tol = Double(n) * eps * normInf
        var u = a
        var steps: [RowStep] = []
        var swaps = 0
        for col in 0..<n {
            var p = col
            for i in col..<n where abs(u[i, col]) > abs(u[p, col]) { p = i }
            if abs(u[p, col]) <= tol { continue }  // no pivot: the determinant is 0
            if p != col {
                for j in 0..<n { (u[col, j], u[p, j]) = (u[p, j], u[col, j]) }
                swaps += 1
                steps.append(RowStep(operation: .swap(col, p), matrix: u))
            }
            for i in (col + 1)..<Swift.max(col + 1, n) {
                let f = u[i, col] / u[col, col]
                if f == 0 { continue }
                for j in col..<n { u[i, j] -= f * u[col, j] }
                u[i, col] = 0
                for j in 0..<n where abs(u[i, j]) <= tol { u[i, j] = 0 }
                steps.append(RowStep(operation: .addMultiple(target: i, source: col, factor: -f), matrix: u))
            }
        }
        return .elimination(steps: steps, swaps: swaps, upper: u, determinant: try det(a))
    }
}

extension DeterminantSteps {
    /// The working as text, with exact fractions where the numbers are small rationals; `name`
    /// is how the matrix was written (`det(B)`, `det([1, 2; 3, 4])`).
    public func text(name: String = "A") -> String {
        switch self {
        case .cofactor(let e):
            return Self.cofactorLines(e, name: name, depth: 0).joined(separator: "\n")
        case let .elimination(steps, swaps, upper, d):
            var parts = ["Eliminate below each pivot (adding multiples of rows leaves det unchanged; each swap flips its sign):"]
            for (k, s) in steps.enumerated() {
                parts.append("Step \(k + 1): \(s.operation.text)   (\(s.operation.explanation))\n" + MatrixText.render(s.matrix))
            }
            let diag = (0..<upper.rows).map { MatrixText.number(upper[$0, $0]) }
            let product = diag.map { $0.hasPrefix("-") ? "(\($0))" : $0 }.joined(separator: " · ")
            let signText = swaps == 0 ? "" : "(−1)^\(swaps) · "
            parts.append("det(\(name)) = \(signText)\(product) = \(MatrixText.number(d))")
            return parts.joined(separator: "\n\n")
        }
    }

    private static func cofactorLines(_ e: CofactorExpansion, name: String, depth: Int) -> [String] {
        let pad = String(repeating: "    ", count: depth)
        let n = e.matrix.rows
        if n == 1 { return ["\(pad)det(\(name)) = \(MatrixText.number(e.determinant))"] }
        if n == 2 {
            let m = e.matrix
            return ["\(pad)det(\(name)) = " + twoByTwo(m) + " = " + MatrixText.number(e.determinant)]
        }
        var lines = ["\(pad)det(\(name)) by cofactor expansion along row \(e.row + 1):"]
        var symbolic: [String] = [], numeric: [String] = []
        for (k, t) in e.terms.enumerated() {
            let minorName = (depth == 0 ? "" : name + ".") + "M\(t.row + 1)\(t.column + 1)"
            let signed = t.sign * t.entry
            let op = k == 0 ? (signed < 0 ? "−" : "") : (signed < 0 ? " − " : " + ")
            symbolic.append("\(op)\(MatrixText.coefficient(abs(t.entry)))·det(\(minorName))")
            let md = t.minorDeterminant.map { MatrixText.number($0) } ?? "…"
            numeric.append("\(op)\(MatrixText.coefficient(abs(t.entry)))·\(md.hasPrefix("-") ? "(\(md))" : md)")
        }
        lines.append("\(pad)  = " + symbolic.joined())
        for t in e.terms where t.minorDeterminant != nil {
            let minorName = (depth == 0 ? "" : name + ".") + "M\(t.row + 1)\(t.column + 1)"
            lines.append("\(pad)  \(minorName) =")
            lines.append(MatrixText.render(t.minor, indent: pad.count + 4))
            if let sub = t.minorExpansion {
                lines += cofactorLines(sub, name: minorName, depth: depth + 1)
            } else {
                lines.append("\(pad)  det(\(minorName)) = \(twoByTwo(t.minor)) = "
                                + MatrixText.number(t.minorDeterminant ?? 0))
            }
        }
        let zeroNote = e.terms.contains { $0.minorDeterminant == nil } ? "   (terms with a 0 entry vanish)" : ""
        lines.append("\(pad)det(\(name)) = " + numeric.joined() + " = " + MatrixText.number(e.determinant) + zeroNote)
        return lines
    }

    /// "a·d − b·c" for a 2×2 matrix [a b; c d].
    private static func twoByTwo(_ m: Matrix) -> String {
        "\(paren(m[0, 0]))·\(paren(m[1, 1])) − \(paren(m[0, 1]))·\(paren(m[1, 0]))"
    }

    private static func paren(_ x: Double) -> String {
        let s = MatrixText.number(x)
        return s.hasPrefix("-") || s.contains("/") ? "(\(s))" : s
    }
}
