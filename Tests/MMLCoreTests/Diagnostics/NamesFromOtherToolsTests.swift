// The hints for names from other tools must name real MML builtins, or they would send a
// learner from one unknown name to another.
import Testing
@testable import MMLCore

@Suite("Names from other tools")
struct NamesFromOtherToolsTests {
    /// Every `name(` written in a hint.
    static func calledNames(_ hint: String) -> [String] {
        var names: [String] = []
        var word = ""
        for ch in hint {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "." {
                word.append(ch)
            } else {
                if ch == "(", !word.isEmpty { names.append(String(word.split(separator: ".").last ?? "")) }
                word = ""
            }
        }
        return names
    }

    @Test func everyHintNamesBuiltins() {
        let builtins = Set(Builtins.all.map(\.name))
        let foreign = Set(NamesFromOtherTools.table.keys)
        var hints = Array(NamesFromOtherTools.table.values)
        for p in NamesFromOtherTools.rPrefixes.keys {
            for family in NamesFromOtherTools.rFamilies.keys {
                hints.append(NamesFromOtherTools.hint(for: "\(p)\(family)")!)
            }
        }
        for hint in hints {
            for name in Self.calledNames(hint) where !foreign.contains(name) && !name.hasPrefix("R's") {
                #expect(builtins.contains(name), "\(name) in “\(hint)”")
            }
        }
        // No entry hides a real builtin (it would never be reached, and would mislead).
        #expect(foreign.isDisjoint(with: builtins))
    }

    @Test func unknownNamesGetTheEquivalent() {
        let error = MMLError.unknownName("sd", candidates: ["gd", "std"], at: SourceSpan(source: SourceID(0), start: 0, end: 2))
        #expect(error.diagnostic.hints == ["R's sd(x) is std(x) in MML"])
        let typo = MMLError.unknownName("sqr", candidates: ["sqrt", "iqr"], at: SourceSpan(source: SourceID(0), start: 0, end: 3))
        #expect(typo.diagnostic.hints == ["did you mean `sqrt`?"])
    }
}
