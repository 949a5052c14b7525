// The one guard of every recursive walk in MML — evaluation, compiling, printing, symbolic
// work — and the one family of messages for "nested too deeply". It measures the stack that
// is left on the running thread rather than counting levels, so walks whose frames differ in
// size (a derivative rule, a record printer, a compiled call) share one honest limit.
#if canImport(Glibc)
import Glibc
#endif
import CStackLimit

/// Thrown by `DepthGuard.check()` when a recursive walk has used up the stack it may use.
/// It has no location: the nearest code that knows a span turns it into a diagnostic with
/// `located(at:)`.
public struct DepthError: EngineError {
    public static let kind = DepthGuard.kind
    public var message: String { "this is nested too deeply for MML to follow (its stack of nested work is used up)" }
    public var hint: String? { "split the work into steps with intermediate variables, or check for a definition that refers to itself" }
}

public enum DepthGuard {
    /// The kind of every depth diagnostic.
    static let kind = DiagnosticKind.recursion

    /// Throws `DepthError` when the current thread's stack is nearly used up. Call it once per
    /// level of a recursive walk (at calls and node visits, never per element of an array).
    @inline(__always)
    public static func check() throws {
        if !hasRoom { throw DepthError() }
    }

    /// False when the current thread's stack is nearly used up: a walk that cannot throw
    /// (printing) stops descending and shows "…".
    public static var hasRoom: Bool {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here > StackBounds.limit()
    }

    // MARK: Messages (one family: "too deep" / "nested too deeply")

    /// The parser's message for brackets, blocks and operators nested past its limit.
    static func nestingMessage(levels: Int) -> String {
        "this is nested too deeply (more than \(levels) levels)"
    }

    static let nestingHint = "split the expression into several statements with intermediate variables"

    /// User functions calling each other more than `limit` deep.
    static func callsError(limit: Int, at span: SourceSpan) -> MMLError {
        MMLError(kind: kind, "recursion too deep: more than \(limit) calls are nested", at: span,
                 hint: "does the function have a base case that stops it calling itself?")
    }

    /// A formula (after inlining the functions it uses) deeper than `limit` levels.
    static func formulaError(_ name: String, limit: Int, at span: SourceSpan) -> MMLError {
        MMLError(kind: kind, "the formula of \(name) is nested too deeply (more than \(limit) levels)", at: span,
                 hint: "symbolic work needs a formula of moderate depth; evaluate it numerically or build it in fewer steps")
    }
}

/// The lowest stack address each thread lets a walk reach, found once per thread and kept
/// in a C thread-local word (CStackLimit).
private enum StackBounds {
    @inline(__always)
    static func limit() -> UInt {
        let cached = mml_stack_limit()
        if cached != 0 { return cached }
        let found = max(1, measure())
        mml_set_stack_limit(found)
        return found
    }

    /// The stack's low end plus a reserve: enough for the deepest non-recursive work (a
    /// builtin, LAPACK, rendering an error) below the last check. 1/16 of the stack, at least
    /// 1 MiB, at most a quarter of it.
    private static func measure() -> UInt {
        var attributes = pthread_attr_t()
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard let getattr = GlibcExtensions.pthreadGetattr, getattr(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return 0 }
        let reserve = min(max(size / 16, 1 << 20), size / 4)
        return UInt(bitPattern: base) + UInt(reserve)
    }
}
