#!/usr/bin/env python3
# Draw 10,000,000 standard normals and compute their mean, std and a 95% t confidence interval.
#
# NumPy's legacy stream (np.random.seed + randn) is the algorithm MML implements, so both
# sides do the same work and print the same numbers: the mean and std to the last bit (MML
# sums pairwise in NumPy's blocks), the interval in MML's short 6-digit vector format.
# The t quantile comes from the standard library rather than SciPy, whose import alone
# takes longer than the computation: for ν = 9,999,999 the Cornish–Fisher series
# t = z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) is exact to double precision (next term ~ν⁻³).
from statistics import NormalDist
import numpy as np

N = 10_000_000


def short(x):
    """A number as MML prints a vector element: 6 significant digits, exponents as e-6."""
    s = f"{x:.6g}"
    if "e" in s:
        mantissa, exponent = s.split("e")
        s = f"{mantissa}e{int(exponent)}"
    return s


np.random.seed(3)
x = np.random.randn(N)
m = x.mean()
s = x.std(ddof=1)
nu = N - 1
z = NormalDist().inv_cdf(0.975)
q = z + (z**3 + z) / (4 * nu) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * nu**2)
se = s / np.sqrt(N)
print(float(m), float(s))
print(f"[{short(m - q * se)}, {short(m + q * se)}]")
