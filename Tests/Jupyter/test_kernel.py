"""MML's Jupyter kernel, tested through Jupyter's own clients.

jupyter_kernel_test's conformance suite runs with MML samples, then tests of what the suite
does not cover: interrupts (signal and control message) on a loop that never ends, restart,
bad messages, and the kernel leaving when its parent does. Scripts/test-jupyter runs this
against the kernelspec `mml jupyter install --prefix` wrote, found through JUPYTER_PATH.
"""
import json
import os
import socket
import subprocess
import tempfile
import time
import unittest

import jupyter_kernel_test
from jupyter_client.connect import write_connection_file
from jupyter_client.manager import KernelManager, start_new_kernel

TIMEOUT = 15


class MMLKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "mml"
    language_name = "mml"
    file_extension = ".mml"

    code_hello_world = 'print("hello, world")'
    # A warning goes to standard error.
    code_stderr = "limit(x -> 1/x, 0)"

    completion_samples = [
        {"text": "sqr", "matches": {"sqrt"}},
        # Jupyter counts the cursor in code points: a Greek name before must not shift it.
        {"text": "αβ = 1\nlinsp", "matches": {"linspace"}},
    ]

    complete_code_samples = ["1 + 1", "x = [1, 2; 3, 4]", "for i in 1:3 {\n  print(i)\n}", "f(x) = x^2 + 1"]
    incomplete_code_samples = ["x = [1, 2", "for i in 1:3 {", "f(x) = x +", 'print("abc']
    invalid_code_samples = ["x = )", "1 + * 2"]

    code_generate_error = "undefined_name + 1"

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "x = 5\nx * 2", "result": "10"},
        {"code": "[1, 2; 3, 4]", "result": "  1  2\n  3  4"},
    ]

    code_display_data = [
        {"code": "plot(x -> x^2, -1, 1)", "mime": "image/svg+xml"},
        {"code": "plot(x -> x^2, -1, 1)", "mime": "text/plain"},
        {"code": "display([1, 2; 3, 4])", "mime": "text/latex"},
        {"code": "display([1, 2; 3, 4])", "mime": "text/html"},
        {"code": 'check("one", 1, 1)', "mime": "text/html"},
    ]

    code_history_pattern = "1 +*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "sqrt"

    def setUp(self):
        self.flush_channels()

    def test_completion_of_workspace_names_and_fields(self):
        self.execute_helper("αβγ = 1\nrec.alpha = 1\nrec.beta = 2;")
        for code, matches in [("αβ", ["αβγ"]), ("rec.al", ["alpha"]), ("1 + rec.", ["alpha", "beta"])]:
            with self.subTest(code=code):
                self.kc.complete(code)
                reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
                self.assertEqual(reply["content"]["matches"], matches)

    def test_completion_cursor_counts_code_points(self):
        self.execute_helper("αβγ = 1")
        msg_id = self.kc.complete("αβγ = 1\nαβ", 10)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["matches"], ["αβγ"])
        self.assertEqual((reply["content"]["cursor_start"], reply["content"]["cursor_end"]), (8, 10))

    def test_inspect_shows_values_and_formulas(self):
        self.execute_helper("g(x) = 3 * x^2\nw = [1, 2, 3];")
        for code, expected in [("g", "g(x) = 3·x²"), ("w", "w = [1, 2, 3]"), ("sqrt", "Square root")]:
            with self.subTest(code=code):
                self.kc.inspect(code, len(code))
                reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
                self.assertTrue(reply["content"]["found"])
                self.assertIn(expected, reply["content"]["data"]["text/plain"])

    def test_every_shown_value_before_the_result_is_a_display(self):
        reply, outputs = self.execute_helper("a = 1\nb = 2\na + b")
        kinds = [(m["msg_type"], m["content"]["data"]["text/plain"]) for m in outputs]
        self.assertEqual(kinds, [("display_data", "a = 1"), ("display_data", "b = 2"), ("execute_result", "3")])

    def test_rich_forms_keep_the_text_of_the_repl(self):
        reply, outputs = self.execute_helper("f(x) = x^3\nf'")
        data = outputs[-1]["content"]["data"]
        self.assertEqual(outputs[-1]["msg_type"], "execute_result")
        self.assertEqual(data["text/plain"], "f'(x) = 3·x²")
        self.assertEqual(data["text/latex"], "$$f'\\left(x\\right) = 3 \\cdot x^{2}$$")
        reply, outputs = self.execute_helper("A = [1, 2; 3, 4]")
        data = outputs[-1]["content"]["data"]
        self.assertEqual(data["text/plain"], "A =\n  1  2\n  3  4")
        self.assertIn("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", data["text/latex"])
        self.assertIn("<table", data["text/html"])

    def test_display_shows_values_mid_cell(self):
        reply, outputs = self.execute_helper('display(1 + 1)\nprint("after")\n3')
        kinds = [(m["msg_type"], m["content"].get("data", {}).get("text/plain") or m["content"].get("text")) for m in outputs]
        self.assertEqual(kinds, [("display_data", "2"), ("stream", "after\n"), ("execute_result", "3")])

    def test_checks_are_marked_displays(self):
        reply, outputs = self.execute_helper('check("sum", 1 + 1, 3)')
        data = outputs[0]["content"]["data"]
        self.assertEqual(data["text/plain"], "✗ sum: expected 3, got 2")
        self.assertIn("✗", data["text/html"])

    def test_a_silenced_last_statement_has_no_result(self):
        reply, outputs = self.execute_helper("7\n8;")
        self.assertEqual([m["msg_type"] for m in outputs], ["display_data"])

    def test_error_traceback_has_the_caret(self):
        reply, outputs = self.execute_helper("y = [1, 2] * [3, 4]")
        self.assertEqual(reply["content"]["status"], "error")
        traceback = "\n".join(outputs[-1]["content"]["traceback"])
        self.assertIn("^", traceback)
        self.assertIn("<cell", traceback)

    def test_silent_cells_show_nothing_and_keep_the_count(self):
        reply, _ = self.execute_helper("1")
        count = reply["content"]["execution_count"]
        reply, outputs = self.execute_helper("silent_value = 41 + 1", silent=True)
        self.assertEqual(outputs, [])
        reply, outputs = self.execute_helper("silent_value")
        self.assertEqual(reply["content"]["execution_count"], count + 1)
        self.assertEqual(outputs[0]["content"]["data"]["text/plain"], "42")

    def test_user_expressions(self):
        msg_id = self.kc.execute("u = 6", user_expressions={"double": "u * 2", "bad": "nope_name"})
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        expressions = reply["content"]["user_expressions"]
        self.assertEqual(expressions["double"]["data"]["text/plain"], "12")
        self.assertEqual(expressions["bad"]["status"], "error")
        self.flush_channels()

    def test_comm_info(self):
        self.kc.comm_info()
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        self.assertEqual(reply["content"], {"status": "ok", "comms": {}})


def _run(kc, code, timeout=TIMEOUT):
    """Executes `code`; returns the execute_reply content and the iopub messages it caused."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    assert reply["parent_header"]["msg_id"] == msg_id
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], outputs
        outputs.append(msg)


def _wait_until_running(kc, msg_id):
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return


class KernelLifeTests(unittest.TestCase):
    """Each test with a kernel of its own: interrupts (a cell that never ends stops, the
    workspace and the kernel carry on), stop_on_error, restart, the heartbeat, bad messages."""

    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name="mml")

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def interrupt_cell(self, interrupt, code="while true { }"):
        """Runs `code`, which takes far longer than a second, interrupts it with `interrupt`,
        and checks that it stops within a second and the workspace survives."""
        content, _ = _run(self.kc, "kept = 42")
        self.assertEqual(content["status"], "ok")
        msg_id = self.kc.execute(code)
        _wait_until_running(self.kc, msg_id)
        time.sleep(0.3)
        started = time.monotonic()
        interrupt()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertLess(time.monotonic() - started, 1.0)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "interrupted")
        content, outputs = _run(self.kc, "kept + 1")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "43")

    def interrupt_by_control(self):
        self.kc.control_channel.send(self.kc.session.msg("interrupt_request", {}))
        reply = self.kc.control_channel.get_msg(timeout=TIMEOUT)
        self.assertEqual(reply["msg_type"], "interrupt_reply")

    def test_interrupt_by_signal(self):
        self.assertEqual(self.km.kernel_spec.interrupt_mode, "signal")
        self.interrupt_cell(self.km.interrupt_kernel)

    def test_interrupt_request_on_control(self):
        self.interrupt_cell(self.interrupt_by_control)

    # One sort of ten million numbers is a single builtin call that takes seconds (about ten in a
    # debug build); it checks for a stop between runs and merges, so an interrupt ends it.
    def interrupt_long_sort(self, interrupt):
        content, _ = _run(self.kc, "big = rand(10000000);")
        self.assertEqual(content["status"], "ok")
        self.interrupt_cell(interrupt, "sorted_big = sort(big);")
        # The numbers are still there; the sort never finished, so nothing was assigned.
        content, outputs = _run(self.kc, "length(big)")
        self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "10000000")
        content, _ = _run(self.kc, "sorted_big")
        self.assertEqual(content["ename"], "name error")

    def test_interrupt_of_a_long_sort_by_signal(self):
        self.interrupt_long_sort(self.km.interrupt_kernel)

    def test_interrupt_of_a_long_sort_on_control(self):
        self.interrupt_long_sort(self.interrupt_by_control)

    def test_an_interrupt_between_cells_does_not_stop_the_next(self):
        self.km.interrupt_kernel()
        time.sleep(0.1)
        content, _ = _run(self.kc, "s = 0\nfor i in 1:20000 { s = s + i }\ns")
        self.assertEqual(content["status"], "ok")

    def test_cells_queued_behind_a_failed_one_do_not_run(self):
        failing = self.kc.execute("s = 0\nfor i in 1:100000 { s = s + i }\nnot_defined_here")
        queued = self.kc.execute("ran_after = 1")
        replies = {}
        while len(replies) < 2:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual(replies, {failing: "error", queued: "aborted"})
        content, _ = _run(self.kc, "ran_after")
        self.assertEqual(content["status"], "error")

    def test_heartbeat_echoes(self):
        socket = self.km.connect_hb()
        socket.send(b"ping")
        self.assertTrue(socket.poll(TIMEOUT * 1000))
        self.assertEqual(socket.recv(), b"ping")
        socket.close()

    def test_restart_forgets_the_workspace(self):
        _run(self.kc, "before_restart = 1")
        self.km.restart_kernel()
        self.kc.wait_for_ready(timeout=TIMEOUT)
        content, _ = _run(self.kc, "before_restart")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "name error")

    def test_bad_messages_are_dropped(self):
        socket = self.km.connect_shell()  # raw frames, not signed by the client's session
        header = json.dumps({"msg_id": "x", "msg_type": "execute_request", "session": "s", "username": "u",
                             "date": "2020-01-01T00:00:00Z", "version": "5.3"}).encode()
        content = json.dumps({"code": "hacked = 1", "silent": False}).encode()
        socket.send_multipart([b"no delimiter"])
        socket.send_multipart([b"<IDS|MSG>", b"0" * 64, header, b"{}", b"{}", content])  # wrong signature
        socket.send_multipart([b"<IDS|MSG>", b"", header, b"{}", b"{}", content])  # unsigned
        socket.send_multipart([b"<IDS|MSG>", b"", b"not json"])
        socket.close()
        time.sleep(0.3)
        content, _ = _run(self.kc, "hacked")
        self.assertEqual(content["status"], "error")  # the unsigned cell never ran
        self.assertTrue(self.km.is_alive())


class ProcessTests(unittest.TestCase):
    """The kernel as a process: it leaves when its parent does, and says why it cannot start."""

    mml = None

    @classmethod
    def setUpClass(cls):
        spec_dir = os.path.join(os.environ["JUPYTER_PATH"].split(os.pathsep)[0], "kernels", "mml")
        with open(os.path.join(spec_dir, "kernel.json")) as f:
            cls.mml = json.load(f)["argv"][0]

    def test_kernel_leaves_when_its_parent_does(self):
        with tempfile.TemporaryDirectory() as folder:
            connection, _ = write_connection_file(os.path.join(folder, "kernel.json"))
            # The shell starts the kernel as Jupyter would (naming itself in JPY_PARENT_PID),
            # prints the kernel's pid and leaves a moment later.
            script = f'export JPY_PARENT_PID=$$; "{self.mml}" kernel -f "{connection}" >/dev/null 2>&1 & echo $!; sleep 0.5'
            parent = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=True)
            pid = int(parent.stdout.strip())
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and os.path.exists(f"/proc/{pid}"):
                with open(f"/proc/{pid}/stat") as f:
                    if f.read().split(") ")[1].startswith("Z"):
                        break  # ended; nobody reaps it until the test process ends
                time.sleep(0.1)
            alive = os.path.exists(f"/proc/{pid}")
            if alive:
                with open(f"/proc/{pid}/stat") as f:
                    alive = not f.read().split(") ")[1].startswith("Z")
            if alive:
                os.kill(pid, 9)
            self.assertFalse(alive, "the kernel outlived its parent")

    def test_ipc_transport(self):
        with tempfile.TemporaryDirectory() as folder:
            km = KernelManager(kernel_name="mml", transport="ipc", ip=os.path.join(folder, "mml"))
            km.start_kernel()
            kc = km.client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=TIMEOUT)
                content, outputs = _run(kc, "2 ^ 10")
                self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "1024")
            finally:
                kc.stop_channels()
                km.shutdown_kernel()
            self.assertFalse(km.is_alive())

    def test_mml_listens_before_it_hands_over(self):
        # `mml kernel` opens the kernel's sockets before it becomes mml-frontends, so the
        # client's first connect is queued instead of retried 100-200 ms later.
        with tempfile.TemporaryDirectory() as folder:
            connection, _ = write_connection_file(os.path.join(folder, "kernel.json"))
            km = KernelManager(kernel_name="mml", connection_file=connection)
            km.load_connection_file()
            km.start_kernel()
            kc = km.client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=TIMEOUT)
                pid = km.provisioner.process.pid
                with open(f"/proc/{pid}/cmdline") as f:
                    argv = f.read().split("\0")
                self.assertTrue(argv[0].endswith("mml-frontends"), argv)
                self.assertIn("--listening-sockets", argv)
                content, outputs = _run(kc, "2 ^ 10")
                self.assertEqual(outputs[-1]["content"]["data"]["text/plain"], "1024")
            finally:
                kc.stop_channels()
                km.shutdown_kernel()

    def test_a_port_in_use_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as folder, socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            connection, _ = write_connection_file(os.path.join(folder, "kernel.json"), shell_port=taken.getsockname()[1])
            result = subprocess.run([self.mml, "kernel", "-f", connection], capture_output=True, text=True, timeout=TIMEOUT)
            self.assertEqual(result.returncode, 1)
            self.assertIn(f"binding tcp://127.0.0.1:{taken.getsockname()[1]}: Address already in use", result.stderr)

    def test_a_missing_connection_file_is_a_clear_error(self):
        result = subprocess.run([self.mml, "kernel", "-f", "/nonexistent/kernel-1.json"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 1)
        self.assertIn("cannot read the connection file /nonexistent/kernel-1.json", result.stderr)


if __name__ == "__main__":
    unittest.main()
