// JSON-RPC messages over standard input and output with the Language Server Protocol's
// framing: `Content-Length: N` headers, a blank line, then N bytes of JSON (Foundation's codec).
import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Reads framed messages from one file descriptor and writes them to another.
final class MessageChannel {
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    /// One message as read: a JSON object, or why it could not be read.
    enum Incoming {
        case message(JSONObject)
        case malformed(String)
    }

    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
    }

    /// The next message; nil at the end of the input.
    func read() -> Incoming? {
        while true {
            if let message = takeMessage() { return message }
            guard fill() else { return nil }
        }
    }

    /// Whether another message has arrived (or is arriving) that has not been read yet: the
    /// server then leaves work that this message may make stale (diagnostics) until it has.
    var hasPendingInput: Bool {
        if start < buffer.count { return true }
        var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0
    }

    func write(_ object: JSONObject) {
        guard let body = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]) else {
            log("mml lsp: cannot encode a reply as JSON")
            return
        }
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes.append(contentsOf: body)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            sent += n
        }
    }

    /// Reads more bytes into the buffer; false at the end of the input.
    private func fill() -> Bool {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            buffer.append(contentsOf: chunk[..<n])
            return true
        }
    }

    /// A whole message from the buffer, if one is there.
    private func takeMessage() -> Incoming? {
        guard let headerEnd = find([13, 10, 13, 10], from: start) else { return nil }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        let bodyStart = headerEnd + 4
        guard let length, length >= 0 else {
            start = bodyStart
            return .malformed("a message without a Content-Length header")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Data(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? JSONObject else {
            return .malformed("a message that is not a JSON object")
        }
        return .message(object)
    }

    private func find(_ pattern: [UInt8], from: Int) -> Int? {
        guard buffer.count - from >= pattern.count else { return nil }
        var i = from
        while i + pattern.count <= buffer.count {
            if buffer[i] == pattern[0] && Array(buffer[i..<i + pattern.count]) == pattern { return i }
            i += 1
        }
        return nil
    }
}
