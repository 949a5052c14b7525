// `mml grade` as an instructor runs it, on the committed fixture class Tests/Grading/lab3: one
// exercise, sixteen learners — right, partly wrong, a syntax error, a runtime error, an endless
// loop, an output flood, endless allocation, a redefined `check`, printed ✓ lines, reading the
// check script, reading a neighbour's folder, writing to the grader's channel, deleted givens,
// redefined givens, a notebook, and nothing handed in — against the expected gradebook in
// Tests/Grading/lab3/expected (re-recorded with MML_RECORD=1, as every snapshot is).
import Foundation
import MMLTestSupport
import Testing

@Suite("mml grade on the fixture class", .enabled(if: FileManager.default.isExecutableFile(atPath: mmlExecutable), "build mml first (swift build)"))
struct GradeCommandTests {
    static let lab = repositoryRoot + "/Tests/Grading/lab3"

    /// Output with what differs between machines and runs written as placeholders: where the
    /// repository is, and the process number in a refused /proc/PID path.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: lab, with: "<lab3>")
            .replacingOccurrences(of: #"/proc/[0-9]+/"#, with: "/proc/<pid>/", options: .regularExpression)
    }

    /// The files under `folder` (the SVG chart aside, checked on its own), as relative paths.
    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { path in
                var isFolder: ObjCBool = false
                return !path.hasSuffix(".svg") && FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
            }
            .sorted()
    }

    @Test("the gradebook, summary and every learner's feedback are as expected")
    func fixtureClass() throws {
        let output = NSTemporaryDirectory() + "mml-grade-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try runBinary(["grade", Self.lab + "/checks.mml", Self.lab + "/class", "--output", output, "--timeout", "5", "--max-memory", "256M"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("16 learners, 7 checks, 11 points available"), "\(run.stdout)")
        #expect(run.stdout.contains("ada     11 of 11 points\n"))
        let expected = Self.lab + "/expected"
        let produced = Self.files(under: output)
        #expect(produced.contains("gradebook.csv") && produced.contains("gradebook.json") && produced.contains("feedback/mo.txt"))
        if ProcessInfo.processInfo.environment["MML_RECORD"] == "1" {
            try? FileManager.default.removeItem(atPath: expected)
            for file in produced {
                let target = expected + "/" + file
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Self.normalized(String(contentsOfFile: output + "/" + file, encoding: .utf8)).write(toFile: target, atomically: true, encoding: .utf8)
            }
        }
        #expect(produced == Self.files(under: expected))
        for file in produced {
            let actual = Self.normalized(try String(contentsOfFile: output + "/" + file, encoding: .utf8))
            let wanted = (try? String(contentsOfFile: expected + "/" + file, encoding: .utf8)) ?? ""
            #expect(actual == wanted, "\(file) differs from Tests/Grading/lab3/expected/\(file)")
        }
        let svg = try String(contentsOfFile: output + "/summary.svg", encoding: .utf8)
        #expect(svg.contains("<title>Learners who passed each check (of 16)</title>"))

        // The JSON is for machines: it parses, and its totals are the CSV's.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/gradebook.json"))) as? [String: Any]
        let grades = json?["grades"] as? [[String: Any]] ?? []
        let csvTotals = try String(contentsOfFile: output + "/gradebook.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",")[1] }.map { Int($0) }
        #expect(grades.map { $0["total"] as? Int } == csvTotals)
        #expect(grades.first { $0["learner"] as? String == "mo" }?["file"] as? String == "mo/lab.ipynb")
    }

    @Test("a check script that does not run stops grading before any learner, with its error")
    func brokenCheckScript() throws {
        let dir = NSTemporaryDirectory() + "mml-grade-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/class/ada", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "d = 1\n".write(toFile: dir + "/class/ada/lab.mml", atomically: true, encoding: .utf8)
        try "answers(\"d\")\nA = [1, 2] * [3, 4]\ncheck(\"d\", d, 1)\n".write(toFile: dir + "/checks.mml", atomically: true, encoding: .utf8)
        let run = try runBinary(["grade", dir + "/checks.mml", dir + "/class", "--output", dir + "/out"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("the check script \(dir)/checks.mml does not run:"), "\(run.stderr)")
        #expect(run.stderr.contains("checks.mml:2"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        let help = try runBinary(["--help"])
        #expect(help.stdout.contains("grade"), "\(help.stdout)")
    }
}
