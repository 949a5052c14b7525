// A short unified diff of two texts, line by line, for `mml test` to show what changed.

public enum LineDiff {
    /// Lines prefixed `-` (only in expected), `+` (only in actual) and ` ` (context), in
    /// hunks with `context` unchanged lines around each change; at most `limit` lines.
    public static func unified(expected: String, actual: String, context: Int = 2, limit: Int = 40) -> String {
        let a = lines(expected), b = lines(actual)
        let ops = edits(a, b)
        guard ops.contains(where: { $0.kind != " " }) else { return "" }
        // Keep changes and the context lines around them.
        var keep = [Bool](repeating: false, count: ops.count)
        for (i, op) in ops.enumerated() where op.kind != " " {
            for j in max(0, i - context)...min(ops.count - 1, i + context) { keep[j] = true }
        }
        var out: [String] = []
        var skipped = false
        for (i, op) in ops.enumerated() {
            if keep[i] {
                if skipped { out.append("  …") }
                skipped = false
                out.append("\(op.kind) \(op.text)")
            } else {
                skipped = true
            }
        }
        if skipped { out.append("  …") }
        if out.count > limit { out = Array(out.prefix(limit)) + ["  … (\(out.count - limit) more diff lines)"] }
        return out.joined(separator: "\n")
    }

    private static func lines(_ text: String) -> [String] {
        var l = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if l.last == "" { l.removeLast() }
        return l
    }

    /// The edit script from a longest-common-subsequence table. Outputs are small, so the
    /// quadratic table is fine; very long texts fall back to a plain line-by-line comparison.
    private static func edits(_ a: [String], _ b: [String]) -> [(kind: Character, text: String)] {
        guard a.count * b.count <= 4_000_000 else {
            var out: [(Character, String)] = []
            for i in 0..<max(a.count, b.count) {
                let x = i < a.count ? a[i] : nil, y = i < b.count ? b[i] : nil
                if x == y { out.append((" ", x!)) } else {
                    if let x { out.append(("-", x)) }
                    if let y { out.append(("+", y)) }
                }
            }
            return out
        }
        let n = a.count, m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [(Character, String)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                out.append((" ", a[i])); i += 1; j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                out.append(("-", a[i])); i += 1
            } else {
                out.append(("+", b[j])); j += 1
            }
        }
        return out
    }
}
