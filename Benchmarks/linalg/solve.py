# 500×500 linear solve A \ b (dgesv), 40 times; A[i,j] = sin(i·j)/n + δij, b[i] = cos(i).
import numpy as np


def show(*xs):
    """Prints numbers as MML does: whole numbers without ".0", others as the shortest round-trip decimal."""
    print(*(str(int(x)) if float(x).is_integer() else repr(float(x)) for x in xs))

n = 500
i = np.arange(1, n + 1, dtype=float)
A = np.sin(np.outer(i, i)) / n + np.eye(n)
b = np.cos(i)
for k in range(40):
    x = np.linalg.solve(A, b)
show(np.round(np.abs(x).sum() * 1e9) / 1e9)
