# 200,000 steps of the builtin gd on Rosenbrock's function from (-1.2, 1) (tol=0), against the plain CPython loop that records nothing.


def grad(x, y):
    r = y - x * x
    return (-2 * (1 - x) - 400 * x * r, 200 * r)


x = -1.2
y = 1.0
steps = 0
for k in range(1, 200001):
    gx, gy = grad(x, y)
    x = x - 0.001 * gx
    y = y - 0.001 * gy
    steps = k
print(x, y, steps)
