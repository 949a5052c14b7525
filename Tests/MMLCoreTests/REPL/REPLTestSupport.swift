// A scripted line reader and a helper that runs a REPL session on it, capturing output.
import MMLCore
#if canImport(Glibc)
import Glibc
#endif

/// Hands the session a fixed list of inputs and remembers the prompts and history.
final class ScriptedLineReader: LineReader {
    var inputs: [LineInput]
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []

    init(_ inputs: [LineInput]) { self.inputs = inputs }
    convenience init(lines: [String]) { self.init(lines.map { .line($0) }) }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func addHistory(_ entry: String) { history.append(entry) }
}

/// What a scripted session printed and how it ended.
struct SessionRun {
    var session: REPLSession
    var reader: ScriptedLineReader
    var out: String
    var err: String
    var status: Int32
}

/// Runs a whole session over `inputs`.
func runSession(_ inputs: [LineInput], interactive: Bool = true, color: Bool = false) -> SessionRun {
    let reader = ScriptedLineReader(inputs)
    var out = ""
    var err = ""
    let session = REPLSession(
        reader: reader, configuration: REPLConfiguration(interactive: interactive, color: color, version: "test"),
        write: { out += $0 }, writeError: { err += $0 })
    let status = session.run()
    return SessionRun(session: session, reader: reader, out: out, err: err, status: status)
}

func runSession(lines: [String], interactive: Bool = true, color: Bool = false) -> SessionRun {
    runSession(lines.map { .line($0) }, interactive: interactive, color: color)
}

/// A fresh empty folder under /tmp for file tests.
func makeTemporaryFolder() -> String {
    var template = Array("/tmp/mml-repl-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
