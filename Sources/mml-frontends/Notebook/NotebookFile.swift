// Jupyter notebook files (nbformat 4) read and written with Foundation's JSON: cells to and
// from MMLCore's LightScript, which knows how a script splits into cells.
import Foundation
import MMLCore

enum NotebookFile {
    /// The notebook of `cells`, as nbformat 4.5 JSON: keys sorted and one-space indents, as
    /// Jupyter writes it, so a regenerated notebook diffs cleanly.
    static func json(_ cells: [NotebookCell]) throws -> Data {
        let cellObjects: [JSONObject] = cells.enumerated().map { k, cell in
            var metadata = JSONObject()
            if let lines = cell.linesToNextCell { metadata["lines_to_next_cell"] = lines }
            var object: JSONObject = ["cell_type": cell.kind.rawValue, "id": "cell-\(k + 1)", "metadata": metadata, "source": sourceLines(cell.source)]
            if cell.kind == .code {
                object["execution_count"] = NSNull()
                object["outputs"] = [Any]()
            }
            return object
        }
        let notebook: JSONObject = [
            "cells": cellObjects,
            "metadata": [
                "kernelspec": ["name": KernelSpecInstaller.kernelName, "display_name": KernelSpecInstaller.displayName, "language": "mml"],
                "language_info": Kernel.languageInfo,
            ] as JSONObject,
            "nbformat": 4,
            "nbformat_minor": 5,
        ]
        var data = try JSONSerialization.data(withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(contentsOf: Array("\n".utf8))
        return data
    }

    /// The cells of a notebook file's JSON: code and markdown cells (raw cells count as
    /// markdown, which a script keeps as comments), with `lines_to_next_cell` when it is there.
    static func cells(_ data: Data, name: String) throws -> [NotebookCell] {
        guard let notebook = try? JSONSerialization.jsonObject(with: data) as? JSONObject else {
            throw FrontEndError("\(name) is not a notebook: it is not a JSON object")
        }
        guard let major = notebook["nbformat"] as? Int, major == 4 else {
            throw FrontEndError("\(name) is not an nbformat 4 notebook (Jupyter's format since 2015); open and save it in Jupyter first")
        }
        guard let cells = notebook["cells"] as? [JSONObject] else { throw FrontEndError("\(name) has no list of cells") }
        return try cells.enumerated().map { k, cell in
            let kind: NotebookCell.Kind = cell["cell_type"] as? String == "code" ? .code : .markdown
            let source: String
            switch cell["source"] {
            case let text as String: source = text
            case let lines as [String]: source = lines.joined()
            default: throw FrontEndError("\(name): cell \(k + 1) has no source text")
            }
            var trimmed = Substring(source)
            while trimmed.hasSuffix("\n") { trimmed = trimmed.dropLast() }
            let lines = (cell["metadata"] as? JSONObject)?["lines_to_next_cell"] as? Int
            return NotebookCell(kind, String(trimmed), linesToNextCell: lines.map { max(0, $0) })
        }
    }

    /// nbformat's multi-line string: one string per line, each but the last ending in "\n".
    private static func sourceLines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { k, line in k == lines.count - 1 ? String(line) : line + "\n" }
    }
}
