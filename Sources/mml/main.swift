// The `mml` command: a thin front end over MMLCore (argument parsing, terminal, exit status).
// The whole command line is declared here, once: the options, and every subcommand in
// `subcommands`; --help, usage errors, the man page and shell completions come from it.
import ArgumentParser
import MMLCommandLine
import MMLCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct MML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mml",
        abstract: "MML: a math language for learning linear algebra, calculus, probability and statistics.",
        discussion: """
            mml                  start the interactive REPL
            mml FILE.mml [ARGS]  run a script (its arguments are in `args`)
            mml NB.ipynb         run a notebook's code cells, in order, as one script
            mml -e 'EXPR'        evaluate one expression and print it
            mml -                read a script from standard input
            mml test PATH...     run scripts and compare them with their .out files
            mml grade CHECKS.mml CLASS...  grade a class: each learner's folder against a check script
            mml jupyter install  let Jupyter run MML notebooks (then: jupyter lab)
            mml notebook FILE    turn a commented script into a notebook (and back)

            A script whose name is also a subcommand's runs with a path: `mml ./test`.
            """,
        version: mmlVersionDescription,
        subcommands: [TestCommand.self, GradeCommand.self, KernelCommand.self, JupyterCommand.self, NotebookCommand.self, LanguageServerCommand.self])

    @Option(name: .customShort("e"), parsing: .unconditional,
            help: ArgumentHelp("Evaluate this text and show its values, as the REPL would.", valueName: "expr"))
    var expression: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop the program after this many seconds (exit status 124).", valueName: "seconds"))
    var timeout: String?

    @Option(help: ArgumentHelp("Also save every figure as DIR/figN.svg, numbered after the figures already there.", valueName: "dir"),
            completion: .directory)
    var plots: String?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("The memory budget for the program's data, e.g. 8G or 512M (default: 75% of memory).", valueName: "size"))
    var maxMemory: String?

    @Option(name: .customLong("allow-read"), help: ArgumentHelp("Let the script read files under PATH too (repeatable).", valueName: "path"),
            completion: .file())
    var allowRead: [String] = []

    @Option(name: .customLong("allow-write"), help: ArgumentHelp("Let the script write files under PATH too (repeatable).", valueName: "path"),
            completion: .file())
    var allowWrite: [String] = []

    @Flag(name: .customLong("allow-all"), help: "Let the script read and write any file you can (for scripts you trust).")
    var allowAll = false

    /// Where `mml test` hears a child's checks (a descriptor it passes; see CheckReport).
    @Option(name: .customLong("report-fd"), help: .private)
    var reportDescriptor: Int32?

    @Argument(help: "The script to run (- for standard input).", completion: .file(extensions: ["mml", "ipynb"]))
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script as `args`.")
    var scriptArguments: [String] = []

    func run() throws {
        let seconds = try timeout.map(Self.parseTimeout)
        try Launch(expression: expression, noColor: noColor, timeout: seconds, plots: plots, maxMemory: maxMemory, allowRead: allowRead,
                   allowWrite: allowWrite, allowAll: allowAll, reportDescriptor: reportDescriptor,
                   file: file, scriptArguments: scriptArguments).run()
    }

    /// A --timeout value: a positive number of seconds.
    static func parseTimeout(_ text: String) throws -> Double {
        guard let seconds = Double(text), seconds > 0, !seconds.isNaN else {
            throw ValidationError("--timeout needs a positive number of seconds, not \(text)")
        }
        return seconds
    }
}

/// What `mml` was asked to do, parsed: run a script, an expression or the REPL.
struct Launch {
    var expression: String?
    var noColor = false
    var timeout: Double?
    var plots: String?
    var maxMemory: String?
    var allowRead: [String] = []
    var allowWrite: [String] = []
    var allowAll = false
    var reportDescriptor: Int32?
    var file: String?
    var scriptArguments: [String] = []

    func run() throws {
        if let maxMemory {
            guard let bytes = MemoryBudget.parseSize(maxMemory), bytes > 0 else {
                throw ValidationError("--max-memory needs a size such as 8G, 512M or 2000000000 (bytes), not \(maxMemory)")
            }
            MemoryBudget.shared.limit = bytes
        }
        let plotFolder = plots.map(FileAccess.expandTilde)
        if let plotFolder {
            do { try FileAccess.makeFolders(plotFolder) } catch {
                throw ValidationError("--plots: \(error.message)")
            }
        }
        for path in allowRead + allowWrite where FileAccess.isDirectory(FileAccess.expandTilde(path)) == nil {
            throw ValidationError("--allow-read/--allow-write: \(path) does not exist")
        }
        let scriptPath = file.flatMap { $0 == "-" ? nil : $0 }
        let access = allowAll ? FileAccessPolicy.unrestricted : .forScript(at: scriptPath, extraRead: allowRead, extraWrite: allowWrite)
        let color = Terminal.useColor(forStderr: true, disabled: noColor)
        var configuration = SessionConfiguration(fileAccess: access, plotDirectory: plotFolder, scriptArguments: scriptArguments)
        if let expression {
            ScriptStop.installForScript(timeout: timeout)
            let runner = ScriptRunner(color: color, configuration: configuration, reportDescriptor: reportDescriptor)
            throw ExitCode(runner.run(text: expression, name: "<-e>", echo: true))
        }
        if let file {
            switch NotebookScript.isNotebook(file) ? NotebookScript.read(file) : Terminal.readFile(file) {
            case .failure(let error):
                Terminal.writeError(error.message + "\n")
                throw ExitCode(2)
            case .success(let text):
                ScriptStop.installForScript(timeout: timeout)
                let runner = ScriptRunner(color: color, configuration: configuration, reportDescriptor: reportDescriptor)
                throw ExitCode(runner.run(text: text, name: file == "-" ? "<stdin>" : file))
            }
        }
        if Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal {
            guard timeout == nil else {
                throw ValidationError("--timeout stops scripts, -e and piped input; in the REPL, Ctrl-C stops a computation")
            }
            throw ExitCode(REPLFrontEnd.runInteractive(noColor: noColor, plotDirectory: plotFolder))
        }
        configuration.scriptArguments = []
        throw ExitCode(REPLFrontEnd.runPiped(noColor: noColor, configuration: configuration, timeout: timeout))
    }
}

/// Parses and runs one command, or the subcommand of it that `arguments` name (`jupyter
/// install`); usage errors exit with status 2 (ArgumentParser's default is 64).
func runCommand(_ type: ParsableCommand.Type, _ arguments: [String]) -> Never {
    finish(usage: type) {
        var command = try type.parseAsRoot(arguments)
        try command.run()
    }
}

/// Runs `work` and exits: 0, the status of an ExitCode it throws, or 2 with `type`'s usage
/// message for an argument error.
func finish(usage type: ParsableCommand.Type = MML.self, _ work: () throws -> Void) -> Never {
    do {
        try work()
        fflush(stdout)
        Glibc.exit(0)
    } catch let exit as ExitCode {
        fflush(stdout)
        Glibc.exit(exit.rawValue)
    } catch {
        if type.exitCode(for: error) == .success {
            Terminal.writeOut(type.fullMessage(for: error) + "\n")
            Glibc.exit(0)
        }
        Terminal.writeError(type.fullMessage(for: error) + "\nRun `mml --help` for usage.\n")
        Glibc.exit(2)
    }
}

let commandLine = Array(CommandLine.arguments.dropFirst())
// Completion scripts come from ArgumentParser, with mml's first word put right (CompletionScripts).
if let first = commandLine.first, first == "--generate-completion-script" || first.hasPrefix("--generate-completion-script="),
   let shell = CompletionShell(rawValue: first.contains("=") ? String(first.split(separator: "=")[1]) : commandLine.dropFirst().first ?? ""),
   commandLine.count == (first.contains("=") ? 1 : 2) {
    finish { Terminal.writeOut(CompletionScripts.script(for: shell) + "\n") }
}
/// The subcommand `name` names, if any.
func subcommand(named name: String?) -> ParsableCommand.Type? {
    MML.configuration.subcommands.first { $0.configuration.commandName == name }
}
// `mml help [SUBCOMMAND…]`, which ArgumentParser lists in the help, the man page and the completions.
if commandLine.first == "help" {
    let rest = Array(commandLine.dropFirst())
    if let named = subcommand(named: rest.first) { runCommand(named, Array(rest.dropFirst()) + ["--help"]) }
    runCommand(MML.self, ["--help"])
}
// A subcommand by its declared name; anything else is a script, -e text or the REPL.
if let named = subcommand(named: commandLine.first) {
    runCommand(named, Array(commandLine.dropFirst()))
}
// `mml FILE [ARGS…]`, the commonest start, has no options to parse (everything after the file
// is the script's): it skips ArgumentParser, whose reflection costs ~2 ms of a ~7 ms start.
if let file = commandLine.first, !file.hasPrefix("-") {
    finish { try Launch(file: file, scriptArguments: Array(commandLine.dropFirst())).run() }
}
runCommand(MML.self, commandLine)
