"""Runs scikit-learn's Barnes-Hut TSNE on a CSV written by make_data.py and prints one JSON line.

Times fit_transform only (not the CSV parsing), as the Java CLI's "seconds" field does.
usage: OMP_NUM_THREADS=1 /usr/bin/python3 sklearn_tsne.py DATA.csv
"""
import csv
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.manifold import TSNE

with open(sys.argv[1]) as f:
    rows = list(csv.reader(f))
x = np.array([[float(v) for v in r[:-1]] for r in rows[1:]])
tsne = TSNE(n_components=2, perplexity=30.0, n_iter=1000, method="barnes_hut", angle=0.5,
            init="pca", learning_rate="auto", random_state=0, n_jobs=1)
t0 = time.perf_counter()
tsne.fit_transform(x)
seconds = time.perf_counter() - t0
print(json.dumps({"n": x.shape[0], "seconds": seconds, "kl": float(tsne.kl_divergence_),
                  "n_iter": int(tsne.n_iter_) + 1, "sklearn": sklearn.__version__}))
