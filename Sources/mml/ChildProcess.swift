// The supervisor of child `mml` processes (for `mml test` and `mml grade`): spawn with
// posix_spawn, capture output as it arrives up to a bound, hear the child's structured report
// on a descriptor of its own, stop it at a timeout or when it floods its output. No Foundation,
// which would cost every start of mml several milliseconds of loading.
import MMLCore
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum ChildProcess {
    private static let spawnLock = Mutex(())
    /// The descriptor number a child sees its report channel as.
    static let reportDescriptor: Int32 = 3

    struct Limits {
        /// Seconds before the child gets SIGTERM (and SIGKILL 5 seconds later).
        var timeout: Double
        /// Standard output kept; a child that prints more is stopped as flooding.
        var outputBytes = 16 << 20
        /// The last bytes of standard error kept.
        var errorTailBytes = 64 << 10
    }

    struct Result {
        var stdout: String
        /// The last `errorTailBytes` of standard error.
        var stderr: String
        /// What arrived on the report channel.
        var report: String
        /// The exit code, or the number of the signal that ended the child.
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        /// Stopped because it printed more than `outputBytes`.
        var flooded: Bool
    }

    /// Runs `executable` with `arguments` (which should ask it to report on descriptor 3),
    /// standard input from /dev/null.
    static func run(executable: String, arguments: [String], limits: Limits) -> Result {
        // Pipes are made close-on-exec, and made and handed over under one lock, so that a child
        // another thread starts meanwhile (mml grade runs several) does not inherit them: a
        // child holding another's pipe open would keep that one's output from ending.
        let started: (pid: pid_t, pipes: [[Int32]])? = spawnLock.withLock { _ -> (pid_t, [[Int32]])? in
            var pipes: [[Int32]] = []
            for _ in 0..<3 {
                var ends: [Int32] = [-1, -1]
                guard pipe(&ends) == 0 else {
                    let error = errno
                    pipes.joined().forEach { close($0) }
                    errno = error
                    return nil
                }
                ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
                pipes.append(ends)
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, pipes[0][1], 1)
            posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 2)
            posix_spawn_file_actions_adddup2(&actions, pipes[2][1], reportDescriptor)

            let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            for ends in pipes { close(ends[1]) }
            guard spawned == 0 else {
                for ends in pipes { close(ends[0]) }
                errno = spawned
                return nil
            }
            return (pid, pipes)
        }
        guard let (pid, pipes) = started else { return failure(executable, errno) }

        // Read every pipe as data arrives, so a chatty child cannot fill one and stall.
        var captured: [[UInt8]] = [[], [], []]
        var fds = pipes.map { pollfd(fd: $0[0], events: Int16(POLLIN), revents: 0) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var deadline = now() + limits.timeout
        var timedOut = false, flooded = false, killed = false
        func stop(_ signal: Int32) {
            kill(pid, signal)
            if signal == SIGKILL { killed = true }
        }
        while fds.contains(where: { $0.fd >= 0 }) {
            let remaining = deadline - now()
            if remaining <= 0 {
                if !timedOut && !flooded {
                    timedOut = true
                    stop(SIGTERM)
                    deadline = now() + 5
                } else if !killed {
                    stop(SIGKILL)
                    deadline = .infinity
                }
                continue
            }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    captured[i].append(contentsOf: chunk[0..<n])
                    if i == 0 && captured[0].count > limits.outputBytes && !flooded {
                        flooded = true
                        captured[0].removeLast(captured[0].count - limits.outputBytes)
                        stop(SIGKILL)
                    } else if i == 0 && flooded {
                        captured[0].removeLast(n)
                    }
                    if i == 1 && captured[1].count > 2 * limits.errorTailBytes {
                        captured[1].removeFirst(captured[1].count - limits.errorTailBytes)
                    }
                } else if n == 0 || errno != EINTR {
                    close(fds[i].fd)
                    fds[i].fd = -1
                }
            }
        }
        fds.filter { $0.fd >= 0 }.forEach { close($0.fd) }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if captured[1].count > limits.errorTailBytes { captured[1].removeFirst(captured[1].count - limits.errorTailBytes) }
        // The wait status: the exit code in bits 8–15, or the signal that ended it in bits 0–6.
        let signal = status & 0x7f
        return Result(stdout: String(decoding: captured[0], as: UTF8.self), stderr: String(decoding: captured[1], as: UTF8.self),
                      report: String(decoding: captured[2], as: UTF8.self),
                      status: signal == 0 ? (status >> 8) & 0xff : signal, signaled: signal != 0, timedOut: timedOut, flooded: flooded)
    }

    private static func failure(_ executable: String, _ error: Int32) -> Result {
        Result(stdout: "", stderr: "could not start \(executable): \(String(cString: strerror(error)))", report: "",
               status: 127, signaled: false, timedOut: false, flooded: false)
    }

    private static func now() -> Double { Interrupt.monotonicNow() }
}
