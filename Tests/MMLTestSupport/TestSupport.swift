// Helpers shared by MML's test suites: the repository root, running scripts in memory,
// reading files.
import Foundation
import MMLCore

/// The repository's root folder, found from this file's location.
public let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/MMLTestSupport/TestSupport.swift
    return parts.joined(separator: "/")
}()

/// What a script printed and how it ended, as the `mml` command would report it.
public struct ScriptResult: Sendable {
    public var stdout: String
    public var stderr: String
    public var status: Int32
    public var diagnostics: [Diagnostic]
}

/// Runs MML source the way `mml FILE` does (no echo) or the REPL does (echo), through a
/// Session, capturing output and rendered diagnostics as the command line would print them.
public func runMML(_ text: String, name: String = "test.mml", echo: Bool = false, summarizeChecks: Bool = true,
                   configuration: SessionConfiguration = SessionConfiguration()) -> ScriptResult {
    let session = Session(configuration)
    // Each run has a budget of its own (tests run concurrently in one process), small
    // enough that scripts testing the budget are refused before they touch much memory.
    session.interpreter.memory = MemoryBudget(limit: 1 << 30)
    let renderer = TextRenderer(sources: session.sources)
    var out = ""
    var err = ""
    let result = session.run(text, name: name, echo: echo) { event in
        renderer.emit(event, write: { out += $0 }, writeError: { err += $0 })
    }
    for d in result.diagnostics { err += renderer.diagnostics.render(d) }
    var status: Int32 = result.succeeded ? 0 : 1
    if summarizeChecks, let summary = TextRenderer.summary(of: result.checks) {
        out += summary + "\n"
        if result.checks.failed > 0 { status = 1 }
    }
    return ScriptResult(stdout: out, stderr: err, status: status, diagnostics: result.diagnostics)
}

/// Reads a file of the repository as text; bytes that are not UTF-8 become U+FFFD, as the
/// `mml` command reads scripts.
public func readRepositoryFile(_ relativePath: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/" + relativePath)), as: UTF8.self)
}

/// Paths (relative to the repository) of files under a folder with an extension, sorted.
public func repositoryFiles(under folder: String, withExtension ext: String) -> [String] {
    let base = repositoryRoot + "/" + folder
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
    var found: [String] = []
    while let path = enumerator.nextObject() as? String {
        if path.hasSuffix("." + ext) { found.append(folder + "/" + path) }
    }
    return found.sorted()
}


/// The `mml` binary that `swift build` made (end-to-end tests run it).
public let mmlExecutable = repositoryRoot + "/.build/debug/mml"
