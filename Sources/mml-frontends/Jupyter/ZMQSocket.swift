// ZeroMQ for the kernel: a context, sockets that send and receive multipart messages, and a
// poll over sockets and a plain file descriptor. Nothing else in MML speaks to libzmq.
import CZeroMQ
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A failed ZeroMQ call.
struct ZMQError: Error, CustomStringConvertible {
    let code: Int32
    let operation: String

    init(_ operation: String) {
        code = zmq_errno()
        self.operation = operation
    }

    /// The context was shut down: the socket's owner should close it and stop.
    var isTerminated: Bool { code == ETERM }
    var description: String { "\(operation): \(String(cString: zmq_strerror(code)))" }
}

/// One ZeroMQ context: the kernel's sockets all belong to it.
final class ZMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    init() throws {
        guard let handle = zmq_ctx_new() else { throw ZMQError("zmq_ctx_new") }
        self.handle = handle
    }

    /// Makes every blocking call on the context's sockets return with ETERM, in any thread.
    func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    /// Waits until every socket is closed and its queued messages are sent (or its linger
    /// time has passed).
    func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}

/// A ZeroMQ socket. Like libzmq's, it is not thread-safe: one thread uses it at a time
/// (the publisher serialises its users with a lock).
final class ZMQSocket: @unchecked Sendable {
    enum Kind {
        case router, publisher, reply

        var raw: Int32 {
            switch self {
            case .router: return ZMQ_ROUTER
            case .publisher: return ZMQ_PUB
            case .reply: return ZMQ_REP
            }
        }
    }

    let handle: UnsafeMutableRawPointer

    init(_ context: ZMQContext, _ kind: Kind) throws {
        guard let handle = zmq_socket(context.handle, kind.raw) else { throw ZMQError("zmq_socket") }
        self.handle = handle
        // Messages still queued at shutdown get a second to leave, then are dropped.
        var linger: Int32 = 1000
        zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    }

    /// Listens on `endpoint`; with `descriptor`, on that socket, already listening there
    /// (ZMQ_USE_FD), instead of a new one.
    func bind(_ endpoint: String, adopting descriptor: Int32? = nil) throws {
        if var descriptor {
            guard zmq_setsockopt(handle, ZMQ_USE_FD, &descriptor, MemoryLayout<Int32>.size) == 0 else {
                throw ZMQError("adopting the listening socket \(descriptor) for \(endpoint)")
            }
        }
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError("binding \(endpoint)") }
    }

    func close() {
        zmq_close(handle)
    }

    /// Sends `frames` as one multipart message.
    func send(_ frames: [[UInt8]]) throws {
        for (i, frame) in frames.enumerated() {
            let flags = i < frames.count - 1 ? ZMQ_SNDMORE : 0
            let sent = frame.withUnsafeBytes { bytes -> Int32 in
                while true {
                    let n = zmq_send(handle, bytes.baseAddress, bytes.count, flags)
                    if n >= 0 || zmq_errno() != EINTR { return n }
                }
            }
            if sent < 0 { throw ZMQError("zmq_send") }
        }
    }

    /// Waits for one multipart message and returns its frames.
    func receive() throws -> [[UInt8]] {
        var frames: [[UInt8]] = []
        var more = true
        while more {
            var message = zmq_msg_t()
            zmq_msg_init(&message)
            defer { zmq_msg_close(&message) }
            while zmq_msg_recv(&message, handle, 0) < 0 {
                if zmq_errno() != EINTR { throw ZMQError("zmq_msg_recv") }
            }
            let size = zmq_msg_size(&message)
            frames.append(size == 0 ? [] : Array(UnsafeRawBufferPointer(start: zmq_msg_data(&message), count: size)))
            more = zmq_msg_more(&message) != 0
        }
        return frames
    }

    /// Waits up to `milliseconds` (-1: for ever) until one of `sockets` has a message or
    /// `descriptor` is readable. Returns which sockets are ready, and whether the descriptor is;
    /// a signal ends the wait early with nothing ready.
    static func poll(_ sockets: [ZMQSocket], descriptor: Int32? = nil, milliseconds: Int) throws -> (ready: [Bool], descriptor: Bool) {
        var items = sockets.map { zmq_pollitem_t(socket: $0.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
        if let descriptor { items.append(zmq_pollitem_t(socket: nil, fd: descriptor, events: Int16(ZMQ_POLLIN), revents: 0)) }
        let count = Int32(items.count)
        if zmq_poll(&items, count, milliseconds) < 0 {
            if zmq_errno() == EINTR { return (Array(repeating: false, count: sockets.count), false) }
            throw ZMQError("zmq_poll")
        }
        let ready = items.prefix(sockets.count).map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
        return (ready, descriptor != nil && items[sockets.count].revents & Int16(ZMQ_POLLIN) != 0)
    }
}
