// write_csv: a table or matrix as RFC 4180 text, written atomically (temporary file, then rename).
import Glibc

extension CSV {
    /// The table as CSV text: a header line, numbers in shortest round-trip form (integers
    /// without `.0`), missing cells empty, cells quoted when they hold the separator, a
    /// quote, a line break or surrounding blanks. Lines end with `\n`.
    public static func encode(_ table: Table, separator: Character = ",") throws -> String {
        let sep = try separatorByte(separator)
        var out: [UInt8] = []
        out.reserveCapacity(table.nrows * table.ncols * 8 + 64)
        for (j, name) in table.columnNames.enumerated() {
            if j > 0 { out.append(sep) }
            appendCell(name, separator: sep, to: &out)
        }
        out.append(0x0A)
        for i in 0..<table.nrows {
            for (j, column) in table.columns.enumerated() {
                if j > 0 { out.append(sep) }
                switch column.values {
                case .number(let v): out.append(contentsOf: csvNumber(v[i]).utf8)
                case .bool(let v): if let b = v[i] { out.append(contentsOf: (b ? "true" : "false").utf8) }
                case .string(let v): if let s = v[i] { appendCell(s, separator: sep, to: &out) }
                }
            }
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the table to `path` atomically: into a temporary file in the same folder,
    /// which then replaces `path` in one rename, so a reader never sees half a file.
    public static func write(_ table: Table, to path: String, separator: Character = ",") throws {
        try writeAtomically(try encode(table, separator: separator), to: path)
    }

    /// Writes a matrix as CSV with the given column names (default `col1`, `col2`, …).
    public static func write(_ matrix: Matrix, names: [String]? = nil, to path: String, separator: Character = ",") throws {
        try write(try Table(matrix: matrix, names: names), to: path, separator: separator)
    }

    /// Writes `text` atomically (see FileAccess.writeAtomically), as a data error.
    static func writeAtomically(_ text: String, to path: String) throws {
        do { try FileAccess.writeAtomically(text, to: path) } catch { throw DataError(error.message, hint: error.hint) }
    }

    /// A number as a CSV cell: shortest round-trip digits, no `.0` on integers, empty when missing.
    static func csvNumber(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    private static func appendCell(_ s: String, separator: UInt8, to out: inout [UInt8]) {
        let bytes = Array(s.utf8)
        let needsQuotes = bytes.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || bytes.first == 0x20 || bytes.last == 0x20 || bytes.first == 0x09 || bytes.last == 0x09
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for b in bytes {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }
}
