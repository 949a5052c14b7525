# 500×500 determinant (dgetrf), 40 times; A[i,j] = sin(i·j)/n + δij.
import numpy as np


def show(*xs):
    """Prints numbers as MML does: whole numbers without ".0", others as the shortest round-trip decimal."""
    print(*(str(int(x)) if float(x).is_integer() else repr(float(x)) for x in xs))

n = 500
i = np.arange(1, n + 1, dtype=float)
A = np.sin(np.outer(i, i)) / n + np.eye(n)
for k in range(40):
    d = np.linalg.det(A)
show(np.round(d * 1e12) / 1e12)
