// Every adversarial script (Spec/adversarial) run through the real `mml` under a memory cap
// ends with a clean error and exit status 1: no crash, no trap, no hang.
import Foundation
import MMLTestSupport
import Testing

let adversarialScripts = repositoryFiles(under: "Tests/MMLCoreTests/Spec/adversarial", withExtension: "mml")

@Test("adversarial script under a memory cap", .enabled(if: FileManager.default.isExecutableFile(atPath: mmlExecutable)),
      arguments: adversarialScripts)
func adversarialScriptFailsCleanly(_ path: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // 4 GiB of address space: far below the machine, above what MML itself reserves. A 1 GiB
    // memory budget, so scripts that grow data until it runs out stop after touching little.
    process.arguments = ["-c", "ulimit -v 4194304; exec \"$0\" --no-color --max-memory 1G --timeout 60 \"$1\"", mmlExecutable, repositoryRoot + "/" + path]
    let stderr = Pipe()
    process.standardError = stderr
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "\(path) was killed by a signal:\n\(err)")
    #expect(process.terminationStatus == 1, "\(path) exited with \(process.terminationStatus):\n\(err)")
    #expect(err.hasPrefix("error: "), "\(path):\n\(err)")
    #expect(!err.contains("Fatal error") && !err.contains("Stack dump"), "\(path) trapped:\n\(err)")
}
