// Golden tests of vector and matrix display: empty shapes, one-line vectors, aligned blocks, styles, logicals, complex.
import Testing
@testable import MMLCore

@Suite("Display: matrices")
struct DisplayMatrixTests {
    @Test func emptyShapes() {
        #expect(displayMatrix(Matrix(rows: 0, cols: 0)) == MatrixDisplay(header: nil, lines: ["[]"], isInline: true))
        #expect(formatMatrix(Matrix(rows: 0, cols: 3)) == "empty 0×3 matrix")
        #expect(formatMatrix(Matrix(rows: 3, cols: 0)) == "empty 3×0 matrix")
        #expect(formatMatrix(Matrix(rows: 0, cols: 2, data: [], isLogical: true)) == "empty 0×2 logical matrix")
        #expect(formatComplexMatrix(real: Matrix(rows: 0, cols: 0), imaginary: Matrix(rows: 0, cols: 0)) == "[]")
    }

    @Test func oneByOneAndColumnsPrintOnOneLine() {
        #expect(displayMatrix(Matrix(column: [5])) == MatrixDisplay(header: nil, lines: ["[5]"], isInline: true))
        #expect(formatMatrix(Matrix(column: [0.1 + 0.2])) == "[0.3]")
        #expect(formatMatrix(Matrix(column: [0.1 + 0.2]), options: DisplayOptions(style: .long)) == "[0.30000000000000004]")
        #expect(formatMatrix(Matrix(column: [1, 2, 3])) == "[1, 2, 3]")
        #expect(formatMatrix(Matrix(column: [1, -2.5, 1e-7, -0.0, .nan, -.infinity])) == "[1, -2.5, 1e-7, 0, nan, -inf]")
        #expect(formatMatrix(Matrix(column: [1.0 / 3, 0.5, 2]), options: DisplayOptions(style: .rational)) == "[1/3, 1/2, 2]")
        #expect(formatMatrix(Matrix(rows: 3, cols: 1, data: [1, 0, 1], isLogical: true)) == "[true, false, true]")
    }

    @Test func longVectorsAreElidedUnderAHeader() {
        let v = displayMatrix(Matrix(column: (1...100).map(Double.init)))
        #expect(v.header == "100-element vector")
        #expect(v.lines == ["[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100]"])
        #expect(!v.isInline)
        #expect(formatMatrix(Matrix(column: (1...21).map(Double.init))) == """
            21-element vector
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]
            """)
        // Fewer elements at each end until the line fits in 80 columns.
        #expect(formatMatrix(Matrix(column: (1...100).map { Double($0) / 7 })) == """
            100-element vector
            [0.142857, 0.285714, 0.428571, 0.571429, …, 13.8571, 14, 14.1429, 14.2857]
            """)
        #expect(formatMatrix(Matrix(rows: 30, cols: 1, data: (1...30).map { $0 % 3 == 0 ? 1 : 0 }, isLogical: true)) == """
            30-element logical vector
            [false, false, true, false, false, …, false, true, false, false, true]
            """)
    }

    @Test func wideVectorsWrapAfterACommaWithoutLosingElements() {
        let v = Matrix(column: (1...20).map { Double($0) / 3 })
        #expect(formatMatrix(v) == """
            [0.333333, 0.666667, 1, 1.33333, 1.66667, 2, 2.33333, 2.66667, 3, 3.33333,
             3.66667, 4, 4.33333, 4.66667, 5, 5.33333, 5.66667, 6, 6.33333, 6.66667]
            """)
        #expect(formatMatrix(v, options: DisplayOptions(width: 40)) == """
            [0.333333, 0.666667, 1, 1.33333,
             1.66667, 2, 2.33333, 2.66667, 3,
             3.33333, 3.66667, 4, 4.33333, 4.66667,
             5, 5.33333, 5.66667, 6, 6.33333,
             6.66667]
            """)
        #expect(formatMatrix(Matrix(column: (1...100).map { Double($0) / 7 }), options: DisplayOptions(style: .long)) == """
            100-element vector
            [0.14285714285714285, 0.2857142857142857, 0.42857142857142855, …, 14,
             14.142857142857142, 14.285714285714286]
            """)
    }

    @Test func rowVectorIsAOneRowBlock() {
        let r = displayMatrix(Matrix(rowArrays: [[1, 2, 3]]))
        #expect(r == MatrixDisplay(header: nil, lines: ["  1  2  3"], isInline: false))
        #expect(formatMatrix(Matrix(rows: 1, cols: 40, data: (1...40).map(Double.init))) == """
            1×40 matrix
              1  2  3  4  5  6  7  8  9  10  …  31  32  33  34  35  36  37  38  39  40
            """)
    }

    @Test func integerMatrixIsRightAligned() {
        #expect(formatMatrix(Matrix(rowArrays: [[1, -2, 3], [40, 5, -600]])) == """
               1  -2     3
              40   5  -600
            """)
    }

    @Test func columnsAlignOnTheDecimalPoint() {
        let a = Matrix(rowArrays: [[1, 2.5, -3], [1.0 / 3, 1e-7, 300], [-10, .nan, 4000000.1]])
        #expect(formatMatrix(a) == """
                1           2.5    -3
                0.333333    1e-7  300
              -10         nan       4.0e6
            """)
        #expect(formatMatrix(a, options: DisplayOptions(style: .long)) == """
                1                     2.5        -3
                0.3333333333333333    1e-7      300
              -10                   nan     4000000.1
            """)
    }

    @Test func wildMagnitudesStayLegibleWithoutAScaleFactor() {
        #expect(formatMatrix(Matrix(rowArrays: [[1e-10, 1], [1, 1e10], [-2.5e-8, 123456789]])) == """
               1e-10             1
               1       10000000000
              -2.5e-8    123456789
            """)
        #expect(formatMatrix(Matrix(rowArrays: [[.infinity, 1.5], [-.infinity, -0.0]])) == """
               inf  1.5
              -inf  0
            """)
    }

    @Test func rationalCellsAreRightAligned() {
        let a = Matrix(rowArrays: [[1, 0.5, -0.25], [1.0 / 3, 2, 0.1 + 0.2]])
        #expect(formatMatrix(a, options: DisplayOptions(style: .rational)) == """
                1  1/2  -1/4
              1/3    2  3/10
            """)
        let b = Matrix(rowArrays: [[1, 2.0.squareRoot()], [2.0 / 3, -4]])
        #expect(formatMatrix(b, options: DisplayOptions(style: .rational)) == """
                1  1.41421
              2/3       -4
            """)
    }

    @Test func logicalMatrixPrintsTrueFalse() {
        #expect(formatMatrix(Matrix(rows: 2, cols: 3, data: [1, 0, 0, 1, 1, 1], isLogical: true)) == """
               true  false  true
              false   true  true
            """)
    }

    @Test func tallMatrixElidesMiddleRows() {
        let d = displayMatrix(Matrix(rows: 22, cols: 3, data: (1...66).map(Double.init)))
        #expect(d.header == "22×3 matrix")
        #expect(d.lines.count == 21)
        #expect(d.lines[9] == "  10  32  54")
        #expect(d.lines[10] == "   ⋮   ⋮   ⋮")
        #expect(d.lines[11] == "  13  35  57")
        #expect(d.lines[20] == "  22  44  66")
    }

    @Test func largeMatrixElidesRowsAndColumns() {
        let m = Matrix(rows: 25, cols: 25, data: (0..<625).map { Double($0) / 7 })
        let d = displayMatrix(m)
        #expect(d.header == "25×25 matrix")
        #expect(d.lines.count == 21)
        #expect(d.lines[0] == "  0         3.57143   7.14286  10.7143  …  75       78.5714  82.1429  85.7143")
        #expect(d.lines[1] == "  0.142857  3.71429   7.28571  10.8571  …  75.1429  78.7143  82.2857  85.8571")
        #expect(d.lines[10] == "  ⋮         ⋮         ⋮         ⋮       ⋱   ⋮        ⋮        ⋮        ⋮")
        #expect(d.lines[20] == "  3.42857   7        10.5714   14.1429  …  78.4286  82       85.5714  89.1429")
    }

    @Test func wideLongMatrixKeepsColumnsFromBothEnds() {
        let m = Matrix(rows: 3, cols: 12, data: (1...36).map { Double($0) / 7 })
        #expect(formatMatrix(m, options: DisplayOptions(style: .long)) == """
            3×12 matrix
              0.14285714285714285  0.5714285714285714  …  4.857142857142857
              0.2857142857142857   0.7142857142857143  …  5
              0.42857142857142855  0.8571428571428571  …  5.142857142857143
            """)
    }

    @Test func widthBudgetIsExact() {
        // 20 one-digit columns take 2 + 20 + 2·19 = 60 characters.
        let m = Matrix(rows: 2, cols: 20, data: (0..<40).map { Double($0 % 10) })
        let fits = displayMatrix(m, options: DisplayOptions(width: 60))
        #expect(fits.header == nil && fits.lines[0].count == 60)
        let tight = displayMatrix(m, options: DisplayOptions(width: 57))
        #expect(tight.header == "2×20 matrix")
        // 9 columns from each end and the `…` column: 2 + 18 + 1 + 2·18 = 57, exactly the width.
        #expect(tight.lines[0] == "  0  2  4  6  8  0  2  4  6  …  2  4  6  8  0  2  4  6  8")
        #expect(tight.lines[0].count == 57)
    }

    @Test func complexMatrixAlignsRealAndImaginaryParts() {
        let re = Matrix(rowArrays: [[1, -0.5], [0, 3]])
        let im = Matrix(rowArrays: [[2, 0.75.squareRoot()], [-1, 0]])
        #expect(formatComplexMatrix(real: re, imaginary: im) == """
              1 + 2i  -0.5 + 0.866025i
              0 - 1i   3   + 0i
            """)
        #expect(formatComplexMatrix(real: Matrix(column: [1, 0, -0.5]), imaginary: Matrix(column: [2, -1, 0.75.squareRoot()]))
            == "[1 + 2i, 0 - 1i, -0.5 + 0.866025i]")
        #expect(formatComplexMatrix(real: Matrix(column: [0.5, 1]), imaginary: Matrix(column: [1.0 / 3, -0.25]),
                                    options: DisplayOptions(style: .rational)) == "[1/2 + (1/3)i, 1 - (1/4)i]")
        // An imaginary part of the wrong shape contributes what it has; the rest is 0.
        #expect(formatComplexMatrix(real: Matrix(column: [1, 2]), imaginary: Matrix(column: [3])) == "[1 + 3i, 2 + 0i]")
    }

    @Test func largeComplexMatrix() {
        let re = Matrix(rows: 25, cols: 25, data: (0..<625).map(Double.init))
        let im = Matrix(rows: 25, cols: 25, data: (0..<625).map { -Double($0) / 4 })
        let d = displayComplexMatrix(real: re, imaginary: im)
        #expect(d.header == "25×25 complex matrix")
        #expect(d.lines[0] == "   0 + 0i     25 -  6.25i  50 - 12.5i   …  575 - 143.75i  600 - 150i")
        #expect(d.lines[10] == "   ⋮           ⋮            ⋮           ⋱    ⋮              ⋮")
        #expect(d.lines[20] == "  24 - 6i     49 - 12.25i  74 - 18.5i   …  599 - 149.75i  624 - 156i")
    }
}
