#!/usr/bin/env python3
"""Prints "q90x,q90y,ratio" for a 2-D checkpoint: the 90th percentile of the absolute weights
from each input axis into the EBM's first layer, and the smaller over the larger. A ratio near
0 means the energy has lost one axis (experiments/collapse_screen.sh). Reads the .dmcx archive
(a zip of .npy arrays) with numpy, as bench/ does."""
import io
import sys
import zipfile

import numpy as np


def main(path):
    with zipfile.ZipFile(path) as z:
        w = np.load(io.BytesIO(z.read("ebm/0.weight.npy")))
    if w.ndim != 2 or w.shape[1] != 2:
        raise SystemExit("%s: the EBM's first layer is %s, not [width, 2]: not a 2-D MLP run" % (path, w.shape))
    # the value a tenth of the way down from the top, per axis (the figures in results/ use it)
    qx, qy = np.sort(np.abs(w), axis=0)[int(0.9 * len(w))]
    print("%.4f,%.4f,%.3f" % (qx, qy, min(qx, qy) / max(qx, qy)))


if __name__ == "__main__":
    main(sys.argv[1])
