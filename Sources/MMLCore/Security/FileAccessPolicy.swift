// Which files a running program may read and write. A script shared by someone else may read
// only inside its own folder and the working directory, and write only inside the working
// directory, unless the person running it widens that with --allow-read/--allow-write/--allow-all.
//
// The policy resolves every path once — `~` expanded, made absolute, `.`, `..` and symlinks
// resolved — and returns the path to open; the file layer opens exactly that path and expands
// nothing. A path that cannot be resolved is refused (fail closed).
#if canImport(Glibc)
import Glibc
#endif

public struct FileAccessPolicy: Sendable {
    /// Folders (absolute, symlinks resolved) under which reading is allowed.
    public private(set) var readRoots: [String]
    /// Folders under which writing is allowed.
    public private(set) var writeRoots: [String]
    /// No restriction (the interactive REPL, where the person typing is the author).
    public private(set) var unrestricted: Bool
    /// The folder relative paths start from: the working directory when the policy was made
    /// (nil when it no longer existed; relative paths are then refused). The unrestricted
    /// policy follows the process's working directory instead.
    public private(set) var base: String?

    /// Everything allowed.
    public static let unrestricted = FileAccessPolicy(readRoots: [], writeRoots: [], unrestricted: true, base: nil)

    /// The default for running a script: read its folder and the working directory, write the
    /// working directory, plus what the flags allow. A folder that cannot be resolved (a
    /// deleted working directory) allows nothing. `workingDirectory` defaults to the process's.
    public static func forScript(at scriptPath: String?, extraRead: [String] = [], extraWrite: [String] = [],
                                 workingDirectory: String? = FileAccess.currentDirectory) -> FileAccessPolicy {
        let cwd = workingDirectory.flatMap(canonical)
        var read = cwd.map { [$0] } ?? []
        if let scriptPath, let folder = canonical(absolute(FileAccess.folder(of: scriptPath), base: cwd) ?? "") { read.append(folder) }
        let write = (cwd.map { [$0] } ?? []) + extraWrite.compactMap { canonical(absolute(FileAccess.expandTilde($0), base: cwd) ?? "") }
        read += extraRead.compactMap { canonical(absolute(FileAccess.expandTilde($0), base: cwd) ?? "") } + write
        return FileAccessPolicy(readRoots: read, writeRoots: write, unrestricted: false, base: cwd)
    }

    /// The path to open for reading, or an error: the path is refused, or there is no such file.
    public func checkRead(_ path: String, at span: SourceSpan) throws(MMLError) -> String {
        let full = try absolute(path, verb: "read", at: span)
        guard let resolved = FileAccessPolicy.canonical(full) else {
            // Something unresolvable but there (/dev/stdin → a pipe): the opener says what it is.
            if unrestricted, FileAccess.isDirectory(full) != nil { return full }
            // Say "not allowed" before "not there", so a script cannot probe for files outside.
            if !unrestricted, !FileAccessPolicy.isInside(FileAccessPolicy.normalized(full), any: readRoots) {
                throw readRefusal(FileAccessPolicy.normalized(full), at: span)
            }
            throw MMLError(kind: .file, "cannot read \(FileAccess.shown(path)): \(FileAccessPolicy.failure(of: full))", at: span,
                           hint: path.hasPrefix("/") || path.hasPrefix("~") ? nil : "relative paths start in the folder MML was started from: \(base ?? FileAccess.currentDirectory ?? "(none)")")
        }
        guard unrestricted || FileAccessPolicy.isInside(resolved, any: readRoots) else { throw readRefusal(resolved, at: span) }
        return resolved
    }

    /// The path to write, or an error naming the flag that would allow it.
    public func checkWrite(_ path: String, at span: SourceSpan) throws(MMLError) -> String {
        let full = try absolute(path, verb: "write", at: span)
        let name = FileAccess.lastComponent(full)
        guard name != "..", name != ".", !name.isEmpty else {
            throw MMLError(kind: .file, "cannot write \(FileAccess.shown(path)): it names a folder, not a file", at: span)
        }
        guard let folder = FileAccessPolicy.canonical(FileAccess.folder(of: full)) else {
            if !unrestricted, !FileAccessPolicy.isInside(FileAccessPolicy.normalized(full), any: writeRoots) {
                throw writeRefusal(FileAccessPolicy.normalized(full), at: span)
            }
            throw MMLError(kind: .file, "cannot write \(FileAccess.shown(path)): its folder \(FileAccess.shown(FileAccess.folder(of: path))) does not exist", at: span)
        }
        // Resolve the file itself too when it exists (it may be a symlink pointing elsewhere).
        let target = FileAccessPolicy.canonical(full) ?? (folder == "/" ? "/" + name : folder + "/" + name)
        guard unrestricted || FileAccessPolicy.isInside(target, any: writeRoots) else { throw writeRefusal(target, at: span) }
        return target
    }

    /// `path` with `~` expanded and made absolute, or an error when it cannot be.
    private func absolute(_ path: String, verb: String, at span: SourceSpan) throws(MMLError) -> String {
        if path.isEmpty { throw MMLError(kind: .file, "cannot \(verb) a file with an empty name", at: span) }
        if path.utf8.contains(0) {
            throw MMLError(kind: .file, "cannot \(verb) \(FileAccess.shown(path)): a file name cannot contain the NUL character", at: span)
        }
        let expanded = FileAccess.expandTilde(path)
        if unrestricted { return expanded.hasPrefix("/") ? expanded : (FileAccess.currentDirectory ?? ".") + "/" + expanded }
        guard let full = FileAccessPolicy.absolute(expanded, base: base) else {
            throw MMLError(kind: .permission, "cannot \(verb) \(FileAccess.shown(path)): the working folder no longer exists, so relative paths lead nowhere", at: span,
                           hint: "run MML from a folder that exists")
        }
        return full
    }

    private func readRefusal(_ resolved: String, at span: SourceSpan) -> MMLError {
        MMLError(kind: .permission, "this script may not read \(FileAccess.shown(resolved)): scripts read only inside their own folder and the working directory", at: span,
                 hint: "if you trust the script, run it with --allow-read \(FileAccess.shown(FileAccess.folder(of: resolved))) (or --allow-all)")
    }

    private func writeRefusal(_ target: String, at span: SourceSpan) -> MMLError {
        MMLError(kind: .permission, "this script may not write \(FileAccess.shown(target)): scripts write only inside the working directory", at: span,
                 hint: "if you trust the script, run it with --allow-write \(FileAccess.shown(FileAccess.folder(of: target))) (or --allow-all)")
    }

    static func isInside(_ path: String, any roots: [String]) -> Bool {
        roots.contains { root in root == "/" || path == root || path.hasPrefix(root + "/") }
    }

    /// `path` joined to `base` when relative; nil when relative and there is no base.
    static func absolute(_ path: String, base: String?) -> String? {
        if path.hasPrefix("/") { return path }
        guard let base else { return nil }
        return base == "/" ? "/" + path : base + "/" + path
    }

    /// The absolute path with `.`, `..` and symlinks resolved, or nil when it does not exist.
    static func canonical(_ path: String) -> String? {
        guard !path.isEmpty, !path.utf8.contains(0), let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An absolute path with `.` and `..` removed by text alone (for paths that do not exist).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Why realpath failed on `path`, in words.
    private static func failure(of path: String) -> String {
        if let resolved = realpath(path, nil) {
            free(resolved)
            return "it cannot be opened"
        }
        return errno == ENOENT ? "there is no such file" : String(cString: strerror(errno))
    }
}
