// `mml jupyter install|uninstall`: the kernelspec that tells Jupyter how to start MML —
// kernel.json and the logos — in the folders `jupyter kernelspec install` uses.
import Foundation
import MMLCommandLine

struct KernelSpecInstaller {
    /// The kernelspec's folder name, which is also the kernel name notebooks record.
    static let kernelName = "mml"
    /// The name Jupyter shows for the kernel.
    static let displayName = "MML"

    var location: KernelSpecLocationArguments

    /// The Jupyter data folder the options name (its kernels/ holds kernelspecs).
    func dataFolder() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if location.user {
            if let dir = environment["JUPYTER_DATA_DIR"], !dir.isEmpty { return dir }
            if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/jupyter" }
            return NSHomeDirectory() + "/.local/share/jupyter"
        }
        if let prefix = try jupyterPrefix() {
            return prefix + "/share/jupyter"
        }
        if let prefix = location.prefix {
            return Self.absolute(prefix) + "/share/jupyter"
        }
        return "/usr/local/share/jupyter"
    }

    /// For --sys-prefix, the prefix of the environment whose `jupyter` is on PATH (PREFIX/bin/jupyter).
    func jupyterPrefix() throws -> String? {
        guard location.sysPrefix else { return nil }
        guard let path = Self.onPath("jupyter") else {
            throw FrontEndError("--sys-prefix: there is no `jupyter` on PATH (activate the environment that has Jupyter, or use --user)")
        }
        return ((path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    }

    /// The first executable `name` in the folders of PATH.
    static func onPath(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { String($0) + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `path` made absolute against the working folder.
    static func absolute(_ path: String) -> String {
        ((path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path) as NSString).standardizingPath
    }

    /// The lexer's place in the Python environment that goes with the kernelspec's, if there is one.
    private func lexer() throws -> LexerInstaller? {
        LexerInstaller.locate(location, jupyterPrefix: try jupyterPrefix())
    }

    /// Writes the kernelspec; it starts `program` (a path on the system that will run it), else the mml beside this program.
    func install(starting program: String? = nil) throws {
        let folder = try dataFolder() + "/kernels/" + Self.kernelName
        let mml = program ?? Self.mmlPath()
        guard program != nil || FileManager.default.isExecutableFile(atPath: mml) else {
            throw FrontEndError("cannot find the mml program beside \(FrontEndCommands.executableName) (\(mml))")
        }
        let spec: JSONObject = [
            "argv": [mml, "kernel", "-f", "{connection_file}"],
            "display_name": Self.displayName,
            "language": "mml",
            "interrupt_mode": "signal",
            "metadata": ["debugger": false],
        ]
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let json = try JSONSerialization.data(withJSONObject: spec, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try json.write(to: URL(fileURLWithPath: folder + "/kernel.json"), options: .atomic)
            for (name, png) in KernelLogos.all {
                try png.write(to: URL(fileURLWithPath: folder + "/" + name), options: .atomic)
            }
        } catch {
            var message = "cannot write the kernelspec in \(folder): \(error.localizedDescription)"
            if !location.user && location.prefix == nil { message += " (--user installs it for you alone)" }
            throw FrontEndError(message)
        }
        print("Installed the MML kernel in \(folder)")
        print("It starts \(mml); `jupyter kernelspec list` shows it, and notebooks offer \"MML\".")
        guard let lexer = try lexer() else {
            print("There is no Python here to install MML's Pygments lexer for (it colours MML in nbconvert and Sphinx); later, `pip install` its folder Grammar/pygments.")
            return
        }
        do { print(try lexer.install()) } catch {
            FileHandle.standardError.write(Data("mml: note: MML's Pygments lexer was not installed in \(lexer.sitePackages): \(error.localizedDescription)\n".utf8))
        }
    }

    func uninstall() throws {
        let folder = try dataFolder() + "/kernels/" + Self.kernelName
        guard FileManager.default.fileExists(atPath: folder + "/kernel.json") else {
            throw FrontEndError("the MML kernel is not installed in \(folder)")
        }
        do { try FileManager.default.removeItem(atPath: folder) } catch {
            throw FrontEndError("cannot remove \(folder): \(error.localizedDescription)")
        }
        print("Removed the MML kernel from \(folder)")
        if let message = try lexer()?.uninstall() { print(message) }
    }

    /// The `mml` beside this program (the kernelspec starts it by its absolute path).
    static func mmlPath() -> String {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (own as NSString).deletingLastPathComponent + "/mml"
    }
}
