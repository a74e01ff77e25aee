#!/usr/bin/env bash
# Side by side: the engine's `bench` and the PyTorch peer on the same reference configurations,
# THREADS threads each (default 1), in one run. ROUNDS rounds (default 3) alternate engine and peer, so that both
# meet the same machine: prints every JSON line, the engine/peer ratio per figure and round, and
# the median ratio per figure (the figure to read: a shared machine's speed can swing by a third
# between minutes, which moves single rounds but not both sides of a round).
# CLOCK=cpu times both by the calling thread's CPU time (steadier when the cores are shared; one
# thread only: with THREADS > 1 both are timed by the wall clock).
# THREADS=N: the engine's training blocks and chains on N threads (bench --threads), the peer's
# intra-op threads (torch.set_num_threads, OMP_NUM_THREADS).
# Needs: apt-get install -y --no-install-recommends python3-torch libopenblas0-pthread ; mvn -q -DskipTests package
# (without an optimised BLAS, Debian's torch runs its linear layers on the reference BLAS, 10-30x slower)
set -euo pipefail
cd "$(dirname "$0")/../.."
peer=${PEER:-bench/dualmcmc/torch_reference.py}
iters=${ITERS:-5}
clock=${CLOCK:-wall}
threads=${THREADS:-1}
if [ "$threads" -gt 1 ]; then clock=wall; fi
rounds=${ROUNDS:-3}
lines=$(mktemp)
trap 'rm -f "$lines"' EXIT
for cfg in ${CONFIGS:-toy2d image28}; do
  for round in $(seq "$rounds"); do
    ours=$(java -jar engine/target/dualmcmc-cli.jar bench --config "$cfg" --threads "$threads" --iters "$iters" --clock "$clock")
    if [ "$clock" = cpu ]; then
      theirs=$(OMP_NUM_THREADS=1 /usr/bin/python3 bench/dualmcmc/peer_cpu.py "$peer" "$cfg" "$iters")
    else
      theirs=$(OMP_NUM_THREADS="$threads" /usr/bin/python3 "$peer" "$cfg" --threads "$threads" --iters "$iters")
    fi
    echo "$ours"
    echo "$theirs"
    printf '%s\t%s\n' "$ours" "$theirs" >> "$lines"
  done
done
python3 - "$lines" "$threads" <<'PY'
import json, statistics, sys
figures = ("x_step_us", "z_step_us", "iteration_ms")
rounds = {}
for line in open(sys.argv[1]):
    a, b = (json.loads(part) for part in line.rstrip("\n").split("\t"))
    rounds.setdefault(a["config"], []).append({k: a[k] / b[k] for k in figures})
for config, rs in rounds.items():
    print(json.dumps({"config": config, "threads": int(sys.argv[2]), "rounds": len(rs),
                      **{k + "_ratio": round(statistics.median(r[k] for r in rs), 2) for k in figures},
                      **{k + "_ratio_per_round": [round(r[k], 2) for r in rs] for k in figures}}))
PY
