#!/usr/bin/env bash
# Side by side: the engine's `bench` and the PyTorch peer on the same reference configurations,
# one thread each, in one run. ROUNDS rounds (default 3) alternate engine and peer, so that both
# meet the same machine: prints every JSON line, the engine/peer ratio per figure and round, and
# the median ratio per figure (the figure to read: a shared machine's speed can swing by a third
# between minutes, which moves single rounds but not both sides of a round).
# CLOCK=cpu times both by the calling thread's CPU time (steadier when the cores are shared).
# Needs: apt-get install -y --no-install-recommends python3-torch ; mvn -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/../.."
peer=${PEER:-bench/dualmcmc/torch_reference.py}
iters=${ITERS:-5}
clock=${CLOCK:-wall}
rounds=${ROUNDS:-3}
lines=$(mktemp)
trap 'rm -f "$lines"' EXIT
for cfg in ${CONFIGS:-toy2d image28}; do
  for round in $(seq "$rounds"); do
    ours=$(java -jar engine/target/dualmcmc-cli.jar bench --config "$cfg" --threads 1 --iters "$iters" --clock "$clock")
    if [ "$clock" = cpu ]; then
      theirs=$(OMP_NUM_THREADS=1 /usr/bin/python3 bench/dualmcmc/peer_cpu.py "$peer" "$cfg" "$iters")
    else
      theirs=$(OMP_NUM_THREADS=1 /usr/bin/python3 "$peer" "$cfg" --threads 1 --iters "$iters")
    fi
    echo "$ours"
    echo "$theirs"
    printf '%s\t%s\n' "$ours" "$theirs" >> "$lines"
  done
done
python3 - "$lines" <<'PY'
import json, statistics, sys
figures = ("x_step_us", "z_step_us", "iteration_ms")
rounds = {}
for line in open(sys.argv[1]):
    a, b = (json.loads(part) for part in line.rstrip("\n").split("\t"))
    rounds.setdefault(a["config"], []).append({k: a[k] / b[k] for k in figures})
for config, rs in rounds.items():
    print(json.dumps({"config": config, "rounds": len(rs),
                      **{k + "_ratio": round(statistics.median(r[k] for r in rs), 2) for k in figures},
                      **{k + "_ratio_per_round": [round(r[k], 2) for r in rs] for k in figures}}))
PY
