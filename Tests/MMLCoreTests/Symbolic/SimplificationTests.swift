// Smart constructors, simplify, expand and factor on formulas with known simplest forms.
import MMLCore
import Testing

@Suite("Symbolic: simplification")
struct SymbolicSimplificationTests {
    func p(_ s: String) throws -> Formula { try TestFormulaParser.parse(s) }

    @Test("smart constructors: folding, identities, like terms, powers, signs",
          arguments: [
            ("2*3 + 4", "10"), ("2^10", "1024"), ("4^(1/2)", "2"), ("(2/3)^2", "4/9"), ("exp(0)", "1"),
            ("log(1)", "0"), ("sin(0)", "0"), ("cos(0)", "1"), ("0*x", "0"), ("1*x", "x"), ("x + 0", "x"),
            ("x^1", "x"), ("x^0", "1"), ("x/1", "x"), ("--x", "x"), ("2*x + 3*x", "5*x"), ("x*x", "x^2"),
            ("x^2/x", "x"), ("x^2/x^3", "1/x"), ("x*y*x*y", "x^2*y^2"), ("-(a - b)", "b - a"),
            ("x - x", "0"), ("3*x*y - 2*y*x", "x*y"), ("exp(x)*exp(-x)", "1"), ("exp(log(x))", "x"),
            ("log(exp(x))", "x"), ("sqrt(x)^2", "x"), ("(x^2)^3", "x^6"), ("(2*x)^2", "4*x^2"),
            ("x + 1 + x + 1", "2*x + 2"), ("1/(1/x)", "x"), ("x/2 + x/2", "x"), ("e^(2*x)", "exp(2*x)"),
          ])
    func constructors(input: String, expected: String) throws {
        #expect(try p(input).ascii == expected)
    }

    @Test("simplify: Pythagorean identities, common factors, common denominators, cancelling",
          arguments: [
            ("sin(x)^2 + cos(x)^2", "1"), ("3*y*sin(x)^2 + 3*y*cos(x)^2", "3*y"),
            ("cosh(x)^2 - sinh(x)^2", "1"), ("sin(2*x)^2 + cos(2*x)^2 + x", "x + 1"),
            ("(x^2 - 4)/(x + 2)", "x - 2"), ("(x^2 + 2*x + 1)/(x + 1)^2", "1"),
            ("1/x + 1/x^2", "(x + 1)/x^2"), ("(x + 1)^2 - (x - 1)^2", "4*x"),
            ("x^2*exp(x) + 2*x*exp(x) + exp(x)", "(x^2 + 2*x + 1)*exp(x)"),
            ("3*sin(x)/cos(x)", "3*tan(x)"), ("x*sinh(2*x)^2/cosh(2*x)^2", "x*tanh(2*x)^2"),
            ("2*x*sin(x) + x^2*cos(x)", "x^2*cos(x) + 2*x*sin(x)"),
          ])
    func simplify(input: String, expected: String) throws {
        #expect(try p(input).simplified().ascii == expected)
    }

    @Test("expand multiplies out", arguments: [
        ("(x + 1)^2", "x^2 + 2*x + 1"), ("(x + 1)*(x - 1)", "x^2 - 1"), ("(a + b)^3", "a^3 + 3*a^2*b + 3*a*b^2 + b^3"),
        ("x*(x + y) - x^2", "x*y"), ("sin(x*(x + 1))", "sin(x^2 + x)"), ("2*(x - 3)", "2*x - 6"),
    ])
    func expand(input: String, expected: String) throws {
        #expect(try p(input).expanded().ascii == expected)
    }

    @Test("factor pulls out common factors", arguments: [
        ("2*x^2 + 4*x", "2*x*(x + 2)"), ("x*y + x*z", "x*(y + z)"), ("6*a*b - 9*a", "3*a*(2*b - 3)"),
        ("-x^2 - x", "-x*(x + 1)"), ("x^3*sin(x) + x^2*cos(x)", "x^2*(x*sin(x) + cos(x))"),
        ("x + 1", "x + 1"), ("x*exp(x) + exp(x)", "(x + 1)*exp(x)"),
    ])
    func factor(input: String, expected: String) throws {
        #expect(try p(input).factored().ascii == expected)
    }

    @Test("factored, expanded and simplified forms keep the value")
    func valuesPreserved() throws {
        for c in try SymbolicFixtures.load().cases where c.variables.count == 1 {
            let f = try p(c.f)
            let reference = try f.compiled(variables: c.variables)
            for form in [f.expanded(), f.factored(), f.simplified(), f.together()] {
                let g = try form.compiled(variables: c.variables)
                for pt in c.points {
                    let a = try reference.evaluate(pt), b = try g.evaluate(pt)
                    #expect(close(b, a, 1e-9), "\(c.f) → \(form.ascii) at \(pt)")
                }
            }
        }
    }

    @Test("node count is the size of the printed formula")
    func nodeCount() throws {
        #expect(try p("x^2*sin(x)").nodeCount == 6)      // x ^ 2 · sin x
        #expect(try p("x - 1").nodeCount == 3)
        #expect(try p("-x").nodeCount == 2)
        #expect(try p("x/3").nodeCount == 3)
        #expect(try p("1/(2*sqrt(x))").nodeCount == 6)   // 1 / 2 · sqrt x
        #expect(try p("log(2, x)").nodeCount == 3)
    }

    @Test("canonical order makes equal formulas identical")
    func canonical() throws {
        #expect(try p("y*x + sin(x)*2") == p("2*sin(x) + x*y"))
        #expect(try p("(x + y)^2") == p("(y + x)^2"))
        #expect(try p("a*b*c") == p("c*a*b"))
        #expect(try p("x^2 + 1 + x").ascii == "x^2 + x + 1")
    }

    @Test("substitution and call inlining rebuild canonical forms")
    func substitution() throws {
        let f = try p("x^2 + 3*x*y")
        #expect(f.substituting(["y": .variable("x")]).ascii == "4*x^2")
        // h(x) = f(x)^2 + g(x) with f(x) = sin(x) and g(x) = x^3, inlined before differentiating.
        let h = try p("f(x)^2 + g(x)")
        let inlined = h.replacingCalls { name, args in
            switch name {
            case "f": return Formula.apply("sin", args)
            case "g": return Formula.pow(args[0], .int(3))
            default: return nil
            }
        }
        #expect(try inlined.derivative("x").ascii == "3*x^2 + 2*cos(x)*sin(x)")
    }
}

@Suite("Symbolic: node count")
struct SymbolicNodeCountTests {
    /// Tokens of a printed ASCII formula: numbers, names and operators (as the fixture script counts).
    static func tokens(_ s: String) -> Int {
        var count = 0
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c.isNumber {
                count += 1
                while i < s.endIndex, s[i].isNumber || s[i] == "." || s[i] == "e" && s.index(after: i) < s.endIndex && s[s.index(after: i)].isNumber { i = s.index(after: i) }
                continue
            }
            if c.isLetter || c == "_" {
                count += 1
                while i < s.endIndex, s[i].isLetter || s[i].isNumber || s[i] == "_" { i = s.index(after: i) }
                continue
            }
            if "+-*/^".contains(c) { count += 1 }
            if c == ".", s.index(after: i) < s.endIndex, "*/^".contains(s[s.index(after: i)]) { i = s.index(after: i); count += 1 }
            i = s.index(after: i)
        }
        return count
    }

    @Test("nodeCount equals the token count of the ASCII printing on every fixture derivative")
    func matchesTokens() throws {
        for c in try SymbolicFixtures.load().cases {
            let f = try TestFormulaParser.parse(c.f)
            #expect(f.nodeCount == Self.tokens(f.ascii), "\(f.ascii)")
            for v in c.variables {
                let d = try f.derivative(v)
                #expect(d.nodeCount == Self.tokens(d.ascii), "\(d.ascii)")
                let raw = try f.derivative(v, simplify: false)
                #expect(raw.nodeCount == Self.tokens(raw.ascii), "\(raw.ascii)")
            }
        }
    }
}
