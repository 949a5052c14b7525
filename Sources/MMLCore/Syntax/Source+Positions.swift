// The one place that converts between the UTF-8 offsets of spans and the positions editors
// and notebooks speak: LSP counts UTF-16 code units, Jupyter counts Unicode code points.

/// The unit a column (or a cursor offset) is counted in.
public enum TextUnit: Sendable {
    /// Bytes of UTF-8: the unit of `SourceSpan`.
    case utf8
    /// UTF-16 code units: the Language Server Protocol's default (an emoji counts 2).
    case utf16
    /// Unicode code points (scalars): Jupyter's `cursor_pos` (an emoji counts 1).
    case codePoints

    /// How many units one scalar takes.
    @inline(__always)
    func width(_ scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: return scalar.utf8.count
        case .utf16: return scalar.utf16.count
        case .codePoints: return 1
        }
    }
}

extension Source {
    /// 0-based line and column (counted in `unit`) of a UTF-8 offset. An offset inside a
    /// multi-byte character counts as the start of that character; offsets are clamped.
    public func position(of offset: Int, in unit: TextUnit) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, text.utf8.count))
        let line = lineIndex(of: offset)
        var byte = lineStarts[line], column = 0
        for scalar in scalars(from: byte, to: offset) {
            let size = scalar.utf8.count
            if byte + size > offset { break }
            byte += size
            column += unit.width(scalar)
        }
        return (line, column)
    }

    /// The UTF-8 offset of a 0-based line and column counted in `unit`. A column past the end
    /// of its line means the end of the line (before its line break), as LSP asks; a column
    /// inside a character (half a surrogate pair) means the start of that character. A line
    /// past the last means the end of the text.
    public func offset(line: Int, column: Int, in unit: TextUnit) -> Int {
        guard line >= 0 else { return 0 }
        guard line < lineStarts.count else { return text.utf8.count }
        var byte = lineStarts[line], counted = 0
        for scalar in scalars(from: byte, to: lineEnd(line)) {
            let width = unit.width(scalar)
            if counted + width > column { break }
            counted += width
            byte += scalar.utf8.count
        }
        return byte
    }

    /// The UTF-8 offset of a position counted from the start of the whole text in `unit`
    /// (Jupyter's `cursor_pos`), clamped to the text.
    public func offset(ofTextPosition position: Int, in unit: TextUnit) -> Int {
        var byte = 0, counted = 0
        for scalar in text.unicodeScalars {
            let width = unit.width(scalar)
            if counted + width > position { break }
            counted += width
            byte += scalar.utf8.count
        }
        return byte
    }

    /// A UTF-8 offset counted from the start of the whole text in `unit`.
    public func textPosition(of offset: Int, in unit: TextUnit) -> Int {
        var byte = 0, counted = 0
        for scalar in text.unicodeScalars {
            let size = scalar.utf8.count
            if byte + size > offset { break }
            byte += size
            counted += unit.width(scalar)
        }
        return counted
    }

    /// The UTF-8 offset where a 0-based line's text ends, before `\n` or `\r\n`.
    public func lineEnd(_ line: Int) -> Int {
        let utf8 = text.utf8
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : utf8.count
        let start = lineStarts[line]
        if end > start, byte(at: end - 1) == UInt8(ascii: "\n") { end -= 1 }
        if end > start, byte(at: end - 1) == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    private func byte(at offset: Int) -> UInt8 {
        text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: offset)]
    }

    /// The scalars between two UTF-8 offsets (both on scalar boundaries or clamped down to one).
    private func scalars(from start: Int, to end: Int) -> Substring.UnicodeScalarView {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let to = utf8.index(utf8.startIndex, offsetBy: max(start, end))
        return text.unicodeScalars[from..<to]
    }
}
