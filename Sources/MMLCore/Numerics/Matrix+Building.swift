// Making matrices whose size a program chooses: refused past the per-matrix limit and the
// memory budget before memory is touched, and filled in chunks with a stop check between
// chunks, so Ctrl-C and --timeout reach into element-wise work on huge arrays.

extension Matrix {
    /// A `rows × cols` matrix whose storage `fill(range, buffer)` writes one chunk of
    /// `StopToken.chunk` elements at a time (column-major indices); throws the size errors
    /// of `LinAlgLimits.checkedCount`, `StopRequested`, or what `fill` throws.
    static func chunked(rows: Int, cols: Int, logical: Bool = false,
                        _ fill: (Range<Int>, UnsafeMutableBufferPointer<Double>) throws -> Void) throws -> Matrix {
        let count = try LinAlgLimits.checkedCount(rows: rows, cols: cols)
        if count <= smallCount {
            // One chunk, no stop check: a short vector made in a learner's loop.
            var data = zeroStorage(count)
            try data.withUnsafeMutableBufferPointer { try fill(0..<count, $0) }
            return Matrix(rows: rows, cols: cols, data: data, isLogical: logical)
        }
        var thrown: Error?
        let data = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            var start = 0
            do {
                while start < count {
                    let end = Swift.min(count, start + StopToken.chunk)
                    try fill(start..<end, buffer)
                    start = end
                    if start < count { try StopToken.check() }
                }
            } catch {
                thrown = error
            }
            initialized = thrown == nil ? count : 0  // Doubles need no deinitialization
        }
        if let thrown { throw thrown }
        return Matrix(rows: rows, cols: cols, data: data, isLogical: logical)
    }

    /// Up to this many elements, `chunked` fills the storage in one go.
    static let smallCount = 16

    /// `count` zeros as a new array. A short one is made through `reserveCapacity`: on Linux
    /// `init(unsafeUninitializedCapacity:)` and `init(repeating:count:)` ask the runtime for
    /// the array's storage type at every call (a locked hash lookup of about 600
    /// instructions, more than the rest of making a short vector), while this path's lookup
    /// is specialized and cached once per program.
    @inline(__always)
    static func zeroStorage(_ count: Int) -> [Double] {
        guard count <= smallCount else { return [Double](repeating: 0, count: count) }
        var data: [Double] = []
        data.reserveCapacity(count)
        for _ in 0..<count { data.append(0) }
        return data
    }

    /// The transpose, made in chunks with a stop check between them (see `chunked`): for
    /// the `'` operator and `transpose`, where the matrix is the program's and may be huge.
    func transposedStoppably() throws -> Matrix {
        if rows == 1 || cols == 1 { return reshaped(rows: cols, cols: rows) }
        return try storage.withUnsafeBufferPointer { source in
            // Element k of the result (cols × rows) is source[i, j] with j = k % cols, i = k / cols.
            try Matrix.chunked(rows: cols, cols: rows, logical: isLogical) { range, out in
                for k in range { out[k] = source[k / cols + (k % cols) * rows] }
            }
        }
    }

    /// A matrix of the same shape with `f` applied to every element (see `chunked`).
    func mapped(logical: Bool = false, _ f: (Double) throws -> Double) throws -> Matrix {
        try storage.withUnsafeBufferPointer { x in
            try Matrix.chunked(rows: rows, cols: cols, logical: logical) { range, out in
                for i in range { out[i] = try f(x[i]) }
            }
        }
    }

    /// A column of `count` elements `element(k)`, k = 0, 1, … (see `chunked`).
    static func generated(count: Int, _ element: (Int) throws -> Double) throws -> Matrix {
        try chunked(rows: count, cols: 1) { range, out in
            for k in range { out[k] = try element(k) }
        }
    }
}

extension Matrix {
    /// The elements of `parts` one after another as a `rows × cols` matrix (side by side in
    /// column-major order), size checked first: hcat and `[A, B]`.
    static func concatenated(_ parts: [Matrix], rows: Int, cols: Int) throws -> Matrix {
        let count = try LinAlgLimits.checkedCount(rows: rows, cols: cols)
        var data: [Double] = []
        data.reserveCapacity(count)
        for p in parts { data += p.storage }
        return Matrix(rows: rows, cols: cols, data: data)
    }
}

extension RangeValue {
    /// The range's elements as a column, refused when they would pass the memory budget.
    func checkedMatrix() throws -> Matrix {
        try Matrix.generated(count: count) { element($0) }
    }
}
