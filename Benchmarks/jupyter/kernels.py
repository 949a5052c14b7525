"""MML's Jupyter kernel side by side with ipykernel, through the same jupyter_client code: (a) the
time from KernelManager.start_kernel() to the kernel_info_reply, (b) the round trip of executing
`1 + 1` (from sending execute_request to receiving its execute_reply), medians of RUNS each, the two kernels' runs interleaved.
Issue 19's targets: MML's start at most 0.25× ipykernel's, its round trip at most ipykernel's.

Run by Benchmarks/jupyter/run, which makes the environment and installs MML's kernelspec.
"""
import statistics
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
TIMEOUT = 60


def start_to_kernel_info(name):
    km = KernelManager(kernel_name=name)
    started = time.perf_counter()
    km.start_kernel(stderr=subprocess.DEVNULL)  # ipykernel warns about plain TCP on every start
    kc = km.client()
    kc.start_channels()
    msg_id = kc.kernel_info()
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    elapsed = time.perf_counter() - started
    return elapsed, km, kc


def execute_round_trip(kc):
    started = time.perf_counter()
    msg_id = kc.execute("1 + 1")
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    elapsed = time.perf_counter() - started
    assert reply["content"]["status"] == "ok", reply["content"]
    # Drain the cell's iopub messages so they do not pile up between runs.
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            break
    return elapsed


def measure(names):
    """Medians of start-up and round trip per kernel, the kernels' runs interleaved so that
    the machine's load falls on both alike."""
    starts = {name: [] for name in names}
    trips = {name: [] for name in names}
    for _ in range(RUNS):
        for name in names:
            elapsed, km, kc = start_to_kernel_info(name)
            starts[name].append(elapsed)
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    kernels = {name: start_to_kernel_info(name)[1:] for name in names}
    try:
        for _ in range(RUNS):
            for name, (_, kc) in kernels.items():
                trips[name].append(execute_round_trip(kc))
    finally:
        for km, kc in kernels.values():
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return {name: (statistics.median(starts[name]), statistics.median(trips[name])) for name in names}


def main():
    results = measure(("mml", "python3"))
    print(f"medians of {RUNS}            MML         ipykernel   ratio (target)")
    (ms, mt), (ps, pt) = results["mml"], results["python3"]
    print(f"start → kernel_info_reply  {ms * 1000:8.1f} ms  {ps * 1000:8.1f} ms  {ms / ps:5.2f} (≤ 0.25)")
    print(f"execute 1 + 1 round trip   {mt * 1000:8.1f} ms  {pt * 1000:8.1f} ms  {mt / pt:5.2f} (≤ 1)")
    return 0 if ms <= 0.25 * ps and mt <= pt else 1


if __name__ == "__main__":
    sys.exit(main())
