// `mml jupyter install` also puts MML's Pygments lexer (PygmentsLexer, in MMLCore) into the
// Python environment that goes with the kernelspec, so that nbconvert and Sphinx colour MML
// cells. It writes what pip writes for a wheel — the package, and a dist-info folder with the
// entry point Pygments looks the lexer up by, a RECORD with hashes (so `pip uninstall
// mml-pygments` removes it as well) and INSTALLER naming mml — because pip cannot build a
// package from source here without setuptools, which a Jupyter environment need not have.
import CLibCrypto
import Foundation
import MMLCommandLine
import MMLCore

struct LexerInstaller {
    /// The Python that is to find the lexer, and its folder of packages the lexer goes in.
    let python: String
    let sitePackages: String

    /// The environment that goes with a kernelspec installed at `location` (as pip's --user,
    /// --prefix, or the environment's own site-packages), whose `jupyter` is in `jupyterPrefix`
    /// for --sys-prefix; nil when there is no Python to ask.
    static func locate(_ location: KernelSpecLocationArguments, jupyterPrefix: String?) -> LexerInstaller? {
        let python: String?
        if let jupyterPrefix {
            python = ["python3", "python"].map { jupyterPrefix + "/bin/" + $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
        } else {
            python = KernelSpecInstaller.onPath("python3")
        }
        guard let python else { return nil }
        let query: [String]
        if location.user {
            query = ["import site; print(site.getusersitepackages())"]
        } else if let prefix = location.prefix {
            query = ["import sys, sysconfig; print(sysconfig.get_paths('posix_prefix', vars={'base': sys.argv[1], 'platbase': sys.argv[1]})['purelib'])",
                     KernelSpecInstaller.absolute(prefix)]
        } else {
            query = ["import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        }
        guard let folder = run(python, ["-I", "-c"] + query), folder.hasPrefix("/") else { return nil }
        return LexerInstaller(python: python, sitePackages: folder)
    }

    private var distInfo: String { "\(PygmentsLexer.package)-\(PygmentsLexer.version).dist-info" }

    /// Writes the package and its dist-info; returns what to tell the user.
    func install() throws -> String {
        if let owner = installer(), owner != Self.installerName {
            return "MML's Pygments lexer is already in \(sitePackages) (installed by \(owner)); it was left as it is."
        }
        try? remove()
        var files = PygmentsLexer.moduleFiles.map { (path: $0.path, data: Data($0.text.utf8)) }
        let entryPoint = PygmentsLexer.entryPoint
        let metadata = """
            Metadata-Version: 2.1
            Name: \(PygmentsLexer.distribution)
            Version: \(PygmentsLexer.version)
            Summary: \(PygmentsLexer.summary)
            Requires-Python: \(PygmentsLexer.requiresPython)
            Requires-Dist: \(PygmentsLexer.requirement)

            """
        for (name, text) in [("METADATA", metadata), ("INSTALLER", Self.installerName + "\n"),
                             ("entry_points.txt", "[\(entryPoint.group)]\n\(entryPoint.name) = \(entryPoint.object)\n"),
                             ("top_level.txt", PygmentsLexer.package + "\n")] {
            files.append((distInfo + "/" + name, Data(text.utf8)))
        }
        let record = files.map { "\($0.path),sha256=\(Self.digest($0.data)),\($0.data.count)\n" }.joined() + "\(distInfo)/RECORD,,\n"
        files.append((distInfo + "/RECORD", Data(record.utf8)))
        for file in files {
            let url = URL(fileURLWithPath: sitePackages + "/" + file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url, options: .atomic)
        }
        return "Installed MML's Pygments lexer (for nbconvert, Sphinx, pygmentize) in \(sitePackages), for \(python)."
    }

    /// Removes a lexer this installer put there; returns what to tell the user, if anything.
    func uninstall() throws -> String? {
        guard let owner = installer() else { return nil }
        guard owner == Self.installerName else {
            return "MML's Pygments lexer in \(sitePackages) was installed by \(owner); `pip uninstall \(PygmentsLexer.distribution)` removes it."
        }
        try remove()
        return "Removed MML's Pygments lexer from \(sitePackages)"
    }

    private static let installerName = "mml"

    /// Who installed the lexer here (the dist-info's INSTALLER), or nil when it is not here.
    private func installer() -> String? {
        let path = sitePackages + "/" + distInfo
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text = (try? String(contentsOfFile: path + "/INSTALLER", encoding: .utf8)) ?? "an unknown installer"
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The package (with the bytecode Python left in it) and the dist-info.
    private func remove() throws {
        for folder in [PygmentsLexer.package, distInfo] where FileManager.default.fileExists(atPath: sitePackages + "/" + folder) {
            try FileManager.default.removeItem(atPath: sitePackages + "/" + folder)
        }
    }

    /// RECORD's form of a file's SHA-256: URL-safe base64 without padding.
    private static func digest(_ data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = data.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &digest, &length, EVP_sha256(), nil) }
        return Data(digest.prefix(Int(length))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The first line `program arguments` prints, or nil when it fails.
    private static func run(_ program: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
    }
}
