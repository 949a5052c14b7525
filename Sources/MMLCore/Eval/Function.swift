// Function values: builtins, lambdas and block functions, and math functions that keep
// their formula.

/// A callable value. Subclasses: `BuiltinFunction`, `UserFunction` (lambda, block `fn`,
/// math function).
public class Function: @unchecked Sendable {
    public let name: String
    /// Set for functions written in MML, so calls can tell the kinds apart without a cast.
    let isUserFunction: Bool

    init(name: String, isUserFunction: Bool) {
        self.name = name
        self.isUserFunction = isUserFunction
    }

    /// "builtin function", "function", "math function".
    public var kindName: String { "function" }

    /// How it prints: a signature or a formula.
    public func display(_ options: DisplayOptions) -> String { name }
}

/// A builtin, as a value (`f = sqrt` then `f(4)`).
public final class BuiltinFunction: Function, @unchecked Sendable {
    public let builtin: Builtin

    init(_ builtin: Builtin) {
        self.builtin = builtin
        super.init(name: builtin.name, isUserFunction: false)
    }

    public override var kindName: String { "builtin function" }
    public override func display(_ options: DisplayOptions) -> String { "builtin \(builtin.signature)" }
}

/// A function written in MML: a lambda (`x -> 2*x`), a block function (`fn f(x) { … }`)
/// or a math function (`f(x) = x^2`), closed over the frame it was made in.
public final class UserFunction: Function, @unchecked Sendable {
    public enum Form: Sendable { case lambda, block, math }

    public let form: Form
    public let parameters: [Parameter]
    /// The formula of a math function or lambda (kept for printing and differentiation).
    public let formula: Expr?
    let code: CompiledFunction
    /// The frame of the enclosing function call; nil at the top level, whose variables are
    /// globals (the top frame has no slots, so no code ever reads through it).
    let captured: Frame?
    /// Source text of the body, shown when it is printed: the text as written, or for a
    /// function the calculus engine made, its formula written out when first needed (a long
    /// derivative is often only called, never printed).
    var sourceText: String {
        if let text = writtenText { return text }
        let text = writeText?() ?? ""
        writtenText = text
        return text
    }
    private var writtenText: String?
    private let writeText: (() -> String)?

    private init(name: String, form: Form, parameters: [Parameter], formula: Expr?, code: CompiledFunction, captured: Frame?,
                 detachedDepth: Int?, writtenText: String?, writeText: (() -> String)?) {
        self.form = form
        self.parameters = parameters
        self.formula = formula
        self.code = code
        self.captured = captured
        self.detachedDepth = detachedDepth
        self.writtenText = writtenText
        self.writeText = writeText
        super.init(name: name, isUserFunction: true)
    }

    convenience init(name: String, form: Form, parameters: [Parameter], formula: Expr?, code: CompiledFunction, captured: Frame?, sourceText: String) {
        self.init(name: name, form: form, parameters: parameters, formula: formula, code: code, captured: captured,
                  detachedDepth: nil, writtenText: sourceText, writeText: nil)
    }

    /// Set on the copy of a function kept in a slot of a frame it closes over (directly, or
    /// through the frames of calls nested in it), once that frame's call has returned (see
    /// `Frame.detachClosures`): 0 when it closed over that frame itself (then `captured` is
    /// nil), d > 0 when that frame was d parents up from its own (then `captured` is a copy
    /// of those d frames whose last one has no parent). Either way the copy holds no reference
    /// to the frame, so the two do not keep each other alive for ever; reading the slot
    /// closes it over the frame again.
    let detachedDepth: Int?

    /// A copy closed over `captured` instead.
    private convenience init(_ f: UserFunction, captured: Frame?, detachedDepth: Int?) {
        self.init(name: f.name, form: f.form, parameters: f.parameters, formula: f.formula, code: f.code, captured: captured,
                  detachedDepth: detachedDepth, writtenText: f.writtenText, writeText: f.writeText)
    }

    /// This function as kept in a slot of the frame `depth` parents up from the one it closes
    /// over, without a reference to that frame. (The frames between are copied: the calls
    /// they belong to have ended, so their variables no longer change.)
    func detached(depth: Int) -> UserFunction {
        UserFunction(self, captured: depth == 0 ? nil : captured?.copyingChain(depth, lastParent: nil), detachedDepth: depth)
    }

    /// A detached function read from a slot of `frame`: closed over that frame again.
    func closed(over frame: Frame) -> UserFunction {
        guard let depth = detachedDepth, depth > 0, let chain = captured else { return UserFunction(self, captured: frame, detachedDepth: nil) }
        return UserFunction(self, captured: chain.copyingChain(depth, lastParent: frame), detachedDepth: nil)
    }

    /// A function whose source text is written by `writeText` when it is first shown.
    convenience init(name: String, form: Form, parameters: [Parameter], formula: Expr?, code: CompiledFunction, captured: Frame?,
                     writeText: @escaping () -> String) {
        self.init(name: name, form: form, parameters: parameters, formula: formula, code: code, captured: captured,
                  detachedDepth: nil, writtenText: nil, writeText: writeText)
    }

    public override var kindName: String { form == .math ? "math function" : "function" }

    public var parameterList: String { parameters.map(\.name).joined(separator: ", ") }

    public override func display(_ options: DisplayOptions) -> String {
        switch form {
        case .math: return MathFunctionPrinter.display(self) ?? "\(name)(\(parameterList)) = \(sourceText)"
        case .lambda: return parameters.count == 1 ? "\(parameters[0].name) -> \(sourceText)" : "(\(parameterList)) -> \(sourceText)"
        case .block: return "fn \(name)(\(parameterList))"
        }
    }
}

/// The compiled body of a user function: its slots and code.
final class CompiledFunction: @unchecked Sendable {
    let name: String
    /// Number of local slots (parameters first).
    let slotCount: Int
    let parameterCount: Int
    /// Default values for trailing parameters (nil where the parameter is required).
    let defaults: [ExprNode?]
    /// For math functions and lambdas: the body expression.
    let expression: ExprNode?
    /// For block functions: the statements, as one block node.
    let body: StmtNode?
    /// What a call evaluates: `expression`, or `body` wrapped to yield its return value.
    /// Never optional, so a call reaches it with one load from `self` and no retain.
    let entry: ExprNode
    /// Frames of finished calls, ready for reuse (see `takeFrame` and `recycle`), linked
    /// through `Frame.nextFree`. Compiled code belongs to one interpreter, which runs on one
    /// thread at a time, so the list needs no lock. (Unmanaged links were tried: the compiler
    /// then added retain_n/release_n pairs and calls got slower.)
    var freeFrames: Frame?
    /// The numeric form (see NumericNodes.swift), made on the first call.
    var numeric = NumericState.untried
    /// Set once a call through the numeric form bailed (see `Interpreter.numericCall`).
    var numericBailed = false

    init(name: String, slotCount: Int, parameterCount: Int, defaults: [ExprNode?], expression: ExprNode?, body: StmtNode?) {
        self.name = name
        self.slotCount = slotCount
        self.parameterCount = parameterCount
        self.defaults = defaults
        self.expression = expression
        self.body = body
        entry = expression ?? FunctionBodyNode(body ?? EmptyNode(.none))
    }
}

/// A block function's statements as an expression: the value of its `return`, or nothing.
final class FunctionBodyNode: ExprNode {
    let body: StmtNode
    init(_ body: StmtNode) {
        self.body = body
        super.init(body.span)
    }
    override func eval(_ ip: Interpreter, _ frame: Frame) throws -> Value {
        guard case .returned = try body.exec(ip, frame) else { return .nothing }
        return ip.takeReturnValue()
    }
}
