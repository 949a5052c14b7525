// Tab completion as a pure function of the text before the cursor: builtin and variable
// names, record fields after `.`, `:commands` and their arguments, and file paths inside a
// string literal or after `:load` / `:save`.

/// What Tab can put in place of the end of the line.
public struct CompletionResult: Sendable, Equatable {
    /// The end of the text before the cursor that each candidate replaces.
    public var typed: String
    /// Full replacements for `typed`, sorted and without duplicates.
    public var candidates: [String]

    public init(typed: String, candidates: [String]) {
        self.typed = typed
        self.candidates = candidates
    }

    /// Nothing to offer.
    public static let none = CompletionResult(typed: "", candidates: [])

    /// The longest prefix every candidate shares (what one Tab inserts when several match).
    public var commonPrefix: String {
        guard var prefix = candidates.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for c in candidates.dropFirst() {
            let scalars = Array(c.unicodeScalars)
            var n = 0
            while n < prefix.count && n < scalars.count && prefix[n] == scalars[n] { n += 1 }
            prefix.removeLast(prefix.count - n)
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: prefix)
        return String(s)
    }
}

extension REPLSession {
    /// The name (of a builtin, variable or keyword) that `cursor`, counted in Unicode scalars,
    /// is inside or just after, or nil: what a notebook's inspect asks about.
    public static func name(at cursor: Int, in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var start = min(max(cursor, 0), scalars.count)
        var end = start
        while start > 0 && Completer.isNameScalar(scalars[start - 1]) { start -= 1 }
        while end < scalars.count && Completer.isNameScalar(scalars[end]) { end += 1 }
        guard start < end, !Completer.isDigit(scalars[start]) else { return nil }
        return Completer.string(scalars[start..<end])
    }

    /// The part of a name that ends a text (what completion extends): "" after `(`, `su`
    /// after `x = su`, nil when the text ends inside a number.
    public static func namePrefix(endingWith text: Substring) -> String? {
        let scalars = Array(text.unicodeScalars)
        var start = scalars.count
        while start > 0 && Completer.isNameScalar(scalars[start - 1]) { start -= 1 }
        if start < scalars.count, Completer.isDigit(scalars[start]) { return nil }
        return Completer.string(scalars[start...])
    }

    /// The keywords of the language, as completion offers them.
    public static var keywords: [String] { Completer.keywords }
}

/// Works out completions from the workspace and the file system.
struct Completer {
    var builtinNames: [String]
    var variableNames: [String]
    var commands: [String]
    var lookup: (String) -> Value?
    var listDirectory: (String) -> [(name: String, isDirectory: Bool)] = FileAccess.listDirectory

    /// The lexer's keywords (`end` among them, for `A[end]`).
    static let keywords = TokenKind.keywords.map(\.spelling)

    func complete(_ before: String) -> CompletionResult {
        let line = before.drop(while: { $0 == " " || $0 == "\t" })
        if line.hasPrefix(":") { return completeCommand(String(line)) }
        if let partial = openStringContents(before) { return completePath(partial) }
        return completeExpression(before)
    }

    // MARK: Commands

    private func completeCommand(_ line: String) -> CompletionResult {
        guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            return result(line, from: commands)
        }
        let command = String(line[..<space])
        let argument = String(line[space...].drop(while: { $0 == " " || $0 == "\t" }))
        switch command {
        case ":load", ":save":
            // A quoted path is completed inside its quotes.
            if argument.hasPrefix("\"") { return completePath(String(argument.dropFirst())) }
            return completePath(argument)
        case ":help":
            if argument.hasPrefix(":") { return result(argument, from: commands) }
            return result(argument, from: builtinNames + variableNames + Self.keywords)
        case ":clear":
            return result(argument, from: variableNames)
        case ":format":
            return result(argument, from: ["short", "long", "rat"])
        case ":time":
            return complete(argument)
        default:
            return .none
        }
    }

    // MARK: Expressions

    private func completeExpression(_ before: String) -> CompletionResult {
        let scalars = Array(before.unicodeScalars)
        var start = scalars.count
        while start > 0 && Self.isNameScalar(scalars[start - 1]) { start -= 1 }
        let word = Self.string(scalars[start...])
        if let first = word.unicodeScalars.first, Self.isDigit(first) { return .none }
        if start > 0 && scalars[start - 1] == "." {
            return completeField(word, chainEnd: start - 1, in: scalars)
        }
        if word.isEmpty { return .none }
        return result(word, from: builtinNames + variableNames + Self.keywords)
    }

    /// `a.b.pre`: the fields of the value `a.b` that start with `pre`.
    private func completeField(_ word: String, chainEnd: Int, in scalars: [Unicode.Scalar]) -> CompletionResult {
        var names: [String] = []
        var end = chainEnd
        while true {
            var s = end
            while s > 0 && Self.isNameScalar(scalars[s - 1]) { s -= 1 }
            let name = Self.string(scalars[s..<end])
            guard let first = name.unicodeScalars.first, !Self.isDigit(first) else { return .none }
            names.insert(name, at: 0)
            if s > 0 && scalars[s - 1] == "." { end = s - 1 } else { break }
        }
        guard var value = lookup(names[0]) else { return .none }
        for field in names.dropFirst() {
            guard let next = Self.field(field, of: value) else { return .none }
            value = next
        }
        return result(word, from: Self.fieldNames(of: value))
    }

    static func fieldNames(of value: Value) -> [String] {
        switch value {
        case .record(let r): return r.names
        case .object(let o): return o.fieldNames
        default: return []
        }
    }

    static func field(_ name: String, of value: Value) -> Value? {
        switch value {
        case .record(let r): return r[name]
        case .object(let o): return o.field(name)
        default: return nil
        }
    }

    // MARK: Strings and paths

    /// The text after the opening quote when the cursor is inside a string literal.
    func openStringContents(_ before: String) -> String? {
        var inString = false
        var escaped = false
        var contents = ""
        var inComment = false
        for c in before {
            if inComment { continue }
            if inString {
                if escaped { escaped = false; contents.append(c); continue }
                if c == "\\" { escaped = true; contents.append(c); continue }
                if c == "\"" { inString = false; continue }
                contents.append(c)
            } else if c == "\"" {
                inString = true
                contents = ""
            } else if c == "#" {
                inComment = true
            }
        }
        return inString ? contents : nil
    }

    /// Files and folders (with a trailing `/`) whose path starts with `partial`.
    func completePath(_ partial: String) -> CompletionResult {
        let folder: String
        let base: String
        if let slash = partial.lastIndex(of: "/") {
            folder = String(partial[...slash])
            base = String(partial[partial.index(after: slash)...])
        } else {
            folder = ""
            base = partial
        }
        let candidates = listDirectory(folder.isEmpty ? "." : FileAccess.expandTilde(folder))
            .filter { $0.name.hasPrefix(base) && (base.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { folder + $0.name + ($0.isDirectory ? "/" : "") }
        return CompletionResult(typed: partial, candidates: Array(Set(candidates)).sorted())
    }

    // MARK: Helpers

    private func result(_ typed: String, from names: [String]) -> CompletionResult {
        CompletionResult(typed: typed, candidates: Array(Set(names.filter { $0.hasPrefix(typed) })).sorted())
    }

    /// Letters (Greek too), digits, `_` and subscript digits: what the lexer puts in a name.
    static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || isDigit(s) || s == "_"
        }
        return (s.properties.isAlphabetic && !s.properties.isMath) || (0x2080...0x2089).contains(s.value)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
