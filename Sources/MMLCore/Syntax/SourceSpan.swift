// Where a piece of syntax came from: a source and a half-open range of UTF-8 offsets.

/// Identifies one source text (a script file, a REPL entry, an `-e` argument).
public struct SourceID: Hashable, Sendable {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// A half-open range `start..<end` of UTF-8 offsets in one source. Line and column are
/// worked out only when a diagnostic is rendered.
public struct SourceSpan: Hashable, Sendable {
    public var source: SourceID
    public var start: Int
    public var end: Int

    public init(source: SourceID, start: Int, end: Int) {
        self.source = source
        self.start = start
        self.end = end
    }

    /// A span for values that do not come from any text (builtins, tests).
    public static let none = SourceSpan(source: SourceID(-1), start: 0, end: 0)

    public var isNone: Bool { source.rawValue < 0 }

    /// The smallest span covering both (they must share a source).
    public func to(_ other: SourceSpan) -> SourceSpan {
        if isNone { return other }
        if other.isNone { return self }
        return SourceSpan(source: source, start: min(start, other.start), end: max(end, other.end))
    }
}

/// One source text with a name to show in diagnostics.
public struct Source: Sendable {
    public let id: SourceID
    public let name: String
    public let text: String
    /// UTF-8 offsets at which each line starts.
    public let lineStarts: [Int]

    public init(id: SourceID, name: String, text: String) {
        self.id = id
        self.name = name
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        self.lineStarts = starts
    }

    /// 1-based line and column (in characters) of a UTF-8 offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let line = lineIndex(of: offset)
        let prefix = slice(lineStarts[line], offset)
        return (line + 1, prefix.count + 1)
    }

    /// 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The text of a 0-based line, without its line break.
    public func lineText(_ index: Int) -> String {
        let start = lineStarts[index]
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : text.utf8.count
        var line = slice(start, end)
        while line.hasSuffix("\n") || line.hasSuffix("\r") || line.hasSuffix("\r\n") { line.removeLast() }
        return line
    }

    /// The text between two UTF-8 offsets (clamped, and widened to whole characters).
    public func slice(_ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        let count = utf8.count
        let s = max(0, min(start, count)), e = max(s, min(end, count))
        let from = utf8.index(utf8.startIndex, offsetBy: s)
        let to = utf8.index(utf8.startIndex, offsetBy: e)
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }

    public func text(of span: SourceSpan) -> String { slice(span.start, span.end) }
}
