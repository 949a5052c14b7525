// Snapshots: committed files that tests compare generated text with — sample outputs, the
// guide's output blocks, the builtin reference, plot renderings, spec files' expected stderr.
// They are re-recorded on purpose, never edited by hand: MML_RECORD=1 (Scripts/update-docs
// sets it) rewrites every snapshot from what the code produces now; then review the diff.
import Foundation
import MMLCore
import Testing

public enum Snapshot {
    /// True when snapshots are being re-recorded rather than compared.
    public static var recording: Bool { ProcessInfo.processInfo.environment["MML_RECORD"] == "1" }

    /// Compares `actual` with the committed file at `path` (relative to the repository root),
    /// or rewrites that file when recording.
    public static func expect(_ actual: String, matches path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let full = repositoryRoot + "/" + path
        if recording {
            do {
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try actual.write(toFile: full, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot record \(path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let committed = try? readRepositoryFile(path) else {
            Issue.record("\(path) is missing: record it with Scripts/update-docs and review it", sourceLocation: sourceLocation)
            return
        }
        if committed != actual {
            Issue.record("""
                \(path) differs from what the code produces now (- committed, + now):
                \(LineDiff.unified(expected: committed, actual: actual))
                If the change is meant, re-record with Scripts/update-docs and review the diff.
                """, sourceLocation: sourceLocation)
        }
    }
}
