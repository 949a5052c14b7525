// Ctrl-C in the REPL: a SIGINT handler that only raises MMLCore's interrupt flag, which the
// line reader and the evaluation loops check.
import MMLCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum InterruptSignal {
    /// Installs the handler. SA_RESTART keeps a Ctrl-C during evaluation from failing a
    /// write to the terminal with EINTR. While readline() waits for a key, libedit has its
    /// own handler installed (without SA_RESTART), which restores the terminal, passes the
    /// signal on to this one, and makes readline() return nil.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked; Ctrl-C must still reach us.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }
}
