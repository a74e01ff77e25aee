#!/usr/bin/env bash
# Compares our Barnes-Hut t-SNE (the `tsne` CLI command) with scikit-learn's on the same data.
#
#   bench/tsne/compare.sh
#
# 1. writes N (1000) and BIG_N (10000) points of 16-D clustered, labelled data to CSV;
# 2. runs scikit-learn's TSNE (Debian's python3-sklearn, /usr/bin/python3, one thread,
#    barnes_hut, perplexity 30, 1000 iterations, init pca, learning_rate auto) on N points;
# 3. builds the CLI jar and runs `java -jar engine/target/dualmcmc-cli.jar tsne` on the same file;
# 4. times ours on BIG_N points too (and scikit-learn there when SKLEARN_BIG=1, slow);
# and prints one JSON object with both times, both KLs and the ratios.
#
# Each side runs REPEATS (3) times; the median time is reported. Our "seconds" is measured
# inside the JVM around prepare+run (like scikit-learn's fit_transform, without CSV parsing);
# "wall_seconds" is the whole `java -jar` process, JVM start-up and CSV parsing included.
#
# Environment: N, BIG_N, REPEATS, SKLEARN_BIG=1, SKIP_BUILD=1, WORK (scratch directory).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${N:-1000}
BIG_N=${BIG_N:-10000}
REPEATS=${REPEATS:-3}
WORK=${WORK:-$(mktemp -d /tmp/tsne-bench.XXXXXX)}
mkdir -p "$WORK"
PY=/usr/bin/python3
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

if ! "$PY" -c 'import sklearn' 2>/dev/null; then
    echo "installing python3-sklearn" >&2
    (apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-sklearn) >&2
fi

"$PY" bench/tsne/make_data.py "$N" "$WORK/data_$N.csv" 0
"$PY" bench/tsne/make_data.py "$BIG_N" "$WORK/data_$BIG_N.csv" 1

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f engine/target/dualmcmc-cli.jar ]; then
    echo "building engine/target/dualmcmc-cli.jar" >&2
    mvn -q -o -DskipTests -pl engine package >&2
fi

run_ours() { # file -> one JSON line with wall_seconds added
    local start end out
    start=$(date +%s.%N)
    out=$(java -jar "$ROOT/engine/target/dualmcmc-cli.jar" tsne --input "$1" --out "$WORK/map_$(basename "$1")")
    end=$(date +%s.%N)
    "$PY" -c 'import json,sys; d=json.loads(sys.argv[1]); d["wall_seconds"]=float(sys.argv[3])-float(sys.argv[2]); print(json.dumps(d))' \
        "$out" "$start" "$end"
}

: > "$WORK/sk_$N.jsonl"
: > "$WORK/ours_$N.jsonl"
for r in $(seq "$REPEATS"); do
    echo "run $r/$REPEATS: scikit-learn, N=$N" >&2
    "$PY" bench/tsne/sklearn_tsne.py "$WORK/data_$N.csv" >> "$WORK/sk_$N.jsonl"
    echo "run $r/$REPEATS: ours, N=$N" >&2
    run_ours "$WORK/data_$N.csv" >> "$WORK/ours_$N.jsonl"
done
echo "ours, N=$BIG_N" >&2
run_ours "$WORK/data_$BIG_N.csv" > "$WORK/ours_$BIG_N.jsonl"
: > "$WORK/sk_$BIG_N.jsonl"
if [ "${SKLEARN_BIG:-0}" = 1 ]; then
    echo "scikit-learn, N=$BIG_N" >&2
    "$PY" bench/tsne/sklearn_tsne.py "$WORK/data_$BIG_N.csv" > "$WORK/sk_$BIG_N.jsonl"
fi

"$PY" - "$WORK" "$N" "$BIG_N" <<'PYEOF'
import json, statistics, sys
work, n, big = sys.argv[1], sys.argv[2], sys.argv[3]
def load(name):
    with open(f"{work}/{name}.jsonl") as f:
        return [json.loads(line) for line in f if line.strip()]
def summary(runs, keys):
    out = {"runs": len(runs)}
    for k in keys:
        vals = [r[k] for r in runs if r.get(k) is not None]
        out[k] = statistics.median(vals) if vals else None
    return out
sk = summary(load(f"sk_{n}"), ["seconds", "kl"])
ours = summary(load(f"ours_{n}"), ["seconds", "wall_seconds", "kl", "knn_agreement"])
big_ours = summary(load(f"ours_{big}"), ["seconds", "wall_seconds", "kl", "knn_agreement"])
big_sk_runs = load(f"sk_{big}")
big_sk = summary(big_sk_runs, ["seconds", "kl"]) if big_sk_runs else None
result = {
    "n": int(n),
    "sklearn": sk,
    "ours": ours,
    "time_ratio": ours["seconds"] / sk["seconds"],
    "time_ratio_wall": ours["wall_seconds"] / sk["seconds"],
    "kl_ratio": ours["kl"] / sk["kl"],
    "kl_within_5_percent": abs(ours["kl"] / sk["kl"] - 1) <= 0.05,
    "time_target_met": ours["seconds"] / sk["seconds"] <= 1.0,
    "big": {"n": int(big), "ours": big_ours, "sklearn": big_sk},
}
if big_sk:
    result["big"]["time_ratio"] = big_ours["seconds"] / big_sk["seconds"]
    result["big"]["kl_ratio"] = big_ours["kl"] / big_sk["kl"]
print(json.dumps(result, indent=2))
PYEOF
