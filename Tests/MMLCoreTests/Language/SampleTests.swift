// Every script under Samples/ runs, and prints exactly its committed `.out` file.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

struct SampleFile: CustomTestStringConvertible, Sendable {
    var path: String
    var testDescription: String { path }
}

let sampleFiles = repositoryFiles(under: "Samples", withExtension: "mml").map { SampleFile(path: $0) }

@Test("sample", arguments: sampleFiles)
func sample(_ file: SampleFile) throws {
    let text = try readRepositoryFile(file.path)
    // Samples read their data relative to the repository, as `Scripts/mml Samples/…` does.
    _ = FileManager.default.changeCurrentDirectoryPath(repositoryRoot)
    let result = runMML(text, name: file.path)
    #expect(result.status == 0, "\(file.path) failed:\n\(result.stderr)")
    Snapshot.expect(result.stdout, matches: String(file.path.dropLast(4)) + ".out")
}

@Test func everySampleHasExpectedOutput() {
    for file in sampleFiles {
        let out = repositoryRoot + "/" + String(file.path.dropLast(4)) + ".out"
        #expect(FileManager.default.fileExists(atPath: out), "\(file.path) has no .out file")
    }
}
