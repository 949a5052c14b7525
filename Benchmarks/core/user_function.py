# Calling a math function in a loop: f(x) = x*x + 3*x + 1 summed over i/1000 for i in 1..2,000,000.
def f(x):
    return x * x + 3 * x + 1


s = 0
for i in range(1, 2_000_001):
    s = s + f(i / 1000)
print(s)
