// Conversions between UTF-8 offsets (spans), UTF-16 columns (LSP) and code points (Jupyter)
// on text with multi-byte characters: α (2 bytes), 中 (3 bytes), 😀 (4 bytes, a surrogate pair).
import Testing
import MMLCore

private func source(_ text: String) -> Source { Source(id: SourceID(0), name: "t", text: text) }

/// UTF-8 offset of the first occurrence of `needle` (test inputs are chosen so it is unique).
private func offset(of needle: String, in text: String) -> Int {
    let range = text.firstRange(of: needle)!
    return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
}

@Test func asciiColumnsAreTheSameInEveryUnit() {
    let s = source("x = 1\nyy = 22\n")
    let at = offset(of: "22", in: s.text)
    for unit in [TextUnit.utf8, .utf16, .codePoints] {
        #expect(s.position(of: at, in: unit) == (1, 5))
        #expect(s.offset(line: 1, column: 5, in: unit) == at)
    }
}

@Test func columnsAfterMultiByteCharacters() {
    // After α (2 bytes, 1 UTF-16 unit, 1 code point), 中 (3, 1, 1) and 😀 (4, 2, 1).
    let text = "s = \"α中😀\" + b\n"
    let s = source(text)
    let b = offset(of: "b\n", in: text)
    #expect(b == 4 + 1 + 2 + 3 + 4 + 1 + 3)
    #expect(s.position(of: b, in: .utf8) == (0, b))
    #expect(s.position(of: b, in: .utf16) == (0, 4 + 1 + 1 + 1 + 2 + 1 + 3))
    #expect(s.position(of: b, in: .codePoints) == (0, 4 + 1 + 1 + 1 + 1 + 1 + 3))
    #expect(s.offset(line: 0, column: 13, in: .utf16) == b)
    #expect(s.offset(line: 0, column: 12, in: .codePoints) == b)
}

@Test func aColumnInsideASurrogatePairMeansTheStartOfTheEmoji() {
    let text = "😀x"
    let s = source(text)
    #expect(s.offset(line: 0, column: 1, in: .utf16) == 0)
    #expect(s.offset(line: 0, column: 2, in: .utf16) == 4)
    // An offset inside the emoji's four bytes counts as its start.
    #expect(s.position(of: 2, in: .utf16) == (0, 0))
    #expect(s.position(of: 4, in: .utf16) == (0, 2))
}

@Test func columnsPastTheEndOfALineStopBeforeTheLineBreak() {
    let s = source("αβ\r\nγ\nlast")
    #expect(s.offset(line: 0, column: 99, in: .utf16) == 4)  // before \r\n
    #expect(s.offset(line: 1, column: 99, in: .utf16) == 8)
    #expect(s.offset(line: 2, column: 2, in: .utf16) == 11)
    #expect(s.offset(line: 7, column: 0, in: .utf16) == s.text.utf8.count)
    #expect(s.offset(line: -1, column: 3, in: .utf16) == 0)
    #expect(s.position(of: 1000, in: .utf16) == (2, 4))
}

@Test func lineTextsInCJKAndEmojiRoundTrip() {
    let text = "名前 = 1\n# 😀😀 中文\ny = 名前 + 1\n"
    let s = source(text)
    // Every scalar boundary survives offset → position → offset in every unit.
    var byte = 0
    for scalar in text.unicodeScalars {
        for unit in [TextUnit.utf8, .utf16, .codePoints] {
            let p = s.position(of: byte, in: unit)
            #expect(s.offset(line: p.line, column: p.column, in: unit) == byte)
            #expect(s.offset(ofTextPosition: s.textPosition(of: byte, in: unit), in: unit) == byte)
        }
        byte += scalar.utf8.count
    }
    #expect(s.position(of: offset(of: "y", in: text), in: .utf16) == (2, 0))
    #expect(s.position(of: offset(of: "+", in: text), in: .utf16) == (2, 7))
}

@Test func wholeTextPositionsCountCodePointsForJupyter() {
    let text = "a😀\nb"
    let s = source(text)
    #expect(s.offset(ofTextPosition: 3, in: .codePoints) == 6)  // after a, 😀, \n
    #expect(s.offset(ofTextPosition: 4, in: .utf16) == 6)
    #expect(s.textPosition(of: 7, in: .codePoints) == 4)
    #expect(s.textPosition(of: 7, in: .utf16) == 5)
}
