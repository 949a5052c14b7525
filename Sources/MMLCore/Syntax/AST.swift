// The syntax tree the parser builds; every node carries the span it was written at.

/// An expression node.
public struct Expr: Sendable {
    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    public indirect enum Kind: Sendable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case identifier(String)
        /// `end` inside an index: the last valid index of that dimension.
        case end
        /// A bare `:` inside an index: every row or column.
        case all
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `start:stop` or `start:step:stop`.
        case range(start: Expr, step: Expr?, stop: Expr)
        /// `x'`, `f''`: transpose of a matrix or derivative of a function, `count` times.
        case prime(Expr, count: Int)
        case call(Expr, [CallArgument])
        case index(Expr, [Expr])
        case field(Expr, name: String)
        /// A bracket literal: rows of elements. `nestedRows` marks `[[1, 2], [3, 4]]`, whose
        /// inner literals were each taken as one row.
        case matrix(rows: [[Expr]], nestedRows: Bool)
        case lambda(params: [Parameter], body: Expr)
        /// `a, b` on the right of a destructuring assignment or after `return`.
        case tuple([Expr])
    }
}

/// One argument of a call; `label` is set for keyword arguments (`rate=0.1`).
public struct CallArgument: Sendable {
    public var label: String?
    public var labelSpan: SourceSpan?
    public var value: Expr
}

/// A parameter of a function, with an optional default value.
public struct Parameter: Sendable {
    public var name: String
    public var span: SourceSpan
    public var defaultValue: Expr?
}

public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", not = "!"
}

public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", leftDivide = "\\", power = "^"
    case elementMultiply = ".*", elementDivide = "./", elementPower = ".^", dot = "⋅"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "&&", or = "||"
}

/// A statement node. `silent` is set when it ended with `;` (the REPL then shows nothing).
public struct Stmt: Sendable {
    public var kind: Kind
    public var span: SourceSpan
    public var silent: Bool = false

    public init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    public indirect enum Kind: Sendable {
        case expression(Expr)
        /// `target = value`, or `target op= value` when `op` is set.
        case assign(target: Expr, op: BinaryOperator?, value: Expr)
        /// `a, b = value`.
        case destructure(names: [Parameter], value: Expr)
        /// `f(x, y) = expr`: a math function that keeps its formula.
        case mathDefinition(name: String, nameSpan: SourceSpan, params: [Parameter], body: Expr)
        /// `fn name(p, q = 2) { … }`.
        case function(name: String, nameSpan: SourceSpan, params: [Parameter], body: [Stmt])
        case ifElse(branches: [(condition: Expr, body: [Stmt])], elseBody: [Stmt]?)
        case forLoop(variable: Parameter, sequence: Expr, body: [Stmt])
        case whileLoop(condition: Expr, body: [Stmt])
        case breakLoop
        case continueLoop
        case returnValue(Expr?)
    }
}

/// A parsed source: its statements.
public struct Program: Sendable {
    public var statements: [Stmt]
    public var source: SourceID
}
