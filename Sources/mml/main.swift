// The `mml` command: a thin front end over MMLCore (argument parsing, terminal, exit status).
import ArgumentParser
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
            mml -e 'EXPR'        evaluate one expression and print it
            mml -                read a script from standard input
            mml test PATH…       run scripts and compare them with their .out files
            """,
        version: mmlVersion)

    @Option(name: .customShort("e"), help: ArgumentHelp("Evaluate this text and show its values, as the REPL would.", valueName: "expr"))
    var expression: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    @Option(help: ArgumentHelp("Stop a script that runs longer than this (exit status 124).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Also save every figure as DIR/figN.svg.", valueName: "dir"))
    var plots: String?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("The memory budget for the program's data, e.g. 8G or 512M (default: 75% of memory).", valueName: "size"))
    var maxMemory: String?

    @Option(name: .customLong("allow-read"), help: ArgumentHelp("Let the script read files under PATH too (repeatable).", valueName: "path"))
    var allowRead: [String] = []

    @Option(name: .customLong("allow-write"), help: ArgumentHelp("Let the script write files under PATH too (repeatable).", valueName: "path"))
    var allowWrite: [String] = []

    @Flag(name: .customLong("allow-all"), help: "Let the script read and write any file you can (for scripts you trust).")
    var allowAll = false

    @Argument(help: "The script to run (- for standard input).")
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script as `args`.")
    var scriptArguments: [String] = []

    func run() throws {
        try Launch(expression: expression, noColor: noColor, timeout: timeout, plots: plots, maxMemory: maxMemory, allowRead: allowRead,
                   allowWrite: allowWrite, allowAll: allowAll, file: file, scriptArguments: scriptArguments).run()
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
    var file: String?
    var scriptArguments: [String] = []

    func run() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout needs a positive number of seconds") }
        if let maxMemory {
            guard let bytes = MemoryBudget.parseSize(maxMemory), bytes > 0 else {
                throw ValidationError("--max-memory needs a size such as 8G, 512M or 2000000000 (bytes), not \(maxMemory)")
            }
            MemoryBudget.shared.limit = bytes
        }
        if let plots {
            do { try FileAccess.makeFolders(plots) } catch {
                throw ValidationError("--plots: \(error.message)")
            }
        }
        for path in allowRead + allowWrite where FileAccess.isDirectory(path) == nil {
            throw ValidationError("--allow-read/--allow-write: \(path) does not exist")
        }
        let scriptPath = file.flatMap { $0 == "-" ? nil : $0 }
        let access = allowAll ? FileAccessPolicy.unrestricted : .forScript(at: scriptPath, extraRead: allowRead, extraWrite: allowWrite)
        let runner = ScriptRunner(color: Terminal.useColor(forStderr: true, disabled: noColor), timeout: timeout,
                                  plotDirectory: plots, fileAccess: access)
        if let expression {
            throw ExitCode(runner.runExpression(expression))
        }
        if let file {
            switch Terminal.readFile(file) {
            case .failure(let error):
                Terminal.writeError(error.message + "\n")
                throw ExitCode(2)
            case .success(let text):
                throw ExitCode(runner.run(text: text, name: file == "-" ? "<stdin>" : file, arguments: scriptArguments))
            }
        }
        if Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal {
            throw ExitCode(REPLFrontEnd.runInteractive(noColor: noColor, plotDirectory: plots))
        }
        throw ExitCode(REPLFrontEnd.runPiped(noColor: noColor, plotDirectory: plots, fileAccess: access))
    }
}

extension ScriptRunner {
    /// `mml -e`: runs the text with REPL echo, so the value of an expression is printed.
    func runExpression(_ text: String) -> Int32 {
        withLargeStack {
            let ip = Interpreter()
            ip.output = Terminal.writeOut
            ip.fileAccess = fileAccess
            ip.plots.directory = plotDirectory
            let renderer = DiagnosticRenderer(sources: ip.sources, color: color)
            ip.onWarning = { Terminal.writeError(renderer.render($0)) }
            if case .failure(let diagnostics) = ip.run(text, name: "<-e>", echo: true) {
                for d in diagnostics { Terminal.writeError(renderer.render(d)) }
                return 1
            }
            return 0
        }
    }
}

let mmlVersion = "0.1.0"

/// Parses and runs one command; usage errors exit with status 2 (ArgumentParser's default is 64).
func runCommand<C: ParsableCommand>(_ type: C.Type, _ arguments: [String]) -> Never {
    finish(usage: type) {
        var command = try type.parse(arguments)
        try command.run()
    }
}

/// Runs `work` and exits: 0, the status of an ExitCode it throws, or 2 with `type`'s usage
/// message for an argument error.
func finish<C: ParsableCommand>(usage type: C.Type = MML.self, _ work: () throws -> Void) -> Never {
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

// `mml test …` is a command of its own; anything else is a script, -e text or the REPL.
// (A script literally named `test` can be run as `mml ./test`.)
let commandLine = Array(CommandLine.arguments.dropFirst())
// `mml FILE [ARGS…]`, the commonest start, has no options to parse (everything after the file
// is the script's): it skips ArgumentParser, whose reflection costs ~2 ms of a ~10 ms start.
if let file = commandLine.first, !file.hasPrefix("-"), file != "test" {
    finish { try Launch(file: file, scriptArguments: Array(commandLine.dropFirst())).run() }
}
if commandLine.first == "test" {
    runCommand(TestCommand.self, Array(commandLine.dropFirst()))
}
runCommand(MML.self, commandLine)
