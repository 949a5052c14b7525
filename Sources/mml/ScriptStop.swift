// Why a running script was stopped early: Ctrl-C, SIGTERM or --timeout. Each raises MMLCore's
// interrupt flag, so evaluation stops at its next loop step or call with an "interrupted" error.
import MMLCore
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum ScriptStop {
    /// 0 while running; the signal number, or `timedOut`, once something asked to stop.
    static let reason = Atomic<Int32>(0)
    static let timedOut: Int32 = -1

    /// SIGINT and SIGTERM stop the script instead of killing the process, so it can say where.
    static func installSignalHandlers() {
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                _ = ScriptStop.reason.compareExchange(expected: 0, desired: number, ordering: .relaxed)
                Interrupt.request()
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
        // A parent may start us with these signals blocked (some process launchers do);
        // unblock them here, before the evaluation thread inherits this thread's mask.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Stops the script after `seconds` (mml --timeout).
    static func startTimer(seconds: Double) {
        let micros = UInt32(min(seconds * 1_000_000, Double(UInt32.max)))
        var thread = pthread_t()
        let context = UnsafeMutableRawPointer(bitPattern: UInt(micros))
        pthread_create(&thread, nil, { raw in
            usleep(UInt32(UInt(bitPattern: raw)))
            _ = ScriptStop.reason.compareExchange(expected: 0, desired: ScriptStop.timedOut, ordering: .relaxed)
            Interrupt.request()
            return nil
        }, context)
        pthread_detach(thread)
    }

    /// The exit status and one-line message for a script stopped at `location` (file:line and
    /// the line's text), or nil when nothing asked it to stop.
    static func report(location: String, timeout: Double?) -> (status: Int32, message: String)? {
        switch reason.load(ordering: .relaxed) {
        case 0: return nil
        case timedOut:
            return (124, "mml: stopped after \(formatScalar(timeout ?? 0, mode: .long)) s (--timeout) while running \(location)")
        case SIGTERM: return (143, "mml: terminated while running \(location)")
        default: return (130, "mml: interrupted while running \(location)")
        }
    }
}
