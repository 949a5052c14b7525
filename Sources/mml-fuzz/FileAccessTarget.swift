// The `files` fuzz target: paths built from the pieces that once led out of the sandbox — `~`,
// `..`, symlinks out and in, dangling links, FIFOs, NUL, a deleted working folder — checked by
// FileAccessPolicy and compared with an oracle that resolves each path on its own (realpath of
// what the kernel would open). A path the policy lets through must be exactly the file the
// oracle finds, inside the allowed folders; a path it refuses must really be outside (or not
// resolvable); and opening an allowed path must never block.
import MMLCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A scratch tree, made once in the fuzzer's scratch folder:
///
///     root/work        the working directory     (work/sub, work/data.csv, work/fifo.csv,
///                                                  work/out → ../outside, work/in → sub,
///                                                  work/dangling → ../nothing)
///     root/scripts     the script's folder        (scripts/s.mml, scripts/up → ..)
///     root/outside     not allowed                (outside/secret.csv)
///     root/home        $HOME                      (home/secret.csv)
///     root/gone        a deleted working directory
struct FileAccessFixture {
    let root: String
    var work: String { root + "/work" }
    var scripts: String { root + "/scripts" }
    var gone: String { root + "/gone" }

    static let pieces = ["~", "..", ".", "", "work", "sub", "scripts", "outside", "home", "gone", "out", "in", "dangling", "up",
                         "data.csv", "fifo.csv", "secret.csv", "s.mml", "new.csv", "\0", "~user", "//", "...", "ü"]

    init() {
        let cwd = FileAccess.currentDirectory ?? "/tmp"
        root = cwd + "/files-fixture"
        for folder in ["", "/work", "/work/sub", "/scripts", "/outside", "/home", "/gone"] { mkdir(root + folder, 0o755) }
        for file in ["/work/data.csv", "/work/sub/data.csv", "/scripts/s.mml", "/outside/secret.csv", "/home/secret.csv"] {
            try? FileAccess.writeAtomically("x\n1\n", to: root + file)
        }
        mkfifo(root + "/work/fifo.csv", 0o644)
        symlink("../outside", root + "/work/out")
        symlink("sub", root + "/work/in")
        symlink("../nothing", root + "/work/dangling")
        symlink("..", root + "/scripts/up")
        rmdir(root + "/gone")
        setenv("HOME", root + "/home", 1)
    }

    /// The read and write roots the policy should have, worked out here, not by the policy.
    func roots(deletedWorkingFolder: Bool) -> (read: [String], write: [String]) {
        let work = realPath(self.work)!, scripts = realPath(self.scripts)!
        return deletedWorkingFolder ? ([scripts], []) : ([work, scripts], [work])
    }
}

private func realPath(_ path: String) -> String? {
    guard !path.utf8.contains(0), let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
}

private func inside(_ path: String, _ roots: [String]) -> Bool {
    roots.contains { path == $0 || path.hasPrefix($0 + "/") }
}

let fileFixture = FileAccessFixture()

/// One input: the first byte picks the operation and the policy; the rest builds the path.
func runFileAccessInput(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let first = bytes.first else { return }
    let writing = first & 1 == 1
    let deleted = first & 2 == 2
    let absolute = first & 4 == 4
    var parts: [String] = []
    var i = 1
    while i < bytes.count {
        let b = bytes[i]
        if b < 0xC0 {
            parts.append(FileAccessFixture.pieces[Int(b) % FileAccessFixture.pieces.count])
        } else if i + 1 < bytes.count {
            // A raw piece: a few bytes as they come (odd names, invalid UTF-8).
            let end = min(bytes.count, i + 1 + Int(b & 0x07))
            parts.append(String(decoding: bytes[(i + 1)..<end], as: UTF8.self))
            i = end - 1
        }
        i += 1
    }
    let joined = parts.joined(separator: "/")
    let path = absolute ? fileFixture.root + "/" + joined : joined
    let base = deleted ? fileFixture.gone : fileFixture.work
    let policy = FileAccessPolicy.forScript(at: fileFixture.scripts + "/s.mml", workingDirectory: deleted ? nil : base)
    let (readRoots, writeRoots) = fileFixture.roots(deletedWorkingFolder: deleted)

    // The oracle: what the kernel would open for this path, resolved independently.
    let expanded = path == "~" || path.hasPrefix("~/") ? fileFixture.root + "/home" + path.dropFirst() : path
    let full: String? = expanded.hasPrefix("/") ? expanded : (deleted ? nil : base + "/" + expanded)
    let hasNul = path.utf8.contains(0)

    if writing {
        let allowed = try? policy.checkWrite(path, at: .none)
        guard let target = allowed else { return checkRefusal(full: full, hasNul: hasNul, writing: true, roots: writeRoots, path: path) }
        require(!hasNul && !path.isEmpty, "a write to \(debugPath(path)) was allowed")
        require(target.hasPrefix("/") && inside(target, writeRoots), "write target \(target) is outside \(writeRoots)")
        let folder = FileAccess.folder(of: target)
        require(realPath(folder) == folder, "write target \(target) has an unresolved folder")
        if let real = realPath(target) { require(real == target, "write target \(target) is a link to \(real)") }
        // The oracle's own target: the file itself resolved, or its resolved folder and name.
        if let full, let expected = realPath(full) ?? realPath(FileAccess.folder(of: full)).map({ $0 + "/" + FileAccess.lastComponent(full) }) {
            require(expected == target, "write of \(debugPath(path)): policy says \(target), the kernel would write \(expected)")
        }
    } else {
        let allowed = try? policy.checkRead(path, at: .none)
        guard let target = allowed else { return checkRefusal(full: full, hasNul: hasNul, writing: false, roots: readRoots, path: path) }
        require(!hasNul, "a read of \(debugPath(path)) was allowed")
        require(realPath(target) == target && inside(target, readRoots), "read target \(target) is not a resolved path inside \(readRoots)")
        if let full { require(realPath(full) == target, "read of \(debugPath(path)): policy says \(target), the kernel would open \(realPath(full) ?? "nothing")") }
        // Opening must never block (the FIFO) and must refuse what is not a regular file.
        _ = try? FileAccess.readBytes(target, limit: 1 << 20)
    }
}

/// A refused path must be one the oracle also cannot allow: outside the roots, unresolvable,
/// or carrying NUL.
private func checkRefusal(full: String?, hasNul: Bool, writing: Bool, roots: [String], path: String) {
    // An empty name is no file (the kernel would open the working folder itself).
    guard !hasNul, !path.isEmpty, let full else { return }
    if writing {
        let name = FileAccess.lastComponent(full)
        guard name != ".", name != "..", !name.isEmpty, let folder = realPath(FileAccess.folder(of: full)) else { return }
        let target = realPath(full) ?? folder + "/" + name
        require(!inside(target, roots), "write of \(debugPath(path)) (to \(target)) was refused although it is inside \(roots)")
    } else if let target = realPath(full) {
        require(!inside(target, roots), "read of \(debugPath(path)) (\(target)) was refused although it is inside \(roots)")
    }
}

private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        fputs("mml-fuzz files: \(message())\n", stderr)
        abort()
    }
}

private func debugPath(_ path: String) -> String { FileAccess.shown(path) }
