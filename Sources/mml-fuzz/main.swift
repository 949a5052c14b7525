// Fuzz targets for MML: `parse` (lexer and parser), `eval` (parse, compile and run with a
// time limit) and `files` (the file-access policy against an oracle; FileAccessTarget.swift). Built with -sanitize=fuzzer -DFUZZING it runs libFuzzer (Scripts/fuzz); built
// normally it replays the files it is given, so crash inputs can be re-run as regressions.
import MMLCore
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
#if FUZZING
import CFuzzerDriver
#endif

/// Which target runs: MML_FUZZ_TARGET=parse|eval|files (default eval).
let target: String = getenv("MML_FUZZ_TARGET").map { String(cString: $0) } ?? "eval"

/// Milliseconds one input may run before it is interrupted (a hang is not a finding).
let budgetMilliseconds: Int64 = 300
let inputStarted = Atomic<Int64>(0)

func nowMilliseconds() -> Int64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Int64(t.tv_sec) * 1000 + Int64(t.tv_nsec) / 1_000_000
}

/// A watchdog that interrupts an input running past its budget, the way Ctrl-C would.
func startWatchdog() {
    var thread = pthread_t()
    pthread_create(&thread, nil, { _ in
        while true {
            usleep(20_000)
            let started = inputStarted.load(ordering: .relaxed)
            if started != 0 && nowMilliseconds() - started > budgetMilliseconds { Interrupt.request() }
        }
    }, nil)
}

func runInput(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    if target == "parse" {
        _ = Parser.parse(text, source: SourceID(0))
        return
    }
    if target == "files" {
        runFileAccessInput(bytes)
        return
    }
    _ = withLargeStack(stackSize: 256 << 20) {
        let session = Session(SessionConfiguration(fileAccess: .forScript(at: nil), runsOnLargeStack: false))
        Interrupt.clear()
        inputStarted.store(nowMilliseconds(), ordering: .relaxed)
        defer { inputStarted.store(0, ordering: .relaxed) }
        return session.run(text, name: "fuzz.mml", sink: { _ in }).stop
    }
}

// Inputs may call write_csv or savefig with any name: run in a scratch folder and let scripts
// write only there (the default policy for scripts), so fuzzing cannot touch other files.
// Paths given on the command line must therefore be absolute (Scripts/fuzz makes them so),
// or be read before this runs (replay mode).
func enterScratchFolder() {
    var template = Array("/tmp/mml-fuzz-XXXXXX".utf8CString)
    if let dir = mkdtemp(&template) { chdir(dir) }
}
startWatchdog()

#if FUZZING
enterScratchFolder()
/// libFuzzer's callback by its conventional name (also used when libFuzzer supplies main()).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    runInput(UnsafeBufferPointer(start: data, count: size))
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
_ = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    runInput(UnsafeBufferPointer(start: data, count: size))
    return 0
}
#else
// Replay mode: run each file given on the command line once (all are read first, before
// the scratch folder becomes the working directory).
var inputs: [(path: String, bytes: [UInt8])] = []
for path in CommandLine.arguments.dropFirst() {
    guard let file = fopen(path, "rb") else {
        fputs("mml-fuzz: cannot read \(path)\n", stderr)
        exit(2)
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n == 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    fclose(file)
    inputs.append((path, bytes))
}
enterScratchFolder()
for input in inputs {
    input.bytes.withUnsafeBufferPointer(runInput)
    print("ok \(input.path)")
}
#endif
