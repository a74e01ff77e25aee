#!/usr/bin/env bash
# Early screen for the one way grid25 runs were seen to stall (issue 17, docs/recipes.md): the
# EBM's first layer loses its weights on one input axis, so the energy depends on x or on y
# alone, and the revised samples cover every mode in one direction only (about 16% high
# quality at 10,000 iterations). By 1,500 iterations the two axes' weights already differ by
# more than ten times in a run that stalls, and by less than three in the runs that reached 95%.
#
# Usage: experiments/collapse_screen.sh OUT_CSV SEEDS... -- TRAIN_ARGS...
#   e.g. experiments/collapse_screen.sh runs/screen.csv 16 17 18 -- --preset toy2d-sharp
# Environment: JAR (default engine/target/dualmcmc-cli.jar), ITERATIONS (default 1500),
#              RUNS_DIR (default runs/collapse-screen).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-engine/target/dualmcmc-cli.jar}
ITERATIONS=${ITERATIONS:-1500}
RUNS_DIR=${RUNS_DIR:-runs/collapse-screen}
out=$1; shift
seeds=()
while [[ $# -gt 0 && $1 != -- ]]; do seeds+=("$1"); shift; done
shift || true
args=("$@")
tag=$(printf '%s_' "${args[@]}" | tr -c 'A-Za-z0-9._=-' '_')
[[ -f $out ]] || echo "train_args,seed,iterations,axis_x_q90,axis_y_q90,ratio" > "$out"
for seed in "${seeds[@]}"; do
  dir=$RUNS_DIR/$tag/seed$seed
  mkdir -p "$(dirname "$dir")"
  if [[ ! -f $dir/model.dmcx ]]; then
    nice -n 10 java -jar "$JAR" train --dataset grid25 "${args[@]}" --seed "$seed" \
      --iterations "$ITERATIONS" --threads 1 --out "$dir" > "$dir.log" 2>&1 || { echo "seed $seed failed: $dir.log"; continue; }
  fi
  row=$(python3 experiments/axis_balance.py "$dir/model.dmcx")
  echo "\"${args[*]}\",$seed,$ITERATIONS,$row" | tee -a "$out"
done
