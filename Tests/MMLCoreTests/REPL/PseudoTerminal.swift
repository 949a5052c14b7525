// Runs a program on a pseudo-terminal, as if a person typed at it: its own session with the
// pty as controlling terminal, so Ctrl-C becomes SIGINT and isatty() is true.
#if canImport(Glibc)
import Glibc
#endif

struct PseudoTerminalError: Error, CustomStringConvertible {
    var description: String
}

/// grantpt, unlockpt and ptsname are in the C library but not in Swift's Glibc module
/// (they sit behind _XOPEN_SOURCE), so they are looked up at run time.
private enum PTY {
    typealias IntFunction = @convention(c) (Int32) -> Int32
    typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    private static func symbol<F>(_ name: String, as type: F.Type) -> F? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }

    static func grantpt(_ fd: Int32) -> Int32 { symbol("grantpt", as: IntFunction.self)?(fd) ?? -1 }
    static func unlockpt(_ fd: Int32) -> Int32 { symbol("unlockpt", as: IntFunction.self)?(fd) ?? -1 }
    static func ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>? { symbol("ptsname", as: NameFunction.self)?(fd) }
}

final class PseudoTerminalProcess {
    let pid: pid_t
    private let master: Int32
    private var bytes: [UInt8] = []
    /// How far `expect` has read in the cleaned output.
    private var mark = 0
    private(set) var exitStatus: Int32?

    init(executable: String, environment: [String]) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0, let name = PTY.ptsname(master) else {
            throw PseudoTerminalError(description: "cannot open a pseudo-terminal")
        }
        let slavePath = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, the slave becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner may block or ignore SIGINT; the child starts with neither.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        // POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF (glibc values;
        // the macros are not imported into Swift).
        posix_spawnattr_setflags(&attributes, 0x80 | 0x08 | 0x04)
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child = pid_t()
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw PseudoTerminalError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types text (use "\r" for Enter, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D, "\t" for Tab).
    func send(_ text: String) {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let n = data[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    /// Everything shown so far, without escape sequences, carriage returns and bells.
    var screenText: String { Self.clean(bytes) }

    /// Waits until `needle` appears after what earlier calls matched; true when it did.
    @discardableResult
    func expect(_ needle: String, timeout: Double = 10) -> Bool {
        let deadline = Self.now() + timeout
        while true {
            let text = screenText
            let scalars = Array(text.unicodeScalars)
            if mark <= scalars.count {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: scalars[mark...])
                let tail = String(rest)
                if let range = Self.find(needle, in: tail) {
                    mark += tail.unicodeScalars[..<range].count + needle.unicodeScalars.count
                    return true
                }
            }
            let left = deadline - Self.now()
            if left <= 0 { return false }
            pump(timeout: min(left, 0.05))
        }
    }

    /// Reads whatever output arrives within `seconds`.
    func drain(for seconds: Double) {
        let deadline = Self.now() + seconds
        while Self.now() < deadline { pump(timeout: deadline - Self.now()) }
    }

    /// Waits for the program to exit; its exit status, or nil on timeout.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Self.now() + timeout
        while Self.now() < deadline {
            pump(timeout: 0.05)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                // WIFEXITED / WEXITSTATUS are macros Swift does not import.
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                return exitStatus
            }
        }
        return nil
    }

    /// Presses Ctrl-D and waits for the exit status. libedit prints its prompt a moment
    /// before it switches the terminal to raw mode; a Ctrl-D landing in between reaches
    /// libedit as a NUL character in the line, so later tries clear the line (Ctrl-U)
    /// before pressing Ctrl-D again.
    func pressCtrlDAndWait(attempts: Int = 5) -> Int32? {
        for attempt in 0..<attempts {
            send(attempt == 0 ? "\u{04}" : "\u{15}\u{04}")
            if let status = waitForExit(timeout: 1) { return status }
        }
        return nil
    }

    /// The last bytes received, escaped, for a failure message.
    var rawTail: String {
        bytes.suffix(160).map { $0 >= 32 && $0 < 127 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
    }

    private func pump(timeout: Double) {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, Int32(max(0, timeout) * 1000)) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
    }

    private static func find(_ needle: String, in text: String) -> String.UnicodeScalarView.Index? {
        let hay = text.unicodeScalars
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty else { return hay.startIndex }
        var i = hay.startIndex
        while i != hay.endIndex {
            if hay[i...].starts(with: pattern) { return i }
            i = hay.index(after: i)
        }
        return nil
    }

    /// Drops CSI escape sequences (ESC [ … final byte), other ESC pairs, CR and BEL.
    static func clean(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B {
                i += 1
                if i < bytes.count && bytes[i] == UInt8(ascii: "[") {
                    i += 1
                    while i < bytes.count && !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                }
                i += 1
                continue
            }
            if b != 0x0D && b != 0x07 { out.append(b) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
