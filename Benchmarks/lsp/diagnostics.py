#!/usr/bin/env python3
"""How fast `mml lsp` checks a 2,000-line script, measured at the client (issue 20's target: a
median within 50 ms, peak memory under 50 MB).

The script is the samples of Samples/ one after another, repeated to 2,000 lines. The client
(plain JSON-RPC over the server's standard input and output, nothing from PyPI) opens it, then
20 times sends a didChange with the full text (one line differs each time, so every version is
new) and times from sending it to receiving the publishDiagnostics that follows. Peak memory
is the server process's VmHWM (peak resident set) from /proc after the last change.

    Benchmarks/lsp/diagnostics.py [MML]     MML defaults to .build/release/mml (swift build -c release)
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
MML = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build" / "release" / "mml")
LINES = 2000
RUNS = 20


def script():
    lines = []
    samples = sorted(ROOT.glob("Samples/*/*.mml"))
    while len(lines) < LINES:
        for path in samples:
            lines.extend(path.read_text().split("\n"))
    return "\n".join(lines[:LINES]) + "\n"


class Client:
    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method, params, request=False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = 0
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def wait_for(self, method):
        while True:
            message = self.receive()
            if message.get("method") == method or (method is None and "id" in message):
                return message


def main():
    text = script()
    client = Client([MML, "lsp"])
    client.send("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}}, request=True)
    client.wait_for(None)
    client.send("initialized", {})
    uri = "file:///benchmark/long.mml"
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "mml", "version": 1, "text": text}})
    opened = client.wait_for("textDocument/publishDiagnostics")
    problems = len(opened["params"]["diagnostics"])
    times = []
    for version in range(2, RUNS + 2):
        changed = text + f"changed_{version} = {version}\n"
        start = time.perf_counter()
        client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": changed}]})
        client.wait_for("textDocument/publishDiagnostics")
        times.append(time.perf_counter() - start)
    status = pathlib.Path(f"/proc/{client.process.pid}/status").read_text()
    peak_kb = int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1])
    client.send("shutdown", None, request=True)
    client.wait_for(None)
    client.send("exit", None)
    client.process.wait(timeout=10)
    median = statistics.median(times) * 1000
    print(f"{LINES}-line script ({len(text)} bytes, {problems} diagnostics): didChange → publishDiagnostics "
          f"median {median:.1f} ms of {RUNS} (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}); "
          f"peak memory {peak_kb / 1024:.1f} MB")
    ok = median < 50 and peak_kb < 50 * 1024
    print("within the targets (50 ms, 50 MB)" if ok else "OVER a target (50 ms, 50 MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
