// A flag that a signal handler sets and evaluation loops poll, so Ctrl-C stops a computation.
import Synchronization

/// Process-wide interrupt request (set from a SIGINT handler, cleared by the front end).
public enum Interrupt {
    static let flag = Atomic<Bool>(false)

    /// Asks the running evaluation to stop at its next loop step or call.
    public static func request() { flag.store(true, ordering: .relaxed) }

    public static func clear() { flag.store(false, ordering: .relaxed) }

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }
}
