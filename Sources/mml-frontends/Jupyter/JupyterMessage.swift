// Jupyter messages and their wire form: identities, the <IDS|MSG> delimiter, the HMAC
// signature, then header, parent header, metadata and content as JSON (Foundation's codec),
// then any binary buffers.
import Foundation

typealias JSONObject = [String: Any]

/// One message of the Jupyter protocol.
struct JupyterMessage {
    /// The routing prefix of a ROUTER socket: replies go back with it.
    var identities: [[UInt8]] = []
    var header: JSONObject
    var parentHeader: JSONObject = [:]
    var metadata: JSONObject = [:]
    var content: JSONObject = [:]

    var type: String { header.string("msg_type") ?? "" }
    var id: String { header.string("msg_id") ?? "" }
}

/// Why an incoming message was dropped.
enum WireError: Error, CustomStringConvertible {
    case noDelimiter, missingFrames, badSignature, badJSON(part: String), noType

    var description: String {
        switch self {
        case .noDelimiter: return "no <IDS|MSG> delimiter"
        case .missingFrames: return "fewer than the five frames after the delimiter"
        case .badSignature: return "a missing or wrong signature"
        case .badJSON(let part): return "its \(part) is not a JSON object"
        case .noType: return "its header has no msg_type"
        }
    }
}

/// Turns frames into messages and back, signing with the connection's key.
struct MessageCodec: Sendable {
    static let delimiter = Array("<IDS|MSG>".utf8)
    /// The protocol version this kernel speaks.
    static let protocolVersion = "5.3"

    let signer: MessageSigner
    /// This kernel's session id, in every header it sends.
    let session: String

    func decode(_ frames: [[UInt8]]) throws(WireError) -> JupyterMessage {
        guard let split = frames.firstIndex(of: Self.delimiter) else { throw .noDelimiter }
        let rest = frames[(split + 1)...]
        guard rest.count >= 5 else { throw .missingFrames }
        let signature = rest[rest.startIndex]
        let parts = Array(rest[(rest.startIndex + 1)..<(rest.startIndex + 5)])
        guard signer.verify(signature, parts) else { throw .badSignature }
        func object(_ bytes: [UInt8], _ name: String) throws(WireError) -> JSONObject {
            guard let value = try? JSONSerialization.jsonObject(with: Data(bytes)), let object = value as? JSONObject else {
                throw .badJSON(part: name)
            }
            return object
        }
        let message = JupyterMessage(
            identities: Array(frames[..<split]),
            header: try object(parts[0], "header"), parentHeader: try object(parts[1], "parent header"),
            metadata: try object(parts[2], "metadata"), content: try object(parts[3], "content"))
        guard !message.type.isEmpty else { throw .noType }
        return message
    }

    /// A new message of `type` answering (or caused by) `parent`.
    func make(_ type: String, content: JSONObject, parent: JupyterMessage?, metadata: JSONObject = [:]) -> JupyterMessage {
        let header: JSONObject = [
            "msg_id": UUID().uuidString.lowercased(), "session": session, "username": "mml",
            "date": Self.timestamp(), "msg_type": type, "version": Self.protocolVersion,
        ]
        return JupyterMessage(header: header, parentHeader: parent?.header ?? [:], metadata: metadata, content: content)
    }

    func encode(_ message: JupyterMessage) -> [[UInt8]] {
        let parts = [message.header, message.parentHeader, message.metadata, message.content].map(Self.json)
        return message.identities + [Self.delimiter, Array(signer.signature(parts).utf8)] + parts
    }

    static func json(_ object: JSONObject) -> [UInt8] {
        // Everything the kernel sends is made of strings, numbers, booleans, arrays and objects.
        (try? [UInt8](JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]))) ?? Array("{}".utf8)
    }

    /// ISO 8601 in UTC with microseconds, as Jupyter writes dates.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, now.tv_nsec / 1000)
    }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }

    func bool(_ key: String) -> Bool? {
        if let b = self[key] as? Bool { return b }
        return nil
    }

    func int(_ key: String) -> Int? {
        if let i = self[key] as? Int { return i }
        if let d = self[key] as? Double, d.rounded() == d, abs(d) < 1e15 { return Int(d) }
        return nil
    }

    func object(_ key: String) -> JSONObject? { self[key] as? JSONObject }
}
