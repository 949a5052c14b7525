// Runs every spec file under Tests/MMLCoreTests/Spec through a Session, as `mml FILE` runs a
// script. Expectations are comments in the file:
//   # expect: TEXT          the next line the script prints
//   # expect error: TEXT    an error the script must stop with (on that comment's line when it
//                           trails code)
//   # expect status: N      the exit status `mml FILE` would give (0 or 1)
//   # expect stderr: TEXT   the next line of standard error; when present, standard error must
//                           be exactly these lines (rendered diagnostics, warnings). They sit at
//                           the end of the file and are re-recorded by Scripts/update-docs.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

struct SpecFile: CustomTestStringConvertible, Sendable {
    var path: String
    var testDescription: String { String(path.dropFirst("Tests/MMLCoreTests/Spec/".count)) }
}

struct SpecExpectations {
    static let stderrDirective = "# expect stderr:"
    var lines: [String] = []
    var error: (text: String, line: Int?)?
    var status: Int32?
    var stderr: [String]?
    var count: Int { lines.count + (error == nil ? 0 : 1) + (status == nil ? 0 : 1) + (stderr == nil ? 0 : 1) }

    init(_ text: String) {
        for (k, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(raw)
            if line.hasPrefix(Self.stderrDirective) {
                stderr = (stderr ?? []) + [String(line.dropFirst(Self.stderrDirective.count).dropFirst())]
            } else if let r = line.range(of: "# expect status: ") {
                status = Int32(line[r.upperBound...].trimmingCharacters(in: .whitespaces))
            } else if let r = line.range(of: "# expect error: ") {
                let trailsCode = !line[..<r.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty
                error = (String(line[r.upperBound...]), trailsCode ? k + 1 : nil)
            } else if let r = line.range(of: "# expect: ") {
                lines.append(String(line[r.upperBound...]))
            } else if line.hasSuffix("# expect:") {
                lines.append("")
            }
        }
    }

    /// `text` with its stderr directives replaced by ones for `stderr` (for re-recording).
    static func recording(stderr: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.hasPrefix(stderrDirective) }
        while lines.last == "" { lines.removeLast() }
        var printed = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if printed.last == "" { printed.removeLast() }
        lines += printed.map { $0.isEmpty ? stderrDirective : stderrDirective + " " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }
}

let specFiles = repositoryFiles(under: "Tests/MMLCoreTests/Spec", withExtension: "mml").map { SpecFile(path: $0) }

@Test("spec", arguments: specFiles)
func spec(_ file: SpecFile) throws {
    let text = try readRepositoryFile(file.path)
    let expected = SpecExpectations(text)
    #expect(expected.count > 0, "a spec file needs at least one expectation")
    // Expected stderr is data about the script, not part of it (an unterminated string
    // would otherwise swallow it); the directives sit at the end, so line numbers hold.
    let code = text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix(SpecExpectations.stderrDirective) }.joined(separator: "\n")
    let result = runMML(code, name: file.testDescription)
    var printed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if printed.last == "" { printed.removeLast() }
    // Check lines are counted at the end of a script; specs compare only what they expect.
    if printed.last?.hasSuffix(" failed") == true, !expected.lines.contains(where: { $0.hasSuffix(" failed") }) { printed.removeLast() }
    #expect(printed == expected.lines, "output of \(file.path)")
    if let status = expected.status {
        #expect(result.status == status, "exit status of \(file.path):\n\(result.stderr)")
    }
    if expected.stderr != nil {
        Snapshot.expect(SpecExpectations.recording(stderr: result.stderr, in: text), matches: file.path)
    }
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
    } else if expected.status == nil && expected.stderr == nil {
        #expect(result.diagnostics.isEmpty, "unexpected error:\n\(result.stderr)")
    }
}

@Test func specCorpusIsLargeEnough() throws {
    let total = try specFiles.reduce(0) { $0 + SpecExpectations(try readRepositoryFile($1.path)).count }
    #expect(total >= 150, "the spec corpus has \(total) expectations")
}
