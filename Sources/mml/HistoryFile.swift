// The REPL's persistent history: libedit's file format, at most `capacity` entries,
// rewritten after every entry under a lock so two REPLs at once never corrupt it.
import MMLCore
@preconcurrency import CLibEdit
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct HistoryFile {
    /// The most entries kept, in memory and on disk.
    static let capacity: Int32 = 10_000

    let path: String
    /// A separate lock file: the history file itself is replaced by rename, so a lock on it
    /// would guard an inode that is about to disappear.
    let lockPath: String

    /// `$XDG_STATE_HOME/mml/history`, or `~/.local/state/mml/history`; nil when neither
    /// folder can be made (the REPL then runs without saved history).
    static func standard() -> HistoryFile? {
        var base: String?
        if let xdg = getenv("XDG_STATE_HOME"), xdg.pointee == UInt8(ascii: "/") {
            base = String(cString: xdg)
        } else if let home = getenv("HOME"), home.pointee != 0 {
            base = String(cString: home) + "/.local/state"
        }
        guard let base else { return nil }
        let folder = base + "/mml"
        guard makeFolders(folder) else { return nil }
        return HistoryFile(path: folder + "/history", lockPath: folder + "/history.lock")
    }

    /// `mkdir -p`, private to the user for folders it creates.
    private static func makeFolders(_ path: String) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
        }
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Loads the saved entries into libedit's history.
    func load() {
        stifle_history(Self.capacity)
        withLock(LOCK_SH) { _ = read_history(path) }
    }

    /// Adds an entry and writes the file: re-read (another REPL may have added entries),
    /// add, write to a temporary file, rename. Killing the process at any point leaves
    /// either the old file or the new one.
    func append(_ entry: String) {
        withLock(LOCK_EX) {
            clear_history()
            let readStatus = read_history(path)
            add_history(entry)
            // A file libedit cannot read (not its format) is left alone rather than replaced.
            if readStatus != 0 && Self.fileSize(path) > 0 { return }
            FileAccess.removeStaleTemporaries(of: path)
            let temp = FileAccess.temporaryPath(for: path)
            if write_history(temp) == 0 {
                if rename(temp, path) != 0 { unlink(temp) }
            } else {
                unlink(temp)
            }
        }
    }

    private func withLock(_ operation: Int32, _ body: () -> Void) {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 {
            while flock(fd, operation) != 0 && errno == EINTR {}
        }
        body()
        if fd >= 0 { close(fd) }  // closing releases the lock
    }

    private static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }
}
