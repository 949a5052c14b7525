# PCA of a 20,000×50 matrix keeping 10 components (centre, thin dgesdd, scores), 3 times; X[i,j] = j·sin(i·j).
import numpy as np


def show(*xs):
    """Prints numbers as MML does: whole numbers without ".0", others as the shortest round-trip decimal."""
    print(*(str(int(x)) if float(x).is_integer() else repr(float(x)) for x in xs))


def pca(x, k):
    # What MML's pca does: centre, thin SVD (gesdd), scores = U_k·S_k, variance with n − 1.
    mean = x.mean(axis=0)
    u, s, vt = np.linalg.svd(x - mean, full_matrices=False)
    return vt[:k].T, u[:, :k] * s[:k], s[:k] ** 2 / (x.shape[0] - 1)


n, d = 20000, 50
X = np.sin(np.outer(np.arange(1, n + 1.0), np.arange(1, d + 1.0))) * np.arange(1, d + 1.0)
for k in range(3):
    components, scores, variance = pca(X, 10)
show(np.round(variance.sum() * 1e6) / 1e6, np.round(np.abs(scores).sum() * 1e3) / 1e3)
