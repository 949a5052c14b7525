// `mml kernel` listens on the kernel's TCP ports itself, before it hands over to
// `mml-frontends`. Jupyter's client connects about 12 ms after it starts the kernel; a connect
// that finds no listener is retried only after ZeroMQ's reconnect interval (100–200 ms), which
// would be most of the kernel's start-up. `mml` reaches this point in a few milliseconds, so the
// client's first connect waits in the listen queue until the kernel, once loaded, adopts these
// sockets (ZMQ_USE_FD) and answers.
import MMLCommandLine
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

enum KernelListeners {
    /// The descriptors of sockets listening on every channel's address, in `KernelChannel`
    /// order, kept open across exec; nil when the connection file cannot be read or names
    /// an address this does not handle (ipc, a host name, IPv6): the kernel then binds them
    /// itself, and reports any error.
    static func open(for connectionFile: String) -> [Int32]? {
        guard let info = try? ConnectionInfo.read(connectionFile), info.transport == "tcp" else { return nil }
        var address = in_addr()
        if info.ip == "*" {
            address.s_addr = INADDR_ANY
        } else if inet_pton(AF_INET, info.ip, &address) != 1 {
            return nil
        }
        var descriptors: [Int32] = []
        for channel in KernelChannel.allCases {
            guard let port = UInt16(exactly: info.port(channel)), let fd = listen(on: address, port: port) else {
                descriptors.forEach { _ = close($0) }
                return nil
            }
            descriptors.append(fd)
        }
        return descriptors
    }

    /// A TCP socket listening on address:port, as ZeroMQ would make it (SO_REUSEADDR; not
    /// close-on-exec, so that it passes to `mml-frontends`).
    private static func listen(on address: in_addr, port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        socketAddress.sin_addr = address
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, SOMAXCONN) == 0 else {
            close(fd)
            return nil
        }
        return fd
    }
}
