// The REPL's :commands, each driven through a scripted session.
import MMLCore
import MMLTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("REPL commands")
struct REPLCommandTests {
    @Test(":help shows the language, every area that has builtins, and every command")
    func helpOverview() {
        let run = runSession(lines: [":help"], interactive: false)
        #expect(run.out.hasPrefix(REPLSession.languageSummary))
        for area in BuiltinArea.allCases where Builtins.all.contains(where: { $0.area == area }) {
            #expect(run.out.contains("  \(area.rawValue): "), "area \(area.rawValue) missing")
        }
        for name in REPLSession.commandNames where name != ":q" {
            #expect(run.out.contains("  \(name)"), "command \(name) missing")
        }
        #expect(run.err == "")
    }

    @Test(":help NAME shows signature, summary, help text and examples of every builtin")
    func helpEveryBuiltin() {
        for b in Builtins.all {
            let run = runSession(lines: [":help \(b.name)"], interactive: false)
            #expect(run.out.hasPrefix(b.signature + "   (\(b.area.rawValue))\n"), "\(b.name)")
            let flat = run.out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            #expect(flat.contains(b.summary.split(separator: " ").joined(separator: " ")), "\(b.name) summary")
            for example in b.examples {
                #expect(run.out.contains("  mml> \(example.code)\n"), "\(b.name) example")
            }
            #expect(run.err == "")
        }
    }

    @Test(":help for a near miss suggests the nearest name; constants, keywords and areas have help")
    func helpTopics() {
        let miss = runSession(lines: [":help sqr"], interactive: false)
        #expect(miss.err == "error: no help for `sqr`\nhint: did you mean `sqrt`?\n")
        #expect(miss.status == 1)
        #expect(runSession(lines: [":help pi"], interactive: false).out.hasPrefix("pi = 3.141592653589793 "))
        #expect(runSession(lines: [":help while"], interactive: false).out.hasPrefix("while cond { … }"))
        #expect(runSession(lines: [":help :load"], interactive: false).out.hasPrefix(":load FILE"))
        let area = runSession(lines: [":help linear"], interactive: false).out
        #expect(area.split(separator: "\n").allSatisfy { $0.count < 80 }, "piped help is laid out for 80 columns")
        #expect(area.hasPrefix("Linear algebra:\n"))
        #expect(area.contains("  det(A"))
        let variable = runSession(lines: ["w = [1, 2]", ":help w"], interactive: false).out
        #expect(variable.hasSuffix("w is a vector in your workspace: [1, 2]\n"))
    }

    @Test(":help AREA fits the terminal width and never breaks a word", arguments: [60, 80, 120, 200])
    func helpAreaFitsWidth(width: Int) {
        for area in BuiltinArea.allCases {
            let text = REPLSession.areaHelp(area, width: width)
            let lines = text.split(separator: "\n").map(String.init)
            let signatures = Set(Builtins.all.map { "  " + $0.signature })
            for line in lines where !signatures.contains(line) {  // a signature alone may be wider
                #expect(line.count < width, "\(area): `\(line)` is \(line.count) columns at width \(width)")
            }
            // Every summary is there, word for word, whatever the wrapping.
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            for b in Builtins.all where b.area == area {
                #expect(words.contains(b.summary.split(separator: " ").joined(separator: " ")), "\(b.name)'s summary is broken at width \(width)")
            }
        }
        let wide = REPLSession.areaHelp(.statistics, width: 200).split(separator: "\n")
        #expect(wide.contains { $0.hasPrefix("  var(x, dim=1, corrected=true)") && $0.hasSuffix("Variance of data (n − 1 by default) or of a distribution") })
    }

    @Test(":vars lists name, kind, shape and a short value")
    func vars() {
        let run = runSession(lines: [":vars", "x = 2", "A = [1, 2; 3, 4]", "s = \"hi\";", "big = zeros(50, 50);", ":vars"], interactive: false)
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "no variables yet (try x = 3)")
        let table = Array(lines.suffix(5))
        #expect(table[0].split(separator: " ") == ["name", "kind", "shape", "value"])
        #expect(table[1].split(separator: " ") == ["x", "number", "2"])
        #expect(table[2].split(separator: " ") == ["A", "matrix", "2×2", "[1,", "2;", "3,", "4]"])
        #expect(table[3].split(separator: " ") == ["s", "string", "2", "chars", "\"hi\""])
        #expect(table[4].hasPrefix("big"))
        #expect(table[4].contains("50×50"))
        #expect(table[4].hasSuffix("…"))
        // Columns line up: every value starts at the same column.
        let valueColumn = table[0].count - "value".count
        #expect(table[1].dropFirst(valueColumn).hasPrefix("2"))
        #expect(table[2].dropFirst(valueColumn).hasPrefix("[1, 2; 3, 4]"))
    }

    @Test(":clear NAME forgets one variable, :clear forgets all")
    func clear() {
        let run = runSession(lines: ["a = 1", "b = 2", ":clear a", "b", "a", ":clear", "b", ":clear zz"], interactive: false)
        #expect(run.out.contains("cleared 2 variables\n"))  // b, and ans from showing b
        #expect(run.err.contains("unknown name `a`"))
        #expect(run.err.contains("unknown name `b`"))
        #expect(run.err.contains("error: there is no variable `zz`"))
        #expect(run.session.interpreter.globals.definedNames.isEmpty)
        // A cleared builtin-shadowing variable gives the builtin back.
        let shadow = runSession(lines: ["e = 5", ":clear e", "e > 2.7"], interactive: false)
        #expect(shadow.out.hasSuffix("true\n"))
    }

    @Test(":load runs a script into the workspace; a missing file is a one-line error")
    func load() throws {
        let folder = makeTemporaryFolder()
        let path = folder + "/defs.mml"
        try FileAccess.writeAtomically("k = 7\nfn sq(x) { return x^2 }\nprint(\"loading\")\n", to: path)
        let run = runSession(lines: [":load \(path)", "sq(k)", ":load \"\(path)\"", ":load \(folder)/missing.mml", ":save \(folder)/saved.mml"], interactive: false)
        #expect(run.out.hasPrefix("loading\nloaded \(path): defines k, sq\n49\nloading\nloaded \(path)\n"))
        #expect(run.err.hasPrefix("error: cannot read \(folder)/missing.mml: there is no such file\n"))
        // A loaded script goes into :save inline, so the saved script stands alone.
        let saved = try FileAccess.readText(folder + "/saved.mml")
        #expect(saved.contains("# from :load \(path)\nk = 7\nfn sq(x) { return x^2 }\nprint(\"loading\")\n# end of \(path)\nsq(k)\n"))
        let bad = folder + "/bad.mml"
        try FileAccess.writeAtomically("ok = 1\nbroken = ok +* 2\n", to: bad)
        let failing = runSession(lines: [":load \(bad)"], interactive: false)
        #expect(failing.err.contains("--> \(bad):2:"))
        #expect(failing.status == 1)
    }

    @Test(":save writes the successful inputs as a script that rebuilds the workspace")
    func save() throws {
        let folder = makeTemporaryFolder()
        let path = folder + "/session.mml"
        try FileAccess.writeAtomically("old contents\n", to: path)
        let run = runSession(lines: [
            "x = 3", "bad = x + nope", "M = [1, 2;", "3, 4]", ":format long", "v = M * [1; x];",
            "fn twice(t) {", "return 2 * t", "}", ":vars", ":time y = twice(x)", ":save \(path)",
        ], interactive: false)
        #expect(run.out.hasSuffix("saved 6 inputs to \(path)\n"))
        let text = try FileAccess.readText(path)
        #expect(!text.contains("nope"))
        #expect(!text.contains(":vars"))
        #expect(text.contains("M = [1, 2;\n3, 4]\n"))
        #expect(text.contains("format(\"long\")\n"))
        // No temporary file is left beside it.
        #expect(FileAccess.listDirectory(folder).map(\.name) == ["session.mml"])
        // Running the saved script rebuilds the same variables.
        let freshSession = Session()
        let fresh = freshSession.interpreter
        guard freshSession.run(text, name: path).succeeded else { Issue.record("saved script failed"); return }
        for name in ["x", "M", "v", "y"] {
            #expect(fresh.format(fresh.globals[name]!) == run.session.interpreter.format(run.session.interpreter.globals[name]!))
        }
        #expect(fresh.options.style == .long)
        let nowhere = runSession(lines: [":save /nonexistent-folder/x.mml"], interactive: false)
        #expect(nowhere.err.hasPrefix("error: cannot write /nonexistent-folder/x.mml:"))
    }

    @Test(":save leaves out, as comments, inputs that use what a failed or interrupted input changed")
    func saveAfterFailure() throws {
        let folder = makeTemporaryFolder()
        let path = folder + "/session.mml"
        let run = runSession(lines: [
            // The loop sets s = 1, 2, 3 and then fails: no saved input gives s its value.
            "for i in 1:10 {", "s = i", "if i == 3 { nope }", "}",
            "t = 2 * s", "z = t + 1", "u = 7",
            // Once s is given a value again, inputs that use it are saved as usual.
            "s = 1", "w = s + u", ":save \(path)",
        ], interactive: false)
        #expect(run.out.hasSuffix("saved 3 inputs to \(path); 2 left out as comments (they use values from an input that failed or was interrupted)\n"))
        let text = try FileAccess.readText(path)
        #expect(text.contains("# left out: it uses `s`, last changed by an input that failed or was interrupted\n# t = 2 * s\n"))
        #expect(text.contains("# left out: it uses `t`, last changed by an input that failed or was interrupted\n# z = t + 1\n"))
        #expect(text.contains("\nu = 7\ns = 1\nw = s + u\n"))
        #expect(text.hasSuffix("\n"))
        let fresh = Session()
        #expect(fresh.run(text, name: path).succeeded)
        guard case .number(let w)? = fresh.interpreter.globals["w"] else { Issue.record("w is not a number"); return }
        #expect(w == 8)
    }

    @Test(":time shows the value and a duration")
    func time() {
        let run = runSession(lines: [":time sum(1:1000)"], interactive: false)
        let lines = run.out.split(separator: "\n")
        #expect(lines.first == "500500")
        #expect(lines.count == 2)
        let timing = String(lines[1])
        #expect(timing.hasPrefix("time: "))
        #expect(["µs", "ms", " s"].contains { timing.hasSuffix($0) })
        #expect(runSession(lines: [":time"], interactive: false).status == 1)
    }

    @Test(":format switches how matrices print; a bad style is an error with the choices")
    func format() {
        let run = runSession(lines: [":format", ":format long", "[1/3, 2]", ":format rat", "[1/3, 2]", ":format short", "[1/3, 2]", ":format huge"], interactive: false)
        #expect(run.out == "format is short (choose with :format short|long|rat)\n[0.3333333333333333, 2]\n[1/3, 2]\n[0.333333, 2]\n")
        #expect(run.err == "error: unknown format `huge`\nhint: use :format short, :format long or :format rat\n")
    }

    @Test(":quit and :q end the session at once")
    func quit() {
        for command in [":quit", ":q"] {
            let run = runSession(lines: ["1", command, "2"])
            #expect(run.out.contains("1\n"))
            #expect(!run.out.contains("2\n"))
            #expect(run.reader.inputs == [.line("2")])
        }
    }

    @Test("an unknown command suggests the nearest one")
    func unknownCommand() {
        let run = runSession(lines: [":lod file.mml", ":zzzzzz"], interactive: false)
        #expect(run.err == "error: unknown command `:lod`\nhint: did you mean `:load`? (:help lists the commands)\n"
            + "error: unknown command `:zzzzzz`\nhint: :help lists the commands\n")
        #expect(run.status == 1)
    }
}
