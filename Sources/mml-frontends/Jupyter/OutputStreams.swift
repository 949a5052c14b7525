// The cell's printed text, gathered into stream messages, so a loop that prints a line per
// step does not send a message per line, yet output shows while the cell runs.
import Foundation

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
