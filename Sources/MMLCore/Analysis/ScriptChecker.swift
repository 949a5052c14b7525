// The walk behind `ScriptAnalysis`: resolves every name the way the compiler does (locals of
// a function are its parameters and every name its body assigns; everything else is a global,
// then a builtin or constant) and reports, with the errors evaluation would give:
// unknown names, calls of builtins and of the script's own functions whose arguments do not
// fit, and calls of numbers. On the way it notes the fields each name is known to have.
// It errs towards silence: a report must be an error the script would really hit.

struct ScriptChecker {
    private let program: Program
    /// Names that a statement dropped for a syntax error may define.
    private let maybeDefined: Set<String>
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var symbols: [ScriptAnalysis.Symbol] = []
    private(set) var occurrences: [ScriptAnalysis.Occurrence] = []
    private(set) var scopes: [ScriptAnalysis.Scope] = []
    private(set) var recordFields: [String: [ScriptAnalysis.RecordField]] = [:]

    /// Globals by name.
    private var globals: [String: Int] = [:]
    /// Whether each global only ever holds a number (every definition assigns a number literal).
    private var globalIsNumber: [Int: Bool] = [:]
    /// Globals assigned by the top-level statements before the current one.
    private var assignedBefore: Set<String> = []
    /// Globals assigned anywhere inside the current top-level statement (a loop may assign a
    /// name after the line that reads it and still read it on a later pass).
    private var assignedInStatement: Set<String> = []
    /// The symbols defined as lambdas, which errors call "anonymous function" as evaluation does.
    private var isLambda: Set<Int> = []
    /// The locals of each function, lambda or math-function body around the current node.
    private var locals: [[String: Int]] = []

    /// Names always defined in a script besides builtins and constants.
    static let predefined: Set<String> = ["args"]

    init(program: Program, maybeDefined: Set<String>) {
        self.program = program
        self.maybeDefined = maybeDefined
    }

    mutating func run() {
        declareGlobals(program.statements)
        for stmt in program.statements {
            assignedInStatement = []
            collectAssigned(stmt, into: &assignedInStatement)
            check(stmt)
            assignedBefore.formUnion(assignedInStatement)
        }
    }

    // MARK: Declarations

    /// Every name a top-level statement assigns, in blocks too but not in function bodies.
    private mutating func declareGlobals(_ statements: [Stmt]) {
        for stmt in statements {
            switch stmt.kind {
            case .assign(let target, let op, let value):
                if case .identifier(let name) = target.kind {
                    let isNumber = op == nil && ScriptChecker.isNumberLiteral(value)
                    let s = define(name, global: true, .variable, target.span, stmt.span, isNumber: isNumber)
                    if op == nil, case .lambda(let params, _) = value.kind { symbols[s].parameters = params; isLambda.insert(s) }
                }
            case .destructure(let names, _):
                for n in names { define(n.name, global: true, .variable, n.span, stmt.span, isNumber: false) }
            case .mathDefinition(let name, let nameSpan, let params, _):
                symbols[define(name, global: true, .mathFunction, nameSpan, stmt.span, isNumber: false)].parameters = params
            case .function(let name, let nameSpan, let params, _):
                symbols[define(name, global: true, .function, nameSpan, stmt.span, isNumber: false)].parameters = params
            case .forLoop(let variable, _, let body):
                define(variable.name, global: true, .loopVariable, variable.span, stmt.span, isNumber: false)
                declareGlobals(body)
            case .whileLoop(_, let body):
                declareGlobals(body)
            case .ifElse(let branches, let elseBody):
                for b in branches { declareGlobals(b.body) }
                if let elseBody { declareGlobals(elseBody) }
            default:
                break
            }
        }
    }

    @discardableResult
    private mutating func define(_ name: String, global: Bool, _ kind: ScriptAnalysis.SymbolKind, _ nameSpan: SourceSpan,
                                 _ statementSpan: SourceSpan, isNumber: Bool = false) -> Int {
        let definition = ScriptAnalysis.Definition(kind: kind, nameSpan: nameSpan, statementSpan: statementSpan)
        let index: Int
        if global, let existing = globals[name] {
            index = existing
            symbols[index].definitions.append(definition)
        } else if !global, let existing = locals.last?[name] {
            index = existing
            symbols[index].definitions.append(definition)
        } else {
            index = symbols.count
            symbols.append(ScriptAnalysis.Symbol(name: name, isGlobal: global, definitions: [definition]))
            if global { globals[name] = index } else { locals[locals.count - 1][name] = index }
        }
        if global { globalIsNumber[index] = (globalIsNumber[index] ?? true) && isNumber }
        occurrences.append(.init(name: name, span: nameSpan, symbol: index, isDefinition: true))
        return index
    }

    /// Names a top-level statement assigns (blocks included, function bodies not); `x += 1`
    /// does not count, as it needs `x` already.
    private func collectAssigned(_ stmt: Stmt, into names: inout Set<String>) {
        switch stmt.kind {
        case .assign(let target, nil, _):
            if case .identifier(let n) = target.kind { names.insert(n) }
        case .destructure(let ns, _): names.formUnion(ns.map(\.name))
        case .mathDefinition(let n, _, _, _), .function(let n, _, _, _): names.insert(n)
        case .forLoop(let v, _, let body):
            names.insert(v.name)
            for s in body { collectAssigned(s, into: &names) }
        case .whileLoop(_, let body):
            for s in body { collectAssigned(s, into: &names) }
        case .ifElse(let branches, let elseBody):
            for b in branches { for s in b.body { collectAssigned(s, into: &names) } }
            for s in elseBody ?? [] { collectAssigned(s, into: &names) }
        default: break
        }
    }

    /// Opens the scope of a function body: its parameters and every name the body assigns
    /// (the compiler's rule), then checks the parameters' default values inside it.
    private mutating func enterFunction(_ params: [Parameter], body: [Stmt], span: SourceSpan) {
        locals.append([:])
        let start = symbols.count
        for p in params { define(p.name, global: false, .parameter, p.span, p.span) }
        declareLocals(body)
        scopes.append(.init(span: span, symbols: Array(start..<symbols.count)))
        for p in params { if let d = p.defaultValue { check(d) } }
    }

    private mutating func declareLocals(_ body: [Stmt]) {
        for stmt in body {
            switch stmt.kind {
            case .assign(let target, let op, let value):
                if case .identifier(let n) = target.kind {
                    let s = define(n, global: false, .variable, target.span, stmt.span)
                    if op == nil, case .lambda(let params, _) = value.kind { symbols[s].parameters = params; isLambda.insert(s) }
                }
            case .destructure(let ns, _):
                for n in ns { define(n.name, global: false, .variable, n.span, stmt.span) }
            case .mathDefinition(let n, let nameSpan, let params, _):
                symbols[define(n, global: false, .mathFunction, nameSpan, stmt.span)].parameters = params
            case .function(let n, let nameSpan, let params, _):
                symbols[define(n, global: false, .function, nameSpan, stmt.span)].parameters = params
            case .forLoop(let v, _, let b):
                define(v.name, global: false, .loopVariable, v.span, stmt.span)
                declareLocals(b)
            case .whileLoop(_, let b): declareLocals(b)
            case .ifElse(let branches, let e):
                for br in branches { declareLocals(br.body) }
                if let e { declareLocals(e) }
            default: break
            }
        }
    }

    // MARK: Statements

    private mutating func check(_ stmt: Stmt) {
        switch stmt.kind {
        case .expression(let e):
            check(e)
        case .assign(let target, let op, let value):
            check(value)
            switch target.kind {
            case .identifier(let name):
                // `x += 1` reads x first; a plain assignment only defines it (recorded above).
                if op != nil { read(name, target.span, recordOccurrence: false) }
                if op == nil { addFields(knownFields(of: value), to: name) }
            default:
                checkAssignedPath(target)
            }
        case .destructure(_, let value):
            check(value)
        case .mathDefinition(_, _, let params, let body):
            enterFunction(params, body: [], span: body.span)
            check(body)
            locals.removeLast()
        case .function(_, _, let params, let body):
            enterFunction(params, body: body, span: stmt.span)
            for s in body { check(s) }
            locals.removeLast()
        case .ifElse(let branches, let elseBody):
            for b in branches {
                check(b.condition)
                for s in b.body { check(s) }
            }
            for s in elseBody ?? [] { check(s) }
        case .forLoop(_, let sequence, let body):
            check(sequence)
            for s in body { check(s) }
        case .whileLoop(let condition, let body):
            check(condition)
            for s in body { check(s) }
        case .returnValue(let value):
            if let value { check(value) }
        case .breakLoop, .continueLoop:
            break
        }
    }

    /// `A[i] = …`, `r.name = …`: the indices are read; the root name is recorded but not
    /// reported (an element assignment's rules on missing names are the evaluator's).
    private mutating func checkAssignedPath(_ target: Expr) {
        switch target.kind {
        case .index(let base, let indices):
            checkAssignedPath(base)
            for i in indices { check(i) }
        case .field(let base, let field):
            checkAssignedPath(base)
            if case .identifier(let name) = base.kind { addFields([.init(name: field)], to: name) }
        case .identifier(let name):
            occurrences.append(.init(name: name, span: target.span, symbol: resolve(name), isDefinition: false))
        default:
            check(target)
        }
    }

    // MARK: Record fields

    private mutating func addFields(_ fields: [ScriptAnalysis.RecordField], to name: String) {
        for field in fields where !recordFields[name, default: []].contains(where: { $0.name == field.name }) {
            recordFields[name, default: []].append(field)
        }
    }

    /// The fields an assigned value is known to have: a call of a builtin that declares the
    /// shape of its result, or a name whose fields are known already (`best = res`).
    private func knownFields(of value: Expr) -> [ScriptAnalysis.RecordField] {
        switch value.kind {
        case .identifier(let name):
            return recordFields[name] ?? []
        case .call(let callee, let args):
            guard case .identifier(let name) = callee.kind, resolve(name) == nil, let builtin = Builtins.table[name],
                  let (owner, fields) = resultFields(of: builtin, args, value.span) else { return [] }
            return fields.map { .init(name: $0.name, builtin: owner.name, declaration: $0) }
        default:
            return []
        }
    }

    /// The declared fields of what a call of a builtin returns, and the builtin that declares
    /// them: for `fit(Normal, data)`, Normal's.
    private func resultFields(of builtin: Builtin, _ args: [CallArgument], _ span: SourceSpan) -> (Builtin, [ResultField])? {
        switch builtin.result {
        case .fields(let fields)?:
            return (builtin, fields)
        case .likeBuiltin(let parameter)?:
            guard let i = builtin.parameters.firstIndex(where: { $0.name == parameter }),
                  let bound = try? ScriptChecker.bind(builtin, args, span),
                  case .identifier(let named)? = bound[i]?.kind, resolve(named) == nil,
                  let other = Builtins.table[named], case .fields(let fields)? = other.result else { return nil }
            return (other, fields)
        case nil:
            return nil
        }
    }

    // MARK: Expressions

    private mutating func check(_ expr: Expr) {
        switch expr.kind {
        case .number, .string, .bool, .end, .all:
            break
        case .identifier(let name):
            read(name, expr.span)
        case .unary(_, let e), .prime(let e, _), .field(let e, _):
            check(e)
        case .binary(_, let l, let r):
            check(l)
            check(r)
        case .range(let start, let step, let stop):
            check(start)
            if let step { check(step) }
            check(stop)
        case .call(let callee, let args):
            check(callee)
            for a in args { check(a.value) }
            checkCall(callee, args, expr.span)
        case .index(let target, let indices):
            check(target)
            for i in indices { check(i) }
        case .matrix(let rows, _):
            for row in rows { for e in row { check(e) } }
        case .lambda(let params, let body):
            enterFunction(params, body: [], span: expr.span)
            check(body)
            locals.removeLast()
        case .tuple(let items):
            for i in items { check(i) }
        }
    }

    /// The symbol a name refers to where it is read, innermost scope first.
    private func resolve(_ name: String) -> Int? {
        for scope in locals.reversed() { if let s = scope[name] { return s } }
        return globals[name]
    }

    private mutating func read(_ name: String, _ span: SourceSpan, recordOccurrence: Bool = true) {
        let symbol = resolve(name)
        if recordOccurrence { occurrences.append(.init(name: name, span: span, symbol: symbol, isDefinition: false)) }
        if let symbol {
            // Inside a function the global is read when the function runs, after the script
            // has assigned it; at the top level it must have been assigned already (else the
            // builtin of that name, if any, is what evaluation finds).
            if !symbols[symbol].isGlobal || !locals.isEmpty || assignedBefore.contains(name) || assignedInStatement.contains(name) {
                return
            }
        }
        if Builtins.value(named: name) != nil || ScriptChecker.predefined.contains(name) || maybeDefined.contains(name) { return }
        let visible = locals.flatMap(\.keys) + Array(globals.keys)
        diagnostics.append(MMLError.unknownName(name, candidates: visible + Builtins.allNames, at: span).diagnostic)
    }

    /// A call of a builtin whose arguments cannot bind, or of a number.
    private mutating func checkCall(_ callee: Expr, _ args: [CallArgument], _ span: SourceSpan) {
        if ScriptChecker.isNumberLiteral(callee) {
            diagnostics.append(CallNode.notCallable(.number(0), callee: "", at: span).diagnostic)
            return
        }
        guard case .identifier(let name) = callee.kind, !maybeDefined.contains(name) else { return }
        if let symbol = resolve(name) {
            // A global that only ever holds a number: at the top level once it is assigned;
            // in a function body when no builtin of that name could be read before it is.
            let holdsNumber = symbols[symbol].isGlobal && globalIsNumber[symbol] == true
                && (locals.isEmpty ? assignedBefore.contains(name) : Builtins.value(named: name) == nil)
            if holdsNumber { diagnostics.append(CallNode.notCallable(.number(0), callee: name, at: span).diagnostic) }
            // A function defined once (so the call surely reaches it) and, at the top level,
            // already: its arguments must fit its parameters.
            let defined = !locals.isEmpty || assignedBefore.contains(name) || !symbols[symbol].isGlobal
            if defined, symbols[symbol].definitions.count == 1, let parameters = symbols[symbol].parameters,
               let error = UserCallErrors.check(isLambda.contains(symbol) ? "anonymous function" : name, parameters, positional: args.filter { $0.label == nil }.count,
                                                keywords: args.compactMap { a in a.label.map { ($0, (a.labelSpan ?? span).to(a.value.span)) } },
                                                at: span) {
                diagnostics.append(error.diagnostic)
            }
            return
        }
        if case .number? = Builtins.value(named: name) {
            diagnostics.append(CallNode.notCallable(.number(0), callee: name, at: span).diagnostic)
            return
        }
        guard let builtin = Builtins.table[name] else { return }
        do {
            _ = try ScriptChecker.bind(builtin, args, span)
        } catch let error as MMLError {
            diagnostics.append(error.diagnostic)
        } catch {}
    }

    /// The argument given for each parameter of a builtin, bound as running the call binds it
    /// (with the same errors).
    private static func bind(_ builtin: Builtin, _ args: [CallArgument], _ span: SourceSpan) throws -> [Expr?] {
        try builtin.bind(
            positional: args.filter { $0.label == nil }.map(\.value),
            positionalSpans: args.filter { $0.label == nil }.map(\.value.span),
            keywords: args.compactMap { a in a.label.map { ($0, a.value, (a.labelSpan ?? span).to(a.value.span)) } },
            callSpan: span).values
    }

    /// `3`, `-2.5`: an expression that is surely a number.
    static func isNumberLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .number: return true
        case .unary(_, let inner): return isNumberLiteral(inner)
        default: return false
        }
    }

    // MARK: After a syntax error

    /// Names the tokens seem to assign or define (`x =`, `x += 1`, `fn f`, `for i`, `f(x) =`,
    /// `a, b =`): what statements lost to a syntax error might have defined.
    static func namesAssigned(in tokens: [Token]) -> Set<String> {
        var names: Set<String> = []
        func kind(_ i: Int) -> TokenKind { i >= 0 && i < tokens.count ? tokens[i].kind : .eof }
        for (i, token) in tokens.enumerated() {
            guard case .identifier(let name) = token.kind else { continue }
            if kind(i - 1) == .kwFn || kind(i - 1) == .kwFor {
                names.insert(name)
                continue
            }
            switch kind(i + 1) {
            case .equal, .plusEqual, .minusEqual, .starEqual, .slashEqual:
                names.insert(name)
            case .leftParen:
                // `f(x, y) =`: the closing parenthesis is followed by `=`.
                var j = i + 1, depth = 0
                repeat {
                    if kind(j) == .leftParen { depth += 1 } else if kind(j) == .rightParen { depth -= 1 }
                    j += 1
                } while depth > 0 && j < tokens.count && kind(j) != .newline
                if kind(j) == .equal { names.insert(name) }
            case .comma:
                // `a, b = …` at the start of a statement.
                guard [.newline, .semicolon, .leftBrace, .eof].contains(kind(i - 1)) || i == 0 else { break }
                var j = i, unpacked: [String] = []
                while case .identifier(let n) = kind(j) {
                    unpacked.append(n)
                    guard kind(j + 1) == .comma else { break }
                    j += 2
                }
                if kind(j + 1) == .equal { names.formUnion(unpacked) }
            default:
                break
            }
        }
        return names
    }
}
