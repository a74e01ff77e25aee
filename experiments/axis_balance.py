#!/usr/bin/env python3
"""Prints "q90x,q90y,ratio" for a 2-D checkpoint: the 90th percentile of the absolute weights
from each input axis into the EBM's first layer, and the smaller over the larger. A ratio near
0 means the energy has lost one axis (experiments/collapse_screen.sh). Plain Python: reads the
.dmcx archive (a zip) and its float32 .npy array directly."""
import ast
import struct
import sys
import zipfile


def npy(data):
    if data[:6] != b"\x93NUMPY":
        raise ValueError("not an .npy array")
    major = data[6]
    hlen_size = 2 if major == 1 else 4
    hlen = int.from_bytes(data[8:8 + hlen_size], "little")
    start = 8 + hlen_size
    header = ast.literal_eval(data[start:start + hlen].decode("latin1"))
    if header["descr"] != "<f4" or header["fortran_order"]:
        raise ValueError("expected a C-order float32 array, got " + str(header))
    shape = header["shape"]
    count = 1
    for s in shape:
        count *= s
    values = struct.unpack("<%df" % count, data[start + hlen:start + hlen + 4 * count])
    return shape, values


def q90(values):
    v = sorted(abs(x) for x in values)
    return v[min(len(v) - 1, int(0.9 * len(v)))]


def main(path):
    with zipfile.ZipFile(path) as z:
        shape, w = npy(z.read("ebm/0.weight.npy"))
    if len(shape) != 2 or shape[1] != 2:
        raise SystemExit("%s: the EBM's first layer is %s, not [width, 2]: not a 2-D MLP run" % (path, shape))
    qx, qy = q90(w[0::2]), q90(w[1::2])
    print("%.4f,%.4f,%.3f" % (qx, qy, min(qx, qy) / max(qx, qy)))


if __name__ == "__main__":
    main(sys.argv[1])
