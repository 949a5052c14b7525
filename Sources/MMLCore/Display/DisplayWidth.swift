// How many terminal columns text takes: CJK ideographs and most emoji take two, combining
// marks none. The widths are glibc's (wcwidth) under its built-in C.UTF-8 locale, whatever
// locale the process runs under, so carets line up the same in a terminal and in tests.
#if canImport(Glibc)
import Glibc
#endif

enum DisplayWidth {
    /// The C.UTF-8 character-type locale, made once (nil if glibc cannot make it).
    nonisolated(unsafe) private static let utf8Locale: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)

    /// The columns `text` takes on a terminal. A character glibc calls unprintable counts as
    /// one column (MML shows it as it is); without the locale, every character counts one.
    static func of<S: StringProtocol>(_ text: S) -> Int {
        guard let locale = utf8Locale, let wcwidth = GlibcExtensions.wcwidth else { return text.count }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        var total = 0
        for scalar in text.unicodeScalars {
            let w = wcwidth(wchar_t(bitPattern: scalar.value))
            total += w < 0 ? 1 : Int(w)
        }
        return total
    }
}
