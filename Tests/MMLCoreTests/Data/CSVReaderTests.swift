// read_csv: types, missing cells, RFC 4180 quoting, CRLF, BOM, options, and errors with places.
import Foundation
import Testing
@testable import MMLCore

@Test func inferTypesAndCountMissing() throws {
    let r = try CSV.read(text: "name,age,member,score\nAda,36,true,1.5\nBob,NA,false,\nCy,41,,NaN\n")
    let t = r.table
    #expect(t.columnNames == ["name", "age", "member", "score"])
    #expect(t.nrows == 3)
    #expect(t["name"]?.strings == ["Ada", "Bob", "Cy"])
    #expect(t["age"]?.kind == .number)
    #expect(t["member"]?.bools == [true, false, nil])
    let age = try #require(t["age"]?.numbers)
    #expect(age[0] == 36 && age[1].isNaN && age[2] == 41)
    #expect(r.missingTotal == 4)
    #expect(r.missingCounts.map(\.column) == ["age", "member", "score"])
    #expect(r.notice == "4 missing cells (empty, NA or NaN) read as NA — age: 1, member: 1, score: 2")
}

@Test func quotingCRLFAndBOM() throws {
    let text = "\u{FEFF}id,quote,note\r\n1,\"Hello, world\",\"she said \"\"hi\"\"\"\r\n2,\"two\r\nlines\",plain\r\n"
    let t = try CSV.read(text: text).table
    #expect(t.columnNames == ["id", "quote", "note"])
    #expect(t["quote"]?.strings == ["Hello, world", "two\r\nlines"])
    #expect(t["note"]?.strings == ["she said \"hi\"", "plain"])
    #expect(t["id"]?.numbers == [1, 2])
}

@Test func separatorHeaderAndBlankLines() throws {
    let t = try CSV.read(text: "1.5;x\n\n2.5;y\n", options: CSVOptions(separator: ";", header: false)).table
    #expect(t.columnNames == ["col1", "col2"])
    #expect(t["col1"]?.numbers == [1.5, 2.5])
    let tabs = try CSV.read(text: "a\tb\n1\t2\n", options: CSVOptions(separator: "\t")).table
    #expect(tabs["b"]?.numbers == [2])
    #expect(throws: DataError.self) { try CSV.read(text: "a\n", options: CSVOptions(separator: "a")) }
}

@Test func duplicateAndEmptyHeadersAreRenamed() throws {
    let r = try CSV.read(text: "x,x,\n1,2,3\n")
    #expect(r.table.columnNames == ["x", "x_2", "col3"])
    #expect(r.renamedColumns.count == 2)
}

@Test func malformedLinesNameFileLineAndColumn() {
    func failure(_ text: String) -> DataError? {
        do { _ = try CSV.read(text: text, fileName: "t.csv"); return nil } catch let e as DataError { return e } catch { return nil }
    }
    let extra = failure("a,b\n1,2\n3,4,5\n")
    #expect(extra?.file == "t.csv" && extra?.line == 3 && extra?.column == 5)
    let short = failure("a,b,c\n1,2\n")
    #expect(short?.line == 2 && short?.column == 4)
    #expect(short?.description.hasPrefix("t.csv:2:4: line 2 has 2 cells but the first line has 3") == true)
    let unclosed = failure("a,b\n1,\"oops\n2,3\n")
    #expect(unclosed?.line == 2 && unclosed?.column == 3)
    let stray = failure("a,b\n1,5'10\"\n")
    #expect(stray?.line == 2 && stray?.column == 7)
    let after = failure("a,b\n\"x\"y,1\n")
    #expect(after?.line == 2 && after?.column == 4)
    let unicode = failure("a,b\né,ü,x\n")
    #expect(unicode?.column == 5)   // columns count characters, not bytes
}

@Test func numbersParseExactlyLikeSwift() throws {
    // A seeded LCG makes many decimal spellings: short, long (past 2^53 and 19 digits),
    // tiny and huge exponents; each must equal Swift's correctly rounded Double(String).
    var state: UInt64 = 0x9E3779B97F4A7C15
    func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
    var cells: [String] = ["0", "-0", "+7", ".5", "5.", "1e308", "2.2250738585072014e-308", "4.9e-324",
                           "123456789012345678901234567890", "0.1", "9007199254740993", "1E5", "-inf", "Infinity"]
    for _ in 0..<3000 {
        let digits = String(next() % 10_000_000_000_000_000_000)
        let cut = Int(next() % UInt64(digits.count + 1))
        var s = String(digits.prefix(cut)) + "." + String(digits.dropFirst(cut))
        if next() % 3 == 0 { s += "e\(Int(next() % 700) - 350)" }
        if next() % 2 == 0 { s = "-" + s }
        cells.append(s)
    }
    let t = try CSV.read(text: "x\n" + cells.joined(separator: "\n") + "\n").table
    let parsed = try #require(t["x"]?.numbers)
    for (cell, value) in zip(cells, parsed) {
        let expected = Double(cell) ?? (cell.lowercased().hasSuffix("inf") || cell.lowercased() == "infinity"
            ? (cell.hasPrefix("-") ? -.infinity : .infinity) : .nan)
        #expect(value.bitPattern == expected.bitPattern, "\(cell): \(value) vs \(expected)")
    }
}

@Test func readsSampleFilesAndRejectsMissingFiles() throws {
    let iris = try CSV.read(path: MMLTestSupportPaths.samples + "iris.csv")
    #expect(iris.table.nrows == 150 && iris.table.ncols == 5 && iris.notice == nil)
    let ab = try CSV.read(path: MMLTestSupportPaths.samples + "abtest.csv").table
    #expect(ab["converted"]?.kind == .bool && ab["group"]?.kind == .string && ab.nrows == 2000)
    #expect(throws: DataError.self) { try CSV.read(path: "/nonexistent/file.csv") }
    #expect(throws: DataError.self) { try CSV.read(path: MMLTestSupportPaths.samples) }
    #expect(throws: DataError.self) { try CSV.read(text: "") }
}
