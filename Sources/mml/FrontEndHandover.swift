// `mml kernel`, `mml jupyter …`, `mml notebook` and `mml lsp`: declared in mml's command line, carried out by the
// `mml-frontends` executable beside this one, which links Foundation, ZeroMQ and OpenSSL —
// libraries `mml FILE` must not pay for at start-up. The handover is an exec: same process,
// same arguments, so Jupyter's signals reach the kernel directly.
import ArgumentParser
import MMLCommandLine
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct KernelCommand: ParsableCommand {
    static let configuration = FrontEndCommands.kernel
    @OptionGroup var arguments: KernelArguments

    func run() throws {
        let listening = KernelListeners.open(for: arguments.connectionFile)
        try FrontEndHandover.execute(adding: listening.map {
            ["--" + KernelArguments.listeningSocketsOption, $0.map(String.init).joined(separator: ",")]
        } ?? [])
    }
}

struct LanguageServerCommand: ParsableCommand {
    static let configuration = FrontEndCommands.languageServer
    @OptionGroup var arguments: LanguageServerArguments

    func run() throws { try FrontEndHandover.execute() }
}

struct JupyterCommand: ParsableCommand {
    static let configuration = FrontEndCommands.jupyter(subcommands: [JupyterInstallCommand.self, JupyterUninstallCommand.self])
}

struct JupyterInstallCommand: ParsableCommand {
    static let configuration = FrontEndCommands.jupyterInstall
    @OptionGroup var location: KernelSpecLocationArguments
    @OptionGroup var program: KernelSpecProgramArguments

    func run() throws { try FrontEndHandover.execute() }
}

struct JupyterUninstallCommand: ParsableCommand {
    static let configuration = FrontEndCommands.jupyterUninstall
    @OptionGroup var location: KernelSpecLocationArguments

    func run() throws { try FrontEndHandover.execute() }
}

struct NotebookCommand: ParsableCommand {
    static let configuration = FrontEndCommands.notebook
    @OptionGroup var arguments: NotebookArguments

    func run() throws { try FrontEndHandover.execute() }
}

enum FrontEndHandover {
    /// Replaces this process with `mml-frontends`, passing this command line on, followed by
    /// `extra`; returns only by throwing when that cannot be done.
    static func execute(adding extra: [String] = []) throws {
        guard let own = executablePath() else {
            Terminal.writeError("mml: cannot find where this mml is installed (/proc/self/exe)\n")
            throw ExitCode(1)
        }
        let target = path(besides: own)
        guard access(target, X_OK) == 0 else {
            Terminal.writeError("""
                mml: \(CommandLine.arguments.dropFirst().first ?? "this command") needs \(FrontEndCommands.executableName), \
                which is not beside mml (\(target) is missing).
                hint: build it with `swift build --product \(FrontEndCommands.executableName)` (`swift build` builds both).

                """)
            throw ExitCode(1)
        }
        Terminal.flushOutput()
        let arguments = [target] + CommandLine.arguments.dropFirst() + extra
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv(target, &argv)
        let reason = String(cString: strerror(errno))
        Terminal.writeError("mml: cannot start \(target): \(reason)\n")
        throw ExitCode(1)
    }

    /// Where `mml-frontends` is when `mml` is at `own`: in the same folder.
    static func path(besides own: String) -> String {
        (own.lastIndex(of: "/").map { String(own[..<$0]) } ?? ".") + "/" + FrontEndCommands.executableName
    }

    /// The absolute path of the running executable.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
