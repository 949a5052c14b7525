// Running a program to completion (or until a timeout) and capturing its output, for `mml test`:
// posix_spawn and poll, so the front end needs no Foundation (which costs every start of mml
// several milliseconds of loading).
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum ChildProcess {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
        var timedOut: Bool
    }

    /// Runs `executable` with `arguments`, standard input from /dev/null. After `timeout`
    /// seconds the child gets SIGTERM, and SIGKILL if it is still there 5 seconds later.
    static func run(executable: String, arguments: [String], timeout: Double) -> Result {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { return failure(executable, errno) }
        guard pipe(&errPipe) == 0 else {
            let error = errno
            outPipe.forEach { close($0) }
            return failure(executable, error)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            return failure(executable, spawned)
        }

        // Read both pipes as output arrives, so a chatty script cannot fill one and stall.
        var captured: [[UInt8]] = [[], []]
        var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
                   pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var deadline = now() + timeout
        var timedOut = false, killed = false
        while fds.contains(where: { $0.fd >= 0 }) {
            let remaining = deadline - now()
            if remaining <= 0 {
                if !timedOut {
                    timedOut = true
                    kill(pid, SIGTERM)
                    deadline = now() + 5
                } else if !killed {
                    killed = true
                    kill(pid, SIGKILL)
                    deadline = .infinity
                }
                continue
            }
            let ready = poll(&fds, 2, Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            for i in 0..<2 where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    captured[i].append(contentsOf: chunk[0..<n])
                } else if n == 0 || errno != EINTR {
                    close(fds[i].fd)
                    fds[i].fd = -1
                }
            }
        }
        fds.filter { $0.fd >= 0 }.forEach { close($0.fd) }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // The wait status: the exit code in bits 8–15, or the signal that ended it in bits 0–6.
        let signal = status & 0x7f
        return Result(stdout: String(decoding: captured[0], as: UTF8.self), stderr: String(decoding: captured[1], as: UTF8.self),
                      status: signal == 0 ? (status >> 8) & 0xff : signal, timedOut: timedOut)
    }

    private static func failure(_ executable: String, _ error: Int32) -> Result {
        Result(stdout: "", stderr: "could not start \(executable): \(String(cString: strerror(error)))", status: 127, timedOut: false)
    }

    /// Seconds on a clock that only moves forward.
    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
