// The documentation points at files that exist: every relative link in README.md and Docs/,
// each module row of the README at its own samples, and no script names a missing document.
import Foundation
import MMLTestSupport
import Testing

@Suite("Docs: links")
struct DocsLinkTests {
    static let documents = ["README.md"] + repositoryFiles(under: "Docs", withExtension: "md")

    private func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: repositoryRoot + "/" + relative)
    }

    /// `[text](target)` targets that are paths in the repository (no scheme, no pure anchor).
    private func relativeLinks(in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            let target = String(text[Range(m.range(at: 1), in: text)!])
            if target.contains("://") || target.hasPrefix("#") || target.hasPrefix("mailto:") { return nil }
            return String(target.split(separator: "#", maxSplits: 1)[0])
        }
    }

    @Test("relative links resolve", arguments: documents)
    func linksResolve(_ document: String) throws {
        let text = try readRepositoryFile(document)
        let folder = (document as NSString).deletingLastPathComponent
        for target in relativeLinks(in: text) {
            let path = ((folder.isEmpty ? target : folder + "/" + target) as NSString).standardizingPath
            #expect(exists(path), "\(document) links to \(target), which does not exist")
        }
    }

    @Test("each README module row links its own samples and exercises")
    func moduleRows() throws {
        let rows = try readRepositoryFile("README.md").split(separator: "\n").filter { $0.range(of: #"^\| \d\. "#, options: .regularExpression) != nil }
        #expect(rows.count == 6)
        for row in rows {
            let number = row.dropFirst(2).prefix(1)
            for folder in ["Samples", "Exercises"] {
                #expect(row.contains("](\(folder)/0\(number)-"), "README row `\(row)` should link \(folder)/0\(number)-…")
            }
        }
    }

    @Test("scripts mention only documents the project has")
    func scriptsNameExistingDocuments() throws {
        // A name inside a shell variable's path ($out/README.md) is made by the script, not read.
        let regex = try NSRegularExpression(pattern: #"(?<![$\w/])([A-Za-z][\w/-]*\.md)\b"#)
        let scripts = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Scripts").filter { !$0.contains(".") }
        for script in scripts {
            let path = "Scripts/" + script
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: repositoryRoot + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let text = try readRepositoryFile(path)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(m.range(at: 1), in: text)!])
                let found = exists(name) || exists("Docs/" + name) || !repositoryFiles(under: ".", withExtension: "md").filter { $0.hasSuffix("/" + name) && !$0.contains("/.build") }.isEmpty
                #expect(found, "\(path) mentions \(name), which the project does not have")
            }
        }
    }
}
