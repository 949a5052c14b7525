// The read_csv benchmark (Benchmarks/data/README.md): runs only when MML_BENCH_CSV names a file.
import Foundation
import Testing
@testable import MMLCore

@Test(.enabled(if: ProcessInfo.processInfo.environment["MML_BENCH_CSV"] != nil))
func csvReadBenchmark() throws {
    let path = ProcessInfo.processInfo.environment["MML_BENCH_CSV"] ?? ""
    var best = Double.infinity
    var shape = (0, 0)
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        let table = try CSV.read(path: path).table
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        shape = (table.nrows, table.ncols)
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print("MML CSV.read: \(shape.0) rows × \(shape.1) columns, best of 5: \(String(format: "%.3f", best)) s, peak RSS \(usage.ru_maxrss / 1024) MB")
    #expect(shape.0 > 0)
}
