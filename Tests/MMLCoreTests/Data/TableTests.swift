// Table operations: describe and group_by against NumPy references, sorting, filtering,
// selection, matrices, rendering, and atomic write_csv round trips.
import Foundation
import Testing
@testable import MMLCore

private func iris() throws -> Table { try CSV.read(path: MMLTestSupportPaths.samples + "iris.csv").table }

private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(a), abs(b)) }

@Test func describeMatchesNumPy() throws {
    let reference = try DataReference.load()
    for (file, expected) in [("iris", reference.iris_describe), ("advertising", reference.advertising_describe)] {
        let d = try CSV.read(path: MMLTestSupportPaths.samples + "\(file).csv").table.describe()
        #expect(d["stat"]?.strings == Table.describeStatistics)
        for (name, values) in expected {
            let got = try #require(d[name]?.numbers, "\(file).\(name)")
            for (a, b) in zip(got, values) { #expect(close(a, b), "\(file).\(name): \(a) vs \(b)") }
        }
        #expect(d.ncols == expected.count + 1)
    }
}

@Test func describeSkipsMissingAndNeedsNumbers() throws {
    let t = try CSV.read(text: "x,s\n1,a\nNA,b\n3,c\n").table
    let d = try t.describe()
    #expect(d["x"]?.numbers?[0] == 2 && d["x"]?.numbers?[1] == 2)
    #expect(throws: DataError.self) { try t.select(["s"]).describe() }
}

@Test func groupByMatchesNumPy() throws {
    let reference = try DataReference.load()
    let g = try iris().groupBy("species")
    #expect(g.keys == reference.iris_species.map(CellValue.string))
    let means = try g.mean(), sums = try g.sum()
    for (name, values) in reference.iris_species_mean {
        for (a, b) in zip(try #require(means[name]?.numbers), values) { #expect(close(a, b), "\(name)") }
    }
    for (name, values) in reference.iris_species_sum {
        for (a, b) in zip(try #require(sums[name]?.numbers), values) { #expect(close(a, b), "\(name)") }
    }
    let ab = try CSV.read(path: MMLTestSupportPaths.samples + "abtest.csv").table.groupBy("group")
    #expect(try ab.count()["count"]?.numbers == reference.abtest_counts.map(Double.init))
    let conversion = try #require(try ab.mean()["converted"]?.numbers)
    for (a, b) in zip(conversion, reference.abtest_conversion) { #expect(close(a, b)) }
    #expect(try ab.mean().columnNames == ["group", "user", "converted", "seconds"])
}

@Test func sortIsStableWithMissingLast() throws {
    let t = try CSV.read(text: "k,v\n2,a\nNA,b\n1,c\n2,d\n1,e\n").table
    #expect(try t.sorted(by: "k")["v"]?.strings == ["c", "e", "a", "d", "b"])
    #expect(try t.sorted(by: "k", descending: true)["v"]?.strings == ["a", "d", "c", "e", "b"])
    #expect(try t.sorted(by: "v", descending: true)["v"]?.strings == ["e", "d", "c", "b", "a"])
    #expect(throws: DataError.self) { try t.sorted(by: "kk") }
    do { _ = try t.sorted(by: "K") } catch let e as DataError { #expect(e.hint == "did you mean 'k'?") }
}

@Test func filterSelectRowsHeadTailMatrix() throws {
    let t = try iris()
    let big = t.filter { row in
        if case .number(let x)? = row["petal_length"] { return x > 6 }
        return false
    }
    #expect(big.nrows == 9 && big["species"]?.strings?.allSatisfy { $0 == "virginica" } == true)
    let s = try t.select(["species", "sepal_width"])
    #expect(s.columnNames == ["species", "sepal_width"])
    #expect(t.head(3).nrows == 3 && t.tail(2)["sepal_length"]?.numbers == [6.2, 5.9] && t.head(1000).nrows == 150)
    #expect(try t.rows([149, 0])["sepal_length"]?.numbers == [5.9, 5.1])
    #expect(throws: DataError.self) { try t.rows([150]) }
    let m = try t.matrix(["sepal_length", "petal_width"])
    #expect(m.rows == 150 && m.cols == 2 && m[0, 0] == 5.1 && m[0, 1] == 0.2 && m[149, 1] == 1.8)
    #expect(try t.matrix().cols == 4)
    #expect(throws: DataError.self) { try t.matrix(["species"]) }
    let withMissing = try CSV.read(text: "a,b\n1,2\nNA,3\n4,\n").table
    #expect(try withMissing.droppingMissing().nrows == 1)
    #expect(try withMissing.droppingMissing(in: ["b"]).nrows == 2)
}

@Test func renderingAlignsAndElides() throws {
    let t = try CSV.read(text: "name,x,ok\nAda,1.5,true\nBo,-20,\n").table
    #expect(t.rendered() == """
           name    x    ok
        1  Ada   1.5  true
        2  Bo    -20    NA
        2 rows × 3 columns
        """)
    let lines = try iris().rendered(maxRows: 10).split(separator: "\n")
    #expect(lines.count == 1 + 5 + 1 + 5 + 1)
    #expect(lines[6].trimmingCharacters(in: .whitespaces) == "⋮")
    #expect(lines.last == "150 rows × 5 columns")
    #expect(lines[7].hasPrefix("146 "))
}

@Test func writeCSVRoundTripsAtomically() throws {
    let folder = NSTemporaryDirectory() + "mml-csv-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/out.csv"
    try "old contents".write(toFile: path, atomically: false, encoding: .utf8)
    let t = try Table(columns: [
        Column(name: "label, quoted", strings: ["a \"b\"", nil, " padded", "line\nbreak"]),
        Column(name: "x", numbers: [0.1, .nan, -3, 1e-7]),
        Column(name: "flag", bools: [true, false, nil, true]),
    ])
    try CSV.write(t, to: path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])   // no temporary left
    let back = try CSV.read(path: path).table
    #expect(back.columnNames == t.columnNames)
    #expect(back["label, quoted"]?.strings == t["label, quoted"]?.strings)
    #expect(back["flag"]?.bools == t["flag"]?.bools)
    let x = try #require(back["x"]?.numbers)
    #expect(x[0] == 0.1 && x[1].isNaN && x[2] == -3 && x[3] == 1e-7)
    #expect(try CSV.encode(try Table(matrix: Matrix(rowArrays: [[1, 2.5]]))) == "col1,col2\n1,2.5\n")
    #expect(throws: DataError.self) { try CSV.write(t, to: folder + "/missing/dir.csv") }
}
