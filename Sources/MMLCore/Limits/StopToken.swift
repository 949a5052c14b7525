// A request to stop a running computation, polled by the evaluator at loop steps and calls
// and by long-running builtins at chunk boundaries (every `StopToken.chunk` elements).
import Synchronization

/// Asks one interpreter's computation to stop. Each interpreter owns one; the process-wide
/// `Interrupt` flag (raised by Ctrl-C, SIGTERM and --timeout) stops every token too, so a
/// signal reaches whatever is running while a token stops only its own interpreter (tests
/// can stop one computation without disturbing others running in the same process).
public final class StopToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Elements a builtin may process between two checks: about a millisecond of work.
    public static let chunk = 1 << 16

    /// The token of the computation running on this thread (see `Interpreter.withLimits`).
    @TaskLocal public static var current: StopToken?

    /// Asks the computation to stop at its next check.
    public func request() { flag.store(true, ordering: .relaxed) }

    /// Withdraws a request (the REPL does this before running the next input).
    public func clear() { flag.store(false, ordering: .relaxed) }

    /// True when this token or the process-wide interrupt asks to stop.
    @inline(__always)
    public var isRequested: Bool { flag.load(ordering: .relaxed) || Interrupt.isRequested }

    /// True when the running computation was asked to stop. Code that cannot throw (the
    /// symbolic rewrites) uses it to cut its work short with a correct but less finished
    /// result, and the builtin around it throws with `check()` afterwards.
    public static var isStopRequested: Bool { current?.isRequested ?? Interrupt.isRequested }

    /// Throws `StopRequested` when the running computation was asked to stop.
    public static func check() throws(StopRequested) {
        if isStopRequested { throw StopRequested() }
    }

    /// `check()` every `chunk` steps of a loop: call with the loop index.
    @inline(__always)
    public static func check(at step: Int) throws(StopRequested) {
        if step & (chunk - 1) == 0 { try check() }
    }
}

/// Counts work done in a loop whose steps vary in size, checking for a stop request once
/// per `StopToken.chunk` units: `var poll = StopPoll()` before the loop, `try poll.advance(n)`
/// after each step of `n` units.
public struct StopPoll {
    private var pending = 0

    public init() {}

    @inline(__always)
    public mutating func advance(_ units: Int = 1) throws(StopRequested) {
        pending &+= units
        if pending >= StopToken.chunk {
            pending = 0
            try StopToken.check()
        }
    }
}

/// A computation stopped because it was asked to (Ctrl-C, SIGTERM, --timeout, or its token);
/// the interpreter reports it as the "interrupted" error at the call that was running.
public struct StopRequested: EngineError, Equatable {
    public static let kind = DiagnosticKind.interrupt
    public var message: String { "interrupted" }
    public var hint: String? { nil }

    public init() {}
}
