// Plain-text rendering of numbers and small matrices for step-by-step output (not the REPL printer).

/// How step-by-step output writes numbers and matrices.
public enum MatrixText {
    /// A number as a learner writes it: an exact small fraction ("1/3", "-5/2", "4") when it is
    /// one, otherwise up to 6 significant digits ("0.333333", "1.5e-8", "nan").
    public static func number(_ x: Double, maxDenominator: Int = 10_000) -> String {
        if x == 0 { return "0" }
        if let r = Rational.approximating(x, maxDenominator: maxDenominator) { return r.description }
        return NumberFormat.short(x)
    }


    /// A coefficient in a formula: "1/3" becomes "(1/3)" so "(1/3)·R1" reads unambiguously.
    public static func coefficient(_ x: Double) -> String {
        let s = number(x)
        return s.contains("/") || s.contains("e") ? "(\(s))" : s
    }

    /// The matrix with right-aligned columns, one bracketed row per line, each line
    /// prefixed by `indent` spaces.
    public static func render(_ m: Matrix, indent: Int = 4,
                              format: (Double) -> String = { number($0) }) -> String {
        if m.rows == 0 || m.cols == 0 { return String(repeating: " ", count: indent) + "[ ] (\(m.shapeDescription))" }
        let cells = (0..<m.rows).map { i in (0..<m.cols).map { j in format(m[i, j]) } }
        let widths = (0..<m.cols).map { j in cells.map { $0[j].count }.max() ?? 0 }
        let pad = String(repeating: " ", count: indent)
        return cells.map { row in
            let body = row.enumerated().map { j, s in
                String(repeating: " ", count: widths[j] - s.count) + s
            }.joined(separator: "  ")
            return pad + "[ " + body + " ]"
        }.joined(separator: "\n")
    }
}
