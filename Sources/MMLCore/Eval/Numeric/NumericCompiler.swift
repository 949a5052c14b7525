// Translates a compiled function's nodes into its numeric form, when every node has one.

enum NumericCompiler {
    /// The numeric form of a function, or nil when its body does anything but scalar
    /// arithmetic on its locals, number globals and calls of global functions: reads an
    /// enclosing function's variable, assigns a global, indexes, builds a matrix, uses a
    /// string or a bool variable, calls a builtin that takes more than numbers, …
    static func compile(_ function: CompiledFunction) -> NumericBody? {
        let (parameters, slots) = (function.parameterCount, function.slotCount)
        if let e = function.expression {
            if let n = expression(e) { return NumericBody(root: NumReturn(n), parameterCount: parameters, slotCount: slots) }
            if let literal = e as? MatrixLiteralNode, let (entries, rows, cols) = array(literal) {
                return NumericBody(entries: entries, rows: rows, cols: cols, parameterCount: parameters, slotCount: slots)
            }
            return nil
        }
        var returns = Returns(base: slots)
        if let b = function.body, let n = statement(b, &returns), !returns.conflict {
            if let (rows, cols) = returns.shape {
                return NumericBody(root: n, entryBase: slots, rows: rows, cols: cols, parameterCount: parameters)
            }
            return NumericBody(root: n, parameterCount: parameters, slotCount: slots)
        }
        return nil
    }

    /// What a body's `return`s give: numbers, or matrix literals of one shape whose entries go
    /// to the slots from `base` on. A body that mixes them (or shapes) has no numeric form.
    struct Returns {
        let base: Int
        var numbers = false
        var shape: (rows: Int, cols: Int)?
        var conflict: Bool { numbers && shape != nil }

        mutating func entries(rows: Int, cols: Int) -> Bool {
            if let s = shape { return s == (rows, cols) }
            shape = (rows, cols)
            return true
        }
    }

    /// A matrix literal of numbers: its entries column by column and its shape. One row
    /// written flat (`[a, b]`) is a column vector, as `MatrixLiteralNode` makes it.
    private static func array(_ literal: MatrixLiteralNode) -> ([NumExpr], Int, Int)? {
        let rows = literal.rows
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width }) else { return nil }
        var entries: [NumExpr] = []
        if rows.count == 1 && !literal.nestedRows {
            for node in rows[0] {
                guard let x = expression(node) else { return nil }
                entries.append(x)
            }
            return (entries, width, 1)
        }
        for j in 0..<width {
            for row in rows {
                guard let x = expression(row[j]) else { return nil }
                entries.append(x)
            }
        }
        return (entries, rows.count, width)
    }

    static func expression(_ node: ExprNode) -> NumExpr? {
        // Too deep for the stack left: the function runs as ordinary nodes instead.
        guard DepthGuard.hasRoom else { return nil }
        switch node {
        case let n as ConstantNode:
            return n.constant.map(NumConstant.init)
        case let n as LocalGet:
            return NumLocal(n.slot)
        case let n as GlobalGet:
            return NumGlobal(slot: n.slot, fallback: n.fallbackNumber)
        case let n as NegateNode:
            return expression(n.operand).map(NumNegate.init)
        case let n as PlusNode:
            return expression(n.operand)  // unary plus of a number is the number
        case let n as BinaryNode:
            guard let l = expression(n.lhs), let r = expression(n.rhs) else { return nil }
            return arithmetic(n.site.op, l, r)
        case let n as ConstantRightNode:
            guard let l = expression(n.lhs) else { return nil }
            return arithmetic(n.site.op, l, NumConstant(n.constant))
        case let n as ConstantLeftNode:
            guard let r = expression(n.rhs) else { return nil }
            return arithmetic(n.site.op, NumConstant(n.constant), r)
        case let n as UnaryBuiltinCallNode:
            guard let a = expression(n.argument) else { return nil }
            return NumUnaryBuiltin(slot: n.slot, body: n.body, a, span: n.span)
        case let n as BinaryBuiltinCallNode:
            guard let kernel = n.kernel, let a = expression(n.first), let b = expression(n.second) else { return nil }
            return NumBinaryKernel(slot: n.slot, kernel: kernel, a, b)
        case let n as CallNode:
            // A global user function; a builtin of the name (print, rand, …) is not numeric.
            guard n.globalSlot >= 0, n.keywords.isEmpty, (n.callee as? GlobalGet)?.fallback == nil else { return nil }
            var arguments: [NumExpr] = []
            for a in n.args.nodes {
                guard let x = expression(a) else { return nil }
                arguments.append(x)
            }
            return NumCall(slot: n.globalSlot, arguments: arguments)
        default:
            return nil
        }
    }

    private static func arithmetic(_ op: BinaryOperator, _ l: NumExpr, _ r: NumExpr) -> NumExpr? {
        switch op {
        case .add: return NumAdd(l, r)
        case .subtract: return NumSubtract(l, r)
        case .multiply, .elementMultiply, .dot: return NumMultiply(l, r)
        case .power where (r as? NumConstant)?.constant == 2, .elementPower where (r as? NumConstant)?.constant == 2:
            return NumSquare(l)
        case _ where Arithmetic.isArithmetic(op): return NumArithmetic(op, l, r)
        default: return nil  // a comparison as a value is a bool
        }
    }

    static func test(_ node: ExprNode) -> NumTest? {
        switch node {
        case let n as ConstantNode:
            guard case .bool(let b) = n.value else { return nil }
            return NumConstantTest(b)
        case let n as BinaryNode:
            return comparison(n.site.op, expression(n.lhs), expression(n.rhs))
        case let n as ConstantRightNode:
            return comparison(n.site.op, expression(n.lhs), NumConstant(n.constant))
        case let n as ConstantLeftNode:
            return comparison(n.site.op, NumConstant(n.constant), expression(n.rhs))
        case let n as LogicNode:
            guard let l = test(n.lhs), let r = test(n.rhs) else { return nil }
            return NumLogic(isAnd: n.isAnd, l, r)
        case let n as NotNode:
            return test(n.operand).map(NumNot.init)
        default:
            return nil
        }
    }

    private static func comparison(_ op: BinaryOperator, _ l: NumExpr?, _ r: NumExpr?) -> NumTest? {
        guard let l, let r, Arithmetic.compare(op, 0, 0) != nil else { return nil }
        return NumCompare(op, l, r)
    }

    static func statement(_ node: StmtNode, _ returns: inout Returns) -> NumStmt? {
        guard DepthGuard.hasRoom else { return nil }
        switch node {
        case let n as SequenceNode:
            guard let first = statement(n.first, &returns), let rest = statement(n.rest, &returns) else { return nil }
            return NumSequence(first, rest)
        case is EmptyNode:
            return NumEmpty()
        case let n as ExprStmt:
            return expression(n.expr).map(NumEvaluate.init)
        case let n as AssignNode:
            guard case .local(let slot) = n.target, let value = expression(n.value) else { return nil }
            return NumAssign(slot: slot, value)
        case let n as IfNode:
            guard let condition = test(n.condition), let then = statement(n.then, &returns) else { return nil }
            var otherwise: NumStmt?
            if let e = n.otherwise {
                guard let o = statement(e, &returns) else { return nil }
                otherwise = o
            }
            return NumIf(condition, then: then, otherwise: otherwise)
        case let n as WhileNode:
            guard let condition = test(n.condition), let body = statement(n.body, &returns) else { return nil }
            return NumWhile(condition, body)
        case let n as ForNode:
            guard case .local(let slot) = n.variable, let range = n.sequence as? RangeNode,
                  let start = expression(range.start), let stop = expression(range.stop),
                  let body = statement(n.body, &returns) else { return nil }
            var step: NumExpr?
            if let s = range.step {
                guard let x = expression(s) else { return nil }
                step = x
            }
            return NumFor(slot: slot, start: start, step: step, stop: stop, body: body)
        case is BreakNode:
            return NumBreak()
        case is ContinueNode:
            return NumContinue()
        case let n as ReturnNode:
            if let literal = n.value as? MatrixLiteralNode {
                guard let (entries, rows, cols) = array(literal), returns.entries(rows: rows, cols: cols) else { return nil }
                return NumReturnEntries(entries, base: returns.base)
            }
            returns.numbers = true
            return n.value.flatMap(expression).map(NumReturn.init)
        default:
            return nil
        }
    }
}
