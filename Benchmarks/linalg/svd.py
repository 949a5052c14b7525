# 500×500 singular value decomposition with vectors (dgesdd), 3 times; A[i,j] = sin(i·j)/n + δij.
import numpy as np


def show(*xs):
    """Prints numbers as MML does: whole numbers without ".0", others as the shortest round-trip decimal."""
    print(*(str(int(x)) if float(x).is_integer() else repr(float(x)) for x in xs))

n = 500
i = np.arange(1, n + 1, dtype=float)
A = np.sin(np.outer(i, i)) / n + np.eye(n)
for k in range(3):
    U, S, Vt = np.linalg.svd(A)
# Singular vectors of (nearly) repeated singular values are not unique, so the checksum
# uses the values and the orthonormality of U and V.
r = lambda x, d: np.round(x * 10.0**d) / 10.0**d
show(r(S.sum(), 9), r(S[0], 12), r(S[-1], 12), r((U**2).sum() + (Vt**2).sum(), 9))
