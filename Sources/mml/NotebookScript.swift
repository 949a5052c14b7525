// A notebook's code for `mml NB.ipynb` and `mml test`: the JSON is read by `mml-frontends
// notebook --to mml` (Foundation's JSON stays out of mml), whose script — code cells in order,
// markdown as comments — comes back on a pipe and runs like any script.
import MMLCore

enum NotebookScript {
    /// True for a path that names a notebook.
    static func isNotebook(_ path: String) -> Bool { path.hasSuffix(".ipynb") }

    /// The script of the notebook at `path`, or why it cannot be had.
    static func read(_ path: String) -> Result<String, FileAccessError> {
        guard let own = FrontEndHandover.executablePath() else {
            return .failure(FileAccessError(message: "mml: cannot find where this mml is installed (/proc/self/exe)"))
        }
        let converter = FrontEndHandover.path(besides: own)
        let result = ChildProcess.run(executable: converter, arguments: ["notebook", "--to", "mml", "-o", "-", "--", path],
                                      limits: ChildProcess.Limits(timeout: 60))
        guard result.status == 0 && !result.signaled && !result.timedOut && !result.flooded else {
            var reason = result.stderr
            while reason.last?.isNewline == true { reason.removeLast() }
            if reason.hasPrefix("Error: ") { reason.removeFirst(7) }
            return .failure(FileAccessError(message: "mml: cannot read the notebook \(path): \(reason.isEmpty ? "\(converter) failed" : reason)"))
        }
        return .success(result.stdout)
    }
}
