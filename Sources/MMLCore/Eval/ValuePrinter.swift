// How values look when shown: the REPL echo, print and show all go through here.

extension Interpreter {
    /// A value as text, possibly several lines (matrices, records).
    public func format(_ value: Value) -> String {
        ValuePrinter(options: options).text(value)
    }

    /// `name = value` as the REPL echoes an assignment; blocks go on the lines below.
    public func formatAssignment(_ name: String, _ value: Value) -> String {
        ValuePrinter(options: options).assignment(name, value)
    }
}

struct ValuePrinter {
    var options: DisplayOptions
    /// How many records and tuples enclose the value being shown.
    var level = 0

    /// Records and tuples nested deeper than this show as `…`: each level indents its lines,
    /// so a deep chain would print a quadratic amount of text.
    static let maximumNesting = 32

    func text(_ value: Value) -> String {
        switch value {
        case .number(let x): return formatScalar(x, mode: options.style)
        case .bool(let b): return formatLogical(b)
        case .complex(let z): return formatComplexScalar(z, mode: options.style)
        case .string(let s): return s.text
        case .matrix(let m): return m.count == 0 && m.cols <= 1 ? "[]" : displayMatrix(m, options: options).text
        case .range(let r): return r.count == 0 ? "[]" : displayMatrix(r.matrix, options: options).text
        case .complexMatrix(let m): return displayComplexMatrix(real: m.realPart, imaginary: m.imaginaryPart, options: options).text
        case .function(let f): return f.display(options)
        case .record(let r): return record(r)
        case .tuple(let items): return tuple(items)
        case .object(let o): return o.display(options)
        case .nothing: return ""
        }
    }

    /// Strings are quoted inside records and tuples so "1" and 1 look different.
    func nested(_ value: Value) -> String {
        if let s = value.text { return "\"\(s)\"" }
        switch value {
        case .record, .tuple:
            guard level < ValuePrinter.maximumNesting, DepthGuard.hasRoom else { return "…" }
            var inner = self
            inner.level += 1
            return inner.text(value)
        default:
            return text(value)
        }
    }

    func assignment(_ name: String, _ value: Value) -> String {
        if case .function(let f as UserFunction) = value, f.form == .math { return f.display(options) }
        let body = nested(value)
        if body.contains("\n") || isBlock(value) { return "\(name) =\n" + body }
        return "\(name) = \(body)"
    }

    private func isBlock(_ value: Value) -> Bool {
        switch value {
        case .matrix(let m): return !displayMatrix(m, options: options).isInline
        case .complexMatrix(let m): return !displayComplexMatrix(real: m.realPart, imaginary: m.imaginaryPart, options: options).isInline
        case .record, .tuple: return true
        default: return false
        }
    }

    private func record(_ r: Record) -> String {
        var lines: [String] = []
        if let title = r.title { lines.append(title) }
        let width = r.names.map(\.count).max() ?? 0
        for (name, value) in r.fields {
            let shown = nested(value)
            let pad = String(repeating: " ", count: width - name.count)
            var isRecord = false
            if case .record = value { isRecord = true }
            if shown.contains("\n") || isRecord {
                lines.append("  \(name)\(pad) =")
                // Blocks (matrices, nested records) start with their own two-space margin.
                let indent = "  "
                lines.append(contentsOf: shown.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 })
            } else {
                lines.append("  \(name)\(pad) = \(shown)")
            }
        }
        if r.names.isEmpty { lines.append("  (no fields)") }
        return lines.joined(separator: "\n")
    }

    /// `(1, "a")` when every item fits on a line; otherwise one numbered item a line.
    private func tuple(_ items: [Value]) -> String {
        let shown = items.map(nested)
        if !shown.contains(where: { $0.contains("\n") }) { return "(" + shown.joined(separator: ", ") + ")" }
        return shown.enumerated().map { "[\($0.offset + 1)]\n" + $0.element }.joined(separator: "\n")
    }

}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
