// The MML Jupyter kernel: one workspace (an MMLCore Session) behind the five channels of the
// Jupyter messaging protocol. The main thread serves the shell channel and runs cells; the
// control channel (interrupt, shutdown) and the heartbeat have threads of their own, so they
// answer while a cell runs. Requests are handled in Kernel+Execute and Kernel+Requests.
import Foundation
import MMLCommandLine
import MMLCore

/// The threads share the kernel object but not its parts: the workspace, shell and stdin
/// belong to the main thread, the control socket to the control thread, the heartbeat socket
/// to its thread; the publisher and the lifecycle are safe to use from any thread.
final class Kernel: @unchecked Sendable {
    let codec: MessageCodec
    let context: ZMQContext
    let shell: ZMQSocket
    let stdin: ZMQSocket
    let control: ZMQSocket
    let heartbeat: ZMQSocket
    let publisher: Publisher
    let streams: OutputStreams
    let lifecycle = Lifecycle()

    /// The workspace every cell runs in; code may use files under the folder Jupyter started
    /// the kernel in (the notebook's), as a script may use its own folder.
    let workspace: Session
    /// The REPL's view of the workspace, for its completion and help.
    let repl: REPLSession
    var executionCount = 0
    var history: [HistoryEntry] = []

    /// `listening` holds sockets already listening on some channels' addresses (handed over
    /// by `mml kernel`), which the kernel adopts instead of binding anew.
    init(connection: ConnectionInfo, listening: [KernelChannel: Int32] = [:]) throws {
        codec = MessageCodec(signer: MessageSigner(key: connection.key), session: UUID().uuidString.lowercased())
        context = try ZMQContext()
        shell = try ZMQSocket(context, .router)
        control = try ZMQSocket(context, .router)
        stdin = try ZMQSocket(context, .router)
        heartbeat = try ZMQSocket(context, .reply)
        let iopub = try ZMQSocket(context, .publisher)
        let sockets: [KernelChannel: ZMQSocket] = [.shell: shell, .control: control, .stdin: stdin, .heartbeat: heartbeat, .iopub: iopub]
        for channel in KernelChannel.allCases {
            try sockets[channel]!.bind(connection.endpoint(channel), adopting: listening[channel])
        }
        publisher = Publisher(socket: iopub, codec: codec)
        streams = OutputStreams(publisher: publisher)
        workspace = Session(SessionConfiguration(fileAccess: .forScript(at: nil)))
        repl = REPLSession(session: workspace, reader: NoInput(), write: { _ in }, writeError: { _ in })
    }

    /// Serves until a shutdown request, or until the process that started the kernel is gone.
    func run() -> Never {
        Kernel.interruptOnSignal()
        startHeartbeat()
        startControl()
        streams.startFlushing()
        lifecycle.watchParent()
        publisher.status("starting", parent: nil)
        while !lifecycle.isShuttingDown {
            let ready: [Bool]
            do { ready = try ZMQSocket.poll([shell], descriptor: lifecycle.wakeDescriptor, milliseconds: -1).ready } catch {
                log("\(error)")
                break
            }
            guard ready[0], !lifecycle.isShuttingDown else { continue }
            guard let request = receive(on: shell) else { continue }
            handleShellRequest(request)
        }
        // Queued replies and broadcasts leave before the process does (up to each socket's linger).
        context.shutdown()
        shell.close()
        stdin.close()
        publisher.close()
        context.terminate()
        exit(0)
    }

    /// The next well-formed, correctly signed message on `socket`, or nil (what was wrong is
    /// logged; a bad message never stops the kernel).
    func receive(on socket: ZMQSocket) -> JupyterMessage? {
        let frames: [[UInt8]]
        do { frames = try socket.receive() } catch {
            if let failure = error as? ZMQError, failure.isTerminated { return nil }
            log("\(error)")
            return nil
        }
        do { return try codec.decode(frames) } catch {
            log("dropped a message with \(error)")
            return nil
        }
    }

    /// Sends the reply `type` to `request` on `socket`, which the request came on.
    func reply(_ request: JupyterMessage, _ type: String, _ content: JSONObject, on socket: ZMQSocket) {
        var message = codec.make(type, content: content, parent: request)
        message.identities = request.identities
        do { try socket.send(codec.encode(message)) } catch { log("cannot send \(type): \(error)") }
    }

    // MARK: The shell channel

    func handleShellRequest(_ request: JupyterMessage) {
        publisher.status("busy", parent: request)
        var abandoned: [JupyterMessage] = []
        switch request.type {
        case "execute_request": abandoned = execute(request)
        case "kernel_info_request": reply(request, "kernel_info_reply", kernelInfo, on: shell)
        case "complete_request": reply(request, "complete_reply", complete(request.content), on: shell)
        case "inspect_request": reply(request, "inspect_reply", inspect(request.content), on: shell)
        case "is_complete_request": reply(request, "is_complete_reply", isComplete(request.content), on: shell)
        case "history_request": reply(request, "history_reply", historyReply(request.content), on: shell)
        case "comm_info_request": reply(request, "comm_info_reply", ["status": "ok", "comms": [String: Any]()], on: shell)
        case "shutdown_request":
            // Older clients send it here rather than on the control channel.
            shutDown(request, on: shell)
        case "comm_open", "comm_msg", "comm_close":
            break  // MML has no widgets; Jupyter's comms are ignored, as the protocol allows.
        default: log("ignored a \(request.type) on the shell channel")
        }
        publisher.status("idle", parent: request)
        for next in abandoned {
            if next.type == "execute_request" { abort(next) } else { handleShellRequest(next) }
        }
    }

    // MARK: The control channel and the heartbeat

    private func startControl() {
        Thread.detachNewThread { [self] in
            while true {
                do { _ = try ZMQSocket.poll([control], milliseconds: -1) } catch { break }
                guard let request = receive(on: control) else {
                    if lifecycle.isShuttingDown { break }
                    continue
                }
                publisher.status("busy", parent: request)
                switch request.type {
                case "interrupt_request":
                    Interrupt.request(.interrupt)
                    reply(request, "interrupt_reply", ["status": "ok"], on: control)
                case "shutdown_request": shutDown(request, on: control)
                case "kernel_info_request": reply(request, "kernel_info_reply", kernelInfo, on: control)
                default: log("ignored a \(request.type) on the control channel")
                }
                publisher.status("idle", parent: request)
            }
            control.close()
        }
    }

    private func shutDown(_ request: JupyterMessage, on socket: ZMQSocket) {
        let content: JSONObject = ["status": "ok", "restart": request.content.bool("restart") ?? false]
        reply(request, "shutdown_reply", content, on: socket)
        publisher.publish("shutdown_reply", content, parent: request)
        lifecycle.shutDown()
    }

    /// Echoes every heartbeat ping until the context shuts down.
    private func startHeartbeat() {
        Thread.detachNewThread { [heartbeat] in
            while let ping = try? heartbeat.receive() {
                if (try? heartbeat.send(ping)) == nil { break }
            }
            heartbeat.close()
        }
    }

    /// SIGINT (Jupyter's interrupt in "signal" mode) stops the running cell at its next loop
    /// step, call or builtin chunk, with an "interrupted" error; the workspace stays.
    private static func interruptOnSignal() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupt.request(.interrupt) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// The REPL object the kernel keeps for help and completion never reads lines.
private final class NoInput: LineReader {
    func readLine(prompt: String) -> LineInput { .endOfInput }
    func addHistory(_ entry: String) {}
}
