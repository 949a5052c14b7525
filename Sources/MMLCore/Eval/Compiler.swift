// Turns the syntax tree into executable nodes, resolving every name once to a slot:
// a local of the running function, a variable of an enclosing one, or a global.

/// Compile-time view of one function's locals.
private final class FunctionScope {
    let parent: FunctionScope?
    var slots: [String: Int] = [:]
    var count = 0

    init(parent: FunctionScope?) { self.parent = parent }

    func declare(_ name: String) -> Int {
        if let s = slots[name] { return s }
        slots[name] = count
        count += 1
        return count - 1
    }
}

/// How the REPL shows a top-level statement's result.
enum Echo {
    case none
    case value(ExprNode)
    case variables([String])
}

/// One compiled top-level statement.
struct TopLevel {
    var node: StmtNode
    var echo: Echo
    var silent: Bool
}

struct Compiler {
    let ip: Interpreter
    private var scope: FunctionScope?
    private var loopDepth = 0
    private var inFunction = false
    /// Set while compiling the left operand of an operator whose chain was measured short:
    /// that operand heads a shorter chain, so it is not measured again (each chain is measured
    /// once, at its top, instead of once per operator).
    private var chainMeasuredShort = false

    init(_ ip: Interpreter) { self.ip = ip }

    mutating func compileTopLevel(_ stmt: Stmt) throws -> TopLevel {
        let node = try compile(stmt)
        var echo = Echo.none
        switch stmt.kind {
        case .expression:
            if let e = node as? ExprStmt { echo = .value(e.expr) }
        case .assign(let target, _, _):
            if case .identifier(let name) = rootName(target) { echo = .variables([name]) }
        case .destructure(let names, _):
            echo = .variables(names.map(\.name))
        case .mathDefinition(let name, _, _, _):
            echo = .variables([name])
        default:
            break
        }
        return TopLevel(node: node, echo: echo, silent: stmt.silent)
    }

    private func rootName(_ target: Expr) -> Expr.Kind {
        switch target.kind {
        case .index(let base, _), .field(let base, _): return rootName(base)
        default: return target.kind
        }
    }

    // MARK: Names

    private func resolveRead(_ name: String, _ span: SourceSpan) -> ExprNode {
        var depth = 0
        var s = scope
        while let current = s {
            if let slot = current.slots[name] {
                return depth == 0 ? LocalGet(slot: slot, name: name, span) : CapturedGet(depth: depth, slot: slot, name: name, span)
            }
            depth += 1
            s = current.parent
        }
        return GlobalGet(slot: ip.globals.slot(name), name: name, fallback: Builtins.value(named: name), span)
    }

    /// A plain assignment makes a local inside a function and a global at the top level.
    private func resolveWrite(_ name: String) -> VariableRef {
        if let scope { return .local(scope.declare(name)) }
        return .global(ip.globals.slot(name))
    }

    /// The variable an indexed or field assignment updates: wherever the name already lives.
    private func resolveExisting(_ name: String) -> VariableRef {
        var depth = 0
        var s = scope
        while let current = s {
            if let slot = current.slots[name] { return depth == 0 ? .local(slot) : .captured(depth: depth, slot: slot) }
            depth += 1
            s = current.parent
        }
        return scope == nil ? .global(ip.globals.slot(name)) : .local(scope!.declare(name))
    }

    // MARK: Statements

    private mutating func compileBlock(_ body: [Stmt], _ span: SourceSpan) throws -> StmtNode {
        makeBlock(try body.map { try compile($0) }, span)
    }

    private mutating func compile(_ stmt: Stmt) throws -> StmtNode {
        try DepthGuard.check()
        switch stmt.kind {
        case .expression(let e):
            return ExprStmt(try compile(e))
        case .assign(let target, let op, let value):
            var valueNode = try compile(value)
            if let op {
                valueNode = makeBinaryNode(op, try compile(target), valueNode, stmt.span)
            }
            return try compileAssignment(target, valueNode, stmt.span)
        case .destructure(let names, let value):
            let valueNode = try compile(value)
            (valueNode as? CallNode)?.resultCount = names.count
            return DestructureNode(targets: names.map { resolveWrite($0.name) }, names: names.map(\.name), value: valueNode, stmt.span)
        case .mathDefinition(let name, _, let params, let body):
            let target = resolveWrite(name)
            let code = try compileFunction(name: name, params: params, expression: body, statements: nil)
            return DefineNode(target: target, name: name, form: .math, parameters: params, formula: body, code: code,
                              sourceText: text(body.span), stmt.span)
        case .function(let name, _, let params, let body):
            let target = resolveWrite(name)
            let code = try compileFunction(name: name, params: params, expression: nil, statements: body)
            return DefineNode(target: target, name: name, form: .block, parameters: params, formula: nil, code: code,
                              sourceText: text(stmt.span), stmt.span)
        case .ifElse(let branches, let elseBody):
            // else-if chains nest: the last branch is innermost.
            var otherwise = try elseBody.map { try compileBlock($0, stmt.span) }
            for branch in branches.reversed() {
                let condition = try compile(branch.condition)
                otherwise = IfNode(condition: condition, then: try compileBlock(branch.body, stmt.span), otherwise: otherwise,
                                   otherwise == nil ? stmt.span : condition.span.to(stmt.span))
            }
            return otherwise!
        case .forLoop(let variable, let sequence, let body):
            let seq = try compile(sequence)
            let target = resolveWrite(variable.name)
            loopDepth += 1
            defer { loopDepth -= 1 }
            return ForNode(variable: target, sequence: seq, body: try compileBlock(body, stmt.span), stmt.span)
        case .whileLoop(let condition, let body):
            let c = try compile(condition)
            loopDepth += 1
            defer { loopDepth -= 1 }
            return WhileNode(condition: c, body: try compileBlock(body, stmt.span), stmt.span)
        case .breakLoop, .continueLoop:
            let isBreak: Bool = { if case .breakLoop = stmt.kind { return true } else { return false } }()
            guard loopDepth > 0 else {
                throw MMLError(kind: .syntax, "`\(isBreak ? "break" : "continue")` can only be used inside a loop", at: stmt.span)
            }
            return isBreak ? BreakNode(stmt.span) : ContinueNode(stmt.span)
        case .returnValue(let value):
            guard inFunction else {
                throw MMLError(kind: .syntax, "`return` can only be used inside a function", at: stmt.span,
                               hint: "define a function with fn name(x) { … return … }")
            }
            return ReturnNode(try value.map { try compile($0) }, stmt.span)
        }
    }

    private mutating func compileAssignment(_ target: Expr, _ value: ExprNode, _ span: SourceSpan) throws -> StmtNode {
        if case .identifier(let name) = target.kind {
            return AssignNode(resolveWrite(name), value, span)
        }
        var path: [PathStep] = []
        var base = target
        while true {
            switch base.kind {
            case .index(let inner, let indices):
                path.insert(.index(try indices.map { try compile($0) }), at: 0)
                base = inner
                continue
            case .field(let inner, let name):
                path.insert(.field(name), at: 0)
                base = inner
                continue
            case .identifier(let name):
                return PathAssignNode(root: resolveExisting(name), path: path, value: value, span)
            default:
                throw MMLError(kind: .syntax, "cannot assign to this expression", at: base.span,
                               hint: "assign to a name, an element (A[i, j] = …) or a field (r.name = …)")
            }
        }
    }

    /// Compiles a function body in a new scope whose locals are its parameters and every
    /// name it assigns.
    private mutating func compileFunction(name: String, params: [Parameter], expression: Expr?, statements: [Stmt]?) throws -> CompiledFunction {
        var seen = Set<String>()
        for p in params where !seen.insert(p.name).inserted {
            throw MMLError(kind: .syntax, "the parameter `\(p.name)` appears twice", at: p.span)
        }
        let fnScope = FunctionScope(parent: scope)
        for p in params { _ = fnScope.declare(p.name) }
        if let statements { for n in assignedNames(statements) { _ = fnScope.declare(n) } }
        let saved = (scope, loopDepth, inFunction)
        scope = fnScope
        loopDepth = 0
        inFunction = statements != nil
        defer { (scope, loopDepth, inFunction) = saved }
        var defaults: [ExprNode?] = []
        var sawDefault = false
        for p in params {
            if let d = p.defaultValue {
                defaults.append(try compile(d))
                sawDefault = true
            } else {
                if sawDefault {
                    throw MMLError(kind: .syntax, "the parameter `\(p.name)` needs a default value because an earlier one has one", at: p.span)
                }
                defaults.append(nil)
            }
        }
        let expr = try expression.map { try compile($0) }
        let body = try statements.map { try compileBlock($0, $0.first?.span ?? .none) }
        return CompiledFunction(name: name, slotCount: fnScope.count, parameterCount: params.count, defaults: defaults,
                                expression: expr, body: body)
    }

    /// Names a function body assigns (not counting nested functions), which become locals.
    private func assignedNames(_ body: [Stmt]) -> [String] {
        var names: [String] = []
        func walk(_ stmts: [Stmt]) {
            for s in stmts {
                switch s.kind {
                case .assign(let target, _, _):
                    if case .identifier(let n) = target.kind { names.append(n) }
                case .destructure(let ns, _): names += ns.map(\.name)
                case .mathDefinition(let n, _, _, _), .function(let n, _, _, _): names.append(n)
                case .forLoop(let v, _, let b):
                    names.append(v.name)
                    walk(b)
                case .whileLoop(_, let b): walk(b)
                case .ifElse(let branches, let e):
                    for br in branches { walk(br.body) }
                    if let e { walk(e) }
                default: break
                }
            }
        }
        walk(body)
        return names
    }

    // MARK: Expressions

    mutating func compile(_ expr: Expr) throws -> ExprNode {
        try DepthGuard.check()
        let span = expr.span
        switch expr.kind {
        case .number(let x): return ConstantNode(.number(x), span)
        case .string(let s): return ConstantNode(.string(s), span)
        case .bool(let b): return ConstantNode(.bool(b), span)
        case .identifier(let name): return resolveRead(name, span)
        case .end: return EndNode(span)
        case .all: return AllNode(span)
        case .unary(let op, let operand):
            let o = try compile(operand)
            switch op {
            case .negate:
                if let c = o as? ConstantNode, case .number(let x) = c.value { return ConstantNode(.number(-x), span) }
                return NegateNode(o, span)
            case .plus: return PlusNode(o, span)
            case .not: return NotNode(o, span)
            }
        case .binary(let op, let l, let r):
            let measured = chainMeasuredShort
            chainMeasuredShort = false
            // Only an operator whose left operand is a chainable operator can head a long chain.
            let leftChains = if case .binary(let lop, _, _) = l.kind { Self.chains(op) && Self.chains(lop) } else { false }
            if leftChains && !measured, let chain = try compileChain(expr) { return chain }
            chainMeasuredShort = leftChains
            let a = try compile(l)
            chainMeasuredShort = false
            let b = try compile(r)
            if op == .and || op == .or { return LogicNode(isAnd: op == .and, a, b, span) }
            return makeBinaryNode(op, a, b, span)
        case .range(let start, let step, let stop):
            return RangeNode(start: try compile(start), step: try step.map { try compile($0) }, stop: try compile(stop), span)
        case .prime(let operand, let count):
            return PrimeNode(try compile(operand), count: count, span)
        case .call(let callee, let args):
            let calleeNode = try compile(callee)
            var positional: [ExprNode] = []
            var keywords: [(name: String, value: ExprNode, span: SourceSpan)] = []
            for arg in args {
                if let label = arg.label {
                    if keywords.contains(where: { $0.name == label }) {
                        throw MMLError(kind: .syntax, "`\(label)` is given twice", at: arg.labelSpan ?? arg.value.span)
                    }
                    keywords.append((label, try compile(arg.value), (arg.labelSpan ?? span).to(arg.value.span)))
                } else {
                    positional.append(try compile(arg.value))
                }
            }
            let call = CallNode(callee: calleeNode, args: positional, keywords: keywords, span)
            if let global = calleeNode as? GlobalGet, case .function(let f as BuiltinFunction)? = global.fallback {
                if f.builtin === Builtins.check && ip.answerSheet != nil { return GradedCheckNode(slot: global.slot, general: call) }
                if let direct = BuiltinCall.make(slot: global.slot, builtin: f.builtin, general: call) { return direct }
            }
            return call
        case .index(let target, let indices):
            return IndexNode(try compile(target), try indices.map { try compile($0) }, span)
        case .field(let target, let name):
            return FieldNode(try compile(target), name: name, span)
        case .matrix(let rows, let nested):
            return MatrixLiteralNode(rows: try rows.map { try $0.map { try compile($0) } }, nestedRows: nested, span)
        case .lambda(let params, let body):
            let code = try compileFunction(name: "anonymous function", params: params, expression: body, statements: nil)
            return LambdaNode(parameters: params, formula: body, code: code, sourceText: text(body.span), span)
        case .tuple(let items):
            return TupleNode(try items.map { try compile($0) }, span)
        }
    }

    /// A long flat chain `a + b - c + …` (its left operands are operators again, as the parser
    /// builds it) becomes one `ChainNode` evaluated in a loop, so its length costs no stack.
    /// Short chains keep the specialised binary nodes.
    private mutating func compileChain(_ expr: Expr) throws -> ExprNode? {
        // Measure first, without allocating: most operators head a short chain.
        var length = 0
        var e = expr
        while length <= ChainNode.minimumLength, case .binary(let op, let l, _) = e.kind, Self.chains(op) {
            length += 1
            e = l
        }
        guard length > ChainNode.minimumLength else { return nil }
        var spine: [Expr] = []
        e = expr
        while case .binary(let op, let l, _) = e.kind, Self.chains(op) {
            spine.append(e)
            e = l
        }
        let first = try compile(e)
        var sites: [OperatorSite] = []
        var operands: [ExprNode] = []
        for step in spine.reversed() {
            guard case .binary(let op, let l, let r) = step.kind else { continue }
            operands.append(try compile(r))
            sites.append(OperatorSite(op: op, span: step.span, left: l.span, right: r.span))
        }
        return ChainNode(first, sites, operands, expr.span)
    }

    /// Operators a `ChainNode` evaluates in a loop (`and` and `or` short-circuit instead).
    private static func chains(_ op: BinaryOperator) -> Bool {
        op != .and && op != .or
    }

    private func text(_ span: SourceSpan) -> String {
        ip.sources[span.source]?.text(of: span) ?? ""
    }
}
