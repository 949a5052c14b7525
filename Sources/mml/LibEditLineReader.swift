// The terminal line reader: libedit through its readline-compatible API — editing keys,
// Ctrl-R search, persistent history and Tab completion backed by the REPL session.
@preconcurrency import CLibEdit
import MMLCore
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The session's completion function, reachable from libedit's C callback (which cannot
/// capture context).
private final class CompletionSource: @unchecked Sendable {
    // Only called on the REPL thread, between evaluations.
    let complete: (String) -> CompletionResult
    init(_ complete: @escaping (String) -> CompletionResult) { self.complete = complete }
}

private let currentCompletion = Mutex<CompletionSource?>(nil)

final class LibEditLineReader: LineReader {
    private let color: Bool
    private let history: HistoryFile?

    /// Sets up libedit; call only when standard input and output are both terminals.
    init(color: Bool, history: HistoryFile?) {
        self.color = color
        self.history = history
        // Without a UTF-8 locale libedit drops π and α and garbles the history file. A
        // minimal system may have none configured (LANG unset): fall back to C.UTF-8 for
        // characters. Numbers keep the C conventions (a decimal point, never a comma).
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        setlocale(LC_NUMERIC, "C")
        rl_readline_name = UnsafePointer(strdup("mml"))
        rl_initialize()
        rl_attempted_completion_function = attemptCompletion
        // Names end at operators, brackets, spaces, quotes, `.` and `/`, so a list of
        // several matches shows field and file names rather than whole expressions.
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"\\'`@$><=;|&{}()[],+-*/^:!~.#%?"))
        rl_completion_append_character = 0
        // rl_initialize already binds Ctrl-R to reverse search, Home/End/Delete in their
        // common encodings and Ctrl-Left/Right to word moves; emacs keys do the rest.
        history?.load()
    }

    /// Where Tab gets its candidates: the session, given the text before the cursor.
    func completeWith(_ complete: @escaping (String) -> CompletionResult) {
        currentCompletion.withLock { $0 = CompletionSource(complete) }
    }

    func readLine(prompt: String) -> LineInput {
        fflush(stdout)
        // A Ctrl-C that arrived after the last evaluation must not be taken for this one.
        ScriptStop.evaluating.store(false, ordering: .relaxed)
        Interrupt.clear()
        defer { ScriptStop.evaluating.store(true, ordering: .relaxed) }
        // libedit skips the bytes between two \u{1} marks when it measures the prompt.
        // (It drops a marked part at the very end, so the colour is reset before the space.)
        let shown = color ? "\u{1}\u{1B}[1;32m\u{1}\(prompt.dropLast())\u{1}\u{1B}[0m\u{1}\(prompt.suffix(1))" : prompt
        guard let raw = readline(shown) else {
            if Interrupt.isRequested {
                Interrupt.clear()
                fputs("^C\n", stdout)
                return .interrupted
            }
            return .endOfInput
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    func addHistory(_ entry: String) {
        if let history {
            history.append(entry)
        } else {
            add_history(entry)
        }
    }
}

/// libedit's completion hook: works out the text before the cursor, asks the session, and
/// returns a malloc'ed, NULL-terminated array — the common prefix first, then each match —
/// relative to the word libedit will replace.
private let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, end in
    rl_attempted_completion_over = 1
    guard let text, let source = currentCompletion.withLock({ $0 }) else { return nil }
    let word = String(cString: text)
    // start and end count characters (libedit edits wide characters), not bytes.
    var before = word
    if let buffer = rl_line_buffer {
        let line = Array(String(cString: buffer).unicodeScalars)
        let s = Int(start), e = Int(end)
        if s >= 0, s <= e, e <= line.count, scalarString(line[s..<e]) == word {
            before = scalarString(line[..<e])
        }
    }
    let result = source.complete(before)
    guard let matches = adapt(result, toWord: word), !matches.isEmpty else { return nil }
    let common = CompletionResult(typed: word, candidates: matches).commonPrefix
    let entries = (matches.count == 1 ? [matches[0]] : [common] + matches)
    // libedit frees the array and each string with free(), so both come from malloc.
    guard let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)) else { return nil }
    let out = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
    for (i, entry) in entries.enumerated() { out[i] = strdup(entry) }
    out[entries.count] = nil
    return out
}

/// The session's candidates replace its own `typed` text; libedit replaces `word`. Both end
/// at the cursor, so one is a suffix of the other: shift the candidates accordingly.
private func adapt(_ result: CompletionResult, toWord word: String) -> [String]? {
    let typed = Array(result.typed.unicodeScalars)
    let wordScalars = Array(word.unicodeScalars)
    if typed.count >= wordScalars.count {
        guard typed.suffix(wordScalars.count).elementsEqual(wordScalars) else { return nil }
        let drop = typed.count - wordScalars.count
        return result.candidates.compactMap { c in
            let scalars = Array(c.unicodeScalars)
            guard scalars.count >= drop, scalars.prefix(drop).elementsEqual(typed.prefix(drop)) else { return nil }
            return scalarString(scalars[drop...])
        }
    }
    guard wordScalars.suffix(typed.count).elementsEqual(typed) else { return nil }
    let prefix = scalarString(wordScalars[..<(wordScalars.count - typed.count)])
    return result.candidates.map { prefix + $0 }
}

private func scalarString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
}
