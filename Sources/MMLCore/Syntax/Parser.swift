// The Pratt parser: tokens to statements, with one-error-per-statement recovery.
// Each parse function names the Grammar/mml.ebnf rule it implements.

/// The parser's output. `isIncomplete` means the text stopped inside an open bracket,
/// brace or string, or after an operator: the REPL then asks for another line.
public struct ParseResult: Sendable {
    public var program: Program
    public var diagnostics: [Diagnostic]
    public var isIncomplete: Bool
}

/// Thrown inside the parser to abandon the current statement.
private struct ParseAbort: Error {}

public struct Parser {
    /// How deeply expressions and blocks may nest before the parser refuses.
    public static let maxNesting = 400

    private enum Context { case parens, bracket, block }

    private var tokens: [Token]
    private var index = 0
    private var diagnostics: [Diagnostic] = []
    private var incomplete = false
    private var contexts: [Context] = []
    private var nesting = 0
    private var indexDepth = 0
    private var lexedUnterminatedString = false
    private let source: SourceID
    private let text: String
    /// Where the statement being parsed starts (UTF-8 offset), to keep one error per statement.
    private var statementStart = 0

    public static func parse(_ text: String, source: SourceID) -> ParseResult {
        let lexed = Lexer.tokenize(text, source: source)
        var parser = Parser(tokens: lexed.tokens, source: source, text: text)
        parser.diagnostics = lexed.diagnostics
        parser.incomplete = lexed.unterminatedString
        parser.lexedUnterminatedString = lexed.unterminatedString
        let statements = parser.parseProgram()
        return ParseResult(
            program: Program(statements: statements, source: source),
            // Lexer errors were collected first; report everything in source order.
            diagnostics: parser.diagnostics.enumerated().sorted { ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset) }.map(\.element),
            isIncomplete: parser.incomplete)
    }

    private init(tokens: [Token], source: SourceID, text: String) {
        // Lexing errors were reported already; their tokens were dropped.
        self.tokens = tokens
        self.source = source
        self.text = text
    }

    /// How a token is written, for messages: a number as in the source (`2`, `1e3`), not as
    /// the Double it became (`2.0`, `1000.0`).
    private func spelling(_ token: Token) -> String {
        guard case .number = token.kind else { return token.kind.spelling }
        let utf8 = text.utf8
        guard token.span.start >= 0, token.span.start < token.span.end, token.span.end <= utf8.count else { return token.kind.spelling }
        let from = utf8.index(utf8.startIndex, offsetBy: token.span.start), to = utf8.index(utf8.startIndex, offsetBy: token.span.end)
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }

    // MARK: Token access

    /// The current token; inside parentheses and index brackets, line breaks are skipped.
    private mutating func current() -> Token {
        if contexts.last == .parens {
            while tokens[index].kind == .newline { index += 1 }
        }
        return tokens[index]
    }

    private mutating func peekKind() -> TokenKind { current().kind }

    private func kind(at offset: Int) -> TokenKind {
        let i = index + offset
        return i < tokens.count ? tokens[i].kind : .eof
    }

    @discardableResult
    private mutating func advance() -> Token {
        let token = current()
        if token.kind != .eof { index += 1 }
        return token
    }

    private mutating func check(_ kind: TokenKind) -> Bool { peekKind() == kind }

    private mutating func match(_ kind: TokenKind) -> Bool {
        if check(kind) {
            advance()
            return true
        }
        return false
    }

    private mutating func skipNewlines() {
        while tokens[index].kind == .newline { index += 1 }
    }

    private var previousSpan: SourceSpan { index > 0 ? tokens[index - 1].span : tokens[0].span }

    // MARK: Errors

    /// Records an error at a token and abandons the statement. An error at the end of the
    /// input marks the parse incomplete.
    private mutating func fail(_ words: ParserMessage, at token: Token) -> ParseAbort {
        if token.kind == .eof { incomplete = true }
        let message = token.kind == .eof ? words.message + ParserMessage.inputEnded : words.message
        // An unterminated string already explains why the input ended early.
        if token.kind == .eof && lexedUnterminatedString { return ParseAbort() }
        // A character the lexer rejected in this statement (`5 % 2`) already explains the
        // parse error that follows from its absence.
        if diagnostics.contains(where: { $0.span.start >= statementStart && $0.span.start <= token.span.start }) { return ParseAbort() }
        diagnostics.append(Diagnostic(kind: .syntax, message: message, span: token.span, hints: words.hint.map { [$0] } ?? []))
        return ParseAbort()
    }

    /// Records an error at a span that is not a token (a whole expression); the caller abandons the statement.
    private mutating func record(_ words: ParserMessage, at span: SourceSpan) {
        diagnostics.append(Diagnostic(kind: .syntax, message: words.message, span: span, hints: words.hint.map { [$0] } ?? []))
    }

    private mutating func expect(_ kind: TokenKind, _ what: String, hint: String? = nil) throws -> Token {
        let token = current()
        guard token.kind == kind else {
            throw fail(.expected(what, found: spelling(token), hint: hint), at: token)
        }
        return advance()
    }

    /// Expects a closing bracket; when the line ended first, points at the opening one.
    private mutating func expectClose(_ kind: TokenKind, open: Token, _ what: String) throws {
        let token = current()
        guard token.kind != kind else {
            advance()
            return
        }
        if token.kind != .eof, index > 0, tokens[index - 1].kind == .newline {
            if token.kind == .eof { incomplete = true }
            record(.neverClosed(spelling(open), close: kind.spelling), at: open.span)
            index -= 1  // recover at the line break, so the next line is parsed on its own
            throw ParseAbort()
        }
        throw fail(.expectedClose(kind.spelling, of: what, found: spelling(token)), at: token)
    }

    private mutating func expectIdentifier(_ what: String) throws -> (String, SourceSpan) {
        let token = current()
        guard case .identifier(let name) = token.kind else {
            throw fail(.expected(what, found: spelling(token)), at: token)
        }
        advance()
        return (name, token.span)
    }

    private mutating func enterNesting(_ token: Token) throws {
        nesting += 1
        if nesting > Parser.maxNesting {
            throw fail(ParserMessage(DepthGuard.nestingMessage(levels: Parser.maxNesting), hint: DepthGuard.nestingHint), at: token)
        }
    }

    /// Skips to the next statement boundary after an error so one typo gives one error.
    private mutating func synchronize() {
        contexts.removeAll()
        nesting = 0
        indexDepth = 0
        var depth = 0
        while true {
            let kind = tokens[index].kind
            switch kind {
            case .eof: return
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket: depth = max(0, depth - 1)
            case .rightBrace:
                if depth == 0 { return }  // let the enclosing block close
                depth -= 1
            case .newline, .semicolon:
                if depth == 0 {
                    index += 1
                    return
                }
            default: break
            }
            index += 1
        }
    }

    // MARK: Statements

    // program = { statement separator } ;
    private mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipSeparators()
            if tokens[index].kind == .eof { break }
            if tokens[index].kind == .rightBrace {
                _ = fail(.unmatchedBrace, at: advance())
                continue
            }
            if let stmt = parseStatementRecovering() { statements.append(stmt) }
        }
        return statements
    }

    private mutating func skipSeparators() {
        while tokens[index].kind == .newline || tokens[index].kind == .semicolon { index += 1 }
    }

    private mutating func parseStatementRecovering() -> Stmt? {
        let saved = contexts
        let outerStart = statementStart
        statementStart = tokens[index].span.start
        defer { statementStart = outerStart }
        do {
            var stmt = try parseStatement()
            try finishStatement(&stmt)
            return stmt
        } catch {
            synchronize()
            contexts = saved
            return nil
        }
    }

    /// A statement ends at a line break, `;`, `}` or the end of input; `;` silences it.
    private mutating func finishStatement(_ stmt: inout Stmt) throws {
        let token = tokens[index]
        switch token.kind {
        case .semicolon:
            stmt.silent = true
            index += 1
        case .newline:
            index += 1
        case .rightBrace, .eof:
            break
        default:
            var numberWithoutSpace = false, word: String?
            if case .number = token.kind, token.spaceBefore == false { numberWithoutSpace = true }
            if case .identifier(let w) = token.kind { word = w }
            throw fail(.afterStatement(spelling(token), numberWithoutSpace: numberWithoutSpace, word: word), at: token)
        }
    }

    // statement = fnDef | ifStmt | forStmt | whileStmt | "break" | "continue" | returnStmt
    //           | assignment | destructuring | mathDef | expression ;
    private mutating func parseStatement() throws -> Stmt {
        let token = current()
        switch token.kind {
        case .kwFn: return try parseFunction()
        case .kwIf: return try parseIf()
        case .kwFor: return try parseFor()
        case .kwWhile: return try parseWhile()
        case .kwBreak:
            advance()
            return Stmt(.breakLoop, token.span)
        case .kwContinue:
            advance()
            return Stmt(.continueLoop, token.span)
        case .kwReturn: return try parseReturn()
        case .kwElse:
            throw fail(.elseWithoutIf, at: token)
        default: break
        }
        let expr = try parseExpression()
        switch peekKind() {
        case .equal:
            advance()
            skipNewlines()
            let value = try parseExpression()
            return try makeAssignment(target: expr, value: value)
        case .plusEqual, .minusEqual, .starEqual, .slashEqual:
            let opToken = advance()
            let op: BinaryOperator = opToken.kind == .plusEqual ? .add : opToken.kind == .minusEqual ? .subtract : opToken.kind == .starEqual ? .multiply : .divide
            skipNewlines()
            let value = try parseExpression()
            try checkAssignable(expr)
            return Stmt(.assign(target: expr, op: op, value: value), expr.span.to(value.span))
        case .comma:
            return try parseDestructuring(first: expr)
        default:
            return Stmt(.expression(expr), expr.span)
        }
    }

    private mutating func makeAssignment(target: Expr, value: Expr) throws -> Stmt {
        let span = target.span.to(value.span)
        // mathDef = identifier "(" [ identifier { "," identifier } ] ")" "=" expression ;
        if case .call(let callee, let args) = target.kind, case .identifier(let name) = callee.kind {
            var params: [Parameter] = []
            for arg in args {
                guard arg.label == nil, case .identifier(let p) = arg.value.kind else {
                    record(.mathParameterNotName, at: arg.value.span)
                    throw ParseAbort()
                }
                params.append(Parameter(name: p, span: arg.value.span, defaultValue: nil))
            }
            return Stmt(.mathDefinition(name: name, nameSpan: callee.span, params: params, body: value), span)
        }
        try checkAssignable(target)
        return Stmt(.assign(target: target, op: nil, value: value), span)
    }

    private mutating func checkAssignable(_ target: Expr) throws {
        switch target.kind {
        case .identifier, .index, .field: return
        default:
            record(.cannotAssign, at: target.span)
            throw ParseAbort()
        }
    }

    // destructuring = identifier { "," identifier } "=" expression ;
    private mutating func parseDestructuring(first: Expr) throws -> Stmt {
        var names: [Parameter] = []
        var expr = first
        while true {
            guard case .identifier(let name) = expr.kind else {
                // No `=` ahead: not an unpacking but several values, as a learner types to
                // see two results at once.
                record(equalAheadInStatement() ? .unpackNotName : .severalValues, at: expr.span)
                throw ParseAbort()
            }
            names.append(Parameter(name: name, span: expr.span, defaultValue: nil))
            if !match(.comma) { break }
            expr = try parseExpression()
        }
        let equal = current()
        guard equal.kind == .equal else {
            throw fail(.unpackExpectedEqual(found: spelling(equal)), at: equal)
        }
        advance()
        skipNewlines()
        let value = try parseTupleOrExpression()
        return Stmt(.destructure(names: names, value: value), first.span.to(value.span))
    }

    /// True when an `=` follows in the current statement (before its end, outside brackets).
    private func equalAheadInStatement() -> Bool {
        var depth = 0
        for token in tokens[index...] {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            case .newline where depth <= 0, .semicolon where depth <= 0, .eof: return false
            case .equal where depth == 0: return true
            default: break
            }
        }
        return false
    }

    private mutating func parseTupleOrExpression() throws -> Expr {
        let first = try parseExpression()
        guard check(.comma) else { return first }
        var items = [first]
        while match(.comma) { items.append(try parseExpression()) }
        return Expr(.tuple(items), first.span.to(items.last!.span))
    }

    // returnStmt = "return" [ expression { "," expression } ] ;
    private mutating func parseReturn() throws -> Stmt {
        let keyword = advance()
        switch tokens[index].kind {
        case .newline, .semicolon, .rightBrace, .eof:
            return Stmt(.returnValue(nil), keyword.span)
        default:
            let value = try parseTupleOrExpression()
            return Stmt(.returnValue(value), keyword.span.to(value.span))
        }
    }

    // fnDef = "fn" identifier "(" [ param { "," param } ] ")" block ;
    // param = identifier [ "=" expression ] ;
    private mutating func parseFunction() throws -> Stmt {
        let keyword = advance()
        let (name, nameSpan) = try expectIdentifier("a function name after `fn`")
        _ = try expect(.leftParen, "`(` to start the parameter list")
        contexts.append(.parens)
        var params: [Parameter] = []
        if !check(.rightParen) {
            repeat {
                let (p, span) = try expectIdentifier("a parameter name")
                var defaultValue: Expr?
                if match(.equal) { defaultValue = try parseExpression() }
                params.append(Parameter(name: p, span: span, defaultValue: defaultValue))
            } while match(.comma)
        }
        _ = try expect(.rightParen, "`)` to close the parameter list")
        contexts.removeLast()
        let body = try parseBlock()
        return Stmt(.function(name: name, nameSpan: nameSpan, params: params, body: body), keyword.span.to(previousSpan))
    }

    // ifStmt = "if" expression block { "else" "if" expression block } [ "else" block ] ;
    private mutating func parseIf() throws -> Stmt {
        let keyword = advance()
        var branches: [(condition: Expr, body: [Stmt])] = []
        var elseBody: [Stmt]?
        let condition = try parseCondition()
        branches.append((condition, try parseBlock()))
        while true {
            // `else` may follow the closing brace on the same line or the next one.
            var look = index
            while tokens[look].kind == .newline { look += 1 }
            guard tokens[look].kind == .kwElse else { break }
            index = look + 1
            if check(.kwIf) {
                advance()
                let c = try parseCondition()
                branches.append((c, try parseBlock()))
            } else {
                elseBody = try parseBlock()
                break
            }
        }
        return Stmt(.ifElse(branches: branches, elseBody: elseBody), keyword.span.to(previousSpan))
    }

    private mutating func parseCondition() throws -> Expr {
        let token = current()
        if token.kind == .leftBrace {
            throw fail(.conditionMissing, at: token)
        }
        return try parseExpression()
    }

    // forStmt = "for" identifier "in" expression block ;
    private mutating func parseFor() throws -> Stmt {
        let keyword = advance()
        let (name, span) = try expectIdentifier("a loop variable after `for`")
        _ = try expect(.kwIn, "`in` after the loop variable", hint: ParserMessage.forLoopHint)
        let sequence = try parseExpression()
        let body = try parseBlock()
        return Stmt(.forLoop(variable: Parameter(name: name, span: span, defaultValue: nil), sequence: sequence, body: body), keyword.span.to(previousSpan))
    }

    // whileStmt = "while" expression block ;
    private mutating func parseWhile() throws -> Stmt {
        let keyword = advance()
        let condition = try parseCondition()
        let body = try parseBlock()
        return Stmt(.whileLoop(condition: condition, body: body), keyword.span.to(previousSpan))
    }

    // block = "{" { statement separator } "}" ;
    private mutating func parseBlock() throws -> [Stmt] {
        skipNewlines()
        let open = current()
        guard open.kind == .leftBrace else {
            throw fail(.blockNotOpened(found: spelling(open)), at: open)
        }
        advance()
        try enterNesting(open)
        defer { nesting -= 1 }
        contexts.append(.block)
        defer { contexts.removeLast() }
        var body: [Stmt] = []
        while true {
            skipSeparators()
            let token = tokens[index]
            if token.kind == .rightBrace {
                index += 1
                return body
            }
            if token.kind == .eof {
                throw fail(.blockNotClosed, at: token)
            }
            if let stmt = parseStatementRecovering() { body.append(stmt) }
        }
    }

    // MARK: Expressions

    // expression = lambda | binary ;
    mutating func parseExpression() throws -> Expr {
        try parsePrecedence(.none)
    }

    /// Parses an expression whose operators all bind tighter than `minimum`.
    private mutating func parsePrecedence(_ minimum: Precedence) throws -> Expr {
        let start = current()
        try enterNesting(start)
        var levels = 1
        defer { nesting -= levels }
        var left = try parsePrefix()
        while true {
            let token = current()
            guard let rule = InfixRule.of(token.kind), rule.precedence > minimum else {
                if case .identifier(let word) = token.kind, ["and", "or"].contains(word), minimum < .and {
                    throw fail(.unexpectedLogicalWord(word), at: token)
                }
                break
            }
            // A flat chain `a + b - c …` of left-associative operators is read in this loop,
            // not by recursion, and the compiler evaluates it as a chain (see ChainNode): it is
            // not nesting. `&&`, `||` and postfix operators (calls, indexing, fields, primes)
            // nest their operand.
            if case .binary(let op, _, false) = rule, op != .and, op != .or {} else {
                levels += 1
                try enterNesting(token)
            }
            left = try parseInfix(rule, left: left)
        }
        return left
    }

    private mutating func parseInfix(_ rule: InfixRule, left: Expr) throws -> Expr {
        let token = advance()
        switch rule {
        case .binary(let op, let precedence, let rightAssociative):
            skipNewlines()  // a trailing operator continues on the next line
            let right = try parsePrecedence(rightAssociative ? Precedence(rawValue: precedence.rawValue - 1)! : precedence)
            if precedence == .comparison, let next = InfixRule.of(current().kind), next.precedence == .comparison {
                throw fail(.chainedComparison, at: current())
            }
            return Expr(.binary(op, left, right), left.span.to(right.span))
        case .range:
            skipNewlines()
            let second = try parsePrecedence(.range)
            if match(.colon) {
                let third = try parsePrecedence(.range)
                if check(.colon) { throw fail(.rangeTooManyParts, at: current()) }
                return Expr(.range(start: left, step: second, stop: third), left.span.to(third.span))
            }
            return Expr(.range(start: left, step: nil, stop: second), left.span.to(second.span))
        case .postfix:
            return try parsePostfix(token, left: left)
        }
    }

    // postfix = primary { "'" | "(" arguments ")" | "[" indices "]" | "." identifier } ;
    private mutating func parsePostfix(_ token: Token, left: Expr) throws -> Expr {
        switch token.kind {
        case .prime:
            var count = 1
            while tokens[index].kind == .prime, !tokens[index].spaceBefore {
                index += 1
                count += 1
            }
            return Expr(.prime(left, count: count), left.span.to(previousSpan))
        case .leftParen:
            let args = try parseArguments(open: token)
            return Expr(.call(left, args), left.span.to(previousSpan))
        case .leftBracket:
            contexts.append(.parens)
            indexDepth += 1
            var indices: [Expr] = []
            if !check(.rightBracket) {
                repeat { indices.append(try parseIndex()) } while match(.comma)
            }
            try expectClose(.rightBracket, open: token, "the index")
            indexDepth -= 1
            contexts.removeLast()
            return Expr(.index(left, indices), left.span.to(previousSpan))
        case .dot:
            let (name, span) = try expectIdentifier("a field name after `.`")
            return Expr(.field(left, name: name), left.span.to(span))
        default:
            throw fail(.unexpected(spelling(token)), at: token)
        }
    }

    // index = ":" | expression ;
    private mutating func parseIndex() throws -> Expr {
        let token = current()
        if token.kind == .colon, kind(at: 1) == .comma || kind(at: 1) == .rightBracket || kind(at: 1) == .newline {
            advance()
            return Expr(.all, token.span)
        }
        return try parseExpression()
    }

    // arguments = [ argument { "," argument } ] ; argument = [ identifier "=" ] expression ;
    private mutating func parseArguments(open: Token) throws -> [CallArgument] {
        contexts.append(.parens)
        defer { contexts.removeLast() }
        var args: [CallArgument] = []
        if !check(.rightParen) {
            repeat {
                let token = current()
                if case .identifier(let label) = token.kind, kind(at: 1) == .equal {
                    advance()
                    advance()
                    let value = try parseExpression()
                    args.append(CallArgument(label: label, labelSpan: token.span, value: value))
                } else {
                    if let last = args.last, last.label != nil {
                        throw fail(.positionalAfterKeyword, at: token)
                    }
                    args.append(CallArgument(label: nil, labelSpan: nil, value: try parseExpression()))
                }
            } while match(.comma)
        }
        try expectClose(.rightParen, open: open, "the argument list")
        return args
    }

    // primary = number | string | "true" | "false" | identifier | "end" | "(" expression ")"
    //         | matrix | lambda | ( "-" | "+" | "!" ) unary ;
    private mutating func parsePrefix() throws -> Expr {
        let token = advance()
        switch token.kind {
        case .number(let x): return Expr(.number(x), token.span)
        case .string(let s): return Expr(.string(s), token.span)
        case .kwTrue: return Expr(.bool(true), token.span)
        case .kwFalse: return Expr(.bool(false), token.span)
        case .identifier(let name):
            if check(.arrow) {
                advance()
                return try parseLambdaBody(params: [Parameter(name: name, span: token.span, defaultValue: nil)], start: token.span)
            }
            if name == "not", isExpressionStart(peekKind()) {
                throw fail(.unexpectedNot, at: token)
            }
            return Expr(.identifier(name), token.span)
        case .kwEnd:
            guard indexDepth > 0 else {
                throw fail(.endOutsideBrackets, at: token)
            }
            return Expr(.end, token.span)
        case .minus, .plus, .bang:
            let op: UnaryOperator = token.kind == .minus ? .negate : token.kind == .plus ? .plus : .not
            let operand = try parsePrecedence(.unary)
            return Expr(.unary(op, operand), token.span.to(operand.span))
        case .leftParen:
            if let params = try lambdaParametersAhead() {
                return try parseLambdaBody(params: params, start: token.span)
            }
            contexts.append(.parens)
            defer { contexts.removeLast() }
            if check(.rightParen) { throw fail(.emptyParentheses, at: current()) }
            var inner = try parseExpression()
            try expectClose(.rightParen, open: token, "the parenthesis")
            inner.span = token.span.to(previousSpan)
            return inner
        case .leftBracket:
            return try parseMatrix(open: token)
        case .prime:
            throw fail(.singleQuote, at: token)
        case .colon where indexDepth > 0:
            return Expr(.all, token.span)
        default:
            throw fail(.expectedExpression(found: token.kind == .eof ? nil : spelling(token)), at: token)
        }
    }

    private func isExpressionStart(_ kind: TokenKind) -> Bool {
        switch kind {
        case .number, .string, .identifier, .kwTrue, .kwFalse, .leftParen, .leftBracket, .minus, .bang: return true
        default: return false
        }
    }

    // lambda = ( identifier | "(" [ identifier { "," identifier } ] ")" ) "->" expression ;
    /// If the tokens after `(` are a parameter list followed by `->`, consumes them.
    private mutating func lambdaParametersAhead() throws -> [Parameter]? {
        var i = index
        var params: [Parameter] = []
        func skip(_ i: inout Int) { while tokens[i].kind == .newline { i += 1 } }
        skip(&i)
        if tokens[i].kind != .rightParen {
            while true {
                guard case .identifier(let name) = tokens[i].kind else { return nil }
                params.append(Parameter(name: name, span: tokens[i].span, defaultValue: nil))
                i += 1
                skip(&i)
                if tokens[i].kind == .comma {
                    i += 1
                    skip(&i)
                    continue
                }
                break
            }
        }
        guard tokens[i].kind == .rightParen, tokens[i + 1].kind == .arrow else { return nil }
        index = i + 2
        return params
    }

    private mutating func parseLambdaBody(params: [Parameter], start: SourceSpan) throws -> Expr {
        skipNewlines()
        let body = try parsePrecedence(.none)
        return Expr(.lambda(params: params, body: body), start.to(body.span))
    }

    // matrix = "[" [ row { ( ";" | newline ) row } ] "]" ; row = expression { "," expression } ;
    private mutating func parseMatrix(open: Token) throws -> Expr {
        contexts.append(.bracket)
        defer { contexts.removeLast() }
        var rows: [[Expr]] = []
        var row: [Expr] = []
        func endRow() {
            if !row.isEmpty { rows.append(row) }
            row = []
        }
        while true {
            let token = tokens[index]
            switch token.kind {
            case .rightBracket:
                index += 1
                endRow()
                return makeMatrix(rows: rows, span: open.span.to(token.span))
            case .newline, .semicolon:
                index += 1
                endRow()
            case .eof:
                throw fail(.matrixNotClosed, at: token)
            case .comma:
                throw fail(.matrixElementMissing, at: token)
            default:
                row.append(try parseExpression())
                if tokens[index].kind == .comma {
                    index += 1
                    while tokens[index].kind == .newline { index += 1 }  // a row may wrap after a comma
                } else if ![.rightBracket, .newline, .semicolon, .eof].contains(tokens[index].kind) {
                    throw fail(.matrixSeparator(found: spelling(tokens[index])), at: tokens[index])
                }
            }
        }
    }

    /// `[[1, 2], [3, 4]]`: a single row whose elements are all one-row literals is a list of rows.
    private func makeMatrix(rows: [[Expr]], span: SourceSpan) -> Expr {
        if rows.count == 1, rows[0].count >= 1 {
            var inner: [[Expr]] = []
            for element in rows[0] {
                guard case .matrix(let r, false) = element.kind, r.count == 1 else {
                    return Expr(.matrix(rows: rows, nestedRows: false), span)
                }
                inner.append(r[0])
            }
            return Expr(.matrix(rows: inner, nestedRows: true), span)
        }
        return Expr(.matrix(rows: rows, nestedRows: false), span)
    }
}
