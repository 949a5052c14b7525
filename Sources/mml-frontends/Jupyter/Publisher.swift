// The IOPub side of the kernel: every thread that broadcasts (the cell's, the control
// channel's, the stream flusher) goes through one lock, as a ZeroMQ socket needs; and the
// cell's printed text, gathered into stream messages so a loop that prints a line per step
// does not send a message per line.
import Foundation
import MMLCore

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

/// The cell's standard output and error, sent as stream messages at most every
/// `interval` seconds (by a thread of their own), and whenever something else is shown.
final class OutputStreams: @unchecked Sendable {
    static let interval = 0.05

    private let publisher: Publisher
    private let lock = NSLock()
    /// Text not yet sent, in the order it was printed (stdout and stderr interleaved).
    private var pending: [(stream: String, text: String)] = []
    private var parent: JupyterMessage?

    init(publisher: Publisher) {
        self.publisher = publisher
    }

    /// Starts the thread that sends what has gathered.
    func startFlushing() {
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: Self.interval)
                flush()
            }
        }
    }

    /// Streams from now on answer `request`.
    func begin(_ request: JupyterMessage) {
        lock.withLock { parent = request }
    }

    func write(_ text: String, error: Bool) {
        guard !text.isEmpty else { return }
        let name = error ? "stderr" : "stdout"
        lock.withLock {
            if let last = pending.last, last.stream == name {
                pending[pending.count - 1].text += text
            } else {
                pending.append((name, text))
            }
        }
    }

    /// Sends everything gathered so far.
    func flush() {
        // Held while publishing, so two flushes cannot overtake each other.
        lock.withLock {
            for chunk in pending {
                publisher.publish("stream", ["name": chunk.stream, "text": chunk.text], parent: parent)
            }
            pending.removeAll()
        }
    }
}

/// A line on the kernel's standard error, which Jupyter keeps in its log.
func log(_ text: String) {
    FileHandle.standardError.write(Data(("mml kernel: " + text + "\n").utf8))
}
