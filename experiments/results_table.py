#!/usr/bin/env python3
"""Prints experiments/results/sweep.csv as Markdown tables: one row per (data set, setting, seed),
one column per evaluated iteration, each cell "revised modes / revised high quality %" for the
mixtures (generator figures in a second table) or "revised to_data / from_data" for the other
2-D sets; runs listed in diverged.csv beside it say where they diverged. With --images, prints
experiments/results/sweep-images.csv instead."""
import csv
import os
import re
import sys
from collections import OrderedDict

def image_tables(path):
    """experiments/results/sweep-images.csv as one table per data set: one row per (setting, seed),
    one column per evaluated iteration, each cell "generator FD -> revised FD (change)"."""
    rows = list(csv.DictReader(open(path, newline="")))
    for dataset in OrderedDict.fromkeys(r["dataset"] for r in rows):
        sub = [r for r in rows if r["dataset"] == dataset]
        iters = sorted({int(r["iteration"]) for r in sub})
        print(f"\n{dataset}, FD of generator samples -> FD of their x-revisions (change):\n")
        print("| setting | seed | " + " | ".join(f"{i:,}" for i in iters) + " |")
        print("| --- | --- | " + " | ".join("---" for _ in iters) + " |")
        for setting, seed in OrderedDict.fromkeys((r["setting"], r["seed"]) for r in sub):
            cells = []
            for i in iters:
                r = next((r for r in sub if r["setting"] == setting and r["seed"] == seed
                          and int(r["iteration"]) == i), None)
                cells.append("" if r is None else
                             f"{float(r['fd_generator']):.2f} -> {float(r['fd_revised']):.2f} "
                             f"({100 * float(r['fd_change']):+.1f}%)")
            print(f"| {setting} | {seed} | " + " | ".join(cells) + " |")


if sys.argv[1:2] == ["--images"]:
    image_tables(sys.argv[2] if len(sys.argv) > 2 else "experiments/results/sweep-images.csv")
    sys.exit()
path = sys.argv[1] if len(sys.argv) > 1 else "experiments/results/sweep.csv"
rows = list(csv.DictReader(open(path, newline="")))
diverged_path = os.path.join(os.path.dirname(path), "diverged.csv")
diverged = {}
if os.path.exists(diverged_path):
    for d in csv.DictReader(open(diverged_path, newline="")):
        m = re.search(r"iteration (\d+)", d["message"])
        diverged[(d["dataset"], d["setting"], d["seed"])] = m.group(1) if m else "?"
for dataset in OrderedDict.fromkeys(r["dataset"] for r in rows):
    sub = [r for r in rows if r["dataset"] == dataset]
    iters = sorted({int(r["iteration"]) for r in sub})
    mixture = sub[0]["rev_modes"] != ""
    for which in (("rev", "revised"), ("gen", "generator")) if mixture else (("rev", "revised"),):
        prefix, label = which
        what = "modes / high quality" if mixture else "mean distance to data / from data"
        print(f"\n{dataset}, {label} samples ({what}):\n")
        print("| setting | seed | " + " | ".join(f"{i:,}" for i in iters) + " |")
        print("| --- | --- | " + " | ".join("---" for _ in iters) + " |")
        settings = list(OrderedDict.fromkeys(r["setting"] for r in sub))
        keys = sorted(OrderedDict.fromkeys((r["setting"], r["seed"]) for r in sub),
                      key=lambda k: (settings.index(k[0]), int(k[1])))
        for setting, seed in keys:
            cells = []
            for i in iters:
                r = next((r for r in sub if r["setting"] == setting and r["seed"] == seed
                          and int(r["iteration"]) == i), None)
                if r is None:
                    cells.append("")
                elif mixture:
                    cells.append(f"{r[prefix + '_modes']} / {100 * float(r[prefix + '_hq']):.1f}%")
                else:
                    cells.append(f"{r[prefix + '_to_data']} / {r[prefix + '_from_data']}")
            if (dataset, setting, seed) in diverged:
                cells[-1] = (cells[-1] + " " if cells[-1] else "") + \
                    f"diverged at {int(diverged[(dataset, setting, seed)]):,}"
            print(f"| {setting} | {seed} | " + " | ".join(cells) + " |")
