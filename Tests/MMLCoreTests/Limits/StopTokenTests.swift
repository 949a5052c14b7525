// Long-running builtins stop when asked: each test stops its own interpreter through its
// StopToken (never the process-wide Interrupt flag, which tests running at the same time
// would see), and checks the "interrupted" error and that the workspace survives.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

@Suite("Stopping inside builtins")
struct StopTokenTests {
    /// Setup code run normally, then `expression` run with a stop already requested.
    static let cases: [(setup: String, expression: String)] = [
        ("x = rand(200000)", "sort(x)"),
        ("t = table(rand(200000), \"a\")", "sort(t, \"a\")"),
        ("x = rand(200000)", "median(x)"),
        ("x = rand(200000)", "unique(x)"),
        // Found by the eval fuzzer: tables made from a large matrix ran to the end.
        ("M = rand(1000, 200)", "table(M)"),
        ("x = rand(200000)", "quantile(x, 0.9)"),
        ("", "rand(200000)"),
        ("", "randn(300, 700)"),
        ("", "randint(1, 7, 200000)"),
        ("", "sample(Normal(0, 1), 200000)"),
        ("", "sample(Poisson(3), 200000)"),
        ("", "permutation(200000)"),
        ("x = rand(200000)", "permutation(x)"),
        ("x = rand(200000)", "x + 1"),
        ("x = rand(200000)", "x .* x"),
        ("x = rand(200000)", "exp(x)"),
        ("x = rand(200000)", "-x"),
        ("x = rand(200000)", "x > 0.5"),
        ("x = rand(1000); y = rand(1, 1000)", "x + y"),
        ("x = rand(200000)", "cumsum(x)"),
        ("x = rand(200000)", "kron(x, [1; 1])"),
        ("x = rand(1000)", "repeat(x, 200, 2)"),
        ("A = rand(1000, 400)", "A'"),
        ("A = rand(1000, 400)", "transpose(A)"),
        ("", "linspace(0, 1, 200000)"),
        ("", "ones(200000, 1)"),
        ("", "(1:200000) + 0"),
        ("", "sum(1:200000)"),
        ("A = rand(300, 300)", "rref(A)"),
        ("f(x) = (x + 1)^30", "expand(f)"),
        ("f(x) = x * sin(x) * exp(x)", "f'"),
        ("f(x) = x * sin(x) * exp(x)", "diff(f)"),
    ]

    @Test("a builtin asked to stop ends with the interrupt error", arguments: cases.indices)
    func stopsWhenAsked(_ k: Int) throws {
        let (setup, expression) = Self.cases[k]
        let session = Session()
        let setupRun = session.run(setup, name: "setup")
        if !setupRun.succeeded { Issue.record("setup failed: \(setupRun.diagnostics)") }
        session.interpreter.stop.request()
        let outcome = session.run("y_result = " + expression, name: "stop")
        guard !outcome.succeeded else {
            Issue.record("\(expression) ran to the end although asked to stop")
            return
        }
        #expect(outcome.diagnostics.first?.kind == .interrupt, "\(expression): \(outcome.diagnostics.first?.message ?? "")")
        // The workspace survives, and with the request withdrawn the same code runs.
        session.interpreter.stop.clear()
        let again = session.run("y_result = " + expression, name: "again")
        if !again.succeeded { Issue.record("\(expression) failed after clear: \(again.diagnostics)") }
    }

    @Test func csvReadingStops() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mml-stop-\(getpid()).csv").path
        let rows = (0..<150_000).map { "\($0),\($0 % 7)" }.joined(separator: "\n")
        try ("a,b\n" + rows + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = Session()
        session.interpreter.stop.request()
        let outcome = session.run("t = read_csv(\"\(path)\")", name: "csv")
        guard !outcome.succeeded else {
            Issue.record("read_csv ran to the end although asked to stop")
            return
        }
        #expect(outcome.diagnostics.first?.kind == .interrupt, "\(outcome.diagnostics.first?.message ?? "")")
    }

    /// A stop requested from another thread while a sort runs ends it within seconds (the
    /// sort alone runs far longer in a debug build).
    @Test func aSortStopsPromptlyWhenAskedFromAnotherThread() throws {
        let session = Session()
        _ = session.run("x = rand(2^22)", name: "setup")
        let stop = session.interpreter.stop
        let started = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { stop.request() }
        let outcome = session.run("y = sort(x)", name: "sort")
        let elapsed = Date().timeIntervalSince(started) - 0.2
        guard !outcome.succeeded else {
            Issue.record("the sort finished (\(elapsed) s after the request) before it was asked to stop")
            return
        }
        #expect(outcome.diagnostics.first?.kind == .interrupt)
        #expect(elapsed < 3, "stopping took \(elapsed) s")
    }

    @Test func aTokenStopsOnlyItsOwnInterpreter() {
        let stopped = Interpreter(), running = Interpreter()
        stopped.stop.request()
        #expect(stopped.stop.isRequested)
        #expect(!running.stop.isRequested)
        #expect(StopToken.$current.withValue(running.stop) { !StopToken.isStopRequested })
    }
}

@Suite("Interruptible sort")
struct InterruptibleSortTests {
    @Test("sorts like the standard library, stably", arguments: [0, 1, 1000, 65_536, 65_537, 300_001])
    func sortsLikeTheStandardLibrary(_ n: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let pairs = (0..<n).map { (key: Int.random(in: 0..<1000, using: &generator), index: $0) }
        let sorted = try InterruptibleSort.sorted(pairs) { $0.key < $1.key }
        // Stable: equal keys keep their original order, so (key, index) is increasing.
        #expect(sorted.map(\.index).count == n)
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.key < $1.key || ($0.key == $1.key && $0.index < $1.index) })
    }

    @Test func ascendingPutsNaNLast() throws {
        #expect(try InterruptibleSort.ascending([3, .nan, 1, 2]).prefix(3) == [1, 2, 3])
        #expect(try InterruptibleSort.ascending([3, .nan, 1, 2]).last!.isNaN)
    }

    @Test func splitKeepsOrderAcrossChunks() throws {
        let n = 2 * StopToken.chunk + 5
        let (even, odd) = try InterruptibleSort.split(0..<n) { $0 % 2 == 0 }
        #expect(even == Array(stride(from: 0, to: n, by: 2)))
        #expect(odd == Array(stride(from: 1, to: n, by: 2)))
    }

    /// The pass that sets NaN aside before sorting is as long as the input: it stops too
    /// (in a debug build it alone took most of a second on ten million numbers, unchecked).
    @Test func splitStopsWhenAsked() {
        let token = StopToken()
        token.request()
        #expect(throws: StopRequested.self) {
            try StopToken.$current.withValue(token) { try InterruptibleSort.split(0..<(StopToken.chunk + 1)) { _ in true } }
        }
    }
}

@Test func normalsInChunksAreTheStreamDrawnOneByOne() throws {
    // Pairs of the polar method run on across chunk boundaries, after a cached value too.
    let a = RandomState(seed: 5), b = RandomState(seed: 5)
    _ = a.normal()
    _ = b.normal()
    let bulk = try a.normal(count: 200_001)
    let single = (0..<200_001).map { _ in b.normal() }
    #expect(bulk == single)
    #expect(a.normal() == b.normal())
}
