#!/usr/bin/env python3
"""NumPy side of the kernel timings (kernels.mml): the same tasks on the same deterministic data.

    OPENBLAS_NUM_THREADS=1 python3 Benchmarks/linalg/kernels/numpy_kernels.py

Each task runs once as a warm-up and then 7 times; the fastest run is reported in ms (as
kernels.mml does: the minimum is the least disturbed by other work on a shared machine).
Inputs are built before timing, so only the kernel is measured. Run both scripts in one
shell with the same OPENBLAS_* environment (this machine inherits OPENBLAS_CORETYPE=Haswell).
"""
import os
import time

import numpy as np

RUNS = 7


def best(task):
    task()
    fastest = float("inf")
    for _ in range(RUNS):
        t0 = time.perf_counter()
        task()
        fastest = min(fastest, time.perf_counter() - t0)
    return round(fastest * 1000, 2)


def pca(x, k):
    # What MML's pca does: centre, thin SVD (gesdd), scores = U_k·S_k, variance with n − 1.
    mean = x.mean(axis=0)
    u, s, vt = np.linalg.svd(x - mean, full_matrices=False)
    return vt[:k].T, u[:, :k] * s[:k], s[:k] ** 2 / (x.shape[0] - 1)


def pca_cov(x, k):
    # The covariance route (issue 18): centre, covariance, eigh, the k largest, scores = Xc·V.
    xc = x - x.mean(axis=0)
    w, v = np.linalg.eigh(xc.T @ xc / (x.shape[0] - 1))
    v = v[:, ::-1][:, :k]
    return v, xc @ v, w[::-1][:k]


def main():
    env = {k: v for k, v in os.environ.items() if k.startswith(("OPENBLAS", "OMP", "MKL"))}
    print(f"NumPy {np.__version__}, fastest of {RUNS} runs, env {env or '{}'}")
    n = 1000
    i = np.arange(1, n + 1, dtype=float)
    a1, b1 = np.sin(np.outer(i, i)), np.cos(i[:, None] + i[None, :])
    print("matmul 1000x1000      ", best(lambda: a1 @ b1), "ms")
    n = 500
    i = np.arange(1, n + 1, dtype=float)
    a = np.sin(np.outer(i, i)) / n + np.eye(n)
    b = np.cos(i)
    print("solve 500x500         ", best(lambda: np.linalg.solve(a, b)), "ms")
    print("inv 500x500           ", best(lambda: np.linalg.inv(a)), "ms")
    print("det 500x500           ", best(lambda: np.linalg.det(a)), "ms")
    print("eig symmetric 500x500 ", best(lambda: np.linalg.eigh(a)), "ms")
    print("svd 500x500           ", best(lambda: np.linalg.svd(a)), "ms")
    x = np.sin(np.outer(np.arange(1, 20001.0), np.arange(1, 51.0))) * np.arange(1, 51.0)
    print("pca 20000x50 k=10     ", best(lambda: pca(x, 10)), "ms")
    print("pca 20000x50 k=10 cov+eigh", best(lambda: pca_cov(x, 10)), "ms")
    print("pca 20000x50 k=2 cov+eigh ", best(lambda: pca_cov(x, 2)), "ms")


if __name__ == "__main__":
    main()
