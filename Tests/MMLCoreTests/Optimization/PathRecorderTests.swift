// The recorder of an optimizer's path: iterates kept column by column, the columns moved together
// when the run stops early, widened when it runs past the room they were laid out for.
import Testing
@testable import MMLCore

@Suite("Path recorder") struct PathRecorderTests {
    /// Iterate k of a 3-coordinate run: (k, 10 + k, −k) with value k² and gradient norm k/2.
    private func run(capacity: Int, iterates: Int) -> OptimizationResult {
        var recorder = PathRecorder(capacity: capacity, dimension: 3)
        for k in 0..<iterates {
            let x = Double(k)
            recorder.record([x, 10 + x, -x], x * x, x / 2)
        }
        return recorder.result(.gradientDescent, stop: .maxSteps, message: "done")
    }

    @Test(arguments: [(capacity: 5, iterates: 5), (capacity: 10, iterates: 3), (capacity: 2, iterates: 7), (capacity: 1, iterates: 1),
                        (capacity: 1000, iterates: 1)])
    func keepsEveryIterateColumnByColumn(_ c: (capacity: Int, iterates: Int)) {
        let r = run(capacity: c.capacity, iterates: c.iterates)
        let ks = (0..<c.iterates).map(Double.init)
        #expect(r.pathCount == c.iterates && r.steps == c.iterates - 1)
        #expect(r.pathColumns == ks + ks.map { 10 + $0 } + ks.map { -$0 })
        #expect(r.path == ks.map { [$0, 10 + $0, -$0] })
        #expect(r.x == [ks.last!, 10 + ks.last!, -ks.last!])
        #expect(r.values == ks.map { $0 * $0 } && r.gradientNorms == ks.map { $0 / 2 })
    }

    @Test func nothingRecorded() {
        let r = run(capacity: 4, iterates: 0)
        #expect(r.pathColumns.isEmpty && r.pathCount == 0 && r.x.isEmpty)
    }

    @Test func theRecordsPathIsTheMatrixOfIterates() throws {
        let session = Session(SessionConfiguration(runsOnLargeStack: false))
        let r = try session.evaluate("r = gd((x, y) -> x^2 + 4*y^2, [2, 1], rate=0.1, steps=3); r.path")
        // x ← 0.8x, y ← 0.2y.
        #expect(r.asMatrix.map { [$0.rows, $0.cols] } == [4, 2])
        let expected = [2, 1.6, 1.28, 1.024, 1, 0.2, 0.04, 0.008]
        let data = try #require(r.asMatrix?.data)
        #expect(data.count == 8 && zip(data, expected).allSatisfy { abs($0 - $1) < 1e-15 })
    }
}
