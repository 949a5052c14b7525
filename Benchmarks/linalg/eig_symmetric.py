# 500×500 symmetric eigendecomposition with vectors (dsyevd), 4 times; A[i,j] = sin(i·j)/n + δij.
import numpy as np


def show(*xs):
    """Prints numbers as MML does: whole numbers without ".0", others as the shortest round-trip decimal."""
    print(*(str(int(x)) if float(x).is_integer() else repr(float(x)) for x in xs))

n = 500
i = np.arange(1, n + 1, dtype=float)
A = np.sin(np.outer(i, i)) / n + np.eye(n)
for k in range(4):
    lam, V = np.linalg.eigh(A)
# Eigenvectors of (nearly) repeated eigenvalues are not unique, so the checksum uses the
# values and the orthonormality of V, which every correct answer shares.
r = lambda x, d: np.round(x * 10.0**d) / 10.0**d
show(r(np.abs(lam).sum(), 9), r(lam.max(), 12), r(lam.min(), 12), r((V**2).sum(), 9))
