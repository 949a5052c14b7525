#!/usr/bin/env python3
"""Times pandas.read_csv on the benchmark file (best of N runs), for comparison with MML.

    python3 Benchmarks/data/pandas_read.py [PATH] [RUNS]   # needs pandas (pip install pandas)
"""
import sys
import time

import pandas as pd


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "Benchmarks/data/mml-bench.csv"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        best = min(best, time.perf_counter() - start)
    print(f"pandas {pd.__version__} read_csv: {frame.shape[0]} rows × {frame.shape[1]} columns, best of {runs}: {best:.3f} s")


if __name__ == "__main__":
    main()
