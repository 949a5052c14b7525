// A function made inside a call and kept in that call's own variables must not keep the
// call's frame alive for ever (found by the eval fuzzer as a leak).
import Testing
@testable import MMLCore

@Suite("Closure lifetimes")
struct ClosureLifetimeTests {
    /// Runs `setup`, takes the frame captured by the function `name`, forgets every variable,
    /// and reports whether that frame was freed.
    private func frameIsFreed(_ setup: String, function name: String) throws -> Bool {
        let ip = Interpreter()
        _ = try ip.evaluate(setup)
        weak var frame: Frame?
        do {
            guard case .function(let f)? = ip.globals[name], let user = f as? UserFunction else {
                Issue.record("\(name) is not a function")
                return false
            }
            frame = user.captured
            #expect(frame != nil)
        }
        ip.globals.clear()
        return frame == nil
    }

    @Test func localFunctionReturnedFromItsCall() throws {
        #expect(try frameIsFreed("""
            fn make(c) {
                fn inner(x) { return c * x }
                return inner
            }
            k = make(3)
            """, function: "k"))
    }

    @Test func lambdaKeptInALocalAndReturned() throws {
        #expect(try frameIsFreed("""
            fn make(c) {
                g = x -> c + x
                h = x -> 2 * g(x)
                return h
            }
            k = make(1)
            """, function: "k"))
    }

    @Test func lambdaInARecordKeptInALocal() throws {
        #expect(try frameIsFreed("""
            fn make(c) {
                r.scale = x -> c * x
                r.name = "scaler"
                return r.scale
            }
            k = make(2)
            """, function: "k"))
    }

    @Test func functionOfANestedCallKeptInALocal() throws {
        // k closes over inner's frame, whose parent is outer's; outer keeps k in a local.
        #expect(try frameIsFreed("""
            fn outer(c) {
                fn inner(d) {
                    f(x) = c*d*x
                    return f
                }
                k = inner(2)
                return x -> k(x) + c
            }
            g = outer(3)
            """, function: "g"))
    }

    @Test func functionsOfNestedCallsStillWork() throws {
        let ip = Interpreter()
        let value = try ip.evaluate("""
            fn outer(c) {
                fn inner(d) {
                    f(x) = c*d*x
                    return f
                }
                k = inner(2)
                r.k = k
                return x -> k(x) + r.k(x) + c
            }
            g = outer(3)
            g(1) + g(2)
            """)
        guard case .number(let x) = value else {
            Issue.record("expected a number, got \(value)")
            return
        }
        #expect(x == 42)  // (6 + 6 + 3) + (12 + 12 + 3)
    }

    @Test func detachedFunctionsStillWork() throws {
        let ip = Interpreter()
        let value = try ip.evaluate("""
            fn make(c) {
                fn count(n) { if n == 0 { return c }; return count(n - 1) + 1 }
                twice = x -> 2 * count(x)
                return twice
            }
            k = make(10)
            fn wrap(c) {
                r.f = x -> c * x
                return y -> r.f(y) + 1
            }
            w = wrap(3)
            k(5) + w(2)
            """)
        guard case .number(let x) = value else {
            Issue.record("expected a number, got \(value)")
            return
        }
        #expect(x == 37)
    }
}
