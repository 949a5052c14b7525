// Which files a running script may read and write. A script shared by someone else may read
// only inside its own folder and the working directory, and write only inside the working
// directory, unless the person running it widens that with --allow-read/--allow-write/--allow-all.
#if canImport(Glibc)
import Glibc
#endif

public struct FileAccessPolicy: Sendable {
    /// Folders (absolute, symlinks resolved) under which reading is allowed.
    public private(set) var readRoots: [String]
    /// Folders under which writing is allowed.
    public private(set) var writeRoots: [String]
    /// No restriction (the REPL, where the person typing is the author).
    public private(set) var unrestricted: Bool

    /// Everything allowed.
    public static let unrestricted = FileAccessPolicy(readRoots: [], writeRoots: [], unrestricted: true)

    /// The default for running a script: read its folder and the working directory, write the
    /// working directory, plus what the flags allow.
    public static func forScript(at scriptPath: String?, extraRead: [String] = [], extraWrite: [String] = []) -> FileAccessPolicy {
        let cwd = canonical(".") ?? "/"
        var read = [cwd]
        if let scriptPath, let folder = canonical(parent(of: scriptPath)) { read.append(folder) }
        let write = [cwd] + extraWrite.compactMap { canonical($0) }
        read += extraRead.compactMap { canonical($0) } + write
        return FileAccessPolicy(readRoots: read, writeRoots: write, unrestricted: false)
    }

    /// The path to open for reading, or an error naming the flag that would allow it.
    public func checkRead(_ path: String, at span: SourceSpan) throws -> String {
        if unrestricted { return path }
        // A file that does not exist cannot be read either way; let the reader say so.
        guard let resolved = FileAccessPolicy.canonical(path) else { return path }
        guard FileAccessPolicy.isInside(resolved, any: readRoots) else {
            throw MMLError(kind: "permission", "this script may not read \(resolved): scripts read only inside their own folder and the working directory", at: span,
                           hint: "if you trust the script, run it with --allow-read \(FileAccessPolicy.parent(of: resolved)) (or --allow-all)")
        }
        return resolved
    }

    /// The path to write, or an error naming the flag that would allow it.
    public func checkWrite(_ path: String, at span: SourceSpan) throws -> String {
        if unrestricted { return path }
        let name = FileAccessPolicy.lastComponent(path)
        guard name != "..", name != ".", !name.isEmpty, let folder = FileAccessPolicy.canonical(FileAccessPolicy.parent(of: path)) else {
            throw MMLError(kind: "permission", "cannot write \(path): its folder does not exist or the name is not a file name", at: span)
        }
        // Resolve the file itself too when it exists (it may be a symlink pointing elsewhere).
        let target = FileAccessPolicy.canonical(path) ?? (folder == "/" ? "/" + name : folder + "/" + name)
        guard FileAccessPolicy.isInside(target, any: writeRoots) else {
            throw MMLError(kind: "permission", "this script may not write \(target): scripts write only inside the working directory", at: span,
                           hint: "if you trust the script, run it with --allow-write \(FileAccessPolicy.parent(of: target)) (or --allow-all)")
        }
        return target
    }

    static func isInside(_ path: String, any roots: [String]) -> Bool {
        roots.contains { root in root == "/" || path == root || path.hasPrefix(root + "/") }
    }

    /// The absolute path with `.`, `..` and symlinks resolved, or nil when it does not exist.
    static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : head
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }
}
