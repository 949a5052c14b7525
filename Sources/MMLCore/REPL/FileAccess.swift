// The few file operations the REPL needs — read a script, write one atomically, list a
// folder for completion — on the C library, with one-line reasons when they fail.
#if canImport(Glibc)
import Glibc
#endif

/// A file operation that failed, with a message fit to show the learner.
public struct FileAccessError: Error, Sendable {
    public var message: String
}

/// File helpers for `:load`, `:save` and path completion.
public enum FileAccess {
    /// `~` and `~/…` expanded with $HOME; anything else unchanged.
    public static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }

    /// The whole text of a file (invalid UTF-8 is replaced, as the script runner does).
    public static func readText(_ path: String) throws(FileAccessError) -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// The whole content of a file, read with plain POSIX calls (Foundation's reader leaks a
    /// buffer on empty files, found by fuzzing).
    public static func readBytes(_ path: String) throws(FileAccessError) -> [UInt8] {
        let fd = open(expandTilde(path), O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw FileAccessError(message: "cannot read \(path): \(reason())") }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw FileAccessError(message: "cannot read \(path): it is a folder, not a file")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, Int(st.st_size)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileAccessError(message: "cannot read \(path): \(reason())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Writes `text` to a temporary file in the same folder, flushes it and renames it over
    /// `path`, so an old file is either kept whole or replaced whole.
    public static func writeAtomically(_ text: String, to path: String) throws(FileAccessError) {
        let target = expandTilde(path)
        let temp = "\(target).tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw FileAccessError(message: "cannot write \(path): \(reason())") }
        var failure: String?
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = reason()
                break
            }
            offset += n
        }
        if failure == nil, fsync(fd) != 0 { failure = reason() }
        if close(fd) != 0, failure == nil { failure = reason() }
        if failure == nil, rename(temp, target) != 0 { failure = reason() }
        if let failure {
            unlink(temp)
            throw FileAccessError(message: "cannot write \(path): \(failure)")
        }
    }

    /// The entries of a folder (without `.` and `..`), each with whether it is a folder;
    /// empty when the folder cannot be read.
    public static func listDirectory(_ path: String) -> [(name: String, isDirectory: Bool)] {
        let folder = expandTilde(path.isEmpty ? "." : path)
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
        guard stat(expandTilde(path), &st) == 0 else { return nil }
        return (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Makes the folder `path` and any missing folders above it (as `mkdir -p`).
    public static func makeFolders(_ path: String) throws(FileAccessError) {
        let full = expandTilde(path)
        var prefix = full.hasPrefix("/") ? "/" : ""
        for part in full.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw FileAccessError(message: "cannot make the folder \(path): \(reason())")
            }
            prefix += "/"
        }
        guard isDirectory(full) == true else {
            throw FileAccessError(message: "cannot make the folder \(path): a file of that name is in the way")
        }
    }

    /// The folder relative paths start from.
    public static var currentDirectory: String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// The folder part of a path: "a/b.csv" → "a", "b.csv" → ".", "/b.csv" → "/".
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
