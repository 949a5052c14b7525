#!/usr/bin/env python3
"""NumPy side of the linear-algebra benchmark (issue 4): MML vs NumPy on the same machine.

    OPENBLAS_NUM_THREADS=1 python3 Benchmarks/linalg/numpy_bench.py [--runs 7] [--json out.json]

Each task is timed `runs` times after one warm-up run; the median wall time is reported.
Inputs are generated before timing (seeded), so only the kernel is measured. The MML script
does the same tasks with the same sizes; run both in one shell, with the same OPENBLAS_* and
OMP_* environment (this machine inherits OPENBLAS_CORETYPE=Haswell), and compare medians.
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np


def median_time(fn, runs):
    fn()  # warm-up: page in buffers, start BLAS threads
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def pca(x, k):
    # What MML's pca does: centre, thin SVD (gesdd), scores = U_k * S_k, explained variance.
    mean = x.mean(axis=0)
    xc = x - mean
    u, s, vt = np.linalg.svd(xc, full_matrices=False)
    scores = u[:, :k] * s[:k]
    var = s[:k] ** 2 / (x.shape[0] - 1)
    return vt[:k].T, scores, var


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()

    rng = np.random.default_rng(42)
    a1000, b1000 = rng.standard_normal((1000, 1000)), rng.standard_normal((1000, 1000))
    a500 = rng.standard_normal((500, 500)) / np.sqrt(500)  # scaled so det neither overflows nor underflows
    b500 = rng.standard_normal(500)
    s500 = a500 + a500.T
    x = rng.standard_normal((20000, 50)) @ rng.standard_normal((50, 50))

    tasks = [
        ("matmul 1000x1000", lambda: a1000 @ b1000),
        ("solve 500x500", lambda: np.linalg.solve(a500, b500)),
        ("inv 500x500", lambda: np.linalg.inv(a500)),
        ("det 500x500", lambda: np.linalg.det(a500)),
        ("eig symmetric 500x500", lambda: np.linalg.eigh(s500)),
        ("svd 500x500", lambda: np.linalg.svd(a500)),
        ("pca 20000x50 k=10", lambda: pca(x, 10)),
    ]
    env = {k: v for k, v in os.environ.items() if k.startswith(("OPENBLAS", "OMP", "MKL"))}
    print(f"NumPy {np.__version__}, median of {args.runs} runs, env {env or '{}'}")
    results = {}
    for name, fn in tasks:
        t = median_time(fn, args.runs)
        results[name] = t
        print(f"{name:<24} {t * 1000:10.2f} ms")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"numpy": np.__version__, "runs": args.runs, "env": env, "median_seconds": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
