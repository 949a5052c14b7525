// The file operations MML performs — read a file, write one atomically, list a folder —
// on the C library, with one-line reasons when they fail. Paths are opened exactly as given:
// deciding which path may be opened (`~`, `..`, symlinks) is FileAccessPolicy's job alone.
#if canImport(Glibc)
import Glibc
#endif

/// A file operation that failed, with a message fit to show the learner.
public struct FileAccessError: EngineError {
    public static let kind = DiagnosticKind.file
    public var message: String
    public var hint: String?

    public init(message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

/// File helpers for scripts, `:load`, `:save`, `mml test` and path completion.
public enum FileAccess {
    /// The largest file MML reads whole (1 GiB): far beyond a course data set, and a clear
    /// error instead of exhausting memory on a huge (or sparse) file.
    public static let maxReadBytes = 1 << 30

    /// `~` and `~/…` expanded with $HOME; anything else unchanged.
    public static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }

    /// The whole text of a file (invalid UTF-8 is replaced, as the script runner does).
    public static func readText(_ path: String, allowPipes: Bool = false) throws(FileAccessError) -> String {
        String(decoding: try readBytes(path, allowPipes: allowPipes), as: UTF8.self)
    }

    /// The whole content of a regular file (or, with `allowPipes`, of a pipe such as the
    /// `<(…)` of a shell), at most `limit` bytes. Other special files — devices, sockets, and
    /// FIFOs unless allowed — are refused rather than opened: reading one could block forever.
    public static func readBytes(_ path: String, allowPipes: Bool = false, limit: Int = maxReadBytes) throws(FileAccessError) -> [UInt8] {
        if path.utf8.contains(0) { throw FileAccessError(message: "cannot read \(shown(path)): a file name cannot contain the NUL character") }
        // O_NONBLOCK: opening a FIFO that nobody writes to would otherwise wait forever.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        if fd < 0 { throw FileAccessError(message: "cannot read \(shown(path)): \(reason())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileAccessError(message: "cannot read \(shown(path)): \(reason())") }
        let type = st.st_mode & S_IFMT
        if type == S_IFIFO && allowPipes {
            // The reader of a pipe waits for its writer, as a shell's `<(…)` expects.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        } else if type != S_IFREG {
            throw FileAccessError(message: "cannot read \(shown(path)): it is \(describe(fileType: type)), not a regular file")
        }
        if Int(st.st_size) > limit {
            throw FileAccessError(message: "cannot read \(shown(path)): it is \(formatBytes(Double(st.st_size))), more than the \(formatBytes(Double(limit))) MML reads")
        }
        return try readAll(fd, name: shown(path), limit: limit, sizeHint: Int(st.st_size))
    }

    /// Reads an open descriptor to its end, in chunks, refusing more than `limit` bytes.
    public static func readAll(_ fd: Int32, name: String, limit: Int = maxReadBytes, sizeHint: Int = 0) throws(FileAccessError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(0, sizeHint), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileAccessError(message: "cannot read \(name): \(reason())")
            }
            if n == 0 { return bytes }
            if bytes.count + n > limit {
                throw FileAccessError(message: "cannot read \(name): it is more than the \(formatBytes(Double(limit))) MML reads")
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// Writes `text` to a temporary file in the same folder, flushes it and renames it over
    /// `path`, so an old file is either kept whole or replaced whole. Temporary files that an
    /// earlier, killed MML left beside `path` are removed first.
    public static func writeAtomically(_ text: String, to path: String) throws(FileAccessError) {
        if path.utf8.contains(0) { throw FileAccessError(message: "cannot write \(shown(path)): a file name cannot contain the NUL character") }
        let folder = folder(of: path)
        guard isDirectory(folder) == true else {
            throw FileAccessError(message: "cannot write \(shown(path)): the folder \(folder) does not exist")
        }
        removeStaleTemporaries(of: path)
        let temp = temporaryPath(for: path)
        // O_EXCL | O_NOFOLLOW: never write through a file or link that someone put there.
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { throw FileAccessError(message: "cannot write \(shown(path)): \(reason())") }
        var failure: String?
        var text = text
        text.withUTF8 { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = reason()
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = reason() }
        if close(fd) != 0, failure == nil { failure = reason() }
        if failure == nil, rename(temp, path) != 0 { failure = reason() }
        if let failure {
            unlink(temp)
            throw FileAccessError(message: "cannot write \(shown(path)): \(failure)")
        }
    }

    // MARK: Temporary files

    /// The temporary file an atomic write of `path` goes through: hidden, beside it, named
    /// after it and this process (`.name.mml-tmp.PID.RANDOM`), so a later write can tell
    /// whether the process that made it is gone.
    public static func temporaryPath(for path: String) -> String {
        let folder = folder(of: path)
        return (folder == "/" ? "" : folder) + "/" + temporaryPrefix(of: lastComponent(path)) + "\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Removes the temporary files of `path` left by MML processes that no longer run (a
    /// `kill -9` during a write leaves one behind).
    public static func removeStaleTemporaries(of path: String) {
        let folder = folder(of: path)
        let prefix = temporaryPrefix(of: lastComponent(path))
        for entry in listDirectory(folder) where entry.name.hasPrefix(prefix) {
            let rest = entry.name.dropFirst(prefix.count)
            guard let dot = rest.firstIndex(of: "."), let pid = pid_t(rest[..<dot]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder == "/" ? "" : folder) + "/" + entry.name)
            }
        }
    }

    private static func temporaryPrefix(of name: String) -> String { "." + name + ".mml-tmp." }

    // MARK: Folders

    /// The entries of a folder (without `.` and `..`), each with whether it is a folder;
    /// empty when the folder cannot be read.
    public static func listDirectory(_ path: String) -> [(name: String, isDirectory: Bool)] {
        let folder = path.isEmpty ? "." : path
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var entries: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_LNK) || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                // Follow links (and file systems that do not say) to see whether it is a folder.
                var st = stat()
                let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                isDirectory = stat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isDirectory))
        }
        return entries
    }

    /// Whether `path` is a folder; nil when nothing is there (links are followed).
    public static func isDirectory(_ path: String) -> Bool? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Makes the folder `path` and any missing folders above it (as `mkdir -p`).
    public static func makeFolders(_ path: String) throws(FileAccessError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw FileAccessError(message: "cannot make the folder \(path): \(reason())")
            }
            prefix += "/"
        }
        guard isDirectory(path) == true else {
            throw FileAccessError(message: "cannot make the folder \(path): a file of that name is in the way")
        }
    }

    /// The folder relative paths start from, or nil when it no longer exists.
    public static var currentDirectory: String? {
        guard let cwd = getcwd(nil, 0) else { return nil }
        defer { free(cwd) }
        let path = String(cString: cwd)
        // Linux reports a deleted working folder as "/gone (deleted)" or "(unreachable)/…".
        return path.hasPrefix("/") && isDirectory(".") == true ? path : nil
    }

    /// The folder part of a path: "a/b.csv" → "a", "b.csv" → ".", "/b.csv" → "/".
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last part of a path: "a/b.csv" → "b.csv", "a/" → "".
    public static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// A path as an error shows it: control characters escaped, so a name cannot rewrite the
    /// terminal line it is printed on.
    public static func shown(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.isBidiControl {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func describe(fileType: mode_t) -> String {
        switch fileType {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
