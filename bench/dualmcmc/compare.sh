#!/usr/bin/env bash
# Side by side: the engine's `bench` and the PyTorch peer on the same reference configurations,
# one thread each, in one run; prints both JSON lines and the engine/peer ratio per figure.
# CLOCK=cpu times both by the calling thread's CPU time (steadier when the cores are shared).
# Needs: apt-get install -y --no-install-recommends python3-torch ; mvn -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/../.."
peer=${PEER:-../shared/peer/torch_dualmcmc.py}
iters=${ITERS:-5}
clock=${CLOCK:-wall}
for cfg in ${CONFIGS:-toy2d image28}; do
  ours=$(java -jar engine/target/dualmcmc-cli.jar bench --config "$cfg" --threads 1 --iters "$iters" --clock "$clock")
  if [ "$clock" = cpu ]; then
    theirs=$(OMP_NUM_THREADS=1 /usr/bin/python3 bench/dualmcmc/peer_cpu.py "$peer" "$cfg" "$iters")
  else
    theirs=$(OMP_NUM_THREADS=1 /usr/bin/python3 "$peer" "$cfg" --threads 1 --iters "$iters")
  fi
  echo "$ours"
  echo "$theirs"
  python3 - "$ours" "$theirs" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps({"config": a["config"], **{k + "_ratio": round(a[k] / b[k], 2)
                  for k in ("x_step_us", "z_step_us", "iteration_ms")}}))
PY
done
