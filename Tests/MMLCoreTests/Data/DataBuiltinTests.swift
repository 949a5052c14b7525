// The data builtins as a learner calls them: read_csv's one-time notice, write_csv round
// trips and atomic replacement, table values' shapes and printing.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

/// A fresh empty folder under the system's temporary folder.
func temporaryFolder(_ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "mml-\(name)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private let oddFolder = repositoryRoot + "/Tests/MMLCoreTests/Fixtures/data-odd/"

@Test func missingCellsAreReportedOnceAsAWarning() {
    let r = runMML("t = read_csv(\"\(oddFolder)missing_crlf.csv\")\nprint(nrows(t))\nu = t\nprint(ncols(u))")
    #expect(r.status == 0)
    #expect(r.stdout == "3\n2\n")
    #expect(r.stderr.components(separatedBy: "warning:").count == 2, "one warning:\n\(r.stderr)")
    #expect(r.stderr.contains("3 missing cells (empty, NA or NaN) read as NA — x: 1, y: 2"))
    #expect(r.stderr.contains("drop_missing"))
    // A complete file says nothing.
    #expect(runMML("t = read_csv(\"\(repositoryRoot)/Samples/data/iris.csv\")").stderr == "")
}

@Test func writeCsvRoundTripsTablesAndMatrices() throws {
    let folder = try temporaryFolder("write")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let script = """
        t = read_csv("\(repositoryRoot)/Samples/data/abtest.csv")
        write_csv("\(folder)/ab.csv", t)
        u = read_csv("\(folder)/ab.csv")
        print(size(u))
        write_csv("\(folder)/m.csv", [1.5, 2; 1/3, 4], sep=";")
        """
    let r = runMML(script)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "[2000, 4]\n")
    let original = try CSV.read(path: repositoryRoot + "/Samples/data/abtest.csv").table
    let copy = try CSV.read(path: folder + "/ab.csv").table
    #expect(copy == original)
    // Every digit survives: 1/3 is written in shortest round-trip form.
    #expect(try String(contentsOfFile: folder + "/m.csv", encoding: .utf8) == "col1;col2\n1.5;2\n0.3333333333333333;4\n")
    // No temporary files are left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["ab.csv", "m.csv"])
}

@Test func writeCsvReplacesAFileWholeAndQuotesWhereNeeded() throws {
    let folder = try temporaryFolder("replace")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/t.csv"
    try "old contents that are longer than the new ones\n".write(toFile: path, atomically: false, encoding: .utf8)
    let r = runMML("""
        t = add_column(table([1; 2], "n"), "note", ["a, b", "say \\"hi\\""])
        write_csv("\(path)", t)
        print(read_csv("\(path)").note)
        """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "n,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n")
    #expect(r.stdout == "[\"a, b\", \"say \"hi\"\"]\n")
}

@Test func writeCsvIntoAMissingFolderIsAnError() {
    let r = runMML("write_csv(\"/nonexistent-mml-folder/x.csv\", [1, 2])")
    #expect(r.status == 1)
    #expect(r.diagnostics.first?.message.contains("its folder /nonexistent-mml-folder does not exist") == true)
}

@Test func tablesPrintAlignedWithARowCountAndElideLongOnes() {
    let r = runMML("t = read_csv(\"\(repositoryRoot)/Samples/data/advertising.csv\")\nprint(t)", echo: false)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    // Header, 10 rows, ⋮, 10 rows, the count.
    #expect(lines.count == 23)
    #expect(lines.first == "        tv  radio  sales")
    #expect(lines[11].trimmingCharacters(in: .whitespaces) == "⋮")
    #expect(lines.last == "200 rows × 3 columns")
    // REPL echo of an assignment shows the table below the name.
    let echo = runMML("t = table([1, 2; 3, 4])", echo: true)
    #expect(echo.stdout == "t =\n   col1  col2\n1     1     2\n2     3     4\n2 rows × 2 columns\n")
}

@Test func stringVectorsElideToTheWidth() {
    let r = runMML("t = read_csv(\"\(repositoryRoot)/Samples/data/iris.csv\")\nprint(t.species)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2 && lines[0] == "150-element string vector")
    #expect(lines[1].count <= 80 && lines[1].hasPrefix("[\"setosa\", ") && lines[1].contains("…") && lines[1].hasSuffix("\"virginica\"]"))
}

@Test func shapeBuiltinsWorkOnTablesAndStringVectors() {
    let r = runMML("""
        t = read_csv("\(repositoryRoot)/Samples/data/anscombe.csv")
        print(size(t), rows(t), cols(t), length(t), size(t, 2))
        print(length(columns(t)), size(columns(t)))
        """)
    #expect(r.stdout == "[11, 8] 11 8 11 8\n8 [8, 1]\n", "\(r.stderr)")
}
