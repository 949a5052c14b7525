# 200,000 gradient-descent steps on the Rosenbrock function with its gradient, from (-1.2, 1), recording the path.
import math


def f(x, y):
    return (1 - x)**2 + 100*(y - x**2)**2


def df(x, y):
    return [-2*(1 - x) - 400*x*(y - x**2), 200*(y - x**2)]


def gd(f, df, x, y, rate, steps):
    path, values, grad_norm = [(x, y)], [f(x, y)], []
    g = df(x, y)
    grad_norm.append(math.hypot(g[0], g[1]))
    for _ in range(steps):
        x = x - rate*g[0]
        y = y - rate*g[1]
        values.append(f(x, y))
        g = df(x, y)
        grad_norm.append(math.hypot(g[0], g[1]))
        path.append((x, y))
    return x, y, len(path) - 1


x, y, steps = gd(f, df, -1.2, 1.0, 0.001, 200000)
print(x, y, steps)
