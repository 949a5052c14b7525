// The interpreter's random generator: NumPy's legacy RandomState stream (MT19937), bit for bit.
//
// Bit-exact with NumPy's `np.random.RandomState(seed)` / `np.random.seed(seed)` (legacy API):
//   rand / random_sample, randn / standard_normal, normal, uniform, randint (int64 ranges),
//   choice (with and without replacement, with and without p), shuffle, permutation,
//   standard_exponential, exponential, standard_gamma, gamma, beta, chisquare, standard_t, f,
//   binomial, poisson, geometric.
// NumPy's legacy stream is frozen, so these never drift. (Checked by committed fixtures.)
import Glibc

/// A seeded stream of random numbers. The interpreter owns one (it is not a global).
/// Not thread-safe: one stream per interpreter.
public final class RandomState {
    var mt = MersenneTwister()
    /// The cached second value of the polar Box–Muller pair (NumPy's `has_gauss`/`gauss`).
    var cachedGauss: Double?
    /// The seed last given (or picked), so `seed()` can report it.
    public private(set) var seedValue: UInt32

    /// A stream seeded like `np.random.RandomState(seed)`.
    public init(seed: UInt32) {
        seedValue = seed
        mt.seed(seed)
    }

    /// A stream with a freshly picked seed (read it back from `seedValue`).
    public convenience init() {
        var system = SystemRandomNumberGenerator()
        self.init(seed: UInt32.random(in: 0...UInt32.max, using: &system))
    }

    deinit { mt.deallocate() }

    /// Re-seeds like `np.random.seed(seed)`; also forgets the cached normal.
    public func seed(_ seed: UInt32) {
        seedValue = seed
        mt.seed(seed)
        cachedGauss = nil
    }

    /// Re-seeds from a seed given as a number; it must be an integer in 0…2³²−1, as in NumPy.
    public func seed(number value: Double) throws {
        guard value.isFinite, value == value.rounded(), value >= 0, value <= 4_294_967_295 else {
            throw ProbabilityError("a seed must be a whole number between 0 and 4294967295, but it is \(NumberFormat.short(value))")
        }
        seed(UInt32(value))
    }

    /// Re-seeds like `np.random.seed([k0, k1, …])` (MT19937 `init_by_array`).
    public func seed(array: [UInt32]) throws {
        guard !array.isEmpty else { throw ProbabilityError("a seed array must not be empty") }
        seedValue = array[0]
        mt.seed(array: array)
        cachedGauss = nil
    }

    /// A uniform double in [0, 1): `np.random.rand()` / `random_sample()`.
    @inline(__always) public func uniform() -> Double { mt.nextDouble() }

    /// `n` uniform doubles in [0, 1) (refused past the memory budget; stops when asked to).
    public func uniform(count n: Int) throws -> [Double] {
        guard n > 0 else { return [] }
        try LinAlgLimits.reserve(n)
        var local = mt  // shares the key buffer; a local copy keeps `pos` in a register
        defer { mt.pos = local.pos }
        return try Self.chunked(n) { buffer in
            for i in buffer.indices { buffer[i] = local.nextDouble() }
        }
    }

    /// `n` doubles written by `fill` into consecutive slices of `StopToken.chunk` elements
    /// with a stop check between slices.
    private static func chunked(_ n: Int, _ fill: (UnsafeMutableBufferPointer<Double>) -> Void) throws -> [Double] {
        var stopped: StopRequested?
        let out = [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
            var start = 0
            while start < n {
                let end = min(n, start + StopToken.chunk)
                fill(UnsafeMutableBufferPointer(rebasing: buffer[start..<end]))
                start = end
                if start < n {
                    if (StopToken.current?.isRequested ?? Interrupt.isRequested) { stopped = StopRequested(); break }
                }
            }
            initialized = stopped == nil ? n : 0
        }
        if let stopped { throw stopped }
        return out
    }

    /// A standard normal, NumPy's legacy polar Box–Muller with the cached second value.
    @inline(__always) public func normal() -> Double {
        if let g = cachedGauss {
            cachedGauss = nil
            return g
        }
        let (first, second) = Self.polarPair(&mt)
        cachedGauss = second
        return first
    }

    /// One polar Box–Muller pair in NumPy's order: the value returned first, then the one cached.
    @inline(__always) private static func polarPair(_ mt: inout MersenneTwister) -> (Double, Double) {
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * mt.nextDouble() - 1.0
            x2 = 2.0 * mt.nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        return (f * x2, f * x1)
    }

    /// `n` standard normals (`np.random.randn(n)`), generated in pairs without per-call overhead.
    public func normal(count n: Int) throws -> [Double] {
        guard n > 0 else { return [] }
        try LinAlgLimits.reserve(n)
        // The value carried into the next slot: the cached second value of an earlier pair,
        // then the second value of a pair cut by a slice's end (pairs run on across slices).
        var carry = cachedGauss
        cachedGauss = nil
        var local = mt
        defer { mt.pos = local.pos }
        let out = try Self.chunked(n) { slice in
            var from = 0
            if let g = carry {
                slice[0] = g
                carry = nil
                from = 1
            }
            carry = Self.fillNormals(&local, slice, from: from)
        }
        cachedGauss = carry
        return out
    }

    /// Fills buffer[from...] with polar Box–Muller pairs; returns the unused second value of the
    /// last pair, if any. A static function over an inout state keeps the twister in registers.
    private static func fillNormals(_ mt: inout MersenneTwister, _ buffer: UnsafeMutableBufferPointer<Double>, from start: Int) -> Double? {
        let n = buffer.count
        var i = start
        while i < n {
            let (first, second) = polarPair(&mt)
            buffer[i] = first
            if i + 1 < n { buffer[i + 1] = second } else { return second }
            i += 2
        }
        return nil
    }
}
