// Scripts read only inside their folder and the working directory, and write only inside the
// working directory; symlinks and `..` cannot escape.
import Foundation
import MMLTestSupport
import Testing
@testable import MMLCore

@Suite struct FileAccessPolicyTests {
    let base: String
    init() throws {
        base = NSTemporaryDirectory() + "mml-policy-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/work/scripts", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        try "x\n1\n".write(toFile: base + "/outside/secret.csv", atomically: true, encoding: .utf8)
        try "x\n1\n".write(toFile: base + "/work/scripts/data.csv", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: base + "/work/link.csv", withDestinationPath: base + "/outside/secret.csv")
    }

    func policy(extraRead: [String] = [], extraWrite: [String] = []) -> FileAccessPolicy {
        .forScript(at: base + "/work/scripts/s.mml", extraRead: extraRead, extraWrite: extraWrite, workingDirectory: base + "/work")
    }

    @Test func readsInsideTheScriptFolderAndWorkingDirectory() throws {
        let p = policy()
        #expect(throws: Never.self) { try p.checkRead(base + "/work/scripts/data.csv", at: .none) }
        #expect(throws: MMLError.self) { try p.checkRead(base + "/outside/secret.csv", at: .none) }
        #expect(throws: MMLError.self) { try p.checkRead(base + "/work/../outside/secret.csv", at: .none) }
        #expect(throws: MMLError.self) { try p.checkRead(base + "/work/link.csv", at: .none) }
        // Relative paths start in the policy's working directory, not the process's.
        #expect(try p.checkRead("scripts/data.csv", at: .none).hasSuffix("/work/scripts/data.csv"))
        #expect(throws: MMLError.self) { try p.checkRead("../outside/secret.csv", at: .none) }
        let widened = policy(extraRead: [base + "/outside"])
        #expect(throws: Never.self) { try widened.checkRead(base + "/outside/secret.csv", at: .none) }
    }

    @Test func writesOnlyInsideTheWorkingDirectory() throws {
        let p = policy()
        #expect(throws: Never.self) { try p.checkWrite(base + "/work/out.csv", at: .none) }
        #expect(throws: MMLError.self) { try p.checkWrite(base + "/work/scripts/../../outside/x.csv", at: .none) }
        #expect(throws: MMLError.self) { try p.checkWrite(base + "/work/link.csv", at: .none) }
        #expect(throws: MMLError.self) { try p.checkWrite(base + "/work/..", at: .none) }
        let error = try #require(throws: MMLError.self) { try p.checkWrite(base + "/outside/x.csv", at: .none) }
        #expect(error.diagnostic.hints.first?.contains("--allow-write") == true)
    }
}
