// The interpreter: runs source text in a persistent workspace, calls functions, and keeps
// the session's state (display format, checks, warnings).

/// How the pipeline ended, before the session turns it into a RunResult.
struct ProgramRun {
    enum Status { case completed, failed, incomplete }
    var status: Status
    var diagnostics: [Diagnostic] = []
    /// The value of the last statement when it was an expression, else `.nothing`.
    var lastValue: Value = .nothing
    /// Without echo: the first top-level expression whose value was not shown.
    var unshownValue: SourceSpan?
}

public final class Interpreter {
    /// The largest number of elements one matrix may have (see LinAlgLimits).
    public static let maxElements = LinAlgLimits.maxElements

    public let sources = SourceMap()
    public let globals = Globals()
    public var options = DisplayOptions()
    /// Receives everything a program produces — printed text, shown values, figures,
    /// warnings, checks. The Session points it at the current run; outside a run it discards.
    var emit: (SessionEvent) -> Void = Interpreter.discard
    static func discard(_ event: SessionEvent) {}
    /// Keys of the warnings given once per session (`warnOnce`).
    private var shownWarnings: Set<String> = []
    /// How many nested user-function calls are allowed before "recursion too deep".
    public var maxCallDepth = 2000
    /// Script arguments, visible to programs as `args`.
    public var scriptArguments: [String] = [] {
        didSet { globals["args"] = .matrix(Matrix(rows: 0, cols: 0)).withStrings(scriptArguments) }
    }

    /// The session's random generator (MT19937, NumPy's legacy stream). Until `seed(n)` is
    /// called it starts from a seed picked at random, which `seed()` reports.
    public lazy var random = RandomState()
    /// Which files the program may read and write (scripts run restricted; see FileAccessPolicy).
    public var fileAccess = FileAccessPolicy.unrestricted
    /// State that library domains keep per session (the current figure, …), by type.
    public var domainState: [ObjectIdentifier: AnyObject] = [:]
    /// Stops this interpreter's computation: loops, calls and long builtins check it. The
    /// process-wide `Interrupt` (Ctrl-C, SIGTERM, --timeout) stops it too.
    public let stop = StopToken()
    /// The memory budget that the storage this interpreter makes is charged to.
    public var memory = MemoryBudget.shared
    /// When this workspace runs a class's checks (`mml grade`): the submission's answers.
    /// Calls of `check` are then compiled so that a failing `actual` fails only that check.
    public var answerSheet: AnswerSheet?

    var endStack: [Int] = []
    var callDepth = 0
    /// The value of the `return` being carried out, taken by the call it returns from
    /// (statements report only `Flow.returned`, so `Flow` stays a plain byte).
    var returnValue: Value = .nothing
    let topFrame = Frame(count: 0, parent: nil)
    private var sourceCounter = 0
    /// The stack of numeric-form calls (see NumericCalls.swift): its first free slot and end.
    /// A million numbers is ample for `maxCallDepth` calls; a call that would pass the end
    /// runs as ordinary code instead.
    var numericTop: UnsafeMutablePointer<Double>
    let numericEnd: UnsafeMutablePointer<Double>
    private let numericStack: UnsafeMutablePointer<Double>

    public init() {
        let capacity = 1 << 20
        numericStack = .allocate(capacity: capacity)
        numericTop = numericStack
        numericEnd = numericStack + capacity
    }

    deinit { numericStack.deallocate() }

    // MARK: Running text

    /// The one pipeline: parses `text`, compiles every statement, then runs them in order,
    /// stopping at the first error. With `echo`, each top-level result is shown the way the
    /// REPL shows it (unless the statement ends with `;`). The run is charged to this
    /// interpreter's memory budget and stopped by its stop token.
    func runProgram(_ text: String, name: String, echo: Bool, allowIncomplete: Bool) -> ProgramRun {
        withLimits { runProgramWithLimits(text, name: name, echo: echo, allowIncomplete: allowIncomplete) }
    }

    private func runProgramWithLimits(_ text: String, name: String, echo: Bool, allowIncomplete: Bool) -> ProgramRun {
        let source = sources.add(name: name, text: text)
        let parsed = Parser.parse(text, source: source.id)
        if parsed.isIncomplete && allowIncomplete { return ProgramRun(status: .incomplete) }
        if !parsed.diagnostics.isEmpty { return ProgramRun(status: .failed, diagnostics: parsed.diagnostics) }
        var compiler = Compiler(self)
        var compiled: [TopLevel] = []
        var errors: [Diagnostic] = []
        for stmt in parsed.program.statements {
            do { compiled.append(try compiler.compileTopLevel(stmt)) } catch {
                errors.append(diagnostic(for: error, at: stmt.span))
            }
        }
        if !errors.isEmpty { return ProgramRun(status: .failed, diagnostics: errors) }
        var last: Value = .nothing
        var unshown: SourceSpan?
        for (i, top) in compiled.enumerated() {
            do {
                last = try execute(top, echo: echo, isLast: i == compiled.count - 1)
            } catch {
                return ProgramRun(status: .failed, diagnostics: [diagnostic(for: error, at: top.node.span)])
            }
            if !echo, unshown == nil, case .value = top.echo, !top.silent, last.isShowable { unshown = top.node.span }
        }
        return ProgramRun(status: .completed, lastValue: last, unshownValue: unshown)
    }

    /// Runs one top-level statement; the value of an expression statement, else `.nothing`.
    private func execute(_ top: TopLevel, echo: Bool, isLast: Bool) throws -> Value {
        let show = echo && !top.silent
        switch top.echo {
        case .value(let expr):
            let value = try expr.eval(self, topFrame)
            if case .nothing = value { return value }
            if show {
                if case .tuple = value {} else { globals["ans"] = value }
                emit(.value(ShownValue(value: value, name: nil, options: options, isResult: isLast)))
            }
            return value
        case .variables(let names):
            _ = try top.node.exec(self, topFrame)
            if show {
                for name in names {
                    if let value = globals[name] { emit(.value(ShownValue(value: value, name: name, options: options))) }
                }
            }
        case .none:
            _ = try top.node.exec(self, topFrame)
        }
        return .nothing
    }

    /// Runs `text` through the same pipeline and returns the value of its last statement
    /// (`.nothing` when that is not an expression); the first error is thrown as `MMLError`.
    /// For tests and embedding: output and warnings are discarded.
    public func evaluate(_ text: String) throws -> Value {
        try withLimits { try evaluateWithLimits(text) }
    }

    /// Runs `body` with this interpreter's stop token and memory budget as the current ones,
    /// which builtins and the storage they make consult (see `StopToken`, `MemoryBudget`).
    public func withLimits<T>(_ body: () throws -> T) rethrows -> T {
        try StopToken.$current.withValue(stop) {
            try MemoryBudget.$current.withValue(memory, operation: body)
        }
    }

    private func evaluateWithLimits(_ text: String) throws -> Value {
        sourceCounter += 1
        let ran = runProgram(text, name: "<eval \(sourceCounter)>", echo: false, allowIncomplete: false)
        if let first = ran.diagnostics.first { throw MMLError(first) }
        return ran.lastValue
    }

    /// Prints text as the program's output.
    func output(_ text: String) {
        emit(.output(text))
    }

    /// Converts any error thrown during evaluation into a diagnostic.
    public func diagnostic(for error: Error, at span: SourceSpan) -> Diagnostic {
        switch error {
        case let e as DiagnosticConvertible: return e.diagnostic
        default: return Interpreter.located(error, at: span).diagnostic
        }
    }

    // MARK: Calls

    /// Calls any function value with evaluated arguments (used by builtins such as gd).
    public func call(_ function: Function, _ args: [Value], at span: SourceSpan) throws -> Value {
        try call(function, args, argumentSpans: Array(repeating: span, count: args.count), keywords: [], at: span)
    }

    /// `results` is how many names wait for the result (`m, i = max(v)` asks max for 2), as
    /// MATLAB's nargout; builtins that can give more when asked read it from `Arguments`.
    func call(_ function: Function, _ args: [Value], argumentSpans: [SourceSpan], keywords: [(String, Value, SourceSpan)], at span: SourceSpan, results: Int = 1) throws -> Value {
        if let builtin = function as? BuiltinFunction {
            return try callingBuiltin(at: span) {
                try callBuiltin(builtin.builtin, args, argumentSpans: argumentSpans, keywords: keywords, at: span, results: results)
            }
        }
        guard let user = function as? UserFunction else {
            throw MMLError(kind: .type, "this function cannot be called", at: span)
        }
        let code = user.code
        guard args.count <= code.parameterCount else { throw arityError(user, given: args.count, at: span) }
        var frame = code.takeFrame(parent: user.captured)
        for (i, v) in args.enumerated() { frame.initialize(i, to: v) }
        for (name, value, kspan) in keywords {
            guard let i = user.parameters.firstIndex(where: { $0.name == name }) else {
                throw UserCallErrors.unknownKeyword(user.name, user.parameters, name, at: kspan)
            }
            if frame[i] != nil { throw UserCallErrors.givenTwice(name, at: kspan) }
            frame[i] = value
        }
        let result = try invoke(user, code, frame: frame, given: args.count, at: span)
        code.recycle(&frame)
        return result
    }

    private func callBuiltin(_ b: Builtin, _ args: [Value], argumentSpans: [SourceSpan], keywords: [(String, Value, SourceSpan)],
                             at span: SourceSpan, results: Int) throws -> Value {
        switch b.body {
        case .unary(let f):
            if args.count == 1, keywords.isEmpty { return try f(args[0], span, self) }
            let bound = try Arguments(builtin: b, interpreter: self, callSpan: span, positional: args, positionalSpans: argumentSpans, keywords: keywords)
            return try f(try bound.value(b.parameters[0].name), span, self)
        case .binary(let f):
            if args.count == 2, keywords.isEmpty { return try f(args[0], args[1], span) }
            let bound = try Arguments(builtin: b, interpreter: self, callSpan: span, positional: args, positionalSpans: argumentSpans, keywords: keywords)
            return try f(try bound.value(b.parameters[0].name), try bound.value(b.parameters[1].name), span)
        case .general(let f):
            var bound = try Arguments(builtin: b, interpreter: self, callSpan: span, positional: args, positionalSpans: argumentSpans, keywords: keywords)
            bound.resultCount = results
            return try runGeneral(b, f, &bound, at: span)
        }
    }

    /// A builtin's work (`body`) with its engine errors located at the call, then the check
    /// that storage made without one (copy-on-write copies) has not overdrawn the budget.
    @inline(__always)
    func callingBuiltin(at span: SourceSpan, _ body: () throws -> Value) throws -> Value {
        let result = try Interpreter.locating(at: span, body)
        if memory.isOverdrawn { throw MemoryBudgetError(requested: 0, used: memory.used, limit: memory.limit).located(at: span) }
        return result
    }

    /// A general builtin's body on its bound arguments; its engine errors name the builtin.
    func runGeneral(_ b: Builtin, _ f: (inout Arguments) throws -> Value, _ bound: inout Arguments, at span: SourceSpan) throws -> Value {
        do {
            return try f(&bound)
        } catch let e as EngineError {
            throw e.located(at: span, callee: b.name)
        }
    }

    /// Runs `body` — a builtin call or an operator — turning an engine error (a refused
    /// allocation and a stop request among them) into the located error at `span`. This is
    /// where engine errors get their span; the work of the general builtins is wrapped once
    /// more in `callBuiltin`, which also knows the builtin's name.
    @inline(__always)
    static func locating<T>(at span: SourceSpan, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as EngineError {
            throw e.located(at: span)
        }
    }

    /// Any error that reached `span` as an MMLError: an engine error located there.
    static func located(_ error: Error, at span: SourceSpan) -> MMLError {
        switch error {
        case let e as MMLError: return e
        case let e as EngineError: return e.located(at: span)
        default: return MMLError("\(error)", at: span)
        }
    }

    /// Runs a user function whose first `given` parameters are already in `frame`. `code` is
    /// `f.code`, passed in so its fields are read from a borrowed parameter (no retain).
    func invoke(_ f: UserFunction, _ code: CompiledFunction, frame: Frame, given: Int, at span: SourceSpan) throws -> Value {
        if given < code.parameterCount { try evaluateDefaults(f, code, frame: frame, given: given, at: span) }
        if let x = numericCall(code, frame) { return .number(x) }
        callDepth += 1
        defer { callDepth -= 1 }
        do {
            if callDepth > maxCallDepth { throw DepthGuard.callsError(limit: maxCallDepth, at: span) }
            // The stack is measured every 16 calls: calls through builtins (map, gd, …) take
            // more of it per level than the call count shows.
            if callDepth & 15 == 0 { try DepthGuard.check() }
            try checkInterrupt(at: span)
            return try code.entry.eval(self, frame)
        } catch let error as DepthError {
            frame.detachClosures()
            throw backtraced(error.located(at: span), f, at: span)
        } catch let error as MMLError {
            // The failed call's frame is dropped: first break its cycles with the functions
            // made during the call (see `Frame.detachClosures`), or both would leak.
            frame.detachClosures()
            throw backtraced(error, f, at: span)
        } catch {
            frame.detachClosures()
            throw error
        }
    }

    /// Fills in the parameters the call left out from their defaults. A default is evaluated
    /// inside the call it belongs to, so it counts as one level of calls: `fn f(p = f())`
    /// ends in "recursion too deep", not a stack overflow.
    private func evaluateDefaults(_ f: UserFunction, _ code: CompiledFunction, frame: Frame, given: Int, at span: SourceSpan) throws {
        // A parameter left out without a default is the call's mistake, as too many arguments
        // are: reported at the call, without a call chain into a function that never ran.
        for i in given..<code.parameterCount where frame[i] == nil && code.defaults[i] == nil {
            throw arityError(f, given: given, at: span)
        }
        callDepth += 1
        defer { callDepth -= 1 }
        do {
            if callDepth > maxCallDepth { throw DepthGuard.callsError(limit: maxCallDepth, at: span) }
            try DepthGuard.check()
            for i in given..<code.parameterCount where frame[i] == nil {
                guard let d = code.defaults[i] else { continue }  // checked above
                frame[i] = try d.eval(self, frame)
            }
        } catch let error as DepthError {
            frame.detachClosures()
            throw backtraced(error.located(at: span), f, at: span)
        } catch let error as MMLError {
            frame.detachClosures()
            throw backtraced(error, f, at: span)
        }
    }

    /// `error` with the call of `f` at `span` added to its backtrace (a repeat of the same
    /// call is counted, not listed again).
    private func backtraced(_ error: MMLError, _ f: UserFunction, at span: SourceSpan) -> MMLError {
        var error = error
        let entry = Diagnostic.Frame(function: f.name, callSite: span)
        if var last = error.diagnostic.backtrace.last, last.function == entry.function, last.callSite == entry.callSite {
            last.repeats += 1
            error.diagnostic.backtrace[error.diagnostic.backtrace.count - 1] = last
        } else {
            error.diagnostic.backtrace.append(entry)
        }
        return error
    }

    /// Sets `returnValue`. It is `.nothing` except while a `return` is on its way out (the
    /// call it returns from takes it), so it is usually overwritten without the outlined
    /// destroy of the old value, which is safe whenever the old value holds no reference.
    @inline(__always)
    func setReturnValue(_ value: Value) {
        switch returnValue {
        case .nothing, .number, .bool: withUnsafeMutablePointer(to: &returnValue) { $0.initialize(to: value) }
        default: returnValue = value
        }
    }

    /// Moves the value of the `return` out, leaving `.nothing`.
    @inline(__always)
    func takeReturnValue() -> Value {
        withUnsafeMutablePointer(to: &returnValue) { slot in
            let value = slot.move()
            slot.initialize(to: .nothing)
            return value
        }
    }

    /// The frame a function made in `frame` closes over: none at the top level, so calling
    /// a top-level function does not retain and release the top frame.
    @inline(__always)
    func closureParent(_ frame: Frame) -> Frame? {
        frame === topFrame ? nil : frame
    }

    func arityError(_ f: UserFunction, given: Int, at span: SourceSpan) -> MMLError {
        UserCallErrors.arity(f.name, f.parameters, given: given, at: span)
    }

    // MARK: Services for nodes and builtins

    func unknownName(_ name: String, at span: SourceSpan) -> MMLError {
        if let answerSheet, let error = answerSheet.notAnsweredError(name, at: span) { return error }
        return MMLError.unknownName(name, candidates: globals.definedNames + Builtins.allNames, at: span)
    }

    @inline(__always)
    func checkInterrupt(at span: SourceSpan) throws {
        if stop.isRequested {
            throw MMLError(kind: .interrupt, "interrupted", at: span)
        }
    }

    /// Reports a warning once per session: later ones with the same `key` are dropped (a
    /// learner told once that sqrt(-4) is nan needs no reminder inside a loop).
    public func warnOnce(_ key: String, _ message: String, at span: SourceSpan, hint: String? = nil) {
        guard shownWarnings.insert(key).inserted else { return }
        warn(message, at: span, hint: hint)
    }

    /// Reports a warning at a span (it does not stop the program).
    public func warn(_ message: String, at span: SourceSpan, hint: String? = nil) {
        emit(.warning(Diagnostic(.warning, kind: .warning, message: message, span: span, hints: hint.map { [$0] } ?? [])))
    }

    /// `f'`: the derivative of a math function.
    func derivative(of f: Function, order: Int, at span: SourceSpan) throws -> Value {
        try Differentiation.prime(f, order: order, ip: self, at: span)
    }
}

extension Value {
    /// False for `.nothing`, the result of a statement that produces nothing to show.
    var isShowable: Bool {
        if case .nothing = self { return false }
        return true
    }

    /// Script arguments are strings; kept as a tuple of strings.
    fileprivate func withStrings(_ strings: [String]) -> Value {
        .tuple(strings.map { .string($0) })
    }
}
