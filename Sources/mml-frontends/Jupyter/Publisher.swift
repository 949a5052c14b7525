// The IOPub side of the kernel: every thread that broadcasts (the cell's, the control
// channel's, the stream flusher) goes through one lock, as a ZeroMQ socket needs.
import Foundation

/// Broadcasts messages on the IOPub socket.
final class Publisher: @unchecked Sendable {
    private let socket: ZMQSocket
    private let codec: MessageCodec
    private let lock = NSLock()
    private var closed = false

    init(socket: ZMQSocket, codec: MessageCodec) {
        self.socket = socket
        self.codec = codec
    }

    func publish(_ type: String, _ content: JSONObject, parent: JupyterMessage?) {
        var message = codec.make(type, content: content, parent: parent)
        // Subscribers take every topic; the type makes a readable one.
        message.identities = [Array("kernel.\(codec.session).\(type)".utf8)]
        let frames = codec.encode(message)
        lock.withLock {
            guard !closed else { return }
            do { try socket.send(frames) } catch { log("cannot publish \(type): \(error)") }
        }
    }

    func status(_ state: String, parent: JupyterMessage?) {
        publish("status", ["execution_state": state], parent: parent)
    }

    /// Closes the socket; later publishing does nothing.
    func close() {
        lock.withLock {
            closed = true
            socket.close()
        }
    }
}

/// A line on the kernel's standard error, which Jupyter keeps in its log.
func log(_ text: String) {
    FileHandle.standardError.write(Data(("mml kernel: " + text + "\n").utf8))
}
