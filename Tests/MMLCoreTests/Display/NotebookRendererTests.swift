// The notebook forms of values: LaTeX of matrices and math functions, HTML of tables and
// reports, and the bundles the Jupyter kernel sends. Expected strings are written by hand.
import MMLCore
import Testing

/// The mime bundle of each value the code shows, in order (run with REPL echo).
private func bundles(_ code: String) -> [NotebookRenderer.Bundle] {
    let result = Session().run(code, name: "test", echo: true)
    #expect(result.succeeded, "\(code): \(result.diagnostics.map(\.message))")
    return result.events.compactMap(NotebookRenderer.bundle)
}

/// The LaTeX of the last value the code shows.
private func latex(_ code: String) -> String? { bundles(code).last?["text/latex"] }

/// The HTML of the last value the code shows.
private func html(_ code: String) -> String? { bundles(code).last?["text/html"] }

@Suite("Notebook display: LaTeX")
struct LaTeXRendererTests {
    @Test("matrices and vectors are bmatrix, elements as the REPL formats them")
    func matrices() {
        #expect(latex("[1, 2; 3, 4]") == "$$\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$$")
        #expect(latex("A = [0.5, -2; 1e-7, 3]") == "$$A = \\begin{bmatrix} 0.5 & -2 \\\\ 10^{-7} & 3 \\end{bmatrix}$$")
        #expect(latex("[1; 2; 3]") == "$$\\begin{bmatrix} 1 \\\\ 2 \\\\ 3 \\end{bmatrix}$$")
        #expect(latex("[1, 2] > 1") == "$$\\begin{bmatrix} \\mathrm{false} \\\\ \\mathrm{true} \\end{bmatrix}$$")
        #expect(latex("format(\"rat\"); [1/3, -2/3]'") == "$$\\begin{bmatrix} \\frac{1}{3} & -\\frac{2}{3} \\end{bmatrix}$$")
        #expect(latex("[1.5e-20, inf]'") == "$$\\begin{bmatrix} 1.5 \\times 10^{-20} & \\infty \\end{bmatrix}$$")
    }

    @Test("a vector longer than 6 is a transposed row, elided in the middle past 20 elements")
    func longVectors() {
        #expect(latex("1:7") == "$$\\begin{bmatrix} 1 & 2 & 3 & 4 & 5 & 6 & 7 \\end{bmatrix}^{\\top}$$")
        #expect(latex("(1:7)'") == "$$\\begin{bmatrix} 1 & 2 & 3 & 4 & 5 & 6 & 7 \\end{bmatrix}$$")
        let expected = "$$\\begin{bmatrix} " + (1...10).map(String.init).joined(separator: " & ") + " & \\cdots & "
            + (91...100).map(String.init).joined(separator: " & ") + " \\end{bmatrix}^{\\top}$$"
        #expect(latex("linspace(1, 100, 100)") == expected)
    }

    @Test("a big matrix keeps its corners around ⋮, ⋯ and ⋱")
    func bigMatrix() throws {
        let text = try #require(latex("zeros(30, 3)"))
        #expect(text.hasPrefix("$$\\begin{bmatrix} 0 & 0 & 0 \\\\ "))
        #expect(text.contains(" \\\\ \\vdots & \\vdots & \\vdots \\\\ "))
        #expect(text.components(separatedBy: " \\\\ ").count == 21)
        let wide = try #require(latex("zeros(30, 30)"))
        #expect(wide.contains("\\vdots & \\ddots & \\vdots"))
        #expect(wide.contains("0 & \\cdots & 0"))
    }

    @Test("math functions, derivatives, gradients and Hessians typeset with their heads")
    func functions() {
        #expect(latex("f(x) = x^2*sin(x)") == "$$f\\left(x\\right) = x^{2} \\cdot \\sin\\left(x\\right)$$")
        #expect(latex("f(x) = x^3; f'") == "$$f'\\left(x\\right) = 3 \\cdot x^{2}$$")
        #expect(latex("f(x) = x^3; diff(f, n=2)") == "$$f''\\left(x\\right) = 6 \\cdot x$$")
        #expect(latex("g(x, y) = x^2 + 3*x*y; grad(g)")
                == "$$\\nabla g\\left(x, y\\right) = \\begin{bmatrix} 2 \\cdot x + 3 \\cdot y \\\\ 3 \\cdot x \\end{bmatrix}$$")
        #expect(latex("g(x, y) = x^3 + x*y^2; hessian(g)")
                == "$$\\nabla^{2} g\\left(x, y\\right) = \\begin{bmatrix} 6 \\cdot x & 2 \\cdot y \\\\ 2 \\cdot y & 2 \\cdot x \\end{bmatrix}$$")
        #expect(latex("g(x, y) = x^2 + 3*x*y; diff(g, \"y\")") == "$$\\frac{\\partial g}{\\partial y}\\left(x, y\\right) = 3 \\cdot x$$")
        #expect(latex("g(x, y) = x^2*y; diff(g, \"x\", n=2)") == "$$\\frac{\\partial^{2} g}{\\partial x^{2}}\\left(x, y\\right) = 2 \\cdot y$$")
        #expect(latex("F(x, y) = [x*y, x + y]; jacobian(F)")
                == "$$J_{F}\\left(x, y\\right) = \\begin{bmatrix} y & x \\\\ 1 & 1 \\end{bmatrix}$$")
        #expect(latex("loss(w_1, alpha) = alpha*w_1^2") == "$$\\mathrm{loss}\\left(w_{1}, \\alpha\\right) = \\alpha \\cdot w_{1}^{2}$$")
        #expect(latex("diff(x -> x^4, n=2)") == "$$x \\mapsto 12 \\cdot x^{2}$$")
    }

    @Test("numbers, strings and block functions keep only their text")
    func plainOnly() {
        for code in ["1 + 2", "\"text\"", "fn h(x) { return x }\nh", "r.a = 1\nr", "[]"] {
            #expect(latex(code) == nil, "\(code)")
        }
        #expect(bundles("x = 2").last == ["text/plain": "x = 2"])
    }
}

@Suite("Notebook display: HTML")
struct HTMLRendererTests {
    @Test("a matrix is a bracketed table; a vector has no HTML")
    func matrix() {
        #expect(html("[1, 2.5; -3, 4]") == "<table style=\"border-left:2px solid;border-right:2px solid;border-collapse:separate;font-family:monospace\">"
                + "<tr><td style=\"text-align:right;padding:0.1em 0.6em\">1</td><td style=\"text-align:right;padding:0.1em 0.6em\">2.5</td></tr>"
                + "<tr><td style=\"text-align:right;padding:0.1em 0.6em\">-3</td><td style=\"text-align:right;padding:0.1em 0.6em\">4</td></tr></table>")
        #expect(html("[1, 2, 3]") == nil)
    }

    @Test("a data table has its header, row numbers and size; a long one elides its middle")
    func table() throws {
        let t = try Table(columns: [Column(name: "n", numbers: [1, 2, 3]), Column(name: "s", strings: ["a", "b<", "c"])])
        #expect(HTMLRenderer.html(.object(TableValue(t)), options: DisplayOptions()) == "<table><thead><tr><th></th><th>n</th><th>s</th></tr></thead><tbody>"
                + "<tr><th>1</th><td style=\"text-align:right\">1</td><td style=\"text-align:left\">a</td></tr>"
                + "<tr><th>2</th><td style=\"text-align:right\">2</td><td style=\"text-align:left\">b&lt;</td></tr>"
                + "<tr><th>3</th><td style=\"text-align:right\">3</td><td style=\"text-align:left\">c</td></tr>"
                + "</tbody></table><p>3 rows × 2 columns</p>")
        let long = try #require(html("table(linspace(1, 50, 50), \"k\")"))
        #expect(long.contains("<tr><th>10</th><td style=\"text-align:right\">10</td></tr><tr><th>⋮</th><td>⋮</td></tr><tr><th>41</th>"))
        #expect(!long.contains("<th>11</th>") && !long.contains("<th>40</th>"))
        #expect(long.hasSuffix("<p>50 rows × 1 column</p>"))
    }

    @Test("a test result is a table of fields with its decision in bold")
    func testResult() throws {
        let text = try #require(html("ttest([5.1, 4.9, 5.6, 5.8, 6.0, 5.4], 5)"))
        #expect(text.hasPrefix("<div><strong>One-sample t-test</strong></div><table>"))
        #expect(text.contains("<tr><th style=\"text-align:left;vertical-align:top\">p-value</th><td style=\"text-align:left\">0.04103</td></tr>"))
        #expect(text.hasSuffix("<p><strong>p = 0.04103 &lt; α = 0.05: reject H0 — the data are evidence that the population mean differs from 5 (μ ≠ 5).</strong></p>"))
    }

    @Test("an optimizer result lists its fields under its title, the message emphasised")
    func optimizerResult() throws {
        let text = try #require(html("r = gd(x -> (x - 3)^2, 0, rate=0.5, steps=50)"))
        #expect(text.hasPrefix("<div style=\"display:flex;align-items:center;gap:0.6em\"><code>r =</code><div><strong>gradient descent result</strong></div><table>"))
        #expect(text.contains("<th style=\"text-align:left;vertical-align:top\">x</th><td style=\"text-align:left\"><code>3</code></td>"))
        #expect(text.contains("<th style=\"text-align:left;vertical-align:top\">converged</th><td style=\"text-align:left\"><code>true</code></td>"))
        #expect(text.contains("<td style=\"text-align:left\"><em>"))
    }

    @Test("a posterior lists prior, likelihood, posterior and estimates")
    func posterior() throws {
        let text = try #require(html("posterior(Beta(1, 1), Bernoulli, [1, 0, 1, 1])"))
        #expect(text.hasPrefix("<div><strong>Bayesian update for p</strong></div><table>"))
        #expect(text.contains("<th style=\"text-align:left;vertical-align:top\">posterior</th><td style=\"text-align:left\">Beta(α=4, β=2)</td>"))
        #expect(text.contains("<th style=\"text-align:left;vertical-align:top\">MAP p</th><td style=\"text-align:left\">0.75</td>"))
    }

    @Test("check lines are ✓ and ✗ with the label escaped")
    func checks() {
        let all = bundles("check(\"a < b\", 1, 1)\ncheck(\"sum\", 1 + 1, 3)")
        #expect(all.map { $0["text/plain"] } == ["✓ a < b", "✗ sum: expected 3, got 2"])
        #expect(all.map { $0["text/html"] } == [
            "<div><span style=\"color:#1a7f37;font-weight:bold\">✓</span> a &lt; b</div>",
            "<div><span style=\"color:#cf222e;font-weight:bold\">✗</span> sum: expected 3, got 2</div>",
        ])
    }

    @Test("display shows values mid-cell, as the REPL shows results")
    func display() {
        let shown = bundles("for k in 1:2 {\n  display(k * [1, 0; 0, 1])\n}\n7;")
        #expect(shown.map { $0["text/plain"] } == ["  1  0\n  0  1", "  2  0\n  0  2"])
        #expect(shown.allSatisfy { $0["text/latex"] != nil && $0["text/html"] != nil })
    }
}
