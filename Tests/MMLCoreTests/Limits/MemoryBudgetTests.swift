// The memory budget's accounting: storage (matrices, columns, long strings) is charged while
// it lives, copies share a charge until one is written, and allocations past the limit are refused before they happen.
import Testing
@testable import MMLCore

@Suite("Memory budget")
struct MemoryBudgetTests {
    /// Runs `body` with a fresh budget of `limit` bytes as the current one.
    func withBudget(_ limit: Int = 1 << 30, _ body: (MemoryBudget) throws -> Void) rethrows -> MemoryBudget {
        let budget = MemoryBudget(limit: limit)
        try MemoryBudget.$current.withValue(budget) { try body(budget) }
        return budget
    }

    @Test func storageIsChargedWhileAliveAndReleasedAfter() {
        let budget = withBudget { budget in
            var a: Matrix? = Matrix(rows: 100, cols: 100)
            #expect(budget.used == 80_000)
            let b = Matrix(rows: 10, cols: 1000, repeating: 1)
            #expect(budget.used == 160_000)
            a = nil
            #expect(budget.used == 80_000)
            _ = (a, b)
        }
        #expect(budget.used == 0)
    }

    @Test func tinyStorageIsNotCharged() {
        let budget = withBudget { budget in
            let small = Matrix(rows: 2, cols: 2)
            #expect(budget.used == 0)
            _ = small
        }
        #expect(budget.used == 0)
    }

    @Test func copiesShareTheChargeUntilOneIsWritten() {
        let budget = withBudget { budget in
            let a = Matrix(rows: 1000, cols: 1)
            var b = a
            #expect(budget.used == 8000)
            b.data[0] = 1  // the array copies itself: the copy is charged too
            #expect(budget.used == 16_000)
            b[1, 0] = 2    // b's storage is its own now: no new charge
            #expect(budget.used == 16_000)
            b.data.append(contentsOf: [Double](repeating: 0, count: 1000))
            #expect(budget.used == 8000 + 16_000)
            _ = (a, b)
        }
        #expect(budget.used == 0)
    }

    @Test func reshapeAndTransposeOfAVectorShareStorage() {
        _ = withBudget { budget in
            let v = Matrix(rows: 1000, cols: 1)
            let row = v.transposed, square = v.reshaped(rows: 10, cols: 100)
            #expect(budget.used == 8000)
            _ = (row, square)
        }
    }

    @Test func complexMatricesAndTableColumnsAreCharged() throws {
        let budget = try withBudget { budget in
            let z = ComplexMatrix(Matrix(rows: 500, cols: 1))
            #expect(budget.used == 500 * 16)  // the real matrix it was made from is gone
            let t = try Table(matrix: Matrix(rows: 1000, cols: 2))
            #expect(budget.used == 8000 + 2 * 8000)
            let strings = Column(name: "s", strings: [String?](repeating: String(repeating: "x", count: 100), count: 100))
            #expect(budget.used == 24_000 + 100 * MemoryLayout<String?>.stride + 100 * 100)
            _ = (z, t, strings)
        }
        #expect(budget.used == 0)
    }

    @Test func longStringsAreChargedWhileAliveAndCopiesShareTheCharge() {
        let budget = withBudget { budget in
            var a: Value? = .string(String(repeating: "x", count: 5000))
            #expect(budget.used == 5000)
            let b = a  // a copy of the value shares the text and its charge
            #expect(budget.used == 5000)
            a = nil
            #expect(budget.used == 5000)
            _ = (a, b)
        }
        #expect(budget.used == 0)
    }

    @Test func shortStringsPayNothing() {
        let budget = withBudget { budget in
            let short = StringValue(String(repeating: "x", count: StorageCharge.minimumBytes - 1))
            #expect(short.charge == nil)
            #expect(budget.used == 0)
            let long = StringValue(String(repeating: "x", count: StorageCharge.minimumBytes))
            #expect(long.charge != nil)
            _ = (short, long)
        }
        #expect(budget.used == 0)
    }

    @Test func aStringPayloadDoesNotMakeValuesLarger() {
        // Values are copied on every step of the evaluator: the string payload (text and an
        // optional charge) must fit in the space a matrix payload takes already.
        #expect(MemoryLayout<StringValue>.size <= MemoryLayout<Matrix>.size)
        #expect(MemoryLayout<Value>.size == MemoryLayout<Matrix>.size)
    }

    @Test func aProgramsStringsAreChargedUntilTheyGo() throws {
        let interpreter = Interpreter()
        interpreter.memory = MemoryBudget(limit: 1 << 30)
        _ = try interpreter.evaluate("s = \"ab\"; for i in 1:12 { s = s + s }")
        #expect(interpreter.memory.used == 8192)
        _ = try interpreter.evaluate("l = [s, s, s]; t = s + \"!\"; u = string(l)")
        // The list shares s's text and charge; string(l) shows its first and last elements,
        // "3-element string vector\n[\"xx…\", …, \"xx…\"]" (… is 3 bytes of UTF-8).
        #expect(interpreter.memory.used == 8192 + 8193 + (24 + 2 * 8194 + 9))
        _ = try interpreter.evaluate("s = 0; l = 0; t = 0; u = 0")
        #expect(interpreter.memory.used == 0)
    }

    @Test func stringsPastTheBudgetAreRefusedWithTheSizeAndTheFlag() throws {
        let interpreter = Interpreter()
        interpreter.memory = MemoryBudget(limit: 1 << 20)
        _ = try interpreter.evaluate("s = \"ab\"; for i in 1:18 { s = s + s }")  // 512 KiB
        #expect(interpreter.memory.used == 1 << 19)
        let error = try #require(throws: MMLError.self) { try interpreter.evaluate("t = s + s") }
        #expect(error.diagnostic.kind == .memory)
        #expect(error.diagnostic.message.contains("this needs 1 MiB"))
        #expect(error.diagnostic.hints.contains { $0.contains("--max-memory") })
        #expect(throws: MMLError.self) { try interpreter.evaluate("t = string([s, s])") }
        #expect(interpreter.memory.used == 1 << 19)
    }

    @Test func allocationsPastTheLimitAreRefusedBeforeTheyHappen() {
        _ = withBudget(1 << 20) { budget in
            let kept = Matrix(rows: 100_000, cols: 1)  // 800,000 bytes
            #expect(throws: MemoryBudgetError.self) { try Matrix.zeros(checkedRows: 50_000, cols: 1) }
            #expect(budget.used == 800_000)
            #expect(throws: Never.self) { try Matrix.zeros(checkedRows: 20_000, cols: 1) }
            _ = kept
        }
    }

    @Test func refusalNamesTheSizeAndTheFlag() throws {
        let interpreter = Interpreter()
        interpreter.memory = MemoryBudget(limit: 1 << 20)
        let error = try #require(throws: MMLError.self) { try interpreter.evaluate("A = ones(1000, 1000)") }
        #expect(error.diagnostic.kind == .memory)
        #expect(error.diagnostic.message.contains("7.63 MiB"))
        #expect(error.diagnostic.hints.contains { $0.contains("--max-memory") })
        #expect(interpreter.memory.used == 0)
    }

    @Test func aProgramsVariablesAreChargedUntilTheyGo() throws {
        let interpreter = Interpreter()
        interpreter.memory = MemoryBudget(limit: 1 << 30)
        _ = try interpreter.evaluate("A = ones(100, 100); B = A; B[1] = 5; C = A + B")
        #expect(interpreter.memory.used == 3 * 80_000)
        _ = try interpreter.evaluate("A = 0; B = 0; C = 0")
        #expect(interpreter.memory.used == 0)
    }

    @Test("sizes for --max-memory", arguments: [("8G", 8 << 30), ("512M", 512 << 20), ("1.5GiB", 3 << 29), ("2000", 2000), ("64k", 64 << 10)])
    func parseSize(_ text: String, _ bytes: Int) {
        #expect(MemoryBudget.parseSize(text) == bytes)
    }

    @Test func badSizesAreRejected() {
        for text in ["", "x", "-1G", "1e30G", "nanG"] { #expect(MemoryBudget.parseSize(text) == nil, "\(text)") }
    }

    @Test func theDefaultLimitIsAFractionOfMemory() {
        #expect(MemoryBudget.defaultLimit() > 0)
    }
}
