#!/usr/bin/env python3
"""Writes a ~50 MB numeric CSV for the read_csv benchmark (seeded; not committed).

    python3 Benchmarks/data/generate_csv.py [PATH] [MEGABYTES]   # default Benchmarks/data/mml-bench.csv, 50

Columns mix what real files hold: integers, 6-decimal measurements, full 17-digit doubles,
and a few empty (missing) cells.
"""
import os
import sys

import numpy as np


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "Benchmarks/data/mml-bench.csv"
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 50
    rng = np.random.RandomState(42)
    chunk = 20000
    with open(path, "w") as f:
        f.write("id,count,a,b,c,d,x,y\n")
        row = 0
        while f.tell() < megabytes * 1e6:
            ids = np.arange(row, row + chunk)
            counts = rng.poisson(20, chunk)
            meas = rng.uniform(0, 1000, (chunk, 4))
            full = rng.normal(0, 1, (chunk, 2))
            lines = []
            for k in range(chunk):
                m = meas[k]
                a = "" if (ids[k] % 997) == 0 else f"{m[0]:.6f}"
                lines.append(f"{ids[k]},{counts[k]},{a},{m[1]:.6f},{m[2]:.6f},{m[3]:.6f},{full[k, 0]!r},{full[k, 1]!r}\n")
            f.write("".join(lines))
            row += chunk
    print(f"wrote {path}: {os.path.getsize(path) / 1e6:.1f} MB, {row} rows")


if __name__ == "__main__":
    main()
