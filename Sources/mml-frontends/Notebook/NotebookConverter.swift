// `mml notebook`: a script to a notebook or a notebook to a script, read and written whole.
import Foundation
import MMLCommandLine
import MMLCore

struct NotebookConverter {
    var arguments: NotebookArguments

    func run() throws {
        let input = arguments.input, output = arguments.outputPath
        guard let data = FileManager.default.contents(atPath: input) else {
            throw FrontEndError("cannot read \(input): \(FileManager.default.fileExists(atPath: input) ? "permission denied or not a file" : "no such file")")
        }
        if output != "-" && URL(fileURLWithPath: output).standardizedFileURL == URL(fileURLWithPath: input).standardizedFileURL {
            throw FrontEndError("the output \(output) is the input itself; give another with -o")
        }
        let converted: Data
        switch arguments.target {
        case .ipynb:
            guard let script = String(data: data, encoding: .utf8) else { throw FrontEndError("\(input) is not UTF-8 text") }
            converted = try NotebookFile.json(LightScript.cells(from: script))
        case .mml:
            converted = Data(LightScript.script(from: try NotebookFile.cells(data, name: input)).utf8)
        }
        if output == "-" {
            FileHandle.standardOutput.write(converted)
        } else {
            do {
                try converted.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw FrontEndError("cannot write \(output): \(error.localizedDescription)")
            }
        }
    }
}
