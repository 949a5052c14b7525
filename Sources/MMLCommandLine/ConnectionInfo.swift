// The connection file Jupyter writes for a kernel: where to listen and how to sign. Both
// executables read it: `mml kernel` to open the listening sockets before it hands over (see
// Sources/mml/KernelListeners.swift), `mml-frontends kernel` to run the kernel. The JSON
// codec is FoundationEssentials', which `mml` loads anyway (swift-argument-parser uses it).
import FoundationEssentials

public struct ConnectionInfo: Decodable, Sendable {
    public var transport: String
    public var ip: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var hbPort: Int
    public var key: String
    public var signatureScheme: String

    enum CodingKeys: String, CodingKey {
        case transport, ip, key
        case shellPort = "shell_port", iopubPort = "iopub_port", stdinPort = "stdin_port"
        case controlPort = "control_port", hbPort = "hb_port", signatureScheme = "signature_scheme"
    }

    public init(from decoder: Decoder) throws {
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
    public static func read(_ path: String) throws(ConnectionFileError) -> ConnectionInfo {
        let data: Data
        do { data = try Data(contentsOf: URL(filePath: path)) } catch {
            throw ConnectionFileError("cannot read the connection file \(path)")
        }
        let info: ConnectionInfo
        do { info = try JSONDecoder().decode(ConnectionInfo.self, from: data) } catch {
            throw ConnectionFileError("the connection file \(path) is not a Jupyter connection file (\(error))")
        }
        guard info.transport == "tcp" || info.transport == "ipc" else {
            throw ConnectionFileError("the connection file asks for transport \(info.transport); MML speaks tcp and ipc")
        }
        guard info.signatureScheme == "hmac-sha256" || info.key.isEmpty else {
            throw ConnectionFileError("the connection file asks for signature scheme \(info.signatureScheme); MML signs with hmac-sha256")
        }
        return info
    }

    /// The port of each channel.
    public func port(_ channel: KernelChannel) -> Int {
        switch channel {
        case .shell: return shellPort
        case .control: return controlPort
        case .stdin: return stdinPort
        case .heartbeat: return hbPort
        case .iopub: return iopubPort
        }
    }

    /// The ZeroMQ address of a channel: tcp://IP:PORT, or ipc://IP-PORT (a socket file,
    /// as jupyter_client names them).
    public func endpoint(_ channel: KernelChannel) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port(channel))" : "tcp://\(ip):\(port(channel))"
    }
}

/// The five sockets of a Jupyter kernel, in the order the kernel binds them.
public enum KernelChannel: Int, CaseIterable, Sendable {
    case shell, control, stdin, heartbeat, iopub
}

/// Why a connection file cannot be used.
public struct ConnectionFileError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
