// Splits CSV bytes into fields (RFC 4180: quoted cells, doubled quotes, newlines in quotes,
// CRLF), keeping line numbers for error messages. Works on raw UTF-8 bytes, never Characters.

/// One field: a byte range of the input (quotes removed, blanks trimmed when unquoted).
struct CSVField {
    var start: Int
    var end: Int
    /// True when the content holds doubled quotes that must be turned into single ones.
    var escapedQuotes: Bool
    /// Line and absolute byte offset where the field begins, for error messages.
    var line: Int
    var lineStart: Int
}

/// What ended a field.
enum CSVFieldEnd {
    case separator, record, file
}

/// A cursor over the bytes of a CSV file.
struct CSVTokenizer {
    let base: UnsafePointer<UInt8>
    let count: Int
    let separator: UInt8
    let fileName: String
    var pos: Int
    var line = 1
    var lineStart: Int
    /// Where the last field's terminator stood (for "too few cells" errors).
    var terminatorLine = 1
    var terminatorOffset = 0
    var terminatorLineStart = 0

    init(base: UnsafePointer<UInt8>, count: Int, separator: UInt8, fileName: String) {
        self.base = base
        self.count = count
        self.separator = separator
        self.fileName = fileName
        // A UTF-8 byte-order mark is not part of the first header name.
        let bom = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
        self.pos = bom ? 3 : 0
        self.lineStart = pos
    }

    @inline(__always) private func isBlank(_ b: UInt8) -> Bool {
        (b == 0x20 || b == 0x09) && b != separator
    }

    /// Moves past empty lines; false when the input is exhausted.
    mutating func startRecord() -> Bool {
        while pos < count {
            let b = base[pos]
            if b == 0x0A {
                pos += 1
            } else if b == 0x0D {
                pos += (pos + 1 < count && base[pos + 1] == 0x0A) ? 2 : 1
            } else {
                return true
            }
            line += 1
            lineStart = pos
        }
        return false
    }

    /// Reads one field and what ended it.
    mutating func nextField() throws -> (CSVField, CSVFieldEnd) {
        var p = pos
        while p < count && isBlank(base[p]) { p += 1 }
        var field: CSVField
        if p < count && base[p] == 0x22 {
            let openLine = line, openLineStart = lineStart, openOffset = p
            p += 1
            let start = p
            var escaped = false
            while true {
                guard p < count else {
                    throw error("this quoted cell is never closed", at: openOffset, line: openLine, lineStart: openLineStart,
                                hint: "add the closing \" (a quote inside a quoted cell is written twice: \"\")")
                }
                let b = base[p]
                if b == 0x22 {
                    if p + 1 < count && base[p + 1] == 0x22 {
                        escaped = true
                        p += 2
                        continue
                    }
                    break
                }
                if b == 0x0A || (b == 0x0D && !(p + 1 < count && base[p + 1] == 0x0A)) {
                    line += 1
                    lineStart = p + 1
                }
                p += 1
            }
            field = CSVField(start: start, end: p, escapedQuotes: escaped, line: openLine, lineStart: openLineStart)
            p += 1
            while p < count && isBlank(base[p]) { p += 1 }
        } else {
            let start = p
            while p < count {
                let b = base[p]
                if b == separator || b == 0x0A || b == 0x0D { break }
                if b == 0x22 {
                    throw error("a double quote inside a cell that does not start with one", at: p, line: line,
                                lineStart: lineStart,
                                hint: "put the whole cell in double quotes and write the inner quote twice, e.g. \"5'10\"\"\"")
                }
                p += 1
            }
            var end = p
            while end > start && isBlank(base[end - 1]) { end -= 1 }
            field = CSVField(start: start, end: end, escapedQuotes: false, line: line, lineStart: lineStart)
        }
        terminatorLine = line
        terminatorOffset = p
        terminatorLineStart = lineStart
        if p >= count {
            pos = p
            return (field, .file)
        }
        let b = base[p]
        if b == separator {
            pos = p + 1
            return (field, .separator)
        }
        if b == 0x0A || b == 0x0D {
            p += (b == 0x0D && p + 1 < count && base[p + 1] == 0x0A) ? 2 : 1
            line += 1
            lineStart = p
            pos = p
            return (field, .record)
        }
        throw error("unexpected text after the closing quote of a cell", at: p, line: line, lineStart: lineStart,
                    hint: "a quoted cell must end right before the separator or the end of the line")
    }

    /// The field's text, with doubled quotes made single.
    func string(_ field: CSVField) -> String {
        let bytes = UnsafeBufferPointer(start: base + field.start, count: field.end - field.start)
        guard field.escapedQuotes else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            out.append(bytes[i])
            i += (bytes[i] == 0x22 && i + 1 < bytes.count && bytes[i + 1] == 0x22) ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An error at byte `offset`, with the column counted in characters (UTF-8 scalars).
    func error(_ message: String, at offset: Int, line: Int, lineStart: Int, hint: String? = nil) -> DataError {
        var column = 1
        var i = lineStart
        while i < offset && i < count {
            if base[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return DataError(message, hint: hint, file: fileName, line: line, column: column)
    }
}
