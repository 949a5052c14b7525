// Every example in the guide (Docs/guide/*.md) runs, and prints exactly what the page shows.
//
// On a page, a ```mml block followed by an ```output block is run as if typed at the REPL
// (each result echoed, as `runMML(text, echo: true)` does) and its output — including any
// warning or error, rendered without colour — must equal the output block. An ```mml block
// without an output block runs too and must print nothing and not fail. The blocks of a page
// share one session, so a page reads like one REPL conversation.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

struct GuideExample: CustomTestStringConvertible, Sendable {
    var page: String
    var line: Int          // where the ```mml block starts, 1-based
    var code: String
    var output: String?
    var testDescription: String { "\(page):\(line)" }
}

/// The fenced blocks of a Markdown page: (language, first line number, body).
func fencedBlocks(_ text: String) -> [(language: String, line: Int, body: String)] {
    var blocks: [(String, Int, String)] = []
    var open: (String, Int, [String])?
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = String(raw)
        if var current = open {
            if line.hasPrefix("```") {
                blocks.append((current.0, current.1, current.2.joined(separator: "\n")))
                open = nil
            } else {
                current.2.append(line)
                open = current
            }
        } else if line.hasPrefix("```") {
            open = (String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), index + 1, [])
        }
    }
    return blocks
}

/// The ```mml examples of a page, each with the ```output block right after it (if any).
func guideExamples(page: String, text: String) -> [GuideExample] {
    let blocks = fencedBlocks(text)
    var examples: [GuideExample] = []
    for (i, block) in blocks.enumerated() where block.language == "mml" {
        let next = i + 1 < blocks.count ? blocks[i + 1] : nil
        examples.append(GuideExample(page: page, line: block.line, code: block.body,
                                     output: next?.language == "output" ? next?.body : nil))
    }
    return examples
}

let guidePages = repositoryFiles(under: "Docs/guide", withExtension: "md")

@Test("guide page examples", arguments: guidePages)
func guidePage(_ page: String) throws {
    let examples = guideExamples(page: page, text: try readRepositoryFile(page))
    #expect(!examples.isEmpty, "\(page) has no ```mml examples")
    // Pages read the shipped data from the repository root, as the samples do.
    _ = FileManager.default.changeCurrentDirectoryPath(repositoryRoot)
    let shown: [String] = withLargeStack {
        let session = Session(SessionConfiguration(runsOnLargeStack: false))
        let renderer = TextRenderer(sources: session.sources)
        var results: [String] = []
        for example in examples {
            var out = ""
            let result = session.run(example.code, name: "\(page):\(example.line)", echo: true) { event in
                renderer.emit(event, write: { out += $0 }, writeError: { out += $0 })
            }
            for d in result.diagnostics { out += renderer.diagnostics.render(d) }
            results.append(out)
        }
        return results
    }
    // The page is its own snapshot: each ```output block holds what the ```mml block before it prints.
    let outputs = shown.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
    Snapshot.expect(pageWithOutputs(try readRepositoryFile(page), outputs), matches: page)
    for (example, printed) in zip(examples, outputs) where example.output == nil {
        #expect(printed.isEmpty, "\(example.testDescription) prints something but the page has no ```output block for it:\n\(printed)")
    }
}

/// The page with the body of every ```output block that follows an ```mml block replaced, in order.
func pageWithOutputs(_ text: String, _ outputs: [String]) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var result: [String] = []
    var example = -1            // index of the last ```mml block seen
    var i = 0
    var lastFence = ""          // language of the last closed block
    while i < lines.count {
        let line = lines[i]
        guard line.hasPrefix("```") else { result.append(line); i += 1; continue }
        let language = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
        result.append(line)
        i += 1
        var body: [String] = []
        while i < lines.count && !lines[i].hasPrefix("```") { body.append(lines[i]); i += 1 }
        if language == "mml" { example += 1 }
        if language == "output" && lastFence == "mml" && example < outputs.count {
            body = outputs[example].isEmpty ? [] : [outputs[example]]
        }
        result += body
        if i < lines.count { result.append(lines[i]); i += 1 }
        lastFence = language
    }
    return result.joined(separator: "\n")
}

@Test func guideHasOnePagePerModule() {
    let expected = ["01-linear-algebra", "02-calculus", "03-probability-statistics",
                    "04-programming-mathematics", "05-integration", "06-final-project"]
    for module in expected {
        #expect(guidePages.contains("Docs/guide/\(module).md"), "Docs/guide/\(module).md is missing")
    }
}

@Test func fencedBlocksPairCodeWithOutput() {
    let page = "text\n```mml\nx = 1\n```\n\n```output\nx = 1\n```\n```mml\ny = 2;\n```\n"
    let examples = guideExamples(page: "p.md", text: page)
    #expect(examples.count == 2)
    #expect(examples.first?.code == "x = 1" && examples.first?.output == "x = 1" && examples.first?.line == 2)
    #expect(examples.last?.output == nil)
}
