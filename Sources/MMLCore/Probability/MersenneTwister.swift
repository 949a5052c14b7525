// MT19937, seeded exactly as NumPy's legacy RandomState seeds it (init_genrand / init_by_array).

/// The 624-word Mersenne Twister state and its raw 32-bit output. Storage is a manually
/// managed buffer so the hot loop has no bounds or exclusivity checks; the owner
/// (`RandomState`) is a final class that frees it.
struct MersenneTwister {
    static let n = 624
    static let m = 397
    let key: UnsafeMutablePointer<UInt32>
    var pos: Int

    init() {
        key = .allocate(capacity: Self.n)
        key.initialize(repeating: 0, count: Self.n)
        pos = Self.n
    }

    func deallocate() { key.deallocate() }

    /// Knuth's initialisation (`init_genrand`), what NumPy uses for an integer seed.
    mutating func seed(_ s: UInt32) {
        var x = s
        for i in 0..<Self.n {
            key[i] = x
            x = 1_812_433_253 &* (x ^ (x >> 30)) &+ UInt32(i + 1)
        }
        pos = Self.n
    }

    /// `init_by_array`, what NumPy uses for an array seed.
    mutating func seed(array: [UInt32]) {
        seed(19_650_218)
        let keyLength = max(array.count, 1)
        var i = 1, j = 0
        for _ in 0..<max(Self.n, keyLength) {
            let prev = key[i - 1] ^ (key[i - 1] >> 30)
            key[i] = (key[i] ^ (prev &* 1_664_525)) &+ (array.isEmpty ? 0 : array[j]) &+ UInt32(j)
            i += 1; j += 1
            if i >= Self.n { key[0] = key[Self.n - 1]; i = 1 }
            if j >= keyLength { j = 0 }
        }
        for _ in 0..<(Self.n - 1) {
            let prev = key[i - 1] ^ (key[i - 1] >> 30)
            key[i] = (key[i] ^ (prev &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n { key[0] = key[Self.n - 1]; i = 1 }
        }
        key[0] = 0x8000_0000
        pos = Self.n
    }

    /// Regenerates all 624 words (the "twist"); kept out of line so the hot path stays small.
    @inline(never) private func reload() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7fff_ffff, matrixA: UInt32 = 0x9908_b0df
        var i = 0
        while i < Self.n - Self.m {
            let y = (key[i] & upper) | (key[i + 1] & lower)
            key[i] = key[i + Self.m] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrixA)
            i += 1
        }
        while i < Self.n - 1 {
            let y = (key[i] & upper) | (key[i + 1] & lower)
            key[i] = key[i + Self.m - Self.n] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrixA)
            i += 1
        }
        let y = (key[Self.n - 1] & upper) | (key[0] & lower)
        key[Self.n - 1] = key[Self.m - 1] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrixA)
    }

    /// The next tempered 32-bit output.
    @inline(__always) mutating func next32() -> UInt32 {
        if pos == Self.n {
            reload()
            pos = 0
        }
        var y = key[pos]
        pos += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// Two outputs joined high word first, as NumPy's `next_uint64` for MT19937.
    @inline(__always) mutating func next64() -> UInt64 {
        let hi = UInt64(next32())
        return (hi << 32) | UInt64(next32())
    }

    /// A double in [0, 1) with 53 random bits: (a >> 5, b >> 6), NumPy's legacy formula.
    @inline(__always) mutating func nextDouble() -> Double {
        let a = next32() >> 5, b = next32() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) / 9_007_199_254_740_992.0
    }
}
