// The HMAC-SHA256 signatures of Jupyter messages, through OpenSSL's libcrypto. Nothing else
// in MML speaks to libcrypto.
import CLibCrypto

/// Signs and checks messages with the connection file's key.
struct MessageSigner: Sendable {
    private let key: [UInt8]

    /// A signer for `key`; an empty key means messages are neither signed nor checked.
    init(key: String) {
        self.key = Array(key.utf8)
    }

    var isSigning: Bool { !key.isEmpty }

    /// The hex signature of the four JSON frames (header, parent header, metadata, content).
    func signature(_ parts: [[UInt8]]) -> String {
        guard isSigning else { return "" }
        var data: [UInt8] = []
        for part in parts { data += part }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = key.withUnsafeBytes { k in
            data.withUnsafeBytes { d in
                HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), d.bindMemory(to: UInt8.self).baseAddress, d.count, &digest, &length)
            }
        }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest.prefix(Int(length)) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `signature` is the right one for `parts` (compared in constant time).
    func verify(_ signature: [UInt8], _ parts: [[UInt8]]) -> Bool {
        guard isSigning else { return true }
        let expected = Array(self.signature(parts).utf8)
        guard signature.count == expected.count else { return false }
        return CRYPTO_memcmp(signature, expected, expected.count) == 0
    }
}
