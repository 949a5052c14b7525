# 500×500 inverse (dgetrf + dgetri), 15 times; A[i,j] = sin(i·j)/n + δij.
import numpy as np


def show(*xs):
    """Prints numbers as MML does: whole numbers without ".0", others as the shortest round-trip decimal."""
    print(*(str(int(x)) if float(x).is_integer() else repr(float(x)) for x in xs))

n = 500
i = np.arange(1, n + 1, dtype=float)
A = np.sin(np.outer(i, i)) / n + np.eye(n)
for k in range(15):
    B = np.linalg.inv(A)
show(np.round(np.abs(B).sum() * 1e6) / 1e6)
