#!/usr/bin/env python3
"""NumPy side of the sampling benchmark: 10,000,000 standard normals, their mean, std and a 95% CI.

Uses the legacy RandomState stream (np.random.seed + randn), the same algorithm MML implements,
so both sides do the same work. Prints the median wall time of several runs, in seconds.
Run: python3 Benchmarks/prob/numpy_randn.py [runs]
"""
import sys, time, statistics
import numpy as np
from scipy import stats

N = 10_000_000


def once():
    t0 = time.perf_counter()
    np.random.seed(3)
    x = np.random.randn(N)
    m = x.mean()
    s = x.std(ddof=1)
    h = stats.t.ppf(0.975, N - 1) * s / np.sqrt(N)
    ci = (m - h, m + h)
    return time.perf_counter() - t0, float(m), float(s), (float(ci[0]), float(ci[1]))


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times = []
    for _ in range(runs):
        t, m, s, ci = once()
        times.append(t)
    print(f"numpy {np.__version__}: randn({N}) + mean + std + 95% CI")
    print(f"  mean = {m!r}, std = {s!r}, ci = [{ci[0]!r}, {ci[1]!r}]")
    print(f"  median of {runs} runs: {statistics.median(times):.4f} s  (min {min(times):.4f}, max {max(times):.4f})")


if __name__ == "__main__":
    main()
