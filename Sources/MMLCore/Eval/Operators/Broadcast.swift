// Elementwise combination of two matrices: equal shapes, or a scalar, row or column
// stretched along the other's matching side (as in X - mean(X) for centring).

extension Matrix {
    /// The shape two operands broadcast to, or nil when they do not fit.
    static func broadcastShape(_ a: Matrix, _ b: Matrix) -> (rows: Int, cols: Int)? {
        func dim(_ x: Int, _ y: Int) -> Int? { x == y ? x : x == 1 ? y : y == 1 ? x : nil }
        guard let r = dim(a.rows, b.rows), let c = dim(a.cols, b.cols) else { return nil }
        return (r, c)
    }

    /// Applies `f` elementwise after broadcasting; nil when the shapes do not fit.
    static func broadcast(_ a: Matrix, _ b: Matrix, logical: Bool = false, _ f: (Double, Double) -> Double) -> Matrix? {
        if a.rows == b.rows && a.cols == b.cols {
            var out = [Double](repeating: 0, count: a.count)
            a.data.withUnsafeBufferPointer { x in
                b.data.withUnsafeBufferPointer { y in
                    out.withUnsafeMutableBufferPointer { z in
                        for i in 0..<z.count { z[i] = f(x[i], y[i]) }
                    }
                }
            }
            return Matrix(rows: a.rows, cols: a.cols, data: out, isLogical: logical)
        }
        if b.count == 1 {
            let y = b.data[0]
            return Matrix(rows: a.rows, cols: a.cols, data: a.data.map { f($0, y) }, isLogical: logical)
        }
        if a.count == 1 {
            let x = a.data[0]
            return Matrix(rows: b.rows, cols: b.cols, data: b.data.map { f(x, $0) }, isLogical: logical)
        }
        guard let (rows, cols) = broadcastShape(a, b) else { return nil }
        var out = [Double](repeating: 0, count: rows * cols)
        let aRowStep = a.rows == 1 ? 0 : 1, aColStep = a.cols == 1 ? 0 : a.rows
        let bRowStep = b.rows == 1 ? 0 : 1, bColStep = b.cols == 1 ? 0 : b.rows
        a.data.withUnsafeBufferPointer { x in
            b.data.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { z in
                    for j in 0..<cols {
                        for i in 0..<rows {
                            z[i + j * rows] = f(x[i * aRowStep + j * aColStep], y[i * bRowStep + j * bColStep])
                        }
                    }
                }
            }
        }
        return Matrix(rows: rows, cols: cols, data: out, isLogical: logical)
    }
}
