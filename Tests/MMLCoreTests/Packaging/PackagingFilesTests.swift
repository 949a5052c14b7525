// The generated files the packages ship — man page, shell completions — are regenerated from the
// command-line declaration and compared with the committed ones (Scripts/update-docs re-records
// them); the version `mml --version` prints matches CHANGELOG.md; bash completes what it should.
import Foundation
import MMLTestSupport
import Testing

/// The committed completion scripts, by shell, where Scripts/package installs them from.
let completionScripts = [("bash", "Packaging/completions/mml.bash"), ("zsh", "Packaging/completions/_mml"),
                         ("fish", "Packaging/completions/mml.fish")]

/// The committed man page.
let manPagePath = "Docs/man/mml.1"

/// The newest CHANGELOG.md entry's version and date, from its heading `## VERSION (YYYY-MM-DD)`.
func newestChangelogEntry() throws -> (version: String, date: String)? {
    let heading = try readRepositoryFile("CHANGELOG.md").split(separator: "\n").first { $0.hasPrefix("## ") }
    guard let parts = heading?.dropFirst(3).split(separator: " "), parts.count == 2,
          parts[1].hasPrefix("("), parts[1].hasSuffix(")") else { return nil }
    return (String(parts[0]), String(parts[1].dropFirst().dropLast()))
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: mmlExecutable), "build mml first (swift build)"))
struct PackagingFilesTests {
    @Test("the completion scripts are the ones mml generates now")
    func completionScriptsAreFresh() throws {
        for (shell, path) in completionScripts {
            let run = try runBinary(["--generate-completion-script", shell])
            #expect(run.status == 0, "\(run.stderr)")
            Snapshot.expect(run.stdout, matches: path)
        }
    }

    @Test("the man page is the one swift-argument-parser's generate-manual makes from mml now")
    func manPageIsFresh() throws {
        let tool = try generateManualTool()
        guard let entry = try newestChangelogEntry() else {
            Issue.record("CHANGELOG.md's newest entry has no `## VERSION (YYYY-MM-DD)` heading")
            return
        }
        let run = try runBinary([mmlExecutable, "--date", entry.date, "--output-directory", "-"], executable: tool)
        #expect(run.status == 0, "\(run.stderr)")
        Snapshot.expect(ManPage.keepingLayout(run.stdout), matches: manPagePath)
    }

    @Test("mml --version names CHANGELOG.md's newest version, the commit and the kind of build")
    func versionMatchesTheChangelog() throws {
        let run = try runBinary(["--version"])
        #expect(run.status == 0)
        let entry = try newestChangelogEntry()
        #expect(entry != nil, "CHANGELOG.md's newest entry has no `## VERSION (YYYY-MM-DD)` heading")
        guard let entry else { return }
        // Tests run the debug build that `swift build` made (`swift test` alone does not relink
        // it), so its commit is HEAD or one before it; outside a git checkout it is unknown.
        #expect(run.stdout.hasPrefix("\(entry.version) ("), "\(run.stdout)")
        #expect(run.stdout.hasSuffix(", debug build)\n"), "\(run.stdout)")
        let commit = run.stdout.split(separator: " ").dropFirst(2).first.map { $0.prefix { $0.isHexDigit } } ?? ""
        if try git(["rev-parse", "HEAD"]) != nil {
            #expect(commit.count == 12, "\(run.stdout)")
            #expect(try git(["merge-base", "--is-ancestor", String(commit), "HEAD"]) != nil,
                    "\(run.stdout) names a commit that is not in this checkout's history")
        } else {
            #expect(run.stdout.hasPrefix("\(entry.version) (unknown commit, "), "\(run.stdout)")
        }
    }

    @Test("bash completes options, subcommands, and scripts as the first word or after a subcommand")
    func bashCompletesTheFirstWordAndSubcommands() throws {
        let cases: [(line: String, expected: [String])] = [
            ("mml --allow-a", ["--allow-all"]),
            ("mml te", ["test"]),
            ("mml Samples/01-linear-algebra/de", ["Samples/01-linear-algebra/determinants.mml"]),
            ("mml test Samples/01-linear-algebra/de", ["Samples/01-linear-algebra/determinants.mml"]),
            ("mml test --up", ["--update"]),
            ("mml jupyter ins", ["install"]),
            ("mml jupyter install --pre", ["--prefix"]),
        ]
        for (line, expected) in cases {
            let run = try runBinary([repositoryRoot + "/Packaging/completions/mml.bash", line],
                                    executable: repositoryRoot + "/Tests/Packaging/bash-complete", directory: repositoryRoot)
            #expect(run.stdout.split(separator: "\n").map(String.init) == expected, "\(line): \(run.stdout)\(run.stderr)")
        }
    }

    /// What git prints for `arguments` in the checkout; nil when it fails or there is no git.
    func git(_ arguments: [String]) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { return nil }
        let run = try runBinary(["-C", repositoryRoot] + arguments, executable: "/usr/bin/git")
        return run.status == 0 ? run.stdout : nil
    }

    /// swift-argument-parser's generate-manual, built from the resolved checkout into
    /// .build/tools the first time (about a minute; `swift build` does not build it).
    func generateManualTool() throws -> String {
        let tool = repositoryRoot + "/.build/tools/debug/generate-manual"
        if FileManager.default.isExecutableFile(atPath: tool) { return tool }
        // Built with this process's environment (the test runner's PATH finds swift and its tools).
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--package-path", repositoryRoot + "/.build/checkouts/swift-argument-parser",
                           "--scratch-path", repositoryRoot + "/.build/tools", "--product", "generate-manual"]
        let log = Pipe()
        build.standardOutput = log
        build.standardError = log
        try build.run()
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.waitUntilExit()
        #expect(build.terminationStatus == 0, "building generate-manual failed: \(output)")
        return tool
    }
}

/// The man page as the package ships it.
enum ManPage {
    /// generate-manual's page with the layout `mml --help` shows kept: a discussion's lines set
    /// in columns (two spaces inside a line) stay as written in a literal block instead of being
    /// filled into one paragraph, and a blank line becomes a paragraph break (mdoc has no blank lines).
    static func keepingLayout(_ page: String) -> String {
        var out: [String] = []
        var inColumns = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).dropLast(page.hasSuffix("\n") ? 1 : 0) {
            let columns = !line.hasPrefix(".") && line.contains("  ")
            if columns != inColumns { out.append(columns ? ".Bd -literal -offset indent" : ".Ed") }
            inColumns = columns
            out.append(line.isEmpty ? ".Pp" : String(line))
        }
        if inColumns { out.append(".Ed") }
        out.append("")
        return out.joined(separator: "\n")
    }
}
