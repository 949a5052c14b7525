#!/usr/bin/env python3
"""Generates the synthetic datasets in Samples/data/ (seeded: re-running gives identical files).

    python3 Scripts/data/generate.py

advertising.csv  200 markets: TV and radio budgets (thousands) and sales (thousands of units),
                 sales = 3 + 0.045·tv + 0.19·radio + N(0, 1.2²) noise.
abtest.csv       2000 visitors split evenly between page A and page B: converted (true/false,
                 rates 10% and 12.5%) and seconds on the page (log-normal).
Only numpy is needed.
"""
import csv
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Samples", "data")


def advertising(rng):
    n = 200
    tv = rng.uniform(0.7, 296.4, n)
    radio = rng.uniform(0.0, 49.6, n)
    sales = 3.0 + 0.045 * tv + 0.19 * radio + rng.normal(0.0, 1.2, n)
    rows = [(f"{a:.1f}", f"{b:.1f}", f"{c:.1f}") for a, b, c in zip(tv, radio, sales)]
    write("advertising.csv", ["tv", "radio", "sales"], rows)


def abtest(rng):
    n = 2000
    groups = np.array(["A", "B"] * (n // 2))
    rng.shuffle(groups)
    rate = np.where(groups == "A", 0.10, 0.125)
    converted = rng.uniform(size=n) < rate
    seconds = rng.lognormal(mean=np.where(groups == "A", 3.6, 3.7), sigma=0.6)
    rows = [(i + 1, g, "true" if c else "false", f"{s:.1f}")
            for i, (g, c, s) in enumerate(zip(groups, converted, seconds))]
    write("abtest.csv", ["user", "group", "converted", "seconds"], rows)


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    advertising(np.random.RandomState(20240801))
    abtest(np.random.RandomState(20240802))
