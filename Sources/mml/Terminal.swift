// Facts about the terminal and writing to the standard streams.
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum Terminal {
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or --no-color.
    static func useColor(forStderr: Bool, disabled: Bool) -> Bool {
        if disabled { return false }
        if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
        return forStderr ? stderrIsTerminal : stdoutIsTerminal
    }

    static func writeOut(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, stdout)
        }
    }

    static func flushOutput() { fflush(stdout) }

    /// The width of the terminal on standard output, when it is one.
    static var columns: Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    static func writeError(_ text: String) {
        fflush(stdout)
        var text = text
        text.withUTF8 { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, stderr)
        }
        fflush(stderr)
    }

    /// The whole content of a file or standard input ("-"), or a one-line reason it failed.
    static func readFile(_ path: String) -> Result<String, FileError> {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
        if fd < 0 { return .failure(FileError(path: path, reason: String(cString: strerror(errno)))) }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            return .failure(FileError(path: path, reason: "it is a folder, not a file"))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileError(path: path, reason: String(cString: strerror(errno))))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}

struct FileError: Error {
    var path: String
    var reason: String
    var message: String { "mml: cannot read \(path == "-" ? "standard input" : path): \(reason)" }
}
