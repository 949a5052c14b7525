// Guards used by every linear-algebra routine: size limits, overflow-safe shapes, finiteness.

/// Limits that keep a typo such as `zeros(1e6, 1e6)` from exhausting memory.
public enum LinAlgLimits {
    /// The most elements one matrix may hold (2^28 Doubles = 2 GiB).
    public static let maxElements = 1 << 28

    /// `rows × cols`, or an error saying how much memory it would need when it is too large
    /// for one matrix or for what is left of the memory budget (`MemoryBudgetError`).
    public static func checkedCount(rows: Int, cols: Int) throws -> Int {
        guard rows >= 0, cols >= 0 else {
            throw LinAlgError("a matrix cannot have a negative size (\(rows)×\(cols))")
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: cols)
        guard !overflow, count <= maxElements else {
            throw LinAlgError.tooLarge(rows: rows, cols: cols, limit: maxElements)
        }
        // A matrix keeps its shape in 32 bits. Within the element limit only an empty matrix
        // (0×10¹⁰) can have a longer side: it is refused here rather than trapped.
        guard rows <= Int(Int32.max), cols <= Int(Int32.max) else {
            throw LinAlgError("a \(rows)×\(cols) matrix has too many \(rows > Int(Int32.max) ? "rows" : "columns"): a matrix has at most \(Int32.max) of each")
        }
        try reserve(count)
        return count
    }

    /// Refuses `count` more Doubles when they would pass the current memory budget.
    @inline(__always)
    public static func reserve(_ count: Int, stride: Int = MemoryLayout<Double>.stride) throws(MemoryBudgetError) {
        if count * stride >= StorageCharge.minimumBytes {
            try (MemoryBudget.current ?? .shared).reserve(count: count, stride: stride)
        }
    }
}

extension Matrix {
    /// A zero matrix, refusing sizes past `LinAlgLimits.maxElements`.
    public static func zeros(checkedRows rows: Int, cols: Int) throws -> Matrix {
        let count = try LinAlgLimits.checkedCount(rows: rows, cols: cols)
        return Matrix(rows: rows, cols: cols, data: [Double](repeating: 0, count: count))
    }

    /// A matrix whose elements `fill` writes into fresh zeroed storage (size checked first).
    static func filled(rows: Int, cols: Int,
                       _ fill: (UnsafeMutableBufferPointer<Double>) throws -> Void) throws -> Matrix {
        let count = try LinAlgLimits.checkedCount(rows: rows, cols: cols)
        var thrown: Error?
        let data = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            do { try fill(buffer) } catch { thrown = error }
            initialized = count
        }
        if let thrown { throw thrown }
        return Matrix(rows: rows, cols: cols, data: data)
    }

    /// The identity, refusing sizes past the limit.
    public static func identity(checked n: Int) throws -> Matrix {
        var m = try zeros(checkedRows: n, cols: n)
        for i in 0..<n { m.data[i + i * n] = 1 }
        return m
    }

    /// True when no element is NaN or ±Inf.
    public var isFiniteMatrix: Bool { data.allSatisfy { $0.isFinite } }

    /// True when every element is an integer (so exact results such as det are integers too).
    public var isIntegerValued: Bool { data.allSatisfy { $0.isFinite && $0 == $0.rounded() } }

    /// True for a row or column vector (including 1×1).
    public var isAnyVector: Bool { rows == 1 || cols == 1 }

    /// Largest absolute element (0 for an empty matrix).
    var maxAbs: Double { data.reduce(0) { Swift.max($0, abs($1)) } }

    func requireSquare(_ what: String, hint: String? = nil) throws {
        guard isSquare else { throw LinAlgError.notSquare(what, self, hint: hint) }
    }

    func requireFinite(_ what: String) throws {
        guard isFiniteMatrix else { throw LinAlgError.nonFinite(what) }
    }

    func requireNonEmpty(_ what: String) throws {
        guard !isEmpty else { throw LinAlgError.empty(what) }
    }

    /// The elements of a row or column vector, or an error naming the operation.
    func vectorElements(_ what: String) throws -> [Double] {
        guard isAnyVector else { throw LinAlgError.notVector(what, self) }
        return data
    }

    /// Columns `range` as a new matrix (a contiguous slice in column-major storage).
    func columns(_ range: Range<Int>) -> Matrix {
        Matrix(rows: rows, cols: range.count, data: Array(data[(range.lowerBound * rows)..<(range.upperBound * rows)]))
    }

    /// The top-left `r × c` block.
    func block(rows r: Int, cols c: Int) -> Matrix {
        var out = [Double](repeating: 0, count: r * c)
        for j in 0..<c {
            for i in 0..<r { out[i + j * r] = data[i + j * rows] }
        }
        return Matrix(rows: r, cols: c, data: out)
    }

    /// `[self other]`: the columns of `other` appended (rows must agree).
    func appendingColumns(_ other: Matrix) throws -> Matrix {
        _ = try LinAlgLimits.checkedCount(rows: rows, cols: cols + other.cols)
        return Matrix(rows: rows, cols: cols + other.cols, data: data + other.data)
    }
}

/// Rounds values that lie within a few ulps of an integer, measured against `scale`
/// (so 1e-16 next to entries of size 1 becomes 0). Used only when every input was an integer.
func snapNearIntegers(_ x: Double, scale: Double, ulps: Double = 8) -> Double {
    let r = x.rounded()
    let tol = ulps * Double.ulpOfOne * Swift.max(abs(x), scale)
    return abs(x - r) <= tol ? r + 0 : x  // + 0 turns -0 into 0
}
