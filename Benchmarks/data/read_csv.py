# pandas.read_csv of the ~50 MB numeric benchmark file (make it first: python3 Benchmarks/data/generate_csv.py)
import pandas as pd

frame = pd.read_csv("Benchmarks/data/mml-bench.csv")
print(frame.shape[0], frame.shape[1], int(frame["count"].sum()))
