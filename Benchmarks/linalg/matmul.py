# 1000×1000 matrix product (dgemm), three times; inputs A[i,j] = sin(i·j), B[i,j] = cos(i + j).
import numpy as np


def show(*xs):
    """Prints numbers as MML does: whole numbers without ".0", others as the shortest round-trip decimal."""
    print(*(str(int(x)) if float(x).is_integer() else repr(float(x)) for x in xs))

n = 1000
i = np.arange(1, n + 1, dtype=float)
A = np.sin(np.outer(i, i))
B = np.cos(i[:, None] + i[None, :])
for k in range(3):
    C = A @ B
s = np.abs(C).sum() / n**2
show(np.round(s * 1e9) / 1e9)
