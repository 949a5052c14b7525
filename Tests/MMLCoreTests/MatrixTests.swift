// Storage-level tests of Matrix: layout, transpose, reshape.
import Testing
@testable import MMLCore

@Test func matrixIsColumnMajor() {
    let m = Matrix(rowArrays: [[1, 2, 3], [4, 5, 6]])
    #expect(m.data == [1, 4, 2, 5, 3, 6])
    #expect(m[1, 2] == 6)
    #expect(m.transposed.rowArrays == [[1, 4], [2, 5], [3, 6]])
    #expect(m.reshaped(rows: 3, cols: 2).column(1) == [5, 3, 6])
}

extension Matrix {
    var rowArrays: [[Double]] { (0..<rows).map { row($0) } }
}
