// The straight-line program of numeric forms against the tree walk it replaces: the same bits
// for every output, the same bails, and the tree walk kept for what it cannot flatten.
import Testing
@testable import MMLCore

/// A session with `setup` run, and the numeric entries of the named functions.
private struct Forms {
    let session = Session(SessionConfiguration(runsOnLargeStack: false))
    var ip: Interpreter { session.interpreter }

    init(_ setup: String) throws {
        let result = session.run(setup, name: "test.mml")
        if let first = result.diagnostics.first { throw MMLError(first) }
    }

    func entry(_ name: String, arity: Int) throws -> NumericEntry {
        var entry: NumericEntry?
        if case .function(let f)? = ip.globals[name] { entry = NumericEntry(f, arguments: arity) }
        return try #require(entry, "\(name) is not a function with a numeric form")
    }

    /// The expressions whose values the tree walk gives: f's returned expression, or a
    /// matrix literal's entries.
    func expressions(_ e: NumericEntry) throws -> [NumExpr] {
        if let root = e.body.root { return [try #require((root as? NumReturn)?.value)] }
        return e.body.entries
    }

    /// What the tree walk gives for each of those expressions at x (nil: it bails).
    func treeWalk(_ e: NumericEntry, at x: [Double]) -> [Double]? {
        if e.body.root != nil { return e.number(ip, x).map { [$0] } }
        return e.array(ip, x)?.entries
    }
}

private func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

@Suite("Straight-line numeric programs") struct StraightLineProgramTests {
    /// f and its exact gradient by the program at every point, against the tree walk of each.
    private func checkAgainstTreeWalk(_ setup: String, f: String, gradient: String, arity n: Int, at points: [[Double]]) throws -> StraightLineProgram {
        let forms = try Forms(setup)
        let fe = try forms.entry(f, arity: n), ge = try forms.entry(gradient, arity: n)
        let expressions = try forms.expressions(fe) + forms.expressions(ge)
        let program = try #require(StraightLineProgram(expressions, parameterCount: n))
        let objective = try #require(NumericObjective(value: fe, gradient: ge, dimension: n))
        for x in points {
            let expected = try #require(forms.treeWalk(fe, at: x)) + #require(forms.treeWalk(ge, at: x))
            #expect(program.run(forms.ip, x, count: program.ends.last!))
            let got = (0..<expressions.count).map { program.output($0) }
            #expect(sameBits(got, expected), "at \(x): program \(got), tree walk \(expected)")
            // f alone: the first instructions.
            #expect(program.run(forms.ip, x, count: program.ends[0]))
            #expect(program.output(0).bitPattern == expected[0].bitPattern)

            var g = [Double](repeating: 7, count: n)
            let fx = try #require(objective.evaluate(forms.ip, x, gradient: &g))
            #expect(fx.bitPattern == expected[0].bitPattern)
            #expect(fx.isFinite ? sameBits(g, Array(expected[1...])) : g == [Double](repeating: 7, count: n))
        }
        return program
    }

    @Test func rosenbrockSharesItsSubexpressionsWithItsGradient() throws {
        let program = try checkAgainstTreeWalk("f(x, y) = (1 - x)^2 + 100*(y - x^2)^2\ng = grad(f)", f: "f", gradient: "g", arity: 2,
                                               at: [[-1.2, 1], [0, 0], [1, 1], [3.7, -2.25], [1e200, 1e100], [-0.0, .leastNonzeroMagnitude]])
        // f: 1 − x, (1 − x)², x², y − x², (y − x²)², 100·(…), the sum; ∇f = [2·x − 400·x·(y − x²) − 2;
        // 200·y − 200·x²] adds 2·x, 400·x, 400·x·(y − x²), two subtractions, 200·y, 200·x², one
        // subtraction: x² and y − x² are computed once for both.
        #expect(program.instructionCount == 15)
    }

    @Test func globalsConstantsBuiltinsDivisionAndPowers() throws {
        _ = try checkAgainstTreeWalk("""
            a = 3.5
            h(x, y) = exp(x/a) + sin(y)^2 + (x - 1)^3/(1 + y^2) + pi*x^4 + x^2.5 + atan(x*y)
            g = grad(h)
            """, f: "h", gradient: "g", arity: 2, at: [[1, 0.5], [0.25, -3], [2, 0], [-1.5, 2], [0, 1e-300]])
    }

    @Test func givenGradientAndOneVariable() throws {
        _ = try checkAgainstTreeWalk("g(x, y) = (x - 1)^2 + 2*(y + 2)^2\ndg(x, y) = [2*(x - 1), 4*(y + 2)]",
                                     f: "g", gradient: "dg", arity: 2, at: [[0, 0], [1, -2], [-7.5, 1e10]])
        _ = try checkAgainstTreeWalk("k(x) = (x - 2)^2 + cos(x) - x/3\ndk = k'", f: "k", gradient: "dk", arity: 1,
                                     at: [[0], [2.3542427552848073], [-1e8], [.infinity]])
    }

    @Test func aScalarKernelAndUnaryMinus() throws {
        let forms = try Forms("m(x, y) = mod(x, 3) - -y + -(x*y) + 2\\y")
        let e = try forms.entry("m", arity: 2)
        let program = try #require(StraightLineProgram(forms.expressions(e), parameterCount: 2))
        for x in [[7.5, 2], [-4, 0.5], [3, -3]] {
            #expect(program.run(forms.ip, x, count: program.ends[0]))
            #expect(program.output(0).bitPattern == forms.treeWalk(e, at: x)?.first?.bitPattern)
        }
    }

    @Test func bailsWhereTheTreeWalkBails() throws {
        let forms = try Forms("a = 2\nf(x, y) = a*x^2 + sqrt(y)\ng = grad(f)")
        let fe = try forms.entry("f", arity: 2), ge = try forms.entry("g", arity: 2)
        let program = try #require(StraightLineProgram(forms.expressions(fe), parameterCount: 2))
        let objective = try #require(NumericObjective(value: fe, gradient: ge, dimension: 2))
        var g = [0.0, 0.0]
        #expect(objective.evaluate(forms.ip, [1, 4], gradient: &g) == 4)
        #expect(g == [4, 0.25])
        // A global that stops being a number: the program bails, as the tree walk does.
        _ = forms.session.run("a = [1, 2]", name: "change.mml")
        #expect(!program.run(forms.ip, [1, 4], count: program.ends[0]))
        #expect(objective.evaluate(forms.ip, [1, 4], gradient: &g) == nil)
        #expect(forms.treeWalk(fe, at: [1, 4]) == nil)
        // The program reads the global at each run.
        _ = forms.session.run("a = 3", name: "change.mml")
        #expect(program.run(forms.ip, [1, 4], count: program.ends[0]))
        #expect(program.output(0) == 5)
        // A builtin's name taken by a variable: the call is no longer the builtin.
        _ = forms.session.run("sqrt = 1", name: "change.mml")
        #expect(!program.run(forms.ip, [1, 4], count: program.ends[0]))
        // The objective stays out of the way once it has bailed.
        #expect(objective.evaluate(forms.ip, [1, 4], gradient: &g) == nil)
    }

    @Test func aCallOfAUserFunctionKeepsTheTreeWalk() throws {
        let forms = try Forms("sq(t) = t^2\nu(x, y) = sq(x - 1) + 3*y^2\ndu(x, y) = [2*(x - 1), 6*y]")
        let ue = try forms.entry("u", arity: 2), due = try forms.entry("du", arity: 2)
        #expect(StraightLineProgram(try forms.expressions(ue), parameterCount: 2) == nil)
        #expect(NumericObjective(value: ue, gradient: due, dimension: 2) == nil)
        // gd still runs it (through the tree walk) to the same answer.
        let value = try forms.session.evaluate("r = gd(u, [0, 1], grad=du, rate=0.1, steps=500); [round(r.x, 8), r.steps]")
        #expect(value.asMatrix?.data == [1, 0, 86])
    }
}
