// The connection file Jupyter writes for a kernel: where to listen and how to sign.
import Foundation

struct ConnectionInfo: Decodable {
    var transport: String
    var ip: String
    var shellPort: Int
    var iopubPort: Int
    var stdinPort: Int
    var controlPort: Int
    var hbPort: Int
    var key: String
    var signatureScheme: String

    enum CodingKeys: String, CodingKey {
        case transport, ip, key
        case shellPort = "shell_port", iopubPort = "iopub_port", stdinPort = "stdin_port"
        case controlPort = "control_port", hbPort = "hb_port", signatureScheme = "signature_scheme"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        transport = try c.decodeIfPresent(String.self, forKey: .transport) ?? "tcp"
        ip = try c.decodeIfPresent(String.self, forKey: .ip) ?? "127.0.0.1"
        shellPort = try c.decode(Int.self, forKey: .shellPort)
        iopubPort = try c.decode(Int.self, forKey: .iopubPort)
        stdinPort = try c.decode(Int.self, forKey: .stdinPort)
        controlPort = try c.decode(Int.self, forKey: .controlPort)
        hbPort = try c.decode(Int.self, forKey: .hbPort)
        key = try c.decodeIfPresent(String.self, forKey: .key) ?? ""
        signatureScheme = try c.decodeIfPresent(String.self, forKey: .signatureScheme) ?? "hmac-sha256"
    }

    /// Reads and checks a connection file; the error says what is wrong with it.
    static func read(_ path: String) throws -> ConnectionInfo {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw FrontEndError("cannot read the connection file \(path)")
        }
        let info: ConnectionInfo
        do { info = try JSONDecoder().decode(ConnectionInfo.self, from: data) } catch {
            throw FrontEndError("the connection file \(path) is not a Jupyter connection file (\(error))")
        }
        guard info.transport == "tcp" || info.transport == "ipc" else {
            throw FrontEndError("the connection file asks for transport \(info.transport); MML speaks tcp and ipc")
        }
        guard info.signatureScheme == "hmac-sha256" || info.key.isEmpty else {
            throw FrontEndError("the connection file asks for signature scheme \(info.signatureScheme); MML signs with hmac-sha256")
        }
        return info
    }

    /// The ZeroMQ address of a channel: tcp://IP:PORT, or ipc://IP-PORT (a socket file,
    /// as jupyter_client names them).
    func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}
