"""Writes N points of 16-D clustered data (10 Gaussian clusters) with a label column to a CSV.

usage: make_data.py N OUT.csv [SEED]
"""
import sys

import numpy as np

n, out = int(sys.argv[1]), sys.argv[2]
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
rng = np.random.default_rng(seed)
clusters, dim = 10, 16
centres = rng.normal(0.0, 4.0, size=(clusters, dim))
labels = rng.integers(0, clusters, size=n)
x = centres[labels] + rng.normal(0.0, 1.0, size=(n, dim))
with open(out, "w") as f:
    f.write(",".join(f"f{i}" for i in range(dim)) + ",label\n")
    for row, label in zip(x, labels):
        f.write(",".join(f"{v:.6f}" for v in row) + f",c{label}\n")
