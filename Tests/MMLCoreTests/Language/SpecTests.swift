// Runs every spec file under Tests/MMLCoreTests/Spec: each `# expect: TEXT` comment is the
// next line the script must print, `# expect error: TEXT` an error the script must stop with
// (on that comment's line when it trails code).
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

struct SpecFile: CustomTestStringConvertible, Sendable {
    var path: String
    var testDescription: String { String(path.dropFirst("Tests/MMLCoreTests/Spec/".count)) }
}

struct SpecExpectations {
    var lines: [String] = []
    var error: (text: String, line: Int?)?
    var count: Int { lines.count + (error == nil ? 0 : 1) }

    init(_ text: String) {
        for (k, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(raw)
            if let r = line.range(of: "# expect error: ") {
                let trailsCode = !line[..<r.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty
                error = (String(line[r.upperBound...]), trailsCode ? k + 1 : nil)
            } else if let r = line.range(of: "# expect: ") {
                lines.append(String(line[r.upperBound...]))
            } else if line.hasSuffix("# expect:") {
                lines.append("")
            }
        }
    }
}

let specFiles = repositoryFiles(under: "Tests/MMLCoreTests/Spec", withExtension: "mml").map { SpecFile(path: $0) }

@Test("spec", arguments: specFiles)
func spec(_ file: SpecFile) throws {
    let text = try readRepositoryFile(file.path)
    let expected = SpecExpectations(text)
    #expect(expected.count > 0, "a spec file needs at least one expectation")
    let result = runMML(text, name: file.testDescription)
    var printed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if printed.last == "" { printed.removeLast() }
    // Check lines are counted at the end of a script; specs compare only what they expect.
    if printed.last?.hasSuffix(" failed") == true, !expected.lines.contains(where: { $0.hasSuffix(" failed") }) { printed.removeLast() }
    #expect(printed == expected.lines, "output of \(file.path)")
    if let (message, line) = expected.error {
        guard let d = result.diagnostics.first else {
            Issue.record("expected an error containing \"\(message)\" but the script succeeded")
            return
        }
        #expect(d.message.contains(message), "error message: \(d.message)")
        if let line {
            let source = Source(id: d.span.source, name: "", text: text)
            #expect(source.location(of: d.span.start).line == line, "error reported at the wrong line:\n\(result.stderr)")
        }
    } else {
        #expect(result.diagnostics.isEmpty, "unexpected error:\n\(result.stderr)")
    }
}

@Test func specCorpusIsLargeEnough() throws {
    let total = try specFiles.reduce(0) { $0 + SpecExpectations(try readRepositoryFile($1.path)).count }
    #expect(total >= 150, "the spec corpus has \(total) expectations")
}
