// The calculus facet of a function: what the symbolic engine knows about one builtin — its value
// at numbers, its derivative rule, how it prints and how it treats vectors. Each builtin declares
// its own (`Builtin.calculus`); `SymbolicFunctions` indexes them by name.

/// How a function's derivative is known. The chain rule is applied in one place
/// (`Formula.derivative`); each function only says how it changes with its own arguments.
public enum DerivativeRule: Sendable {
    /// f′(u) of a function of one argument, as a formula in u (elementwise functions).
    case derivative(@Sendable (Formula) -> Formula)
    /// ∂f/∂argᵢ for every argument, as formulas in the arguments (elementwise functions).
    case partials(@Sendable ([Formula]) -> [Formula])
    /// For functions that are not elementwise (sum, mean, softmax, the losses): the differential
    /// `df` from the arguments `u` and their differentials `du` (a zero `du` may be skipped),
    /// and for gradients with respect to a vector its transpose: the cotangents of the arguments
    /// from the cotangent `seed` of the value `call` (nil when gradients by vector are not known).
    case directional(@Sendable (_ u: [Formula], _ du: [Formula]) -> Formula,
                     pullback: (@Sendable (_ u: [Formula], _ seed: Formula, _ call: Formula) -> [Formula])?)
    /// Piecewise constant: the derivative is 0 except at the jumps, where it does not exist;
    /// MML uses 0 there too (as automatic-differentiation libraries do).
    case zeroAlmostEverywhere
}

/// How a function computes its value at scalar arguments.
public enum ScalarKernel: Sendable {
    case unary(@Sendable (Double) -> Double)
    case binary(@Sendable (Double, Double) -> Double)
    /// One argument or two (`log(x)` and `log(b, x)`, `leaky_relu(x)` and `leaky_relu(x, a)`).
    case unaryOrBinary(@Sendable (Double) -> Double, @Sendable (Double, Double) -> Double)

    /// The value at `args`, or nil for a count the kernel does not take.
    func callAsFunction(_ args: [Double]) -> Double? {
        switch (self, args.count) {
        case (.unary(let f), 1), (.unaryOrBinary(let f, _), 1): return f(args[0])
        case (.binary(let g), 2), (.unaryOrBinary(_, let g), 2): return g(args[0], args[1])
        default: return nil
        }
    }
}

/// How a call prints as a formula. The default `call` is `f(x)`, and `\operatorname{f}(x)` in LaTeX.
public enum FormulaNotation: Sendable {
    case call
    /// `f(x)`, and in LaTeX the command given (`\sin`, `\arcsin`, `\log_{2}`) with the argument in parentheses.
    case command(String)
    /// `|x|`.
    case bars
    /// `xᵀ`, `x^{\top}`.
    case transposed
    /// `exp(x)`, `e^{x}` in LaTeX.
    case exponential
    /// `log(x)`, `\ln(x)` and `\log_{b}(x)` in LaTeX.
    case logarithm
}

/// How a function treats a vector argument. Vector-parameter inference, display and the
/// shape of a formula read this.
public enum VectorRole: Sendable {
    /// Element by element: the value has the argument's shape.
    case elementwise
    /// A vector to one number (sum, mean, length, norm, the losses): its argument, when it
    /// involves no data, makes its parameters vectors.
    case reduces
    /// A vector to a vector, all elements together (softmax): as `reduces` for its argument.
    case wholeVector
    /// Two vectors to one number (dot): each argument that is a parameter is a vector.
    case pairs
    /// The transpose: its argument is a vector or matrix.
    case transposes
}

/// The calculus facet of a builtin. A facet without a derivative rule says why
/// (`notDifferentiable`); a test requires one or the other of every builtin in the math areas.
public struct FunctionCalculus: Sendable {
    /// Argument counts a formula may call the function with.
    public var arity: ClosedRange<Int>
    /// The value at numbers; for a builtin of two numbers with a `.binary` body, exactly what
    /// the body computes (the call nodes use it as the builtin's fast path).
    public var kernel: ScalarKernel?
    /// Nil when the function cannot be differentiated (then `notDifferentiable` says why).
    public var derivative: DerivativeRule?
    public var notDifferentiable: String?
    /// A convention a learner should know (step at 0, softmax on vectors, …).
    public var note: String?
    public var notation: FormulaNotation
    public var vector: VectorRole
    /// A rewrite made when the call is built (`exp(log(u))` → `u`); nil keeps the call.
    var rewrite: (@Sendable ([Formula]) -> Formula?)?
    /// The value over whole arrays, for functions that are not elementwise (nil: the kernel
    /// element by element, with broadcasting).
    var arrayKernel: (@Sendable ([Matrix]) throws -> Matrix)?

    /// A differentiable function. Keep the closures free of captures: builtins are declared at
    /// start-up, and a capture-free closure costs nothing to store.
    public init(arity: ClosedRange<Int> = 1...1, kernel: ScalarKernel?, derivative: DerivativeRule, note: String? = nil,
                notation: FormulaNotation = .call, vector: VectorRole = .elementwise,
                rewrite: (@Sendable ([Formula]) -> Formula?)? = nil, arrayKernel: (@Sendable ([Matrix]) throws -> Matrix)? = nil) {
        self.arity = arity
        self.kernel = kernel
        self.derivative = derivative
        self.note = note
        self.notation = notation
        self.vector = vector
        self.rewrite = rewrite
        self.arrayKernel = arrayKernel
    }

    private init(notDifferentiable why: String, kernel: ScalarKernel?, vector: VectorRole) {
        arity = 1...1
        self.kernel = kernel
        notDifferentiable = why
        notation = .call
        self.vector = vector
    }

    /// A function without a derivative rule, and why; `kernel` when it has a scalar fast path.
    public static func notDifferentiable(_ why: String, kernel: ScalarKernel? = nil, vector: VectorRole = .elementwise) -> FunctionCalculus {
        FunctionCalculus(notDifferentiable: why, kernel: kernel, vector: vector)
    }

    /// A piecewise-constant function of one argument (floor, sign, step).
    public static func piecewiseConstant(_ kernel: @escaping @Sendable (Double) -> Double) -> FunctionCalculus {
        FunctionCalculus(kernel: .unary(kernel), derivative: .zeroAlmostEverywhere)
    }
}

/// Small formulas that derivative rules are written with.
enum RuleForms {
    static func call(_ name: String, _ u: Formula) -> Formula { Formula.apply(name, [u]) }
    static func square(_ u: Formula) -> Formula { Formula.pow(u, .int(2)) }
    static func reciprocal(_ u: Formula) -> Formula { Formula.pow(u, .minusOne) }
    static func step(_ u: Formula) -> Formula { Formula.apply("step", [u]) }
    /// 1 − u² as (1 − u)(1 + u), which keeps its relative accuracy as u nears ±1.
    static func oneMinusSquare(_ u: Formula) -> Formula { Formula.mul([Formula.sub(.one, u), Formula.add([.one, u])]) }
    /// 1 − p, written σ(−z) when p = σ(z): the same number without the cancellation of 1 − σ(z) for large z.
    static func complement(_ p: Formula) -> Formula {
        if case .call("sigmoid", let z) = p, z.count == 1 { return call("sigmoid", Formula.neg(z[0])) }
        return Formula.sub(.one, p)
    }
}
