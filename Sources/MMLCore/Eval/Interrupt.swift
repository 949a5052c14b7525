// The process's stop request: set by a signal handler, a timer or a notebook's interrupt,
// polled by evaluation loops, calls and long-running builtins, which then end with an
// "interrupted" error. The first cause to arrive is the one reported.
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What asked a running program to stop.
public enum StopCause: Int32, Sendable, Equatable {
    /// Ctrl-C (SIGINT), or a notebook's interrupt.
    case interrupt = 1
    /// SIGTERM.
    case terminate = 2
    /// The --timeout deadline passed.
    case timeout = 3
}

/// Process-wide stop request (the signal handlers and timers that raise it are per process).
public enum Interrupt {
    static let flag = Atomic<Bool>(false)
    private static let reason = Atomic<Int32>(0)

    /// Asks the running evaluation to stop at its next check. Safe in a signal handler
    /// (two atomic stores).
    public static func request(_ cause: StopCause = .interrupt) {
        _ = reason.compareExchange(expected: 0, desired: cause.rawValue, ordering: .relaxed)
        flag.store(true, ordering: .relaxed)
    }

    /// Forgets the request (the REPL, before its next entry).
    public static func clear() {
        flag.store(false, ordering: .relaxed)
        reason.store(0, ordering: .relaxed)
    }

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Why a stop was requested, if it was.
    public static var cause: StopCause? { StopCause(rawValue: reason.load(ordering: .relaxed)) }

    /// Requests a stop with `.timeout` once `seconds` have passed (on a thread of its own),
    /// then calls `afterwards`, if given, on that thread.
    public static func startTimer(seconds: Double, afterwards: (@Sendable () -> Void)? = nil) {
        let context = Unmanaged.passRetained(TimerJob(seconds: seconds, afterwards: afterwards)).toOpaque()
        var thread = pthread_t()
        guard pthread_create(&thread, nil, runTimer, context) == 0 else {
            Unmanaged<TimerJob>.fromOpaque(context).release()
            return
        }
        pthread_detach(thread)
    }

    /// Seconds on a clock that only moves forward.
    public static func monotonicNow() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Sleeps until the monotonic clock reads `deadline` (any length: no 32-bit limit, and
    /// an interrupted sleep resumes).
    public static func sleepUntil(_ deadline: Double) {
        // Past 30 million years the deadline is as good as never (and would overflow time_t).
        guard deadline < 1e15 else {
            while true { pause() }
        }
        var target = timespec(tv_sec: Int(deadline.rounded(.down)), tv_nsec: Int((deadline - deadline.rounded(.down)) * 1e9))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, nil) == EINTR {}
    }
}

private final class TimerJob: @unchecked Sendable {
    let seconds: Double
    let afterwards: (@Sendable () -> Void)?
    init(seconds: Double, afterwards: (@Sendable () -> Void)?) {
        self.seconds = seconds
        self.afterwards = afterwards
    }
}

/// The timer thread's body: sleep, request the stop, then run the follow-up.
private func runTimer(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let job = Unmanaged<TimerJob>.fromOpaque(raw!).takeRetainedValue()
    Interrupt.sleepUntil(Interrupt.monotonicNow() + job.seconds)
    Interrupt.request(.timeout)
    job.afterwards?()
    return nil
}
