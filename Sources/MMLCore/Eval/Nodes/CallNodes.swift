// Nodes for calls, lambdas, primes (transpose or derivative) and field access.

/// Direct calls of a builtin by its name with one or two positional arguments: while no
/// variable shadows the name, the builtin's body is called directly, without looking up or
/// retaining a function value or building an argument list.
enum BuiltinCall {
    /// The direct call, or nil when the builtin or the call does not fit a fast path.
    static func make(slot: Int, builtin: Builtin, general: CallNode) -> ExprNode? {
        guard general.keywords.isEmpty else { return nil }
        let args = general.args.nodes
        switch builtin.body {
        case .unary(let f) where args.count == 1:
            return UnaryBuiltinCallNode(slot: slot, body: f, args[0], general: general)
        case .binary(let f) where args.count == 2:
            return BinaryBuiltinCallNode(slot: slot, body: f, kernel: scalarKernel(builtin), args[0], args[1], general: general)
        default:
            return nil
        }
    }

    /// The number-by-number kernel of a two-value builtin: its calculus facet's, which given two
    /// numbers is exactly what the body returns (a test checks every such builtin).
    private static func scalarKernel(_ builtin: Builtin) -> ((Double, Double) -> Double)? {
        if case .binary(let g)? = builtin.calculus?.kernel { return g }
        return nil
    }
}

/// `name(x)` for a one-value builtin. The body is kept out of `Builtin.Body` at compile time,
/// so a call does not copy (and retain) the enum's closure.
final class UnaryBuiltinCallNode: ExprNode {
    let slot: Int
    let body: @Sendable (Value, SourceSpan, Interpreter) throws -> Value
    let argument: ExprNode
    /// The ordinary call, used once a variable of this name has been assigned.
    let general: CallNode

    init(slot: Int, body: @escaping @Sendable (Value, SourceSpan, Interpreter) throws -> Value, _ argument: ExprNode, general: CallNode) {
        self.slot = slot
        self.body = body
        self.argument = argument
        self.general = general
        super.init(general.span)
    }

    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        guard ip.globals.isEmpty(slot) else { return try general.eval(ip, frame) }
        let x = try argument.eval(ip, frame)
        return try Interpreter.locating(at: span) { try body(x, span, ip) }
    }
}

/// `name(a, b)` for a two-value builtin (see `UnaryBuiltinCallNode`). With a scalar kernel
/// and pure arguments it is pure itself: `mod(i, 7)` on numbers is `modulo(i, 7)`.
final class BinaryBuiltinCallNode: ExprNode {
    let slot: Int
    let body: @Sendable (Value, Value, SourceSpan) throws -> Value
    let kernel: ((Double, Double) -> Double)?
    let first: ExprNode
    let second: ExprNode
    let general: CallNode

    init(slot: Int, body: @escaping @Sendable (Value, Value, SourceSpan) throws -> Value, kernel: ((Double, Double) -> Double)?,
         _ first: ExprNode, _ second: ExprNode, general: CallNode) {
        self.slot = slot
        self.body = body
        self.kernel = kernel
        self.first = first
        self.second = second
        self.general = general
        super.init(general.span, pure: kernel != nil && first.pure && second.pure)
    }

    override func number(_ ip: Interpreter, _ frame: Frame) -> Double? {
        guard let kernel, ip.globals.isEmpty(slot), let x = first.number(ip, frame), let y = second.number(ip, frame) else { return nil }
        return kernel(x, y)
    }

    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        if pure, let x = number(ip, frame) { return .number(x) }
        guard ip.globals.isEmpty(slot) else { return try general.eval(ip, frame) }
        let x = try first.eval(ip, frame), y = try second.eval(ip, frame)
        return try Interpreter.locating(at: span) { try body(x, y, span) }
    }
}

final class CallNode: ExprNode {
    let callee: ExprNode
    let args: NodeList
    let keywords: [(name: String, value: ExprNode, span: SourceSpan)]
    /// Where each argument was written (made once: builtins' errors point at them).
    private let argumentSpans: [SourceSpan]

    /// The global slot when the callee is a global name (`f(x)`), else -1.
    let globalSlot: Int
    /// How many names wait for the result: more than 1 when the call is unpacked
    /// (`m, i = max(v)`); a builtin may then give a tuple.
    var resultCount = 1
    /// For `numericColumn`: the callee's code and numeric form, looked up when
    /// `Globals.epoch` was `columnEpoch` (as `NumCall` caches its callee: until the epoch
    /// moves, the global slot still holds that function, which keeps both alive).
    private var columnCallee: (Unmanaged<CompiledFunction>, Unmanaged<NumericBody>)?
    private var columnEpoch = -1

    init(callee: ExprNode, args: [ExprNode], keywords: [(name: String, value: ExprNode, span: SourceSpan)], _ span: SourceSpan) {
        self.callee = callee
        self.args = NodeList(args)
        argumentSpans = args.map(\.span)
        self.keywords = keywords
        globalSlot = (callee as? GlobalGet)?.slot ?? -1
        super.init(span)
    }

    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        // A function in a global is read in place: only the function object is retained
        // (it stays retained until the call returns), no copy of the whole value is made.
        if globalSlot >= 0, let function = ip.globals.function(at: globalSlot) {
            return try call(function, ip, frame)
        }
        let target = try callee.eval(ip, frame)
        guard case .function(let function) = target else {
            throw notCallable(ip, target)
        }
        return try call(function, ip, frame)
    }

    @inline(__always)
    private func call(_ function: Function, _ ip: Interpreter, _ frame: Frame) throws -> Value {
        if function.isUserFunction, keywords.isEmpty {
            let user = unsafeDowncast(function, to: UserFunction.self)
            // Fast path: arguments go straight into the new frame's slots.
            let code = user.code
            let count = args.count
            guard count <= code.parameterCount else { throw ip.arityError(user, given: count, at: span) }
            if let x = numericCall(code, ip, frame) { return .number(x) }
            if let m = numericMatrix(code, ip, frame) { return m }
            var callee = code.takeFrame(parent: user.captured)
            // If an argument throws, the frame is simply dropped (its deinit empties it).
            for i in 0..<count { callee.initialize(i, to: try args.eval(i, ip, frame)) }
            let result = try ip.invoke(user, code, frame: callee, given: count, at: span)
            code.recycle(&callee)
            return result
        }
        if let builtin = function as? BuiltinFunction, keywords.isEmpty, resultCount == 1 {
            switch builtin.builtin.body {
            case .unary(let f) where args.count == 1:
                let x = try args.eval(0, ip, frame)
                return try Interpreter.locating(at: span) { try f(x, span, ip) }
            case .binary(let f) where args.count == 2:
                let x = try args.eval(0, ip, frame), y = try args.eval(1, ip, frame)
                return try Interpreter.locating(at: span) { try f(x, y, span) }
            case .general(let f) where builtin.builtin.inOrderArity?.contains(args.count) == true:
                // Arguments by position only, each to the parameter in its place: no binding
                // to work out (`dot(u, v)`, `norm(g)` in a loop).
                var values: [Value?] = []
                values.reserveCapacity(args.count)
                for i in 0..<args.count { values.append(try args.eval(i, ip, frame)) }
                var bound = Arguments(inOrder: builtin.builtin, interpreter: ip, callSpan: span, values: values, spans: argumentSpans)
                return try ip.callingBuiltin(at: span) { try ip.runGeneral(builtin.builtin, f, &bound, at: span) }
            default:
                break
            }
        }
        let values = try args.nodes.map { try $0.eval(ip, frame) }
        let named = try keywords.map { ($0.name, try $0.value.eval(ip, frame), $0.span) }
        return try ip.call(function, values, argumentSpans: argumentSpans, keywords: named, at: span, results: resultCount)
    }

    /// The call through the function's numeric form with the arguments computed straight
    /// onto the numeric stack, when the form exists and every argument is a pure expression
    /// with a number value: no frame, no `Value`s. Nil means take the ordinary path (which
    /// computes pure arguments again: nothing happens twice).
    @inline(__always)
    private func numericCall(_ code: CompiledFunction, _ ip: Interpreter, _ frame: Frame) -> Double? {
        guard !code.numericBailed, let body = code.numericBody(), body.returnsNumber, body.parameterCount == args.count else { return nil }
        return numericRun(code, body, ip, frame) { body.run(ip, $0) }
    }

    /// As `numericCall` for a function that gives a small vector or matrix (`return [gx, gy]`,
    /// `∇f(x, y) = [2x, 2y]`): its entries go straight into the matrix's storage.
    @inline(never)
    private func numericMatrix(_ code: CompiledFunction, _ ip: Interpreter, _ frame: Frame) -> Value? {
        guard !code.numericBailed, let body = code.numericBody(), !body.returnsNumber, body.parameterCount == args.count else { return nil }
        return numericRun(code, body, ip, frame) { numericFrame in
            var data = Matrix.zeroStorage(body.entryCount)
            let done = data.withUnsafeMutableBufferPointer { body.evaluateEntries(ip, numericFrame, into: $0.baseAddress!) }
            return done ? .matrix(Matrix(rows: body.rows, cols: body.cols, data: data)) : nil
        }
    }

    /// `a, b = f(x, y)` when f's numeric form gives a column of as many numbers as there are
    /// `targets`: runs it as `numericCall` would and stores the numbers in order, without
    /// making the vector. False means take the ordinary path (nothing has happened).
    func numericColumn(into targets: [VariableRef], _ ip: Interpreter, _ frame: Frame) -> Bool {
        let count = targets.count
        if columnEpoch != ip.globals.epoch {
            columnCallee = columnFunction(ip)
            columnEpoch = ip.globals.epoch
        }
        guard let (codeRef, bodyRef) = columnCallee else { return false }
        return codeRef._withUnsafeGuaranteedRef { code in
            bodyRef._withUnsafeGuaranteedRef { body in
                guard !code.numericBailed, body.rows == count else { return false }
                let done: Bool? = numericRun(code, body, ip, frame) { numericFrame in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { out in
                        guard body.evaluateEntries(ip, numericFrame, into: out.baseAddress!) else { return nil }
                        for i in 0..<count { targets[i].store(.number(out[i]), ip, frame) }
                        return true
                    }
                }
                return done != nil
            }
        }
    }

    /// The global function this node calls and its numeric form, when that gives a column.
    private func columnFunction(_ ip: Interpreter) -> (Unmanaged<CompiledFunction>, Unmanaged<NumericBody>)? {
        guard globalSlot >= 0, keywords.isEmpty, let function = ip.globals.function(at: globalSlot), function.isUserFunction else { return nil }
        let code = unsafeDowncast(function, to: UserFunction.self).code
        guard let body = code.numericBody(), body.parameterCount == args.count, !body.returnsNumber, body.cols == 1 else { return nil }
        return (Unmanaged.passUnretained(code), Unmanaged.passUnretained(body))
    }

    /// Runs `body` on the numeric frame of a call of `code` whose arguments are computed
    /// straight onto the numeric stack; nil when an argument is not a pure number or the
    /// numeric form bailed (which marks it, as `Interpreter.numericCall` does: a body that
    /// bailed is not entered again).
    @inline(__always)
    private func numericRun<T>(_ code: CompiledFunction, _ numeric: NumericBody, _ ip: Interpreter, _ frame: Frame,
                               _ body: (UnsafeMutablePointer<Double>) -> T?) -> T? {
        var argumentsAreNumbers = true
        let result = numeric.call(ip, setArguments: { numericFrame in
            for i in 0..<args.count {
                guard let x = args.pureNumber(i, ip, frame) else {
                    argumentsAreNumbers = false
                    return false
                }
                numericFrame[i] = x
            }
            return true
        }, body: body)
        if result == nil && argumentsAreNumbers { code.numericBailed = true }
        return result
    }

    private func notCallable(_ ip: Interpreter, _ value: Value) -> MMLError {
        CallNode.notCallable(value, callee: ip.sources[callee.span.source]?.text(of: callee.span) ?? "A", at: span)
    }

    /// The error for calling a value that is not a function; `callee` is how it was written.
    static func notCallable(_ value: Value, callee name: String, at span: SourceSpan) -> MMLError {
        switch value {
        case .matrix, .range:
            return MMLError(kind: .type, "a \(value.typeName) cannot be called like a function", at: span,
                            hint: "index with square brackets: \(name.count <= 16 ? name : "A")[i]; multiply with *")
        case .number:
            return MMLError(kind: .type, "a number cannot be called like a function", at: span,
                            hint: "write multiplication with *, e.g. 2*(x + 1)")
        default:
            return MMLError(kind: .type, "a \(value.typeName) cannot be called like a function", at: span)
        }
    }
}

/// `x -> body`: makes a closure over the current frame.
final class LambdaNode: ExprNode {
    let parameters: [Parameter]
    let formula: Expr
    let code: CompiledFunction
    let sourceText: String
    init(parameters: [Parameter], formula: Expr, code: CompiledFunction, sourceText: String, _ span: SourceSpan) {
        self.parameters = parameters
        self.formula = formula
        self.code = code
        self.sourceText = sourceText
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        .function(UserFunction(name: "anonymous function", form: .lambda, parameters: parameters, formula: formula,
                               code: code, captured: ip.closureParent(frame), sourceText: sourceText))
    }
}

/// `A'` transposes a matrix; `f'` differentiates a math function.
final class PrimeNode: ExprNode {
    let operand: ExprNode
    let count: Int
    /// The last function differentiated here and its derivative, valid while the workspace's
    /// functions and data are unchanged (`Globals.epoch`): `f'(x)` in a loop differentiates once.
    private var lastFunction: Function?
    private var lastDerivative: Value = .nothing
    private var lastEpoch = -1

    init(_ operand: ExprNode, count: Int, _ span: SourceSpan) {
        self.operand = operand
        self.count = count
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        let v = try operand.eval(ip, frame)
        switch v {
        case .function(let f):
            if f === lastFunction, lastEpoch == ip.globals.epoch { return lastDerivative }
            let derivative = try ip.derivative(of: f, order: count, at: span)
            (lastFunction, lastDerivative, lastEpoch) = (f, derivative, ip.globals.epoch)
            return derivative
        case .number, .bool:
            return v
        case .complex(let z):
            return count % 2 == 1 ? .complex(z.conjugate) : v
        case .matrix(let m):
            return count % 2 == 1 ? .matrix(try Interpreter.locating(at: span) { try m.transposedStoppably() }) : v
        case .range(let r):
            return count % 2 == 1 ? .matrix(try Interpreter.locating(at: span) { try r.matrix.transposedStoppably() }) : v
        default:
            throw MMLError(kind: .type, "`'` transposes a matrix or differentiates a function; it cannot apply to a \(v.typeName)", at: span,
                           hint: "strings are written in double quotes")
        }
    }
}

final class FieldNode: ExprNode {
    let target: ExprNode
    let name: String
    init(_ target: ExprNode, name: String, _ span: SourceSpan) {
        self.target = target
        self.name = name
        super.init(span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        try Fields.get(try target.eval(ip, frame), name, at: span)
    }
}

enum Fields {
    static func get(_ value: Value, _ name: String, at span: SourceSpan) throws -> Value {
        switch value {
        case .record(let r):
            if let v = r[name] { return v }
            throw noField(name, known: r.names, in: "record", at: span)
        case .object(let o):
            if let v = o.field(name) { return v }
            throw noField(name, known: o.fieldNames, in: o.typeName, at: span)
        default:
            throw MMLError(kind: .type, "a \(value.typeName) has no fields (no `.\(name)`)", at: span,
                           hint: value.typeName.contains("matrix") || value.typeName.contains("vector") ? "for the transpose write A'; for sizes use size(A)" : nil)
        }
    }

    static func noField(_ name: String, known: [String], in kind: String, at span: SourceSpan) -> MMLError {
        var error = MMLError(kind: .name, "this \(kind) has no field `\(name)`", at: span)
        if let near = Suggestions.nearest(to: name, in: known) { error.diagnostic.hints.append("did you mean `\(near)`?") }
        if !known.isEmpty { error.diagnostic.notes.append("its fields are: " + known.joined(separator: ", ")) }
        return error
    }
}
