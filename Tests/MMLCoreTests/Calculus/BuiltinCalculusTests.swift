// The calculus facets the builtins declare: every builtin of the math areas says how it is
// differentiated or why it is not, and the facet agrees with the builtin it belongs to.
import MMLTestSupport
import Testing
@testable import MMLCore

@Suite("Calculus: the builtins' calculus facets")
struct BuiltinCalculusTests {
    /// The areas whose every builtin must declare a derivative rule or "not differentiable".
    static let mathAreas: Set<BuiltinArea> = [.math, .neural]

    @Test("every builtin of the math areas has a derivative rule or says why it has none")
    func everyMathBuiltinDeclaresItsCalculus() {
        for b in Builtins.all where Self.mathAreas.contains(b.area) {
            guard let calculus = b.calculus else {
                Issue.record("\(b.name) (\(b.area.rawValue)) declares no calculus facet: give it a derivative rule or .notDifferentiable(why)")
                continue
            }
            if calculus.derivative == nil {
                #expect(!(calculus.notDifferentiable ?? "").isEmpty, "\(b.name) has neither a derivative rule nor a reason")
            }
        }
    }

    @Test("every function with a derivative rule is a builtin, and has a scalar kernel")
    func rulesBelongToBuiltins() {
        for (name, f) in SymbolicFunctions.table {
            #expect(Builtins.table[name]?.calculus != nil, "\(name)")
            #expect(f.calculus.kernel != nil, "\(name) has no scalar kernel")
        }
    }

    @Test("a two-number builtin's kernel is exactly what its body returns (the call nodes' fast path)")
    func binaryKernelsMatchTheirBodies() throws {
        let values: [Double] = [-7.5, -3, -1, -0.25, 0, 0.5, 1, 2, 3, 7, 1e6, .infinity, .nan]
        var checked = 0
        for b in Builtins.all {
            guard case .binary(let body) = b.body, case .binary(let kernel)? = b.calculus?.kernel else { continue }
            for x in values {
                for y in values {
                    guard case .number(let got) = try body(.number(x), .number(y), SourceSpan.none) else {
                        Issue.record("\(b.name)(\(x), \(y)) is not a number")
                        continue
                    }
                    let want = kernel(x, y)
                    #expect(got.bitPattern == want.bitPattern || (got.isNaN && want.isNaN), "\(b.name)(\(x), \(y)): body \(got), kernel \(want)")
                }
            }
            checked += 1
        }
        #expect(checked >= 2)  // mod, atan2
    }

    @Test("a builtin without a rule says so when a formula differentiates it")
    func notDifferentiableIsAnError() throws {
        let ip = Interpreter()
        _ = try ip.evaluate("f(x) = real(x) + x")
        #expect(throws: (any Error).self) { try ip.evaluate("f'") }
    }

    @Test("vector roles: reductions make their parameters vectors, elementwise functions do not")
    func vectorRoles() throws {
        #expect(VectorParameters.takesWholeVector("sum"))
        #expect(VectorParameters.takesWholeVector("norm"))
        #expect(VectorParameters.takesWholeVector("softmax"))
        #expect(!VectorParameters.takesWholeVector("sin"))
        #expect(!VectorParameters.takesWholeVector("print"))
    }
}
