// "Did you mean …?": the nearest known name to a misspelt one.

enum Suggestions {
    /// The closest candidate within a small edit distance, if any.
    static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        let limit = max(1, min(3, target.count / 3 + 1))
        // Among equally near names, prefer one that starts like the typed name (`sqr` →
        // `sqrt`, not `iqr`), then the alphabetically first, so the answer is stable.
        func rank(_ candidate: String, _ d: Int) -> (Int, Int, String) {
            let sharedStart = candidate.lowercased().hasPrefix(String(target.prefix(2))) ? 0 : 1
            return (d, sharedStart, candidate)
        }
        var best: (Int, Int, String)?
        for candidate in candidates where candidate != name {
            let c = Array(candidate.lowercased())
            if abs(c.count - target.count) > limit { continue }
            let d = distance(target, c)
            guard d <= limit else { continue }
            let r = rank(candidate, d)
            if best == nil || r < best! { best = r }
        }
        return best?.2
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
