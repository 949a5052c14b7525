// `:vars`: the workspace as a table of name, kind, shape and a one-line value.

extension REPLSession {
    /// The widest a value may be in the `:vars` table before it is cut with `…`.
    static let variableValueWidth = 40

    func showVariables() {
        let names = interpreter.globals.definedNames
        if names.isEmpty { return write("no variables yet (try x = 3)\n") }
        var rows: [[String]] = [["name", "kind", "shape", "value"]]
        for name in names {
            guard let value = interpreter.globals[name] else { continue }
            rows.append([name, value.typeName, Self.shape(of: value), shortValue(value)])
        }
        write(Self.table(rows))
    }

    /// `3×3`, `5 fields`, `2 values`, or empty for a single value.
    static func shape(of value: Value) -> String {
        switch value {
        case .matrix(let m): return m.shapeDescription
        case .range(let r): return "\(r.count)×1"
        case .string(let s): return "\(s.text.count) chars"
        case .record(let r): return r.isTuple ? "\(r.names.count) values" : "\(r.names.count) field\(r.names.count == 1 ? "" : "s")"
        case .tuple(let items): return "\(items.count) values"
        default: return ""
        }
    }

    /// The value on one line: matrices as `[1, 2; 3, 4]`, records as their field names.
    func shortValue(_ value: Value) -> String {
        let text: String
        switch value {
        case .matrix(let m): text = Self.inlineMatrix(m, style: interpreter.options.style)
        case .range(let r):
            text = r.step == 1 ? "\(formatScalar(r.start, mode: .short)):\(formatScalar(r.last, mode: .short))"
                : "\(formatScalar(r.start, mode: .short)):\(formatScalar(r.step, mode: .short)):\(formatScalar(r.last, mode: .short))"
        case .string(let s): text = "\"\(s)\""
        case .record(let r): text = "{" + r.names.joined(separator: ", ") + "}"
        case .object(let o) where !o.fieldNames.isEmpty: text = "{" + o.fieldNames.joined(separator: ", ") + "}"
        default:
            let lines = interpreter.format(value).split(separator: "\n").map { String($0).trimmingWhitespace() }
            text = lines.joined(separator: " ")
        }
        return Self.cut(text, to: Self.variableValueWidth)
    }

    /// A matrix written as a literal, stopping once it is wider than the table allows.
    static func inlineMatrix(_ m: Matrix, style: FormatStyle) -> String {
        if m.rows == 0 || m.cols == 0 { return "[]" }
        let mode: FormatStyle = style == .long ? .long : style
        // A vector is shown as MML prints it, [1, 2, 3]; a matrix with ; between rows.
        let (rows, cols) = m.isVector ? (1, m.rows) : (m.rows, m.cols)
        var text = "["
        outer: for i in 0..<rows {
            if i > 0 { text += "; " }
            for j in 0..<cols {
                if j > 0 { text += ", " }
                let x = m.data[j * rows + i]
                text += m.isLogical ? formatLogical(x != 0) : formatScalar(x, mode: mode)
                if text.count > variableValueWidth { break outer }
            }
        }
        return text + "]"
    }

    static func cut(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// Rows of cells as left-aligned columns two spaces apart; the first row is the header.
    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.first?.count else { return "" }
        let widths = (0..<columns).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for row in rows {
            var line = ""
            for (c, cell) in row.enumerated() {
                line += cell
                if c < columns - 1 { line += String(repeating: " ", count: widths[c] - cell.count + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
