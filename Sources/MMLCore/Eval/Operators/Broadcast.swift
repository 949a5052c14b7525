// Elementwise combination of two matrices: equal shapes, or a scalar, row or column
// stretched along the other's matching side (as in X - mean(X) for centring).

extension Matrix {
    /// The shape two operands broadcast to, or nil when they do not fit.
    static func broadcastShape(_ a: Matrix, _ b: Matrix) -> (rows: Int, cols: Int)? {
        func dim(_ x: Int, _ y: Int) -> Int? { x == y ? x : x == 1 ? y : y == 1 ? x : nil }
        guard let r = dim(a.rows, b.rows), let c = dim(a.cols, b.cols) else { return nil }
        return (r, c)
    }

    /// Applies `f` elementwise after broadcasting; nil when the shapes do not fit. The result
    /// is made by `chunked` (size and budget checked, stop checks between chunks).
    static func broadcast(_ a: Matrix, _ b: Matrix, logical: Bool = false, _ f: (Double, Double) -> Double) throws -> Matrix? {
        guard let (rows, cols) = broadcastShape(a, b) else { return nil }
        return try a.storage.withUnsafeBufferPointer { x in
            try b.storage.withUnsafeBufferPointer { y in
                if a.rows == b.rows && a.cols == b.cols {
                    return try chunked(rows: rows, cols: cols, logical: logical) { range, z in
                        for i in range { z[i] = f(x[i], y[i]) }
                    }
                }
                if b.count == 1 {
                    let v = y[0]
                    return try chunked(rows: rows, cols: cols, logical: logical) { range, z in
                        for i in range { z[i] = f(x[i], v) }
                    }
                }
                if a.count == 1 {
                    let u = x[0]
                    return try chunked(rows: rows, cols: cols, logical: logical) { range, z in
                        for i in range { z[i] = f(u, y[i]) }
                    }
                }
                let aRowStep = a.rows == 1 ? 0 : 1, aColStep = a.cols == 1 ? 0 : a.rows
                let bRowStep = b.rows == 1 ? 0 : 1, bColStep = b.cols == 1 ? 0 : b.rows
                return try chunked(rows: rows, cols: cols, logical: logical) { range, z in
                    for k in range {
                        let i = k % rows, j = k / rows
                        z[k] = f(x[i * aRowStep + j * aColStep], y[i * bRowStep + j * bColStep])
                    }
                }
            }
        }
    }
}
