// Property tests of the matrix layout: the width budget holds and decimal points line up, for many shapes.
import Testing
@testable import MMLCore

@Suite("Display: layout properties")
struct DisplayLayoutPropertyTests {
    /// Deterministic matrices of varied shapes and magnitudes.
    static func matrices() -> [Matrix] {
        var state: UInt64 = 12345
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var out: [Matrix] = []
        for _ in 0..<60 {
            let rows = Int(next() % 30) + 2, cols = Int(next() % 30) + 2
            let magnitude = [1.0, 1e-6, 1e6, 1e15][Int(next() % 4)]
            let data = (0..<(rows * cols)).map { _ in
                (Double(next() % 2_000_001) - 1_000_000) / 1_000_000 * magnitude
            }
            out.append(Matrix(rows: rows, cols: cols, data: data))
        }
        return out
    }

    @Test("lines fit the width", arguments: [FormatStyle.short, .long, .rational], [40, 80, 120])
    func linesFitTheWidth(style: FormatStyle, width: Int) {
        for m in Self.matrices() {
            let d = displayMatrix(m, options: DisplayOptions(style: style, width: width))
            for line in d.lines {
                #expect(line.count <= width, "\(m.shapeDescription) \(style): \(line)")
            }
            let expectHeader = m.rows > 20 || d.lines.contains { $0.contains("…") }
            #expect((d.header != nil) == expectHeader)
            #expect(d.lines.count == min(m.rows, 20) + (m.rows > 20 ? 1 : 0))
        }
    }

    @Test func decimalPointsLineUpInEachColumn() {
        // Columns of distinct magnitudes; every cell non-integer so each has a decimal point.
        let m = Matrix(rowArrays: [[0.5, 123.25, -7.125], [-11.75, 0.001, 3.5], [2.2, -45.5, 1000.5]])
        let lines = displayMatrix(m).lines
        let points = lines.map { line in
            line.enumerated().filter { $0.element == "." }.map(\.offset)
        }
        #expect(points.allSatisfy { $0 == points[0] }, "\(lines)")
        #expect(points[0].count == 3)
    }

    @Test func hugeMatrixFormatsQuickly() {
        // Only shown cells are formatted: a 2000×2000 matrix prints in well under a second.
        let m = Matrix(rows: 2000, cols: 2000, repeating: 1.0 / 3)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = formatMatrix(m) }
        #expect(elapsed < .seconds(1))
    }
}

@Suite("Display: odd options")
struct DisplayOddOptionsTests {
    @Test("absurd limits never crash and still show something", arguments: [-5, 0, 1, 2, 3])
    func absurdLimits(limit: Int) {
        let options = DisplayOptions(style: .long, width: limit, maxRows: limit, maxColumns: limit, maxElements: limit)
        let m = Matrix(rows: 7, cols: 9, data: (0..<63).map { Double($0) / 3 })
        let d = displayMatrix(m, options: options)
        #expect(d.header == "7×9 matrix")
        #expect(d.lines.count == max(2, limit) + 1)  // at least one row from each end, and `⋮`
        #expect(d.lines.allSatisfy { !$0.isEmpty })
        let v = displayMatrix(Matrix(column: (1...9).map(Double.init)), options: options)
        #expect(v.header == "9-element vector")
        #expect(v.lines.joined(separator: " ").contains("…"))
    }

    @Test func elidedComplexVectorHasAComplexHeader() {
        let re = Matrix(column: (1...30).map(Double.init))
        let im = Matrix(column: (1...30).map { -Double($0) })
        #expect(formatComplexMatrix(real: re, imaginary: im) == """
            30-element complex vector
            [1 - 1i, 2 - 2i, 3 - 3i, 4 - 4i, …, 27 - 27i, 28 - 28i, 29 - 29i, 30 - 30i]
            """)
    }
}
