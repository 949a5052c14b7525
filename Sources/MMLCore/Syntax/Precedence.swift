// The one precedence table of the Pratt parser: binding powers, lowest first.

/// Binding power of an operator. A higher case binds tighter.
enum Precedence: Int, Comparable {
    case none
    case lambda      // x -> body            (right-associative)
    case or          // ||
    case and         // &&
    case comparison  // == != < <= > >=      (not chainable)
    case range       // a:b  a:step:b        (not chainable)
    case term        // + -
    case factor      // * / \ .* ./ ⋅
    case unary       // prefix - + !
    case power       // ^ .^                 (right-associative; -2^2 is -(2^2))
    case postfix     // x'  f(…)  A[…]  r.field

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
}

/// The infix rule of a token: its binding power and the operator it builds.
enum InfixRule {
    case binary(BinaryOperator, Precedence, rightAssociative: Bool)
    case range
    case postfix

    var precedence: Precedence {
        switch self {
        case .binary(_, let p, _): return p
        case .range: return .range
        case .postfix: return .postfix
        }
    }

    /// The infix rule of a token kind, if it can continue an expression.
    static func of(_ kind: TokenKind) -> InfixRule? {
        switch kind {
        case .orOr: return .binary(.or, .or, rightAssociative: false)
        case .andAnd: return .binary(.and, .and, rightAssociative: false)
        case .equalEqual: return .binary(.equal, .comparison, rightAssociative: false)
        case .bangEqual: return .binary(.notEqual, .comparison, rightAssociative: false)
        case .less: return .binary(.less, .comparison, rightAssociative: false)
        case .lessEqual: return .binary(.lessEqual, .comparison, rightAssociative: false)
        case .greater: return .binary(.greater, .comparison, rightAssociative: false)
        case .greaterEqual: return .binary(.greaterEqual, .comparison, rightAssociative: false)
        case .colon: return .range
        case .plus: return .binary(.add, .term, rightAssociative: false)
        case .minus: return .binary(.subtract, .term, rightAssociative: false)
        case .star: return .binary(.multiply, .factor, rightAssociative: false)
        case .slash: return .binary(.divide, .factor, rightAssociative: false)
        case .backslash: return .binary(.leftDivide, .factor, rightAssociative: false)
        case .dotStar: return .binary(.elementMultiply, .factor, rightAssociative: false)
        case .dotSlash: return .binary(.elementDivide, .factor, rightAssociative: false)
        case .cdot: return .binary(.dot, .factor, rightAssociative: false)
        case .caret: return .binary(.power, .power, rightAssociative: true)
        case .dotCaret: return .binary(.elementPower, .power, rightAssociative: true)
        case .prime, .leftParen, .leftBracket, .dot: return .postfix
        default: return nil
        }
    }
}
