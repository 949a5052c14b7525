// Unicode's bidirectional controls: characters that reorder how text is displayed, so that
// code can show one thing and run another ("Trojan Source", CVE-2021-42574).

extension Unicode.Scalar {
    /// U+202A–U+202E (embeddings and overrides), U+2066–U+2069 (isolates), U+200E/U+200F
    /// (marks) and U+061C (the Arabic letter mark).
    public var isBidiControl: Bool {
        switch value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
