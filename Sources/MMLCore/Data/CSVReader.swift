// read_csv: CSV bytes to a Table with inferred column types, in one pass for numeric files
// (a second pass collects only the string and boolean columns).
import Glibc

/// Options of `CSV.read`.
public struct CSVOptions: Sendable, Equatable {
    /// The cell separator: one ASCII character such as `,` `;` `\t` or `|`.
    public var separator: Character
    /// Whether the first line holds the column names; without one they are `col1`, `col2`, ….
    public var header: Bool

    /// Options with the given separator and header choice.
    public init(separator: Character = ",", header: Bool = true) {
        self.separator = separator
        self.header = header
    }
}

/// A table read from CSV, with what a learner should be told about it once.
public struct CSVReadResult: Sendable {
    /// The table.
    public var table: Table
    /// Columns that had missing cells (empty, NA, N/A, NaN) and how many, in column order.
    public var missingCounts: [(column: String, count: Int)]
    /// Header names that were empty or repeated, and what they became.
    public var renamedColumns: [(from: String, to: String)]

    /// Total number of missing cells.
    public var missingTotal: Int { missingCounts.reduce(0) { $0 + $1.count } }

    /// One note for the learner, or nil when there is nothing to say: missing cells and renamed columns.
    public var notice: String? {
        var parts: [String] = []
        if missingTotal > 0 {
            let list = missingCounts.map { "\($0.column): \($0.count)" }.joined(separator: ", ")
            parts.append("\(missingTotal) missing cell\(missingTotal == 1 ? "" : "s") (empty, NA or NaN) read as NA — \(list)")
        }
        if !renamedColumns.isEmpty {
            let list = renamedColumns.map { "'\($0.from)' → '\($0.to)'" }.joined(separator: ", ")
            parts.append("renamed header columns: \(list)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}

/// Reading and writing CSV files.
public enum CSV {
    /// Reads the CSV file at `path`.
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws -> CSVReadResult {
        let bytes: [UInt8]
        do { bytes = try FileAccess.readBytes(path) } catch {
            throw DataError(error.message, hint: error.hint)
        }
        return try bytes.withUnsafeBufferPointer { try parse($0, options: options, fileName: path) }
    }

    /// Reads CSV from a string; errors name `fileName`.
    public static func read(text: String, options: CSVOptions = CSVOptions(), fileName: String = "<text>") throws -> CSVReadResult {
        var text = text
        return try text.withUTF8 { try parse($0, options: options, fileName: fileName) }
    }

    /// Parses CSV bytes.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, options: CSVOptions, fileName: String) throws -> CSVReadResult {
        let separator = try separatorByte(options.separator)
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw DataError("'\(fileName)' is empty", hint: "a CSV file needs at least a header line", file: fileName)
        }
        return try withCNumericLocale {
            var reader = CSVTableReader(tokenizer: CSVTokenizer(base: base, count: bytes.count, separator: separator, fileName: fileName))
            return try reader.read(header: options.header)
        }
    }

    static func separatorByte(_ c: Character) throws -> UInt8 {
        guard let ascii = c.asciiValue, c != "\"", c != "\n", c != "\r", c != "\r\n",
              !c.isLetter, !c.isNumber, c != ".", c != "-", c != "+" else {
            throw DataError("'\(c)' cannot separate CSV cells",
                            hint: "use one character such as \",\", \";\", \"\\t\" or \"|\"")
        }
        return ascii
    }
}

/// Builds the columns of one file.
private struct CSVTableReader {
    var tokenizer: CSVTokenizer

    /// What pass 1 learns about a column.
    struct ColumnState {
        var numbers: [Double] = []
        var canBeNumber = true
        var canBeBool = true
        var missing = 0
    }

    mutating func read(header: Bool) throws -> CSVReadResult {
        guard tokenizer.startRecord() else {
            throw DataError("'\(tokenizer.fileName)' has no lines", hint: "a CSV file needs at least a header line",
                            file: tokenizer.fileName)
        }
        // The first record fixes the number of columns.
        var first: [CSVField] = []
        var end = CSVFieldEnd.separator
        while end == .separator {
            let (field, e) = try tokenizer.nextField()
            first.append(field)
            end = e
        }
        let ncols = first.count
        var renamed: [(from: String, to: String)] = []
        let names = header ? uniqueNames(first.map { tokenizer.string($0) }, renamed: &renamed)
                           : (1...ncols).map { "col\($0)" }
        let dataStart = (pos: tokenizer.pos, line: tokenizer.line, lineStart: tokenizer.lineStart)

        var states = [ColumnState](repeating: ColumnState(), count: ncols)
        var nrows = 0
        if !header {
            for (j, field) in first.enumerated() { absorb(field, into: &states[j]) }
            nrows = 1
        }
        if end != .file {
            while tokenizer.startRecord() {
                var col = 0
                while true {
                    let (field, e) = try tokenizer.nextField()
                    guard col < ncols else {
                        throw tokenizer.error("line \(field.line) has more than the \(ncols) cells of the first line",
                                              at: field.start, line: field.line, lineStart: field.lineStart,
                                              hint: "a cell that contains the separator must be put in double quotes")
                    }
                    absorb(field, into: &states[col])
                    col += 1
                    if e != .separator {
                        guard col == ncols else {
                            throw tokenizer.error("line \(tokenizer.terminatorLine) has \(col) cell\(col == 1 ? "" : "s") but the first line has \(ncols)",
                                                  at: tokenizer.terminatorOffset, line: tokenizer.terminatorLine,
                                                  lineStart: tokenizer.terminatorLineStart,
                                                  hint: "every line needs the same number of cells; leave a cell empty for a missing value")
                        }
                        nrows += 1
                        // Every 64K rows: a stop check, and the cells kept so far (not yet
                        // charged: they become columns at the end) against the memory budget.
                        if nrows & (StopToken.chunk - 1) == 0 {
                            try StopToken.check()
                            try LinAlgLimits.reserve(nrows * ncols)
                        }
                        break
                    }
                }
            }
        }

        // Pass 2, only for columns that turned out not to be numeric.
        let textColumns = (0..<ncols).filter { !states[$0].canBeNumber }
        var texts = [[String?]?](repeating: nil, count: ncols)
        var bools = [[Bool?]?](repeating: nil, count: ncols)
        if !textColumns.isEmpty {
            for j in textColumns {
                if states[j].canBeBool { bools[j] = [] } else { texts[j] = [] }
            }
            var second = CSVTokenizer(base: tokenizer.base, count: tokenizer.count, separator: tokenizer.separator,
                                      fileName: tokenizer.fileName)
            if header { (second.pos, second.line, second.lineStart) = dataStart }
            var row = 0
            while second.startRecord() {
                row += 1
                try StopToken.check(at: row)
                var col = 0
                var e = CSVFieldEnd.separator
                while e == .separator && col < ncols {
                    let (field, fieldEnd) = try second.nextField()
                    e = fieldEnd
                    if texts[col] != nil {
                        texts[col]!.append(isMissing(field) ? nil : second.string(field))
                    } else if bools[col] != nil {
                        if case .boolean(let b) = classify(field) { bools[col]!.append(b) } else { bools[col]!.append(nil) }
                    }
                    col += 1
                }
            }
        }

        var columns: [Column] = []
        var missing: [(column: String, count: Int)] = []
        for j in 0..<ncols {
            if let t = texts[j] {
                columns.append(Column(name: names[j], strings: t))
            } else if let b = bools[j] {
                columns.append(Column(name: names[j], bools: b))
            } else {
                columns.append(Column(name: names[j], numbers: states[j].numbers))
            }
            if states[j].missing > 0 { missing.append((names[j], states[j].missing)) }
        }
        return CSVReadResult(table: try Table(columns: columns), missingCounts: missing, renamedColumns: renamed)
    }

    @inline(__always) func classify(_ field: CSVField) -> CellClass {
        if field.escapedQuotes { return .text }
        return classifyCell(tokenizer.base + field.start, field.end - field.start)
    }

    @inline(__always) func isMissing(_ field: CSVField) -> Bool {
        if case .missing = classify(field) { return true }
        return false
    }

    /// Pass 1: keeps the numbers while the column can still be numeric, and narrows its type.
    @inline(__always) func absorb(_ field: CSVField, into state: inout ColumnState) {
        switch classify(field) {
        case .number(let x):
            if state.canBeNumber { state.numbers.append(x) }
            state.canBeBool = false
        case .missing:
            state.missing += 1
            if state.canBeNumber { state.numbers.append(.nan) }
        case .boolean:
            if state.canBeNumber { state.canBeNumber = false; state.numbers = [] }
        case .text:
            if state.canBeNumber { state.canBeNumber = false; state.numbers = [] }
            state.canBeBool = false
        }
    }

    /// Header names made non-empty and distinct (`col3` for an empty one, `x_2` for a repeat).
    func uniqueNames(_ raw: [String], renamed: inout [(from: String, to: String)]) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for (j, name) in raw.enumerated() {
            var candidate = name.isEmpty ? "col\(j + 1)" : name
            var k = 2
            while seen.contains(candidate) {
                candidate = "\(name.isEmpty ? "col\(j + 1)" : name)_\(k)"
                k += 1
            }
            if candidate != name { renamed.append((name, candidate)) }
            seen.insert(candidate)
            names.append(candidate)
        }
        return names
    }
}
