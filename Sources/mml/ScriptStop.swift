// How a running program is stopped: Ctrl-C (SIGINT), SIGTERM and --timeout raise MMLCore's
// stop request, so evaluation ends at its next loop step, call or builtin chunk with an
// "interrupted" error that names the line. A long library call (one LAPACK routine) cannot
// look at the request, so a watchdog makes sure a stop still happens:
// - a script (also -e, `mml -` and piped input) has nothing to save and writes files
//   atomically, so if it has not stopped `grace` seconds after the request, the process ends
//   with the same status (124, 130 or 143);
// - the interactive REPL keeps the workspace: after a second of waiting it says what is
//   happening, and a second Ctrl-C leaves MML.
import MMLCore
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum ScriptStop {
    /// How long a script may take to stop by itself before the process ends.
    static let grace = 0.5
    /// The --timeout in force, for messages.
    private static let timeoutMicroseconds = Atomic<Int64>(0)
    /// Set once the front end has finished its own work and is reporting; the watchdog then
    /// leaves the ending to it.
    private static let finishing = Atomic<Bool>(false)
    /// True while the REPL is evaluating an entry (not waiting for a line).
    static let evaluating = Atomic<Bool>(false)
    /// The write end of the pipe that wakes the watchdog.
    private static let wakeDescriptor = Atomic<Int32>(-1)
    private static let interactive = Atomic<Bool>(false)

    /// Stops from signals and from the timeout, for a script: installs the SIGINT and SIGTERM
    /// handlers, arms the timer, and starts the watchdog that ends a script that cannot stop.
    static func installForScript(timeout: Double?) {
        install(interactive: false)
        if let timeout {
            timeoutMicroseconds.store(Int64(min(timeout, 1e12) * 1e6), ordering: .relaxed)
            Interrupt.startTimer(seconds: timeout) { ScriptStop.wake() }
        }
    }

    /// Stops for the interactive REPL: Ctrl-C returns to the prompt; a second Ctrl-C during
    /// a computation that does not stop leaves MML.
    static func installForREPL() {
        install(interactive: true)
    }

    private static func install(interactive isInteractive: Bool) {
        interactive.store(isInteractive, ordering: .relaxed)
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
            wakeDescriptor.store(ends[1], ordering: .relaxed)
            startWatchdog(readEnd: ends[0])
        }
        let signals = isInteractive ? [SIGINT] : [SIGINT, SIGTERM]
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in ScriptStop.signalArrived(number) }
            sigemptyset(&action.sa_mask)
            // In the REPL, libedit's own handler runs while a line is read and passes the signal
            // on; without SA_RESTART there, readline() returns. In a script, SA_RESTART keeps a
            // write to the terminal from failing with EINTR.
            action.sa_flags = isInteractive ? 0 : SA_RESTART
            sigaction(signal, &action, nil)
        }
        // A parent may start us with these signals blocked (some process launchers do);
        // unblock them here, before the evaluation thread inherits this thread's mask.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signal handler: only async-signal-safe work (atomics, write, _exit).
    private static func signalArrived(_ number: Int32) {
        if interactive.load(ordering: .relaxed) && evaluating.load(ordering: .relaxed) && Interrupt.isRequested {
            // The second Ctrl-C while a computation ignores the first: leave.
            let message = "\nmml: left during a computation that could not be interrupted\n"
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            _exit(130)
        }
        Interrupt.request(number == SIGTERM ? .terminate : .interrupt)
        wake()
    }

    private static func wake() {
        let fd = wakeDescriptor.load(ordering: .relaxed)
        guard fd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    /// The front end has the stop in hand (it is printing its message and exiting).
    static func markFinishing() {
        finishing.store(true, ordering: .relaxed)
    }

    private static func startWatchdog(readEnd: Int32) {
        var thread = pthread_t()
        let context = UnsafeMutableRawPointer(bitPattern: Int(readEnd) + 1)
        if pthread_create(&thread, nil, { raw in
            let fd = Int32(Int(bitPattern: raw) - 1)
            var byte: UInt8 = 0
            while true {
                let n = read(fd, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return nil }
                ScriptStop.stopRequested()
            }
        }, context) == 0 {
            pthread_detach(thread)
        }
    }

    /// On the watchdog thread, once a stop was requested.
    private static func stopRequested() {
        if interactive.load(ordering: .relaxed) {
            Interrupt.sleepUntil(Interrupt.monotonicNow() + 1)
            if evaluating.load(ordering: .relaxed) && Interrupt.isRequested {
                Terminal.writeError("\n(still inside a library call that cannot be interrupted — it finishes on its own; press Ctrl-C again to leave MML)\n")
            }
            return
        }
        Interrupt.sleepUntil(Interrupt.monotonicNow() + grace)
        guard !finishing.load(ordering: .relaxed), let cause = Interrupt.cause else { return }
        Terminal.writeError(message(for: cause, location: "a computation that cannot be interrupted (a long library call)") + "\n")
        _exit(status(for: cause))
    }

    /// The exit status of a script stopped by `cause`.
    static func status(for cause: StopCause) -> Int32 {
        switch cause {
        case .timeout: return 124
        case .terminate: return 143
        case .interrupt: return 130
        }
    }

    /// The one-line message for a script stopped at `location`.
    static func message(for cause: StopCause, location: String) -> String {
        switch cause {
        case .timeout:
            let seconds = Double(timeoutMicroseconds.load(ordering: .relaxed)) / 1e6
            return "mml: stopped after \(formatScalar(seconds, mode: .long)) s (--timeout) while running \(location)"
        case .terminate: return "mml: terminated while running \(location)"
        case .interrupt: return "mml: interrupted while running \(location)"
        }
    }
}
