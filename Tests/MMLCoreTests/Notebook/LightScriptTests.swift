// Scripts as notebook cells in jupytext's light format, and back: hand-made cases, and the
// lossless round trip of every sample script.
import MMLCore
import MMLTestSupport
import Testing

@Suite("Notebook: light script format")
struct LightScriptTests {
    @Test("a comment paragraph is markdown; comments touching code stay in the code")
    func cellsOfAScript() {
        let script = """
            # Vectors
            #
            # A *vector* is a column.

            v = [1, 2, 3]
            # the norm
            norm(v)

            # trailing note

            """
        #expect(LightScript.cells(from: script) == [
            NotebookCell(.markdown, "Vectors\n\nA *vector* is a column."),
            NotebookCell(.code, "v = [1, 2, 3]\n# the norm\nnorm(v)"),
            NotebookCell(.markdown, "trailing note"),
        ])
    }

    @Test("an open block runs on over blank lines, comments inside it included")
    func openBlocks() {
        let script = "fn f(x) {\n    y = x + 1\n\n    # then\n\n    return y\n}\nf(1)\n\nA = [1, 2;\n\n     3, 4]\n"
        #expect(LightScript.cells(from: script) == [
            NotebookCell(.code, "fn f(x) {\n    y = x + 1\n\n    # then\n\n    return y\n}\nf(1)"),
            NotebookCell(.code, "A = [1, 2;\n\n     3, 4]"),
        ])
    }

    @Test("unusual blank lines are kept as lines_to_next_cell; #! and #text are code")
    func blankLinesAndOddComments() {
        let script = "#!/usr/bin/env mml\n\n\n#text\n\nx = 1\n\n"
        let cells = LightScript.cells(from: script)
        #expect(cells == [
            NotebookCell(.code, "#!/usr/bin/env mml", linesToNextCell: 2),
            NotebookCell(.code, "#text"),
            NotebookCell(.code, "x = 1", linesToNextCell: 1),
        ])
        #expect(LightScript.script(from: cells) == script)
    }

    @Test("markdown from a notebook becomes # lines")
    func markdownToScript() {
        let cells = [NotebookCell(.markdown, "# Title\n\nSome *text*."), NotebookCell(.code, "1 + 1")]
        #expect(LightScript.script(from: cells) == "# # Title\n#\n# Some *text*.\n\n1 + 1\n")
    }

    @Test("every sample comes back byte for byte", arguments: repositoryFiles(under: "Samples", withExtension: "mml"))
    func sampleRoundTrip(_ path: String) throws {
        let script = try readRepositoryFile(path)
        let cells = LightScript.cells(from: script)
        #expect(LightScript.script(from: cells) == script)
        #expect(cells.contains { $0.kind == .code })
    }
}
