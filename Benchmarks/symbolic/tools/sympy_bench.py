#!/usr/bin/env python3
"""SymPy side of the symbolic benchmark (issue 5, item 8): diff + simplify timings.

Cases (the MML side differentiates and simplifies the same formulas, from expressions.txt):
  sum200   d/dx of  sum_{k=1..200} sin(k*x)*exp(x/k)/(1 + x^2), written out term by term
  nested5  the 5th derivative of sin(cos(tan(exp(x^2 + 1))))

Run from the repository root:  python3 Benchmarks/symbolic/tools/sympy_bench.py [--timeout SECONDS]
Prints one line per case: name, seconds for diff, seconds for simplify (or "timeout"), and the
node counts (tokens of the printed formula, as Expr.nodeCount) of the derivative before and
after simplify.
"""
import argparse
import re
import signal
import time

import sympy as sp
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

X = sp.Symbol("x", real=True)


def sum200():
    return " + ".join(f"sin({k}*x)*exp(x/{k})/(1 + x^2)" for k in range(1, 201))


CASES = {
    "sum200": (sum200(), 1),
    "nested5": ("sin(cos(tan(exp(x^2 + 1))))", 5),
}


TOKEN = re.compile(r"\d+\.?\d*(?:[eE][-+]?\d+)?|[A-Za-z_][A-Za-z_0-9]*|\*\*|[-+*/^]")


def node_count(expr):
    """Tokens of the printed formula, as MML's Expr.nodeCount counts (see Scripts/fixtures/symbolic.py)."""
    return len(TOKEN.findall(sp.sstr(expr)))


class Timeout(Exception):
    pass


def on_alarm(*_):
    raise Timeout()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed for each simplify")
    parser.add_argument("--write", action="store_true", help="write Benchmarks/symbolic/tools/expressions.txt")
    parser.add_argument("--only", help="run only this case")
    args = parser.parse_args()
    if args.write:
        with open("Benchmarks/symbolic/tools/expressions.txt", "w") as fh:
            for name, (text, order) in CASES.items():
                fh.write(f"{name}\t{order}\t{text}\n")
    signal.signal(signal.SIGALRM, on_alarm)
    for name, (text, order) in CASES.items():
        if args.only and name != args.only:
            continue
        f = parse_expr(text, local_dict={"x": X}, transformations=standard_transformations + (convert_xor,))
        t0 = time.perf_counter()
        d = sp.diff(f, X, order)
        t1 = time.perf_counter()
        signal.alarm(args.timeout)
        try:
            s = sp.simplify(d)
            t2 = time.perf_counter()
            simp = f"{t2 - t1:.3f}"
            nodes = node_count(s)
        except Timeout:
            simp, nodes = f"timeout>{args.timeout}", "-"
        finally:
            signal.alarm(0)
        print(f"{name}\tdiff {t1 - t0:.3f} s\tsimplify {simp} s\tnodes of diff {node_count(d)}\t"
              f"nodes of simplify {nodes}", flush=True)


if __name__ == "__main__":
    main()
