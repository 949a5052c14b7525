// Facts about the terminal and writing to the standard streams.
import MMLCore
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

    /// Writes all of `text` to a descriptor (retrying short writes); errors are ignored.
    static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

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

    /// The whole text of a script file or standard input ("-"), or a one-line reason it
    /// failed. A pipe is accepted (`mml <(…)`); devices and sockets are not.
    static func readFile(_ path: String) -> Result<String, FileAccessError> {
        do {
            let bytes = path == "-" ? try FileAccess.readAll(STDIN_FILENO, name: "standard input") : try FileAccess.readBytes(path, allowPipes: true)
            return .success(String(decoding: bytes, as: UTF8.self))
        } catch {
            return .failure(FileAccessError(message: "mml: " + error.message))
        }
    }
}
