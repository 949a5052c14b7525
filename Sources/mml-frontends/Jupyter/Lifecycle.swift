// How the kernel ends: a shutdown request (on either channel), or the process that started
// it going away. Either stops the running cell and wakes the shell loop, which closes the
// sockets and exits.
import Foundation
import MMLCore
import Synchronization

/// When the kernel stops: a shutdown request, or the parent process gone.
final class Lifecycle: @unchecked Sendable {
    /// How long a cell may take to stop after a shutdown before the process ends anyway
    /// (a single long library call cannot be interrupted).
    static let grace = 3.0

    private let stopping = Atomic<Bool>(false)
    /// The read end of a pipe that wakes the shell loop; the write end is written once.
    let wakeDescriptor: Int32
    private let wakeWriter: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        _ = pipe(&ends)
        wakeDescriptor = ends[0]
        wakeWriter = ends[1]
    }

    var isShuttingDown: Bool { stopping.load(ordering: .relaxed) }

    /// Stops the running cell and wakes the shell loop, which then closes everything and
    /// exits; if the cell does not stop within `grace` seconds, the process ends regardless.
    func shutDown() {
        guard !stopping.exchange(true, ordering: .relaxed) else { return }
        Interrupt.request(.terminate)
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: Lifecycle.grace)
            log("a computation did not stop in time; leaving without it")
            _exit(0)
        }
    }

    /// Shuts down when the process that started the kernel goes away, checking once a second.
    /// Jupyter names that process in JPY_PARENT_PID: when it is the parent, a change of parent
    /// means it is gone; otherwise (a wrapper started the kernel) being handed to init does.
    func watchParent() {
        let original = getppid()
        let named = ProcessInfo.processInfo.environment["JPY_PARENT_PID"].flatMap { Int32($0) }
        let watched = named == original ? original : 1
        Thread.detachNewThread { [self] in
            while !isShuttingDown {
                let parent = getppid()
                if watched == 1 ? parent == 1 : parent != watched {
                    log("the process that started the kernel is gone; shutting down")
                    shutDown()
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }
}
