// The diff `mml test` shows when a script's output differs from its .out file.
import Testing
@testable import MMLCore

@Test func identicalTextsHaveNoDiff() {
    #expect(LineDiff.unified(expected: "a\nb\n", actual: "a\nb\n") == "")
}

@Test func changedLineShowsRemovalThenAddition() {
    let diff = LineDiff.unified(expected: "1\n2\n3\n4\n5\n6\n7\n", actual: "1\n2\n3\nfour\n5\n6\n7\n", context: 1)
    #expect(diff == "  …\n  3\n- 4\n+ four\n  5\n  …")
}

@Test func insertedAndDeletedLines() {
    #expect(LineDiff.unified(expected: "a\nc\n", actual: "a\nb\nc\n") == "  a\n+ b\n  c")
    #expect(LineDiff.unified(expected: "a\nb\nc\n", actual: "a\nc\n") == "  a\n- b\n  c")
}
