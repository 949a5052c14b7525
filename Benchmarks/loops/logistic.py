# Hand-written logistic regression: 1,000 epochs of stochastic gradient steps on 3 weights over 100 points (sigmoid of a dot product, small-vector update).
# Vectors are tuples (faster than lists here), their arithmetic written out per component.
import math

n = 100
x1 = [0.0] * n
x2 = [0.0] * n
ys = [0.0] * n
for i in range(1, n + 1):
    x1[i - 1] = (i % 10) / 10
    x2[i - 1] = (7 * i % 13) / 13
    if x1[i - 1] - x2[i - 1] + (3 * i % 11) / 22 > 0.25:
        ys[i - 1] = 1.0
w = (0.0, 0.0, 0.0)
lr = 0.05
for epoch in range(1000):
    for i in range(n):
        xi = (1.0, x1[i], x2[i])
        p = 1 / (1 + math.exp(-(w[0] * xi[0] + w[1] * xi[1] + w[2] * xi[2])))
        c = lr * (p - ys[i])
        w = (w[0] - c * xi[0], w[1] - c * xi[1], w[2] - c * xi[2])
loss = 0.0
for i in range(n):
    p = 1 / (1 + math.exp(-(w[0] + w[1] * x1[i] + w[2] * x2[i])))
    loss = loss - (ys[i] * math.log(p) + (1 - ys[i]) * math.log(1 - p))
print(*(math.floor(c * 1e9 + 0.5) / 1e9 for c in (loss / n, *w)))
