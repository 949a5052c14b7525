// The subcommands that `mml` declares and `mml-frontends` carries out: `mml kernel`,
// `mml jupyter install|uninstall` and `mml lsp`. `mml` parses them (so --help, usage errors, the man page
// and completions know them) and hands the same arguments over to `mml-frontends`, which
// parses them again with these same declarations.
import ArgumentParser

/// The names, help texts and options of the handed-over subcommands.
public enum FrontEndCommands {
    /// The executable that carries them out, installed beside `mml`.
    public static let executableName = "mml-frontends"

    public static let kernel = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run a Jupyter kernel (Jupyter starts it; `mml jupyter install` tells Jupyter how).",
        discussion: """
            The kernel speaks the Jupyter messaging protocol over the sockets the connection file \
            names. Like a script, the code it runs may read and write files under the folder \
            Jupyter starts it in (the notebook's folder).
            """)

    public static let languageServer = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run MML's language server (an editor starts it; see Docs/editors.md).",
        discussion: """
            It speaks the Language Server Protocol over standard input and output: diagnostics \
            as you type (from the parser and a check that does not run the script), hover help, \
            completion, signature help, go to definition, references and document symbols.
            """)

    public static func jupyter(subcommands: [ParsableCommand.Type]) -> CommandConfiguration {
        CommandConfiguration(
            commandName: "jupyter",
            abstract: "Install or remove MML's Jupyter kernel (its kernelspec).",
            subcommands: subcommands)
    }

    public static let jupyterInstall = CommandConfiguration(
        commandName: "install",
        abstract: "Install the MML kernelspec, so Jupyter lists MML among its kernels.",
        discussion: """
            Without an option it goes where `jupyter kernelspec install` puts a kernel for every \
            user (/usr/local/share/jupyter/kernels/mml); the kernelspec starts this `mml` by its \
            absolute path. MML's Pygments lexer, which colours MML in rendered notebooks, goes \
            into the Python environment that goes with that place, as pip would install it.
            """)

    public static let jupyterUninstall = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove the MML kernelspec from the place `install` with the same option put it.")
}

/// `mml kernel -f CONNECTION_FILE`.
public struct KernelArguments: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("connection-file")],
            help: ArgumentHelp("The connection file Jupyter wrote (transport, ports, signing key).", valueName: "file"),
            completion: .file(extensions: ["json"]))
    public var connectionFile: String

    /// The sockets `mml kernel` already listens on when it hands over (one descriptor per
    /// channel, in `KernelChannel` order): internal to the handover, so hidden from help.
    @Option(name: .customLong(KernelArguments.listeningSocketsOption), help: .private)
    public var listeningSockets: String?

    public init() {}

    public static let listeningSocketsOption = "listening-sockets"

    /// The handed-over descriptors by channel; none unless one is given for every channel.
    public var listeningDescriptors: [KernelChannel: Int32] {
        let descriptors = (listeningSockets ?? "").split(separator: ",").compactMap { Int32($0) }
        guard descriptors.count == KernelChannel.allCases.count else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(KernelChannel.allCases, descriptors))
    }
}

/// Where a kernelspec goes, with the meanings `jupyter kernelspec install` gives these options.
public struct KernelSpecLocationArguments: ParsableArguments {
    @Flag(help: "For the current user only (in Jupyter's data folder, ~/.local/share/jupyter).")
    public var user = false

    @Flag(name: .customLong("sys-prefix"),
          help: "Into the Python environment whose `jupyter` is on PATH (a virtual environment, conda).")
    public var sysPrefix = false

    @Option(help: ArgumentHelp("Under DIR/share/jupyter (point JUPYTER_PATH at DIR/share/jupyter to use it).", valueName: "dir"),
            completion: .directory)
    public var prefix: String?

    public init() {}

    public func validate() throws {
        if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --user, --sys-prefix and --prefix")
        }
    }
}

/// Which mml the kernelspec that `mml jupyter install` writes starts.
public struct KernelSpecProgramArguments: ParsableArguments {
    @Option(name: .customLong("mml"),
            help: ArgumentHelp("Start this mml, an absolute path (default: this one); for packages, which write the kernelspec into a staging folder.", valueName: "path"),
            completion: .file())
    public var path: String?

    public init() {}

    public func validate() throws {
        if let path, !path.hasPrefix("/") { throw ValidationError("--mml needs an absolute path, not \(path)") }
    }
}

/// `mml lsp [--stdio]`.
public struct LanguageServerArguments: ParsableArguments {
    @Flag(help: "Talk over standard input and output (the only transport; some editors pass it).")
    public var stdio = false

    public init() {}
}

extension FrontEndCommands {
    public static let notebook = CommandConfiguration(
        commandName: "notebook",
        abstract: "Turn a commented script into a Jupyter notebook, or a notebook back into a script.",
        discussion: """
            The format is jupytext's "light" one: a paragraph of # comment lines set off by blank \
            lines becomes a markdown cell, every other paragraph a code cell, and comments touching \
            code stay in it. A script written that way comes back from its notebook unchanged. \
            Without -o the result goes beside the input (X.mml to X.ipynb and back); -o - writes it to \
            standard output.
            """)
}

/// What `mml notebook` converts to.
public enum NotebookTarget: String, ExpressibleByArgument, CaseIterable, Sendable {
    case ipynb, mml
}

/// `mml notebook FILE [--to ipynb|mml] [-o OUT]`.
public struct NotebookArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("The script (.mml) or notebook (.ipynb) to convert.", valueName: "file"),
              completion: .file(extensions: ["mml", "ipynb"]))
    public var input: String

    @Option(help: ArgumentHelp("What to make: ipynb (from a script) or mml (from a notebook); by default the other kind than the input.", valueName: "format"))
    public var to: NotebookTarget?

    @Option(name: .customShort("o"), help: ArgumentHelp("Where to write it (- for standard output).", valueName: "file"),
            completion: .file())
    public var output: String?

    public init() {}

    /// The target: as given, else a script for a notebook and a notebook for anything else.
    public var target: NotebookTarget { to ?? (input.hasSuffix(".ipynb") ? .mml : .ipynb) }

    /// The output path: as given, else the input's with the target's extension.
    public var outputPath: String {
        if let output { return output }
        let dot = input.lastIndex(of: ".").flatMap { dot in input[dot...].contains("/") ? nil : dot }
        return String(dot.map { input[..<$0] } ?? input[...]) + "." + target.rawValue
    }
}
