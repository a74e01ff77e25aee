#!/usr/bin/env bash
# Side by side: the engine's `bench` and the PyTorch peer on the same reference configurations,
# one thread each, in one run; prints both JSON lines and the engine/peer ratio per figure.
# Needs: apt-get install -y --no-install-recommends python3-torch ; mvn -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/../.."
peer=${PEER:-../shared/peer/torch_dualmcmc.py}
iters=${ITERS:-5}
for cfg in ${CONFIGS:-toy2d image28}; do
  ours=$(java -jar engine/target/dualmcmc-cli.jar bench --config "$cfg" --threads 1 --iters "$iters")
  theirs=$(OMP_NUM_THREADS=1 /usr/bin/python3 "$peer" "$cfg" --threads 1 --iters "$iters")
  echo "$ours"
  echo "$theirs"
  python3 - "$ours" "$theirs" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps({"config": a["config"], **{k + "_ratio": round(a[k] / b[k], 2)
                  for k in ("x_step_us", "z_step_us", "iteration_ms")}}))
PY
done
