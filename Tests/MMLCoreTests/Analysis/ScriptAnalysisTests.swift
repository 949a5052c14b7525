// The static check behind editor diagnostics: what it reports (the errors running would
// give, at the same spans) and, above all, what it must not report.
import MMLTestSupport
import Testing
@testable import MMLCore

/// The diagnostics of a script as `message @ text-under-the-span`, plus hints after `|`.
private func check(_ text: String) -> [String] {
    let source = Source(id: SourceID(0), name: "t.mml", text: text)
    return ScriptAnalysis.analyze(text, source: source.id).diagnostics.map { d in
        "\(d.message) @ \(source.text(of: d.span))" + d.hints.map { " | " + $0 }.joined()
    }
}

@Test func everySampleAndExerciseChecksClean() throws {
    let files = repositoryFiles(under: "Samples", withExtension: "mml") + repositoryFiles(under: "Exercises", withExtension: "mml")
    #expect(files.count > 40)
    for path in files {
        let found = check(try readRepositoryFile(path))
        #expect(found.isEmpty, "\(path): \(found)")
    }
}

@Test(arguments: [
    // Names assigned later, in loops, by destructuring, as parameters and loop variables.
    "x = 1\ny = x + 1",
    "for i in 1:3 { s = i }\nprint(s, i)",
    "s = 0\nfor i in 1:3 { if i > 1 { t = t + 1 } else { t = 0 } }",
    "a, b = size([1, 2; 3, 4])\nprint(a + b)",
    "fn f(x, y = 2) { z = x + y; return z + later }\nlater = 1\nf(1)",
    "f(x) = x^2 + c\nc = 3\nshow(f'(2))",
    "g = t -> t + k\nk = 1",
    "fn outer(a) { inner = b -> a + b; return inner(1) }",
    "print(args, pi, π, e, inf, nan, im)",
    "sum = 3\nprint(sum)",
    "v = [1, 2, 3]\nv[2] = 5\nr = fit([1, 2], [3, 4])\nr.note = 1",
    "fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }",
    "x = 2\nfn x2() { return x(3) }",  // calling a global number from a function: only when no builtin could be read... x is no builtin
    "f = 2\nf(x) = x\nf(3)",
    "plot(x -> x^2, -1, 1)",
    // Calls of the script's functions that fit; and ones the check cannot be sure of.
    "fn g(a, b=2) { return a * b }\nprint(g(1), g(1, 2), g(1, b=3), g(b=1, a=2))",
    "f(x, y) = x + y\nh = t -> t^2\nprint(f(1, 2), h(3))",
    "fn twice(a) { return 2 * a }\ntwice = 3\nprint(twice(1, 2))",  // two definitions: which one runs?
] as [String])

func noFalseReports(_ text: String) {
    let found = check(text)
    if text.hasPrefix("x = 2\nfn x2") {
        #expect(found == ["a number cannot be called like a function @ x(3) | write multiplication with *, e.g. 2*(x + 1)"])
    } else {
        #expect(found.isEmpty, "\(text): \(found)")
    }
}

@Test(arguments: [
    ("y = sqr(2)", ["unknown name `sqr` @ sqr | did you mean `sqrt`?"]),
    ("total = 1\nprint(totl)", ["unknown name `totl` @ totl | did you mean `total`?"]),
    ("print(later)\nlater = 1", ["unknown name `later` @ later | did you mean `latex`?"]),
    ("fn f(alpha) { return alpa }", ["unknown name `alpa` @ alpa | did you mean `alpha`?"]),
    ("x += 1", ["unknown name `x` @ x | did you mean `F`?"]),
    ("sqrt(1, 2)", ["sqrt takes at most 1 argument but was given 2 @ 2 | the signature is sqrt(x)"]),
    ("zeros()", ["zeros needs the argument `m` @ zeros() | the signature is zeros(m, n=none)"]),
    ("linspace(0, 1, nn=5)", ["linspace has no parameter named `nn` @ nn=5 | did you mean `n`? the signature is linspace(a, b, n=100)"]),
    ("x = 2\ny = x(3)", ["a number cannot be called like a function @ x(3) | write multiplication with *, e.g. 2*(x + 1)"]),
    ("y = 2(3 + 1)", ["a number cannot be called like a function @ 2(3 + 1) | write multiplication with *, e.g. 2*(x + 1)"]),
    ("y = pi(2)", ["a number cannot be called like a function @ pi(2) | write multiplication with *, e.g. 2*(x + 1)"]),
    ("f(x, y) = x + y\nf(1)", ["f takes 2 arguments but was given 1 @ f(1) | it is defined as f(x, y)"]),
    ("fn g(a, b=2) { return a * b }\ng(1, 2, 3)", ["g takes 1 to 2 arguments but was given 3 @ g(1, 2, 3) | it is defined as g(a, b)"]),
    ("fn g(a, b=2) { return a * b }\ng(1, bb=2)", ["g has no parameter named `bb` @ bb=2 | did you mean `b`?"]),
    ("fn g(a, b=2) { return a * b }\ng(1, a=2)", ["`a` is given twice @ a=2"]),
    ("h = t -> t^2\nh()", ["anonymous function takes 1 argument but was given 0 @ h() | it is defined as anonymous function(t)"]),
    ("fn early() { return late(1, 2) }\nfn late(a) { return a }", ["late takes 1 argument but was given 2 @ late(1, 2) | it is defined as late(a)"]),
] as [(String, [String])])
func reportsWhatRunningWould(_ text: String, _ expected: [String]) {
    #expect(check(text) == expected)
}

@Test func theSameMessagesAndSpansAsRunning() throws {
    // Each script fails on its one mistake; the check must say exactly what running says.
    for text in ["y = sqr(2)", "x += 1", "print(later)\nlater = 1", "y = pi(2)", "sqrt(1, 2)", "zeros()", "linspace(0, 1, nn=5)", "x = 2\ny = x(3)", "total = 1\nprint(totl)",
                 "f(x, y) = x + y\nf(1)", "fn g(a, b=2) { return a * b }\ng(1, 2, 3)", "fn g(a, b=2) { return a * b }\ng(1, bb=2)",
                 "fn g(a, b=2) { return a * b }\ng(1, a=2)", "h = t -> t^2\nh()"] {
        let run = runMML(text)
        let checked = ScriptAnalysis.analyze(text, source: SourceID(0)).diagnostics
        #expect(checked.count == 1)
        let source = SourceMap()
        source.add(name: "test.mml", text: text)
        #expect(run.stderr == DiagnosticRenderer(sources: source).render(checked[0]), "\(text)")
    }
}

@Test func aStatementLostToASyntaxErrorDoesNotMakeItsNamesUnknown() {
    #expect(check("x = (1 +\ny = x + 1\nfn f(a { }\nf(2)\nq, w = 1 +\nprint(q, w)").allSatisfy { !$0.hasPrefix("unknown name") })
    // A misspelt name elsewhere is still found.
    #expect(check("y = 3 3\nprint(sqr(2))").contains("unknown name `sqr` @ sqr | did you mean `sqrt`?"))
}

@Test func definitionsReferencesAndScopes() {
    let text = "rate = 0.1\nfn step(w) { g = 2 * w; return w - rate * g }\nw = step(1)\nprint(rate)"
    let analysis = ScriptAnalysis.analyze(text, source: SourceID(0))
    let source = Source(id: SourceID(0), name: "t", text: text)
    func offset(line: Int, column: Int) -> Int { source.offset(line: line, column: column, in: .utf8) }
    // `rate` inside the function is the global of line 1.
    let use = analysis.occurrence(at: offset(line: 1, column: 36))!
    #expect(use.name == "rate")
    let rate = use.symbol!
    #expect(analysis.symbols[rate].isGlobal)
    #expect(analysis.definition(for: use)!.nameSpan.start == 0)
    #expect(analysis.occurrences(of: rate).count == 3)
    // The parameter `w` and the global `w` are different symbols.
    let parameter = analysis.occurrence(at: offset(line: 1, column: 21))!
    let global = analysis.occurrence(at: offset(line: 2, column: 0))!
    #expect(parameter.name == "w" && global.name == "w" && parameter.symbol != global.symbol)
    #expect(analysis.symbols[parameter.symbol!].kind == .parameter)
    // Locals are visible inside the function only.
    let inside = analysis.symbols(visibleAt: offset(line: 1, column: 30)).map { analysis.symbols[$0].name }
    let outside = analysis.symbols(visibleAt: offset(line: 3, column: 0)).map { analysis.symbols[$0].name }
    #expect(Set(inside) == ["rate", "step", "w", "g"])
    #expect(Set(outside) == ["rate", "step", "w"])
}

// MARK: Fields of records

/// The fields the analysis knows `name` has at the end of a script, and the fields the value
/// of `name` really has after running it.
private func knownAndRealFields(_ script: String, of name: String) throws -> (known: [String], real: [String]) {
    let known = ScriptAnalysis.analyze(script, source: SourceID(0)).recordFields[name]?.map(\.name) ?? []
    let session = Session()
    _ = try session.evaluate(script)
    return (known, Completer.fieldNames(of: try session.evaluate(name)))
}

@Test func theFieldsOfAnOptimizersResult() throws {
    let (known, real) = try knownAndRealFields("J(w) = (w[1] - 1)^2 + w[2]^2\nres = gd(J, [0, 0])", of: "res")
    #expect(known == ["x", "value", "steps", "converged", "diverged", "message", "path", "values", "grad_norm", "f"])
    #expect(known == real)
    let field = ScriptAnalysis.analyze("res = gd(x -> x^2, 1)", source: SourceID(0)).recordFields["res"]?.first
    #expect(field?.builtin == "gd" && field?.declaration?.summary.isEmpty == false)
}

@Test(arguments: [
    ("t = ttest([5.1, 4.9, 5.6, 5.8, 6.0, 5.4], 5)", "t",
     ["statistic", "p", "df", "ci", "estimate", "level", "alpha", "rejected", "alternative", "h0", "h1", "title"]),
    ("z = ztest([5.1, 4.9, 5.6], 5, sigma=0.5)", "z",
     ["statistic", "p", "ci", "estimate", "level", "alpha", "rejected", "alternative", "h0", "h1", "title"]),
    ("c = chisq_test([50, 30, 15, 5], [0.4, 0.3, 0.2, 0.1])", "c",
     ["statistic", "p", "df", "level", "alpha", "rejected", "alternative", "h0", "h1", "title"]),
    ("A = [2, 1; 1, 2]\ne = eig(A)", "e", ["values", "vectors"]),
    ("s = svd([3, 0; 0, -2])", "s", ["U", "S", "V"]),
    ("line = fit_line([1, 2, 3], [2, 4, 7])", "line", ["slope", "intercept", "r2"]),
    // The family named by fit's first argument gives the fields.
    ("D = fit(Normal, [2, 4, 4, 5])", "D", ["family", "mu", "sigma", "mean", "var", "std"]),
    ("D = fit(data=[1, 0, 1], family=Bernoulli)", "D", ["family", "p", "mean", "var", "std"]),
    // Through another name.
    ("r = minimize(x -> (x - 3)^2, 0)\nbest = r", "best", ["x", "value", "steps", "converged", "diverged", "message", "path", "values", "grad_norm", "f"]),
] as [(String, String, [String])])
func theFieldsOfABuiltinsResult(_ script: String, _ name: String, _ expected: [String]) throws {
    let (known, real) = try knownAndRealFields(script, of: name)
    #expect(known == expected)
    #expect(known == real)
}

@Test func fieldsOnlySomeCallsGiveAreOfferedWithTheirCondition() throws {
    let (known, real) = try knownAndRealFields("p = pca([1, 2; 2, 4; 3, 7])", of: "p")
    #expect(known == real + ["scale"])
    let scale = ScriptAnalysis.analyze("p = pca([1, 2; 2, 4; 3, 7])", source: SourceID(0)).recordFields["p"]?.last
    #expect(scale?.declaration?.condition == "with scale=true")
}

@Test func noFieldsWhereTheResultIsNotKnown() {
    func fields(_ script: String, _ name: String) -> [String] {
        ScriptAnalysis.analyze(script, source: SourceID(0)).recordFields[name]?.map(\.name) ?? []
    }
    // The script's own gd, a builtin without fields, a family that is not a constructor.
    #expect(fields("gd = (f, x) -> x\nres = gd(1, 2)", "res") == [])
    #expect(fields("m = mean([1, 2])", "m") == [])
    #expect(fields("fam = 3\nD = fit(fam, [1, 2])", "D") == [])
    // Fields the script assigns follow the builtin's.
    #expect(fields("res = fit_line([1, 2], [3, 5])\nres.note = \"first try\"", "res") == ["slope", "intercept", "r2", "note"])
}
