// The quick paths a learner's loop over small vectors takes — an element read `v[i]`, a
// number stretched over a vector, a builtin called by position, `dot` and `norm` of short
// vectors, a function returning `[a, b]` through its numeric form and `a, b = f(x)` without
// the vector — give exactly the values and errors of the general code.
import Testing
@testable import MMLCore

@Suite("Small-vector paths")
struct SmallVectorPathTests {
    private func value(_ code: String) throws -> Value { try Interpreter().evaluate(code) }

    private func numbers(_ code: String) throws -> [Double] {
        switch try value(code) {
        case .number(let x): return [x]
        case .matrix(let m): return m.data
        default: return []
        }
    }

    /// The error `code` stops with, and the source text its caret is under.
    private func error(_ code: String) -> (message: String, under: String)? {
        do {
            _ = try Interpreter().evaluate(code)
            return nil
        } catch let e as MMLError {
            let bytes = Array(code.utf8)
            let span = e.diagnostic.span
            let under = span.end <= bytes.count ? String(decoding: bytes[span.start..<span.end], as: UTF8.self) : ""
            return (e.diagnostic.message, under)
        } catch {
            return ("\(error)", "")
        }
    }

    @Test("v[i] and A[i, j] read elements; masks give bools; bad indices give the general errors")
    func elementReads() throws {
        #expect(try numbers("v = [5, 6, 7]\nv[2] + v[3] * 2") == [20])
        #expect(try numbers("A = [1, 2; 3, 4]\nA[2, 1] - A[1, 2]") == [1])
        #expect(try numbers("v = [5, 6, 7]\ni = 3\nv[i - 1] * v[end]") == [42])
        guard case .bool(true) = try value("m = [1, 2] > 1\nm[2]") else { Issue.record("a mask's element is a bool"); return }
        #expect(error("v = [1, 2, 3]\nv[4]")?.message == "index 4 is out of range: there are only 3 elements")
        #expect(error("v = [1, 2, 3]\nv[1.5] + 1")?.message.hasPrefix("an index must be a whole number") == true)
        #expect(error("v = [1, 2, 3]\n2 * v[0]")?.message.hasPrefix("index 0 is out of range") == true)
        // The row index is checked before the column index is evaluated.
        #expect(error("A = [1, 2; 3, 4]\nA[3, nowhere]")?.message.hasPrefix("index 3 is out of range") == true)
        #expect(error("A = [1, 2; 3, 4]\nA[1, 3]")?.under == "3")
        #expect(try numbers("A = [1, 2; 3, 4]\nA[2, :]") == [3, 4])
        #expect(try numbers("v = [5, 6, 7]\nv[[1, 3]]") == [5, 7])
    }

    @Test("a number stretched over a matrix: the same result as the elementwise operator")
    func stretchedNumbers() throws {
        #expect(try numbers("2 - [1, 5]") == [1, -3])
        #expect(try numbers("[1, 5] - 2") == [-1, 3])
        #expect(try numbers("[2, 4; 6, 8] / 2") == [1, 3, 2, 4])
        #expect(try numbers("8 ./ [2, 4]") == [4, 2])
        #expect(try numbers("3 * ([1, 2] > 1)") == [0, 3])
        #expect(try numbers("[1, 2, 3]' * 2") == [2, 4, 6])
        guard case .matrix(let row) = try value("[1, 2, 3]' * 2") else { Issue.record("a matrix"); return }
        #expect(row.rows == 1 && row.cols == 3)
        // Operators that treat a number and a matrix otherwise keep their meaning.
        #expect(error("2 / [1, 2]")?.message.hasPrefix("cannot divide a number by a") == true)
        #expect(try numbers("[1, 1; 0, 1] ^ 2") == [1, 0, 2, 1])
        #expect(error("3 ⋅ [1, 2]")?.message.contains("a dot product needs equal lengths") == true)
    }

    @Test("an operator writes over a temporary operand, never over a value someone else holds")
    func resultsOverTemporaries() throws {
        #expect(try numbers("v = [1, 2]\ng = [10, 20]\ng = g + 2 * v\n[g; v]") == [12, 24, 1, 2])
        #expect(try numbers("w = [1, 1]\ng = [2, 4]\nw = w - 0.5 * g\n[w; g]") == [0, -1, 2, 4])
        #expect(try numbers("v = [2, 4]\n(v * 1) / 2 - (v .* v) ./ [2, 2]") == [-1, -6])
        // A function handing back its argument, a record field: the operand is shared, so copied.
        #expect(try numbers("fn same(x) { return x }\nv = [1, 2]\nu = same(v) + 1\n[u; v]") == [2, 3, 1, 2])
        #expect(try numbers("r.a = [1, 2]\nu = r.a * 3\nu = u + r.a\n[u; r.a]") == [4, 8, 1, 2])
        // Shapes that differ, masks, and a number divided by a vector keep the general answers.
        #expect(error("[1, 2] * 2 + [1, 2, 3]")?.message.contains("works elementwise and needs equal shapes") == true)
        guard case .matrix(let m) = try value("([1, 2] > 1) + 1") else { Issue.record("a matrix"); return }
        #expect(!m.isLogical && m.data == [1, 2])
        #expect(error("1 / ([1, 2] * 2)")?.message.hasPrefix("cannot divide a number by a") == true)
        #expect(try numbers("[1, 2; 3, 4] * ([1, 0; 0, 1] * 1)") == [1, 3, 2, 4])
    }

    @Test("v = v ± s * u updates v in place with the operators' results and errors")
    func scaledSteps() throws {
        #expect(try numbers("w = [1, 1]\ng = [2, 4]\nw = w - 0.5 * g\n[w; g]") == [0, -1, 2, 4])
        #expect(try numbers("w = [1, 1]\ng = [2, 4]\nw = w + g * 0.25\nw") == [1.5, 2])
        #expect(try numbers("w = [1, 1]\ng = [2, 4]\nw = w + 3 .* g\nw") == [7, 13])
        // The vector itself on the right, another name holding it, a record field, a local.
        #expect(try numbers("v = [1, 2]\nv = v + 2 * v\nv") == [3, 6])
        #expect(try numbers("v = [1, 2]\nu = v\nv = v - 1 * [1, 1]\n[u; v]") == [1, 2, 0, 1])
        #expect(try numbers("fn f(w) {\n    for k in 1:3 { w = w - 0.5 * w }\n    return w\n}\nv = [8, 16]\n[f(v); v]") == [1, 2, 8, 16])
        // Numbers, matrices and shapes the in-place form does not take: the operators' answers.
        #expect(try numbers("x = 1\nx = x + 2 * 3\nx") == [7])
        #expect(try numbers("A = [1, 2; 3, 4]\nA = A + [1, 0; 0, 1] * [1, 0; 0, 1]\nA") == [2, 3, 2, 5])
        #expect(try numbers("v = [1, 2]\nv = v + [1, 2]' * 2\nv") == [3, 4, 5, 6])
        #expect(error("v = [1, 2]\nv = v + 2 * [1, 2, 3]")?.message.contains("works elementwise and needs equal shapes") == true)
        // Errors come in the operators' order: the variable first, then the factors.
        #expect(error("v = nowhere - 2 * also_nowhere")?.under == "nowhere")
        #expect(error("v = [1, 2]\nv = v - 2 * nowhere")?.under == "nowhere")
        let ip = Interpreter()
        _ = try ip.evaluate("v = [1, 2]")
        #expect(throws: MMLError.self) { try ip.evaluate("v = v - \"a\" * [1, 2]") }
        guard case .matrix(let kept) = try ip.evaluate("v") else { Issue.record("v is kept"); return }
        #expect(kept.data == [1, 2])
    }

    @Test("builtins called by position bind as with the general binding, errors under the argument")
    func positionalBuiltins() throws {
        #expect(try numbers("dot([1, 2, 3], [4, 5, 6])") == [32])
        #expect(try numbers("dot([1, 2, 3]', [4, 5, 6])") == [32])
        #expect(try numbers("dot(2, 3)") == [6])
        #expect(error("dot([1, 2], [1, 2, 3])")?.message.contains("different lengths") == true)
        #expect(error("dot([1, 2; 3, 4], [1, 2, 3, 4])") != nil)
        #expect(try numbers("norm([3, 4])") == [5])
        #expect(try numbers("norm([3, -4], 1)") == [7])
        #expect(try numbers("zeros(2)") == [0, 0])
        #expect(error("norm(\"a\", 1)")?.under == "\"a\"")
        #expect(error("dot(\"a\", [1, 2])")?.message == "dot: `u` must be a number, vector or matrix, not a string")
        #expect(error("norm()")?.message == "norm needs the argument `x`")
        #expect(error("dot([1, 2])")?.message == "dot needs the argument `v`")
    }

    @Test("dot and norm of short vectors: exact sums, and dnrm2 where squares would overflow or underflow")
    func shortDotAndNorm() throws {
        #expect(try numbers("dot([0.5, 0.25, 2], [4, 8, 0.125])") == [4.25])
        #expect(try numbers("norm([1, 2, 2])") == [3])
        // (dnrm2's scaling is within an ulp: 4.9999999999999995e200.)
        #expect(try abs(numbers("norm([3e200, 4e200])")[0] / 5e200 - 1) < 1e-15)
        #expect(try numbers("norm([3e-200, 4e-200])") == [5e-200])
        #expect(try numbers("norm([0, 0])") == [0])
        #expect(try numbers("norm([1, 2] .* 0) + dot([1], [2])") == [2])
        #expect(try numbers("norm([nan, 1])")[0].isNaN)
    }

    @Test("v = [a, b, c] of numbers reuses v's own vector only when nothing else sees it")
    func vectorLiteralAssignment() throws {
        // Another name holding the old vector keeps it.
        #expect(try numbers("v = [1, 2, 3]\nu = v\nv = [4, 5, 6]\n[u; v]") == [1, 2, 3, 4, 5, 6])
        // A record field holding it keeps it too.
        #expect(try numbers("v = [1, 2]\nr.a = v\nv = [7, 8]\n[r.a; v]") == [1, 2, 7, 8])
        // The literal is complete before the variable changes (a swap), and reads its own elements.
        #expect(try numbers("v = [1, 2]\nv = [v[2], v[1]]\nv") == [2, 1])
        // A different length, a row, a mask or a number before: a new column vector.
        #expect(try numbers("v = [1, 2]\nv = [3, 4, 5]\nv") == [3, 4, 5])
        guard case .matrix(let col) = try value("v = [1, 2, 3]'\nv = [4, 5, 6]\nv") else { Issue.record("a vector"); return }
        #expect(col.rows == 3 && col.cols == 1)
        guard case .matrix(let m) = try value("v = [1, 2] > 1\nv = [3, 4]\nv") else { Issue.record("a vector"); return }
        #expect(!m.isLogical && m.data == [3, 4])
        #expect(try numbers("v = 5\nv = [v, v + 1]\nv") == [5, 6])
        // In a loop inside a function, on a local, and when an element is not a number.
        #expect(try numbers("fn f(n) {\n    s = 0\n    for i in 1:n {\n        w = [i, 2 * i]\n        s = s + w[1] * w[2]\n    }\n    return s\n}\nf(3)") == [28])
        #expect(try numbers("b = [1, 2]\nv = [1, 2]\nv = [3, b]\nv") == [3, 1, 2])
        #expect(error("v = [1, 2]\nv = [1, nowhere]")?.under == "nowhere")
        // After that error the variable still holds what it held.
        let ip = Interpreter()
        _ = try ip.evaluate("v = [1, 2]")
        #expect(throws: MMLError.self) { try ip.evaluate("v = [v[1] + 1, nowhere]") }
        guard case .matrix(let kept) = try ip.evaluate("v") else { Issue.record("v is kept"); return }
        #expect(kept.data == [1, 2])
    }

    @Test("a function returning [a, b] from its numeric form: the vector, unpacked or kept")
    func vectorReturningFunctions() throws {
        let grad = "fn grad(x, y) {\n    r = y - x * x\n    return [-2 * (1 - x) - 400 * x * r, 200 * r]\n}\n"
        // Reference: the gradient of Rosenbrock's function, by hand: (2x − 2 − 400x(y − x²), 200(y − x²)).
        #expect(try numbers(grad + "gx, gy = grad(-1.5, 2)\n[gx, gy]") == [2 * -1.5 - 2 - 400 * -1.5 * (2 - 2.25), 200 * (2 - 2.25)])
        #expect(try numbers(grad + "g = grad(0, 1)\ng * 2") == [-4, 400])
        guard case .matrix(let g) = try value(grad + "grad(1, 1)") else { Issue.record("a vector"); return }
        #expect(g.rows == 2 && g.cols == 1 && !g.isLogical)
        // Unpacked in a loop, the way the benchmark does it.
        #expect(try numbers(grad + "x = -1.2\ny = 1\nfor k in 1:3 {\n    gx, gy = grad(x, y)\n    x = x - 0.001 * gx\n    y = y - 0.001 * gy\n}\n[x, y]").count == 2)
        // Wrong counts, a row, a vector argument and a mixed function keep the general answers.
        #expect(error(grad + "a, b, c = grad(1, 2)")?.message == "this gives 2 values but 3 names are waiting for them")
        #expect(error("fn row(x) { return [[x, x]] }\na, b = row(1)")?.message.hasPrefix("a matrix cannot be unpacked") == true)
        // A local unassigned on one path: the numeric form bails and the ordinary code reports it.
        let partial = "fn u(x) {\n    if x > 0 { y = 1 }\n    return [x, y]\n}\n"
        #expect(try numbers(partial + "a, b = u(2)\n[a, b, u(3)]") == [2, 1, 3, 1])
        #expect(error(partial + "a, b = u(-2)")?.under == "y")
        #expect(error(partial + "v = u(-2)")?.under == "y")
        let mixed = "fn f(x) {\n    if x > 0 { return [x, 2 * x] }\n    return x\n}\n"
        #expect(try numbers(mixed + "f(2)") == [2, 4])
        #expect(try numbers(mixed + "f(-3)") == [-3])
        let shapes = "fn g(x) {\n    if x > 0 { return [x, x] }\n    return [x, x, x]\n}\n"
        #expect(try numbers(shapes + "a, b = g(1)\nsum(g(-1)) + a + b") == [-1])
        // A matrix literal written as rows, and one holding a bool, as before.
        #expect(try numbers("fn m(x) { return [x, 1; 2, x] }\nm(3)") == [3, 2, 1, 3])
        guard case .matrix(let flags) = try value("fn b(x) { return [x > 0, x < 0] }\nb(1)") else { Issue.record("a matrix"); return }
        #expect(flags.isLogical && flags.data == [1, 0])
    }
}
