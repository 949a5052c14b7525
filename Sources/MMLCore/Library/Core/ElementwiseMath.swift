// Elementwise math builtins: roots, exponentials, logarithms, trigonometry, rounding — each with
// its calculus facet (derivative rule and formula notation).
import ComplexModule
import RealModule

extension Builtins {
    static let math: [Builtin] = [
        .unary("abs", area: .math, summary: "Absolute value (magnitude for complex numbers)",
               help: "abs(x) is |x|. For a complex number it is the modulus √(a² + b²) (for a complex vector, the vector of moduli). Applies to every element of a vector or matrix.",
               examples: [BuiltinExample("abs(-3)", "3"), BuiltinExample("abs([-1, 2, -3])", "[1, 2, 3]"), BuiltinExample("abs(3 + 4*im)", "5")],
               calculus: FunctionCalculus(kernel: .unary { Swift.abs($0) }, derivative: .derivative { RuleForms.call("sign", $0) },
                                          note: "d/dx |x| = sign(x), taken as 0 at x = 0", notation: .bars,
                                          rewrite: { a in if case .call("abs", _) = a[0] { return a[0] } else { return nil } })) { v, span in
            if case .complex(let z) = v { return .number(z.length) }
            if case .complexMatrix(let c) = v {
                return .matrix(Matrix(rows: c.rows, cols: c.cols, data: zip(c.real, c.imaginary).map { Complex($0, $1).length }))
            }
            return try Elementwise.map("abs", v, at: span) { Swift.abs($0) }
        },
        .unary("sqrt", area: .math, summary: "Square root",
               help: "sqrt(x) is √x. A negative real number gives nan (with a warning, once per session): real numbers have no real square root below 0; for the complex root write sqrt(complex(x, 0)). Applies to every element of a vector or matrix.",
               examples: [BuiltinExample("sqrt(16)", "4"), BuiltinExample("sqrt([1, 4, 9])", "[1, 2, 3]"), BuiltinExample("sqrt(complex(-4, 0))", "0 + 2i")],
               // A formula keeps √u as u^(1/2), so the power rule differentiates it.
               calculus: FunctionCalculus(kernel: .unary { $0.squareRoot() },
                                          derivative: .derivative { Formula.mul([.fraction(1, 2), Formula.pow($0, .fraction(-1, 2))]) },
                                          rewrite: { a in a.count == 1 ? Formula.pow(a[0], .fraction(1, 2)) : nil })) { v, span, ip in
            if case .complex(let z) = v { return .complex(Complex.sqrt(z)) }
            noteNegative("sqrt", v, at: span, ip)
            return try Elementwise.map("sqrt", v, at: span) { $0.squareRoot() }
        },
        Elementwise.builtin("exp", summary: "Exponential eˣ", examples: [BuiltinExample("exp(0)", "1"), BuiltinExample("exp(1)", "2.718281828459045")],
                            complex: { Complex.exp($0) },
                            calculus: .derivative(notation: .exponential, rewrite: { a in
                                guard a.count == 1 else { return nil }
                                if case .call("log", let inner) = a[0], inner.count == 1 { return inner[0] }
                                return a[0].isOne ? .constant(.e) : nil
                            }) { RuleForms.call("exp", $0) }) { Double.exp($0) },
        Builtin("log", [.req("x"), .opt("y", "none")], area: .math, summary: "Natural logarithm ln x, or with two arguments the logarithm of y to base x",
                help: "log(x) is the natural logarithm (base e). log(b, y) is the logarithm of y to base b, ln y / ln b. log(0) is -inf; a negative number gives nan, with a warning once per session (log(complex(x, 0)) is the complex logarithm). Applies to every element of a vector or matrix.",
                examples: [BuiltinExample("log(1)", "0"), BuiltinExample("log(e^2)", "2"), BuiltinExample("log(2, 8)", "3")],
                calculus: FunctionCalculus(
                    arity: 1...2, kernel: .unaryOrBinary({ Double.log($0) }, logarithm),
                    derivative: .partials { a in
                        if a.count == 1 { return [RuleForms.reciprocal(a[0])] }
                        // log(b, x) = ln x / ln b
                        let b = a[0], x = a[1]
                        return [Formula.neg(Formula.mul([RuleForms.call("log", x), RuleForms.reciprocal(b), Formula.pow(RuleForms.call("log", b), .int(-2))])),
                                Formula.mul([RuleForms.reciprocal(x), RuleForms.reciprocal(RuleForms.call("log", b))])]
                    },
                    note: "log(x) is the natural logarithm; log(b, x) is the logarithm of x to base b", notation: .logarithm,
                    rewrite: { a in
                        guard a.count == 1 else { return nil }
                        if case .call("exp", let inner) = a[0], inner.count == 1 { return inner[0] }
                        return a[0] == .constant(.e) ? .one : nil
                    }),
                body: .general { args in
            let x = try args.value("x")
            if let y = args.optional("y") {
                return try Elementwise.combine("log", x, y, args, ("x", "y"), logarithm)
            }
            if case .complex(let z) = x { return .complex(Complex.log(z)) }
            noteNegative("log", x, at: args.callSpan, args.interpreter)
            return try Elementwise.map("log", x, at: args.span("x")) { Double.log($0) }
        }),
        Elementwise.builtin("log2", summary: "Base-2 logarithm", examples: [BuiltinExample("log2(1024)", "10")],
                            calculus: .derivative(notation: .command("\\log_{2}")) {
                                Formula.mul([RuleForms.reciprocal($0), RuleForms.reciprocal(RuleForms.call("log", .int(2)))])
                            }) { Double.log2($0) },
        Elementwise.builtin("log10", summary: "Base-10 logarithm", examples: [BuiltinExample("log10(1000)", "3")],
                            calculus: .derivative(notation: .command("\\log_{10}")) {
                                Formula.mul([RuleForms.reciprocal($0), RuleForms.reciprocal(RuleForms.call("log", .int(10)))])
                            }) { Double.log10($0) },
        Elementwise.builtin("sin", summary: "Sine (x in radians)", examples: [BuiltinExample("sin(0)", "0"), BuiltinExample("sin(pi/2)", "1")],
                            complex: { Complex.sin($0) }, calculus: .derivative(notation: .command("\\sin")) { RuleForms.call("cos", $0) }) { Double.sin($0) },
        Elementwise.builtin("cos", summary: "Cosine (x in radians)", examples: [BuiltinExample("cos(0)", "1")],
                            complex: { Complex.cos($0) }, calculus: .derivative(notation: .command("\\cos")) { Formula.neg(RuleForms.call("sin", $0)) }) { Double.cos($0) },
        Elementwise.builtin("tan", summary: "Tangent (x in radians)", examples: [BuiltinExample("tan(pi/4)", "0.9999999999999999")],
                            complex: { Complex.tan($0) },
                            calculus: .derivative(notation: .command("\\tan")) { RuleForms.reciprocal(RuleForms.square(RuleForms.call("cos", $0))) }) { Double.tan($0) },
        Elementwise.builtin("asin", summary: "Inverse sine, in radians", examples: [BuiltinExample("asin(1)", "1.5707963267948966")],
                            calculus: .derivative(notation: .command("\\arcsin")) { Formula.pow(RuleForms.oneMinusSquare($0), .fraction(-1, 2)) }) { Double.asin($0) },
        Elementwise.builtin("acos", summary: "Inverse cosine, in radians", examples: [BuiltinExample("acos(1)", "0")],
                            calculus: .derivative(notation: .command("\\arccos")) { Formula.neg(Formula.pow(RuleForms.oneMinusSquare($0), .fraction(-1, 2))) }) { Double.acos($0) },
        Elementwise.builtin("atan", summary: "Inverse tangent, in radians", examples: [BuiltinExample("atan(1)", "0.7853981633974483")],
                            calculus: .derivative(notation: .command("\\arctan")) { RuleForms.reciprocal(Formula.add([.one, RuleForms.square($0)])) }) { Double.atan($0) },
        .binary("atan2", "y", "x", area: .math, summary: "Angle of the point (x, y) from the positive x-axis, in (-π, π]",
                help: "atan2(y, x) gives the angle of the point (x, y), using the signs of both to pick the quadrant. Applies elementwise.",
                examples: [BuiltinExample("atan2(1, -1)", "2.356194490192345")],
                calculus: FunctionCalculus(arity: 2...2, kernel: .binary(polarAngle), derivative: .partials { a in
                    // ∂/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²)
                    let r = RuleForms.reciprocal(Formula.add([RuleForms.square(a[0]), RuleForms.square(a[1])]))
                    return [Formula.mul([a[1], r]), Formula.neg(Formula.mul([a[0], r]))]
                })) { y, x, span in
            try Elementwise.combine("atan2", y, x, names: ("y", "x"), at: span, polarAngle)
        },
        Elementwise.builtin("sinh", summary: "Hyperbolic sine", examples: [BuiltinExample("sinh(0)", "0")], complex: { Complex.sinh($0) },
                            calculus: .derivative(notation: .command("\\sinh")) { RuleForms.call("cosh", $0) }) { Double.sinh($0) },
        Elementwise.builtin("cosh", summary: "Hyperbolic cosine", examples: [BuiltinExample("cosh(0)", "1")], complex: { Complex.cosh($0) },
                            calculus: .derivative(notation: .command("\\cosh")) { RuleForms.call("sinh", $0) }) { Double.cosh($0) },
        Elementwise.builtin("tanh", summary: "Hyperbolic tangent (an activation function with values in (-1, 1))",
                            examples: [BuiltinExample("tanh(0)", "0"), BuiltinExample("tanh([-100, 100])", "[-1, 1]")], complex: { Complex.tanh($0) },
                            // 1/cosh², not 1 − tanh², which is 0 from x ≈ 19 on although the true value is 1e-16 there.
                            calculus: .derivative(notation: .command("\\tanh")) { Formula.pow(RuleForms.call("cosh", $0), .int(-2)) }) { Double.tanh($0) },
        Elementwise.builtin("floor", summary: "Round down to a whole number", examples: [BuiltinExample("floor(2.7)", "2"), BuiltinExample("floor(-2.5)", "-3")],
                            calculus: .piecewiseConstant) { $0.rounded(.down) },
        Elementwise.builtin("ceil", summary: "Round up to a whole number", examples: [BuiltinExample("ceil(2.1)", "3")], calculus: .piecewiseConstant) { $0.rounded(.up) },
        Builtin("round", [.req("x"), .opt("digits", "0")], area: .math, summary: "Round to the nearest whole number (halves away from zero), or to some decimal digits",
                help: "round(x) rounds to the nearest integer; round(x, 2) keeps two decimal digits. Applies to every element of a vector or matrix.",
                examples: [BuiltinExample("round(2.5)", "3"), BuiltinExample("round(pi, 2)", "3.14")],
                calculus: .piecewiseConstant { $0.rounded(.toNearestOrAwayFromZero) }, body: .general { args in
            let digits = try args.int("digits", default: 0, in: -300...300)
            let scale = Double.pow(10, Double(digits))
            return try Elementwise.map("round", try args.value("x"), at: args.span("x")) {
                digits == 0 ? $0.rounded(.toNearestOrAwayFromZero) : ($0 * scale).rounded(.toNearestOrAwayFromZero) / scale
            }
        }),
        Elementwise.builtin("sign", summary: "Sign: -1, 0 or 1", examples: [BuiltinExample("sign([-2, 0, 3])", "[-1, 0, 1]")],
                            calculus: .piecewiseConstant) { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 },
        .binary("mod", "a", "b", area: .math, summary: "Remainder of a / b, with the sign of b",
                help: "mod(a, b) is a - b·floor(a/b): mod(7, 3) is 1 and mod(-1, 3) is 2, as in clock arithmetic. mod(a, 0) is nan. Applies elementwise.",
                examples: [BuiltinExample("mod(7, 3)", "1"), BuiltinExample("mod(-1, 3)", "2"), BuiltinExample("mod(1:6, 3)", "[1, 2, 0, 1, 2, 0]")],
                // a − b·floor(a/b): slope 1 in a and −floor(a/b) in b, between the jumps.
                calculus: FunctionCalculus(arity: 2...2, kernel: .binary(modulo), derivative: .partials { a in
                    [.one, Formula.neg(RuleForms.call("floor", Formula.div(a[0], a[1])))]
                }, note: "mod(a, b) = a − b·floor(a/b) jumps where a/b is a whole number; between the jumps ∂/∂a = 1 and ∂/∂b = −floor(a/b)")) { a, b, span in
            try Elementwise.combine("mod", a, b, names: ("a", "b"), at: span, modulo)
        },
        .unary("real", area: .math, summary: "Real part of a complex number (elementwise on a complex vector or matrix)",
               examples: [BuiltinExample("real(3 + 4*im)", "3"), BuiltinExample("real(eigvals([0, -1; 1, 0]))", "[0, 0]")],
               calculus: .notDifferentiable(complexParts)) { v, span in
            if case .complex(let z) = v { return .number(z.real) }
            if case .complexMatrix(let m) = v { return .matrix(m.realPart) }
            return try Elementwise.map("real", v, at: span) { $0 }
        },
        .unary("imag", area: .math, summary: "Imaginary part of a complex number (elementwise on a complex vector or matrix)",
               examples: [BuiltinExample("imag(3 + 4*im)", "4"), BuiltinExample("imag(2)", "0"), BuiltinExample("imag(eigvals([0, -1; 1, 0]))", "[1, -1]")],
               calculus: .notDifferentiable(complexParts)) { v, span in
            if case .complex(let z) = v { return .number(z.imaginary) }
            if case .complexMatrix(let m) = v { return .matrix(m.imaginaryPart) }
            return try Elementwise.map("imag", v, at: span) { _ in 0 }
        },
        .unary("conj", area: .math, summary: "Complex conjugate", examples: [BuiltinExample("conj(3 + 4*im)", "3 - 4i")],
               calculus: .notDifferentiable(complexParts)) { v, span in
            if case .complex(let z) = v { return .complex(z.conjugate) }
            if case .complexMatrix(let m) = v {
                return .complexMatrix(try ComplexMatrix(real: m.realPart, imaginary: Matrix(rows: m.rows, cols: m.cols, data: m.imaginary.map { -$0 })))
            }
            return try Elementwise.map("conj", v, at: span) { $0 }
        },
        Builtin("complex", [.req("re"), .opt("im", "0")], area: .math, summary: "A complex number re + im·i",
                help: "complex(a, b) is a + bi. complex(x) turns a real number into a complex one, so that sqrt(complex(-1)) is 0 + 1i.",
                examples: [BuiltinExample("complex(1, 2)", "1 + 2i"), BuiltinExample("im * im", "-1 + 0i")],
                calculus: .notDifferentiable(complexParts), body: .general { args in
            .complex(Complex(try args.number("re"), try args.number("im", default: 0)))
        }),
    ]
}

/// Why the complex-number builtins have no derivative rule.
private let complexParts = "symbolic calculus works with real numbers; complex parts have no derivative rule there"

/// The logarithm of `x` to base `b` (exact for bases 2 and 10).
@Sendable func logarithm(_ b: Double, _ x: Double) -> Double {
    b == 2 ? Double.log2(x) : b == 10 ? Double.log10(x) : Double.log(x) / Double.log(b)
}

/// The angle of the point (x, y): atan2(y, x).
@Sendable func polarAngle(_ y: Double, _ x: Double) -> Double { Double.atan2(y: y, x: x) }

/// a - b·floor(a/b), exact for integers.
@Sendable func modulo(_ a: Double, _ b: Double) -> Double {
    if b == 0 { return .nan }
    // Whole numbers take integer arithmetic, which is much cheaper than fmod (a > 0 keeps the
    // sign of a zero result as fmod gives it).
    if a > 0, b > 0, a <= 2_147_483_647, b <= 2_147_483_647, a == a.rounded(.towardZero), b == b.rounded(.towardZero) {
        return Double(Int32(a) % Int32(b))
    }
    let r = a.truncatingRemainder(dividingBy: b)
    return r != 0 && (r < 0) != (b < 0) ? r + b : r
}

/// sqrt and log of a negative real number are nan although MML has complex numbers; the first
/// time in a session, a warning says how to get the complex value.
private func noteNegative(_ name: String, _ value: Value, at span: SourceSpan, _ ip: Interpreter) {
    let negative: Double?
    switch value {
    case .number(let x): negative = x < 0 ? x : nil
    case .matrix(let m): negative = m.data.first { $0 < 0 }
    case .range(let r): negative = r.count == 0 ? nil : [r.element(0), r.element(r.count - 1)].first { $0 < 0 }
    default: negative = nil
    }
    guard let x = negative else { return }
    let what = name == "sqrt" ? "square root" : "logarithm"
    ip.warnOnce("\(name) of a negative number", "\(name) of a negative number is nan: it has no real \(what)", at: span,
                hint: "for the complex \(what) write \(name)(complex(\(formatNumber(x, style: .short)), 0))")
}
