// sqrt and log of negative real numbers: nan, and one warning per session pointing at the complex value.
import MMLTestSupport
import Testing

@Suite("Domain warnings")
struct DomainWarningTests {
    @Test("sqrt of a negative number warns once and names the complex root")
    func sqrtOfNegative() {
        let r = runMML("""
        print(sqrt(-4))
        print(sqrt([1, -9]))
        for i in 1:3 { y = sqrt(-i) }
        print(sqrt(complex(-4, 0)))
        """)
        #expect(r.status == 0)
        #expect(r.stdout == "nan\n[1, nan]\n0 + 2i\n")
        #expect(r.stderr.components(separatedBy: "warning:").count == 2, "\(r.stderr)")
        #expect(r.stderr.contains("warning: sqrt of a negative number is nan: it has no real square root"))
        #expect(r.stderr.contains("hint: for the complex square root write sqrt(complex(-4, 0))"))
    }

    @Test("log of a negative number warns once, separately from sqrt")
    func logOfNegative() {
        let r = runMML("print(log(-1)); print(log([-2, 3])); print(sqrt(-1)); print(log(2, 8))")
        #expect(r.stdout == "nan\n[nan, 1.09861]\nnan\n3\n")
        #expect(r.stderr.components(separatedBy: "warning:").count == 3, "\(r.stderr)")
        #expect(r.stderr.contains("hint: for the complex logarithm write log(complex(-1, 0))"))
    }

    @Test("non-negative arguments give no warning")
    func noWarning() {
        let r = runMML("print(sqrt(0), sqrt([4, 9]), log(1), sqrt(nan))")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
}
