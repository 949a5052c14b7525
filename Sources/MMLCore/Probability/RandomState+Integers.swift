// Integer draws in NumPy's legacy order: randint (masked rejection), random_interval, shuffle, choice.

extension RandomState {
    /// Smallest all-ones bit mask covering `max` (NumPy's `gen_mask`).
    @inline(__always) static func mask(covering max: UInt64) -> UInt64 {
        var m = max
        m |= m >> 1; m |= m >> 2; m |= m >> 4; m |= m >> 8; m |= m >> 16; m |= m >> 32
        return m
    }

    /// One integer in [0, rng] by masked rejection, as `random_bounded_uint64_fill` with
    /// `use_masked=True` does (32-bit draws when the range fits in 32 bits).
    @inline(__always) func boundedMasked(_ rng: UInt64) -> UInt64 {
        if rng == 0 { return 0 }
        if rng <= 0xFFFF_FFFF {
            if rng == 0xFFFF_FFFF { return UInt64(mt.next32()) }
            let mask = UInt32(truncatingIfNeeded: Self.mask(covering: rng)), r32 = UInt32(rng)
            while true {
                let v = mt.next32() & mask
                if v <= r32 { return UInt64(v) }
            }
        }
        if rng == UInt64.max { return mt.next64() }
        let mask = Self.mask(covering: rng)
        while true {
            let v = mt.next64() & mask
            if v <= rng { return v }
        }
    }

    /// `np.random.randint(low, high)`: an integer in [low, high) (high exclusive, as NumPy).
    public func randint(_ low: Int64, _ high: Int64) throws -> Int64 {
        try randint(low, high, count: 1)[0]
    }

    /// `np.random.randint(low, high, size=n)` for the default int64 dtype.
    public func randint(_ low: Int64, _ high: Int64, count n: Int) throws -> [Int64] {
        guard low < high else {
            throw ProbabilityError("randint needs low < high, but got low = \(low), high = \(high)",
                                   hint: "the upper bound is excluded: randint(1, 7) rolls a die")
        }
        guard n >= 0 else { throw ProbabilityError("the number of draws must not be negative, but it is \(n)") }
        let rng = UInt64(bitPattern: high &- 1 &- low)
        let off = UInt64(bitPattern: low)
        try LinAlgLimits.reserve(n)
        var poll = StopPoll()
        return try (0..<n).map { _ in
            try poll.advance()
            return Int64(bitPattern: off &+ boundedMasked(rng))
        }
    }

    /// NumPy's `random_interval(max)`: an integer in [0, max], used by shuffle.
    @inline(__always) func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        let mask = Self.mask(covering: max)
        if max <= 0xFFFF_FFFF {
            while true {
                let v = UInt64(mt.next32()) & mask
                if v <= max { return v }
            }
        }
        while true {
            let v = mt.next64() & mask
            if v <= max { return v }
        }
    }

    /// Shuffles in place like `np.random.shuffle` on a 1-D array (Fisher–Yates from the end).
    public func shuffle<T>(_ x: inout [T]) throws {
        guard x.count > 1 else { return }
        for i in stride(from: x.count - 1, through: 1, by: -1) {
            try StopToken.check(at: i)
            let j = Int(interval(UInt64(i)))
            x.swapAt(i, j)
        }
    }

    /// `np.random.permutation(n)`: 0..<n in random order (0-based).
    public func permutation(_ n: Int) throws -> [Int] {
        guard n >= 0 else { throw ProbabilityError("permutation needs a non-negative size, but got \(n)") }
        try LinAlgLimits.reserve(n)
        var a = Array(0..<n)
        try shuffle(&a)
        return a
    }

    /// `np.random.choice(populationSize, size=n, replace=, p=)`: 0-based indices into the
    /// population, drawn exactly as the legacy `RandomState.choice` draws them.
    public func choice(populationSize: Int, count n: Int, replace: Bool = true, p: [Double]? = nil) throws -> [Int] {
        guard populationSize > 0 else {
            throw ProbabilityError("choice needs a non-empty population to draw from")
        }
        guard n >= 0 else { throw ProbabilityError("the number of draws must not be negative, but it is \(n)") }
        var probs: [Double]? = nil
        if let p {
            guard p.count == populationSize else {
                throw ProbabilityError("choice: p has \(p.count) probabilities but the population has \(populationSize) items",
                                       hint: "give one probability per item")
            }
            guard p.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw ProbabilityError("choice: probabilities in p must be finite and non-negative")
            }
            // NumPy's tolerance: sqrt(machine epsilon) on the sum.
            let total = p.reduce(0, +)
            guard abs(total - 1) <= 1.4901161193847656e-08 else {
                throw ProbabilityError("choice: probabilities in p must sum to 1, but they sum to \(NumberFormat.short(total, digits: 10))",
                                       hint: "divide by the total: p ./ sum(p)")
            }
            probs = p
        }
        if replace {
            if let probs {
                let cdf = Self.normalisedCDF(probs)
                return (0..<n).map { _ in Self.searchRight(cdf, mt.nextDouble()) }
            }
            return try randint(0, Int64(populationSize), count: n).map { Int($0) }
        }
        guard n <= populationSize else {
            throw ProbabilityError("choice without replacement cannot draw \(n) items from a population of \(populationSize)",
                                   hint: "use replace=true, or draw at most \(populationSize)")
        }
        guard var probs else { return Array(try permutation(populationSize).prefix(n)) }
        guard probs.count(where: { $0 > 0 }) >= n else {
            throw ProbabilityError("choice without replacement: fewer items with non-zero probability than draws requested")
        }
        // NumPy's loop: draw uniforms for the missing items, keep the new distinct indices in
        // order of first appearance, zero out what was found, repeat.
        var found: [Int] = []
        while found.count < n {
            let xs = try uniform(count: n - found.count)
            for k in found { probs[k] = 0 }
            let cdf = Self.normalisedCDF(probs)
            var seen = Set<Int>()
            for x in xs {
                let idx = Self.searchRight(cdf, x)
                if seen.insert(idx).inserted { found.append(idx) }
            }
        }
        return found
    }

    /// Cumulative sum divided by its last element, as NumPy does before `searchsorted`.
    static func normalisedCDF(_ p: [Double]) -> [Double] {
        var cdf = p
        for i in 1..<max(cdf.count, 1) { cdf[i] += cdf[i - 1] }
        if let last = cdf.last, last > 0 { for i in cdf.indices { cdf[i] /= last } }
        return cdf
    }

    /// `searchsorted(side="right")`: the number of elements ≤ x.
    static func searchRight(_ sorted: [Double], _ x: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
