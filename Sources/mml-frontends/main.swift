// mml-frontends: the front ends that need Foundation, ZeroMQ and OpenSSL — the Jupyter kernel,
// its installer, the notebook converter and the language server. `mml kernel …`, `mml jupyter …`,
// `mml notebook …` and `mml lsp` exec this program with their own arguments (see
// Sources/mml/FrontEndHandover.swift); the declarations are shared.
import ArgumentParser
import Foundation
import MMLCommandLine

struct FrontEnds: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mml",
        abstract: "MML's notebook and editor front ends (run through `mml kernel`, `mml jupyter`, `mml notebook` and `mml lsp`).",
        version: mmlVersionDescription,
        subcommands: [KernelCommand.self, JupyterCommand.self, NotebookCommand.self, LanguageServerCommand.self])
}

struct KernelCommand: ParsableCommand {
    static let configuration = FrontEndCommands.kernel
    @OptionGroup var arguments: KernelArguments

    func run() throws {
        let kernel: Kernel
        do {
            kernel = try Kernel(connection: try ConnectionInfo.read(arguments.connectionFile), listening: arguments.listeningDescriptors)
        } catch {
            log("\(error)")
            throw ExitCode(1)
        }
        kernel.run()
    }
}

struct LanguageServerCommand: ParsableCommand {
    static let configuration = FrontEndCommands.languageServer
    @OptionGroup var arguments: LanguageServerArguments

    func run() throws {
        let status = LanguageServer(channel: MessageChannel()).run()
        throw ExitCode(status)
    }
}

struct JupyterCommand: ParsableCommand {
    static let configuration = FrontEndCommands.jupyter(subcommands: [JupyterInstallCommand.self, JupyterUninstallCommand.self])
}

struct JupyterInstallCommand: ParsableCommand {
    static let configuration = FrontEndCommands.jupyterInstall
    @OptionGroup var location: KernelSpecLocationArguments
    @OptionGroup var program: KernelSpecProgramArguments

    func run() throws {
        try KernelSpecInstaller(location: location).install(starting: program.path)
    }
}

struct JupyterUninstallCommand: ParsableCommand {
    static let configuration = FrontEndCommands.jupyterUninstall
    @OptionGroup var location: KernelSpecLocationArguments

    func run() throws {
        try KernelSpecInstaller(location: location).uninstall()
    }
}

struct NotebookCommand: ParsableCommand {
    static let configuration = FrontEndCommands.notebook
    @OptionGroup var arguments: NotebookArguments

    func run() throws { try NotebookConverter(arguments: arguments).run() }
}

/// Why a front end cannot do what it was asked, in words for the user (`Error: …`).
struct FrontEndError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

FrontEnds.main()
