# Hand-written gradient descent on Rosenbrock's function: 200,000 steps, a gradient returned as a tuple and destructured.


def grad(x, y):
    r = y - x * x
    return (-2 * (1 - x) - 400 * x * r, 200 * r)


x = -1.2
y = 1.0
for k in range(1, 200001):
    gx, gy = grad(x, y)
    x = x - 0.001 * gx
    y = y - 0.001 * gy
print(x, y)
