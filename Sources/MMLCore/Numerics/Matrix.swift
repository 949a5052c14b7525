// Dense real matrices: column-major, contiguous Double storage, as BLAS and LAPACK want it.

/// A dense `rows × cols` matrix of Doubles stored column-major. A vector is an `n × 1`
/// matrix. Storage is a Swift array, so copies share it until one of them is written
/// (copy-on-write); a uniquely owned matrix is mutated in place.
///
/// The storage is charged to the memory budget (`MemoryBudget`) by a `StorageCharge` that
/// travels with it: copies share both, and a write through `data` to storage shared with
/// another matrix (which makes the array copy itself) takes a charge of its own.
public struct Matrix: Sendable {
    // The shape is kept in 32 bits so that a Matrix, with its charge, is no larger than it
    // was without one: `Value` holds matrices inline, and a larger payload makes copying
    // every value (numbers included) slower. 2³¹ − 1 rows is far past the memory budget.
    @usableFromInline var rowCount: Int32
    @usableFromInline var colCount: Int32
    @usableFromInline var storage: [Double]
    @usableFromInline var charge: StorageCharge?
    /// True when the elements are booleans (0 or 1), e.g. the result of a comparison.
    public var isLogical: Bool

    public var rows: Int {
        @inline(__always) get { Int(rowCount) }
    }

    /// True when both have the same shape and kind over the same element storage (one was
    /// copied from the other and neither was written since).
    func sharesStorage(with other: Matrix) -> Bool {
        rowCount == other.rowCount && colCount == other.colCount && isLogical == other.isLogical
            && storage.withUnsafeBufferPointer { a in other.storage.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }

    public var cols: Int {
        @inline(__always) get { Int(colCount) }
    }

    public init(rows: Int, cols: Int, data: [Double], isLogical: Bool = false) {
        precondition(rows >= 0 && cols >= 0 && data.count == rows * cols, "matrix shape does not match its data")
        precondition(rows <= Int(Int32.max) && cols <= Int(Int32.max), "a matrix may have at most 2³¹ − 1 rows and columns")
        self.rowCount = Int32(truncatingIfNeeded: rows)
        self.colCount = Int32(truncatingIfNeeded: cols)
        self.storage = data
        self.charge = StorageCharge.make(count: data.count)
        self.isLogical = isLogical
    }

    /// Column-major elements: element (i, j) (0-based) is `data[i + j * rows]`.
    public var data: [Double] {
        @inline(__always) get { storage }
        set {
            storage = newValue
            charge = StorageCharge.make(count: newValue.count)
        }
        @inline(__always) _modify {
            if charge != nil, !isKnownUniquelyReferenced(&charge) { charge = StorageCharge.make(count: storage.count) }
            let count = storage.count
            yield &storage
            if storage.count != count { charge = StorageCharge.make(count: storage.count) }
        }
    }

    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        self.init(rows: rows, cols: cols, data: Array(repeating: value, count: rows * cols))
    }

    /// A column vector.
    public init(column: [Double]) {
        self.init(rows: column.count, cols: 1, data: column)
    }

    /// A matrix from rows given as arrays of equal length.
    public init(rowArrays: [[Double]]) {
        let m = rowArrays.count, n = rowArrays.first?.count ?? 0
        var data = [Double](repeating: 0, count: m * n)
        for (i, row) in rowArrays.enumerated() {
            precondition(row.count == n, "ragged rows")
            for j in 0..<n { data[i + j * m] = row[j] }
        }
        self.init(rows: m, cols: n, data: data)
    }

    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m.data[i + i * n] = 1 }
        return m
    }

    public var count: Int { data.count }
    public var isVector: Bool { cols == 1 }
    public var isRow: Bool { rows == 1 }
    public var isSquare: Bool { rows == cols }
    public var isEmpty: Bool { data.isEmpty }

    /// Element at 0-based row `i`, column `j`.
    @inlinable public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { data[i + j * rows] = newValue }
    }

    /// Elements of 0-based row `i`.
    public func row(_ i: Int) -> [Double] { (0..<cols).map { data[i + $0 * rows] } }

    /// Elements of 0-based column `j`.
    public func column(_ j: Int) -> [Double] { Array(data[(j * rows)..<((j + 1) * rows)]) }

    public var transposed: Matrix {
        if rows == 1 || cols == 1 { return reshaped(rows: cols, cols: rows) }
        var out = [Double](repeating: 0, count: data.count)
        data.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for j in 0..<cols {
                    for i in 0..<rows { dst[j + i * cols] = src[i + j * rows] }
                }
            }
        }
        return Matrix(rows: cols, cols: rows, data: out, isLogical: isLogical)
    }

    /// The same elements in a new shape (column-major order is kept).
    public func reshaped(rows: Int, cols: Int) -> Matrix {
        precondition(rows >= 0 && cols >= 0 && rows * cols == count, "matrix shape does not match its data")
        precondition(rows <= Int(Int32.max) && cols <= Int(Int32.max), "a matrix may have at most 2³¹ − 1 rows and columns")
        var m = self  // shares the storage and its charge
        m.rowCount = Int32(truncatingIfNeeded: rows)
        m.colCount = Int32(truncatingIfNeeded: cols)
        return m
    }

    /// Applies `f` to every element.
    @inlinable public func map(_ f: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, cols: cols, data: try data.map(f))
    }

    public var shapeDescription: String { "\(rows)×\(cols)" }
}

extension Matrix: Equatable {
    /// Equal shapes, elements and logical flag (the storage charge is bookkeeping, not value).
    public static func == (a: Matrix, b: Matrix) -> Bool {
        a.rows == b.rows && a.cols == b.cols && a.isLogical == b.isLogical && a.storage == b.storage
    }
}
