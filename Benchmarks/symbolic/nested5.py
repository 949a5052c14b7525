# The 5th derivative of sin(cos(tan(exp(x² + 1)))) with SymPy's diff, then simplify (issue 5, item 8), evaluated at x = 0.3.
# SymPy's simplify takes minutes here: run with `Benchmarks/run --runs 3 --warmup 0 symbolic`.
import sympy as sp

x = sp.Symbol("x", real=True)
f = sp.sin(sp.cos(sp.tan(sp.exp(x**2 + 1))))
d = sp.simplify(sp.diff(f, x, 5))
print(round(float(d.subs(x, sp.Rational(3, 10))), 6))
