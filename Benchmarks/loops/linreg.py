# Hand-written linear regression: batch gradient descent on 3 weights over 50 data points (dot, small-vector arithmetic, norm), up to 3,000 steps.
# Vectors are tuples (faster than lists here), their arithmetic written out per component.
import math

n = 50
x1 = [0.0] * n
x2 = [0.0] * n
ys = [0.0] * n
for i in range(1, n + 1):
    x1[i - 1] = (i % 10) / 10
    x2[i - 1] = (7 * i % 13) / 13
    ys[i - 1] = 1 + 2 * x1[i - 1] - 3 * x2[i - 1] + (3 * i % 5) / 50
w = (0.0, 0.0, 0.0)
lr = 0.2
steps = 0
for k in range(1, 3001):
    g = (0.0, 0.0, 0.0)
    for i in range(n):
        xi = (1.0, x1[i], x2[i])
        e = (w[0] * xi[0] + w[1] * xi[1] + w[2] * xi[2]) - ys[i]
        g = (g[0] + e * xi[0], g[1] + e * xi[1], g[2] + e * xi[2])
    g = (g[0] / n, g[1] / n, g[2] / n)
    w = (w[0] - lr * g[0], w[1] - lr * g[1], w[2] - lr * g[2])
    steps = k
    if math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]) < 1e-10:
        break
print(steps, *(math.floor(c * 1e9 + 0.5) / 1e9 for c in w))
