// Calls in the numeric form: a function's numeric body, the stack its calls use, and how an
// ordinary call enters it.

/// The numeric form of one function: its body and the size of its frame on the numeric stack.
final class NumericBody {
    /// The body, when the function is not a literal; a math function's expression is
    /// wrapped in a `return`.
    let root: NumStmt?
    /// Where a body whose `return`s give matrix literals leaves their entries (column by
    /// column, in the frame's slots from here on, after the locals); -1 when it returns numbers.
    let entryBase: Int
    /// The entries, column by column, when the function is a matrix or vector literal of
    /// numbers (`∇f(x, y) = [2x, 2y]`), and its shape.
    let entries: [NumExpr]
    /// `entries` without reference counting (`entries` keeps them alive).
    private let entryRefs: [Unmanaged<NumExpr>]
    let rows: Int, cols: Int
    let parameterCount: Int
    /// Slots a call takes on the numeric stack (at least one, so even a function without
    /// parameters uses up the stack as it recurses).
    let frameSize: Int

    init(root: NumStmt, parameterCount: Int, slotCount: Int) {
        self.root = root
        entryBase = -1
        entries = []
        entryRefs = []
        (rows, cols) = (1, 1)
        self.parameterCount = parameterCount
        frameSize = max(slotCount, 1)
    }

    /// A body whose `return`s give `rows × cols` literals, their entries left from slot
    /// `entryBase` on (the slot count: the frame holds them after the locals).
    init(root: NumStmt, entryBase: Int, rows: Int, cols: Int, parameterCount: Int) {
        self.root = root
        self.entryBase = entryBase
        entries = []
        entryRefs = []
        (self.rows, self.cols) = (rows, cols)
        self.parameterCount = parameterCount
        frameSize = entryBase + rows * cols
    }

    init(entries: [NumExpr], rows: Int, cols: Int, parameterCount: Int, slotCount: Int) {
        root = nil
        entryBase = -1
        self.entries = entries
        entryRefs = entries.map { Unmanaged.passUnretained($0) }
        (self.rows, self.cols) = (rows, cols)
        self.parameterCount = parameterCount
        frameSize = max(slotCount, 1)
    }

    /// Runs the body on a frame whose parameters are set and whose other locals are empty.
    @inline(__always)
    func run(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        if case .returned(let x)? = root?.exec(ip, frame) { return x }
        return nil  // no `return` with a number: the ordinary code gives the value
    }

    /// Makes a frame at the top of the numeric stack, lets `setArguments` fill the parameters
    /// (calls it makes go above them), runs `body` on it and pops the frame. Nil means bail:
    /// too deep, out of numeric stack, interrupted, or an argument or the body bailed.
    @inline(__always)
    func call<T>(_ ip: Interpreter, setArguments: (UnsafeMutablePointer<Double>) -> Bool,
                 body: (UnsafeMutablePointer<Double>) -> T?) -> T? {
        let frame = ip.numericTop
        let top = frame + frameSize
        guard top <= ip.numericEnd, ip.callDepth < ip.maxCallDepth, !ip.stop.isRequested else { return nil }
        ip.numericTop = frame + parameterCount
        defer { ip.numericTop = frame }
        guard setArguments(frame) else { return nil }
        for i in parameterCount..<frameSize { frame[i] = unassignedNumber }
        ip.numericTop = top
        ip.callDepth += 1
        defer { ip.callDepth -= 1 }
        return body(frame)
    }

    /// Whether calls give a number (else a `rows × cols` matrix).
    var returnsNumber: Bool { root != nil && entryBase < 0 }

    /// The number of entries of the matrix a call gives (when not `returnsNumber`).
    var entryCount: Int { rows * cols }

    /// Evaluates the matrix a call gives into `out` (`entryCount` entries, column by
    /// column): the literal's entries, or the body run to a `return` of a literal. False
    /// means bail.
    func evaluateEntries(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>, into out: UnsafeMutablePointer<Double>) -> Bool {
        if let root {
            guard entryBase >= 0, case .returnedEntries = root.exec(ip, frame) else { return false }
            out.update(from: frame + entryBase, count: entryCount)
            return true
        }
        for i in 0..<entryRefs.count {
            guard let x = entryRefs[i]._withUnsafeGuaranteedRef({ $0.value(ip, frame) }) else { return false }
            out[i] = x
        }
        return true
    }

    /// A call of a function that returns a number.
    @inline(__always)
    func call(_ ip: Interpreter, setArguments: (UnsafeMutablePointer<Double>) -> Bool) -> Double? {
        call(ip, setArguments: setArguments) { run(ip, $0) }
    }
}

/// `f(a, b)` of a global user function, inside a numeric form.
final class NumCall: NumExpr {
    let slot: Int
    private let arguments: [NumExpr]
    /// The arguments without reference counting (`arguments` keeps them alive).
    private let argumentRefs: [Unmanaged<NumExpr>]
    /// The callee's numeric form, looked up when `Globals.epoch` was `cachedEpoch`;
    /// until the epoch moves the slot still holds that function, which keeps the body alive.
    private var cachedBody: Unmanaged<NumericBody>?
    private var cachedEpoch = -1

    init(slot: Int, arguments: [NumExpr]) {
        self.slot = slot
        self.arguments = arguments
        argumentRefs = arguments.map { Unmanaged.passUnretained($0) }
    }

    override func value(_ ip: Interpreter, _ frame: UnsafeMutablePointer<Double>) -> Double? {
        if cachedEpoch != ip.globals.epoch {
            cachedBody = callee(ip).map { Unmanaged.passUnretained($0) }
            cachedEpoch = ip.globals.epoch
        }
        guard let cachedBody else { return nil }
        return cachedBody._withUnsafeGuaranteedRef { body in
            body.call(ip) { calleeFrame in
                for i in 0..<argumentRefs.count {
                    guard let x = argumentRefs[i]._withUnsafeGuaranteedRef({ $0.value(ip, frame) }) else { return false }
                    calleeFrame[i] = x
                }
                return true
            }
        }
    }

    /// The numeric form of the function in the slot, if it has one for this many arguments.
    private func callee(_ ip: Interpreter) -> NumericBody? {
        guard let function = ip.globals.function(at: slot), function.isUserFunction,
              let body = unsafeDowncast(function, to: UserFunction.self).code.numericBody(),
              body.returnsNumber, body.parameterCount == arguments.count else { return nil }
        return body
    }
}

extension CompiledFunction {
    /// The numeric form, made on the first call; nil when the body does more than scalar
    /// arithmetic. Once made it lives as long as the function (`NumCall` relies on that).
    @inline(__always)
    func numericBody() -> NumericBody? {
        switch numeric {
        case .available(let body): return body
        case .unavailable: return nil
        case .untried:
            let body = NumericCompiler.compile(self)
            numeric = body.map { .available($0) } ?? .unavailable
            return body
        }
    }
}

/// Whether a function has a numeric form yet (see `CompiledFunction.numericBody`).
enum NumericState {
    case untried
    case unavailable
    case available(NumericBody)
}

extension Interpreter {
    /// Runs a call through the numeric form when the function has one and every parameter
    /// in `frame` is a number; nil means the ordinary code must run (nothing has changed).
    @inline(__always)
    func numericCall(_ code: CompiledFunction, _ frame: Frame) -> Double? {
        guard !code.numericBailed, let body = code.numericBody(), body.returnsNumber else { return nil }
        for i in 0..<body.parameterCount where frame.number(i) == nil { return nil }
        let result = body.call(self) { numericFrame in
            for i in 0..<body.parameterCount { numericFrame[i] = frame.number(i)! }
            return true
        }
        // It may bail again on the next call (a parameter that is sometimes a vector), which
        // would cost the work twice: calls of this function stop entering it.
        if result == nil { code.numericBailed = true }
        return result
    }
}

/// A function's numeric form, for builtins that hold numbers and call it many times (an
/// optimizer's f and gradient). Made once per function and caller.
struct NumericEntry {
    let code: CompiledFunction
    let body: NumericBody

    /// The numeric form of `function` taking `arguments` numbers, if it has one.
    init?(_ function: Function, arguments: Int) {
        guard function.isUserFunction else { return nil }
        let code = unsafeDowncast(function, to: UserFunction.self).code
        guard let body = code.numericBody(), body.parameterCount == arguments else { return nil }
        (self.code, self.body) = (code, body)
    }

    /// f(x) when f returns a number; nil when it is a matrix literal or bailed (then call f
    /// the ordinary way).
    func number(_ ip: Interpreter, _ x: [Double]) -> Double? {
        guard !code.numericBailed, body.returnsNumber else { return nil }
        let result = body.call(ip) { frame in
            for i in 0..<x.count { frame[i] = x[i] }
            return true
        }
        if result == nil { code.numericBailed = true }
        return result
    }

    /// f(x) when f is a matrix literal: its entries column by column and its shape; nil as
    /// for `number`.
    func array(_ ip: Interpreter, _ x: [Double]) -> (entries: [Double], rows: Int, cols: Int)? {
        guard !code.numericBailed, !body.returnsNumber else { return nil }
        var entries = Matrix.zeroStorage(body.entryCount)
        return write(ip, x, into: &entries) ? (entries, body.rows, body.cols) : nil
    }

    /// f(x) into `out` when f is a matrix literal with a row or column of `out.count` entries;
    /// false as `number` gives nil (then `out` may hold some entries: the caller overwrites it).
    func fill(_ ip: Interpreter, _ x: [Double], into out: inout [Double]) -> Bool {
        guard !code.numericBailed, !body.returnsNumber, body.entryCount == out.count, body.rows == 1 || body.cols == 1 else { return false }
        return write(ip, x, into: &out)
    }

    /// Evaluates the matrix literal's entries into `out` (as many as it has); false means bail.
    private func write(_ ip: Interpreter, _ x: [Double], into out: inout [Double]) -> Bool {
        let done = out.withUnsafeMutableBufferPointer { out in
            body.call(ip, setArguments: { frame in
                for i in 0..<x.count { frame[i] = x[i] }
                return true
            }, body: { frame in body.evaluateEntries(ip, frame, into: out.baseAddress!) ? true : nil })
        }
        if done == nil { code.numericBailed = true }
        return done != nil
    }
}
