// Printing, showing, checking and session builtins: print, show, display, check, answers, assert, format, typeof, clock.
#if canImport(Glibc)
import Glibc
#endif

extension Builtins {
    static let output: [Builtin] = [
        Builtin("print", [.rest("values")], area: .io, summary: "Print values separated by spaces",
                help: "print(a, b, …) writes its arguments on one line, separated by spaces (strings without quotes). A matrix starts on a line of its own.",
                examples: [BuiltinExample("print(\"x =\", 3)", "x = 3")], body: .general { args in
            let printer = ValuePrinter(options: args.interpreter.options)
            var line = ""
            for value in args.rest {
                let text = printer.text(value)
                if text.contains("\n") {
                    line += (line.isEmpty ? "" : "\n") + text
                } else {
                    line += (line.isEmpty || line.hasSuffix("\n") ? "" : " ") + text
                }
            }
            args.interpreter.output(line + "\n")
            return .nothing
        }),
        Builtin("show", [.rest("values")], area: .io, summary: "Print each argument as `expression = value`",
                help: "show(A, det(A)) prints each argument's source text and its value, as the REPL would show an assignment. Handy in scripts, which print nothing unless asked.",
                examples: [BuiltinExample("show(1 + 2)", "1 + 2 = 3")], body: .general { args in
            let ip = args.interpreter
            for (value, span) in zip(args.rest, args.restSpans) {
                let label = ip.sources[span.source]?.text(of: span) ?? "value"
                ip.output(ip.formatAssignment(label, value) + "\n")
            }
            return .nothing
        }),
        Builtin("display", [.rest("values")], area: .io, summary: "Show each value as the REPL shows a result, even mid-cell",
                help: "display(x) shows x the way the REPL shows the value of an expression — in a terminal as text, in a notebook typeset (matrices and formulas as LaTeX, tables and reports as HTML) — at that point of the script or cell, which is handy inside loops and before the last line of a cell. display(a, b) shows each in turn.",
                examples: [BuiltinExample("display([1, 2; 3, 4])", "  1  2\n  3  4")], body: .general { args in
            let ip = args.interpreter
            for value in args.rest { ip.emit(.value(ShownValue(value: value, name: nil, options: ip.options))) }
            return .nothing
        }),
        check,
        answers,
        Builtin("assert", [.req("condition"), .opt("message", "\"assertion failed\"")], area: .io, summary: "Stop with an error unless the condition is true",
                help: "assert(cond, message) does nothing when cond is true and otherwise stops the script with the message, pointing at the assert.",
                examples: [BuiltinExample("assert(1 < 2, \"order\")", "")], body: .general { args in
            let message = try args.string("message", default: "assertion failed")
            switch try args.value("condition") {
            case .bool(true): return .nothing
            case .bool(false): throw MMLError(kind: .assertion, message, at: args.callSpan)
            case .matrix(let m) where m.isLogical:
                if m.data.allSatisfy({ $0 != 0 }) { return .nothing }
                throw MMLError(kind: .assertion, message, at: args.callSpan)
            case let v:
                throw args.typeError("condition", expected: "true or false", got: v)
            }
        }),
        Builtin("format", [.req("style")], area: .system, summary: "Switch how matrices are printed: \"short\", \"long\" or \"rat\"",
                help: "format(\"short\") shows about 6 significant digits in matrices (the default); format(\"long\") shows every digit; format(\"rat\") shows small fractions exactly (1/3). Single numbers always print every digit they need.",
                examples: [BuiltinExample("format(\"short\")", "")], body: .general { args in
            let name = try args.string("style")
            guard let style = FormatStyle(name: name) else {
                throw args.error("format: unknown style \"\(name)\"", at: "style", hint: "use \"short\", \"long\" or \"rat\"")
            }
            args.interpreter.options.style = style
            return .nothing
        }),
        .unary("typeof", area: .system, summary: "The kind of a value, as a string", examples: [BuiltinExample("typeof([1, 2])", "vector"), BuiltinExample("typeof(2 > 1)", "bool")]) { v, _ in
            .string(v.typeName)
        },
        .unary("string", area: .system, summary: "A value as text", examples: [BuiltinExample("\"x = \" + string(3)", "x = 3")]) { v, _ in
            if case .string = v { return v }
            return .string(try StringValue(checked: ValuePrinter(options: DisplayOptions()).text(v), for: "writing this value as text"))
        },
        Builtin("clock", [], area: .system, summary: "Seconds on a monotonic clock, for timing",
                help: "t = clock(); …; print(clock() - t) measures elapsed seconds. The clock's zero is arbitrary.",
                examples: [BuiltinExample("clock() >= 0", "true")], body: .general { _ in
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            return .number(Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9)
        }),
    ]
}

extension Builtins {
    /// `check`, by itself: `mml grade` compiles calls of it so that a failing `actual` fails
    /// the one check (see GradedCheckNode), which needs to know this builtin.
    static let check = Builtin(
        "check", [.req("label"), .req("actual"), .req("expected"), .opt("tol", "1e-9"), .key("points", "1"), .key("hidden", "false")], area: .io,
        summary: "Compare a result with the expected one and print ✓ or ✗",
        help: "check(label, actual, expected) prints `✓ label` when they agree and `✗ label: expected …, got …` when not. Numbers agree when |actual − expected| ≤ tol·max(1, |expected|); shapes are compared first. A script that ran checks ends with a line `N passed, M failed` and exits with status 1 if any failed. For `mml grade`: points=2 makes the check worth 2 points (default 1), and hidden=true leaves its label and values out of the learners' feedback; when a class is graded, a check whose `actual` cannot be worked out (an answer the submission never defined, an error in the learner's function) fails with the reason and the remaining checks go on.",
        examples: [BuiltinExample("check(\"sum\", 1 + 1, 2)", "✓ sum"), BuiltinExample("check(\"det\", det([2, 0; 0, 3]), 6, points=2)", "✓ det")],
        body: .general { args in try Checking.run(args, failure: nil) })

    /// `answers("d", "f")`: the names `mml grade` takes from each submission.
    static let answers = Builtin(
        "answers", [.rest("names")], area: .io, summary: "Name the answers that mml grade takes from each submission",
        help: "answers(\"d\", \"Ainv\", \"f\") opens a check script for `mml grade CHECKS.mml CLASS/`: the checks then run in a fresh workspace that holds what the check script defines (the exercise's givens) and, from each learner's submission, the values of these names only — nothing else the submission defines, prints or redefines. An answer the submission never defined is \"not answered\" in every check that uses it. Outside `mml grade` it only checks that the names are names.",
        examples: [BuiltinExample("answers(\"d\", \"f\")", "")], body: .general { args in
            let ip = args.interpreter
            var names: [String] = []
            for (value, span) in zip(args.rest, args.restSpans) {
                guard let name = value.text, AnswerSheet.isName(name) else {
                    throw MMLError(kind: .argument, "answers: each answer is the name of a variable or function, in quotes", at: span,
                                   hint: "answers(\"d\", \"f\")")
                }
                names.append(name)
            }
            guard !names.isEmpty else { throw args.error("answers needs the names of the answers", hint: "answers(\"d\", \"f\")") }
            try ip.answerSheet?.declare(names, in: ip, at: args.callSpan)
            return .nothing
        })
}

/// Comparing an actual result with an expected one for check and approx.
enum Checking {
    /// Carries out `check` with its bound arguments. `failure` is the error that working out
    /// `actual` or `expected` threw when a class is graded: the check then fails with it.
    static func run(_ args: Arguments, failure: MMLError?) throws -> Value {
        let ip = args.interpreter
        let label = try args.string("label")
        let tol = try args.number("tol", default: 1e-9)
        let points = try args.number("points", default: 1)
        guard points.isFinite, points >= 0 else {
            throw args.error("check: `points` must be a number of points, 0 or more, not \(formatNumber(points, style: .long))", at: "points")
        }
        let hidden = try args.bool("hidden", default: false)
        var outcome = CheckOutcome(label: label, passed: false, problem: nil, actual: .nothing, expected: .nothing, points: points, hidden: hidden)
        if let failure {
            outcome.notAnswered = ip.answerSheet?.isNotAnswered(failure) ?? false
            outcome.problem = outcome.notAnswered ? "not answered: \(failure.diagnostic.message)" : failure.diagnostic.message
        } else {
            (outcome.actual, outcome.expected) = (try args.value("actual"), try args.value("expected"))
            outcome.problem = agree(outcome.actual, outcome.expected, tol: tol, options: ip.options)
            outcome.passed = outcome.problem == nil
        }
        ip.emit(.check(outcome))
        return .nothing
    }

    /// `    expected  1  2` with the block's further lines under its first: a labelled block of
    /// a ✗ line, indented so `mml test` keeps it with the ✗ line.
    static func block(_ label: String, _ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let margin = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        lines = lines.map { String($0.dropFirst(margin)) }
        let width = "expected".count + 2
        return lines.enumerated().map { k, line in
            "    " + (k == 0 ? label + String(repeating: " ", count: width - label.count) : String(repeating: " ", count: width)) + line
        }.joined(separator: "\n")
    }

    /// nil when they agree; otherwise what differs, for a ✗ line.
    static func agree(_ actual: Value, _ expected: Value, tol: Double, options: DisplayOptions = DisplayOptions()) -> String? {
        let printer = ValuePrinter(options: options)
        func got() -> String {
            let e = printer.nested(expected), a = printer.nested(actual)
            if !e.contains("\n") && !a.contains("\n") { return "expected \(e), got \(a)" }
            // Matrices: two aligned blocks under the label instead of rows wrapped into it.
            return "\n" + block("expected", e) + "\n" + block("got", a)
        }
        switch (actual, expected) {
        case (.string(let a), .string(let b)): return a == b ? nil : got()
        case (.bool(let a), .bool(let b)): return a == b ? nil : got()
        case (.complex, _), (_, .complex):
            guard let a = actual.asComplex, let b = expected.asComplex else { return got() }
            return (a - b).length <= tol * max(1, b.length) ? nil : got()
        default:
            guard let a = actual.asMatrix, let b = expected.asMatrix else {
                return actual.typeName == expected.typeName ? "cannot compare values of type \(actual.typeName)" : "expected a \(expected.typeName), got a \(actual.typeName)"
            }
            let sameShape = (a.rows == b.rows && a.cols == b.cols) || (a.count == b.count && (a.isVector || a.isRow) && (b.isVector || b.isRow))
            guard sameShape else { return "expected a \(b.shapeDescription) result, got \(a.shapeDescription)" }
            for (x, y) in zip(a.data, b.data) {
                if x.isNaN && y.isNaN { continue }
                if x == y { continue }
                if !(abs(x - y) <= tol * max(1, abs(y))) { return got() }
            }
            return nil
        }
    }
}
