// What a script's names are and where each is defined and used, worked out from its syntax
// tree without running it: the diagnostics an editor shows as you type, and the symbols
// behind hover, completion, go to definition and find references.

/// The result of checking a script statically: its syntax errors, the mistakes found without
/// running it, and every user-defined name with its definitions and uses.
public struct ScriptAnalysis: Sendable {
    /// What kind of definition introduced a name.
    public enum SymbolKind: Sendable, Equatable {
        case variable
        /// `fn name(…) { … }`.
        case function
        /// `f(x) = …`.
        case mathFunction
        case parameter
        case loopVariable
    }

    /// One place a name is given a value.
    public struct Definition: Sendable {
        public var kind: SymbolKind
        public var nameSpan: SourceSpan
        /// The whole statement (a function's whole definition; a parameter's own span).
        public var statementSpan: SourceSpan
    }

    /// A user-defined name: a global of the script, or a local of one function.
    public struct Symbol: Sendable {
        public var name: String
        public var isGlobal: Bool
        /// In the order they are written.
        public var definitions: [Definition]
        /// The parameters of a name defined as a function (`fn`, `f(x) = …`, `g = x -> …`),
        /// from its last such definition.
        public var parameters: [Parameter]?
        /// The kind of the first definition.
        public var kind: SymbolKind { definitions[0].kind }
    }

    /// A field a record (or object) is known to have without running the script.
    public struct RecordField: Sendable, Equatable {
        public var name: String
        /// The builtin whose result has the field (`r = gd(…)`); nil for one the script
        /// assigns (`r.rate = 0.1`).
        public var builtin: String?
        /// The field as that builtin declares it: what it holds, and when only some calls give it.
        public var declaration: ResultField?
    }

    /// A name written in the script, a use or a definition.
    public struct Occurrence: Sendable {
        public var name: String
        public var span: SourceSpan
        /// Index into `symbols`; nil for a builtin, a constant or an unknown name.
        public var symbol: Int?
        public var isDefinition: Bool
    }

    /// The body of a function or lambda and the symbols local to it.
    public struct Scope: Sendable {
        public var span: SourceSpan
        public var symbols: [Int]
    }

    public var program: Program
    /// Syntax errors first, then what the static check found, each in source order.
    public var diagnostics: [Diagnostic]
    public var symbols: [Symbol]
    /// Sorted by position.
    public var occurrences: [Occurrence]
    public var scopes: [Scope]
    /// The fields each name is known to have, by the name, in first-written order: those of
    /// a builtin's result assigned to it (`res = gd(…)`, its declared `ResultShape`; also
    /// through `best = res`) and those the script assigns (`r.rate = 0.1` makes the record r
    /// when there is none). Names are not told apart by scope.
    public var recordFields: [String: [RecordField]]

    /// Parses `text` with MML's own parser and checks the statements it recovered.
    public static func analyze(_ text: String, source: SourceID) -> ScriptAnalysis {
        let parsed = Parser.parse(text, source: source)
        var maybeDefined: Set<String> = []
        if !parsed.diagnostics.isEmpty {
            // A statement with a syntax error is dropped; the names it would define must not
            // then be reported as unknown further down.
            maybeDefined = ScriptChecker.namesAssigned(in: Lexer.tokenize(text, source: source).tokens)
        }
        var checker = ScriptChecker(program: parsed.program, maybeDefined: maybeDefined)
        checker.run()
        let checked = checker.diagnostics.sorted { $0.span.start < $1.span.start }
        return ScriptAnalysis(
            program: parsed.program, diagnostics: parsed.diagnostics + checked, symbols: checker.symbols,
            occurrences: checker.occurrences.sorted { $0.span.start < $1.span.start }, scopes: checker.scopes,
            recordFields: checker.recordFields)
    }

    /// The name written at (or just before) a UTF-8 offset.
    public func occurrence(at offset: Int) -> Occurrence? {
        var lo = 0, hi = occurrences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if occurrences[mid].span.end < offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < occurrences.count, occurrences[lo].span.start <= offset, offset <= occurrences[lo].span.end else { return nil }
        return occurrences[lo]
    }

    /// Every definition and use of a symbol, in source order.
    public func occurrences(of symbol: Int) -> [Occurrence] {
        occurrences.filter { $0.symbol == symbol }
    }

    /// The definition a use refers to: the last one written before it, else the first.
    public func definition(for occurrence: Occurrence) -> Definition? {
        guard let s = occurrence.symbol else { return nil }
        let definitions = symbols[s].definitions
        return definitions.last { $0.nameSpan.start <= occurrence.span.start } ?? definitions.first
    }

    /// The symbols that can be named at an offset: the script's globals and the locals of
    /// every function body around it.
    public func symbols(visibleAt offset: Int) -> [Int] {
        var visible = symbols.indices.filter { symbols[$0].isGlobal }
        for scope in scopes where scope.span.start <= offset && offset <= scope.span.end {
            visible += scope.symbols
        }
        return visible
    }
}
