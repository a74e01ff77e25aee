#!/usr/bin/env bash
# Screenshots of every step of every bundled lesson, for docs/lesson/ (the app under Xvfb, one
# process per step: --screenshot with --lesson ID --lesson-step N). Usage: bash app/e2e/lesson-shots.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-docs/lesson}
mkdir -p "$out"
jar=app/target/dualmcmc-explorer.jar
[ -f "$jar" ] || mvn -B -q install -DskipTests
for lesson in main images; do
  n=$(python3 -c "import json;print(len(json.load(open('app/src/main/resources/dualmcmc/app/lessons/$lesson.json'))['steps']))")
  for step in $(seq 1 "$n"); do
    f=$(printf '%s/%s-%02d.png' "$out" "$lesson" "$step")
    xvfb-run -a -s "-screen 0 1440x900x24" java -jar "$jar" --screenshot "$f" --lesson "$lesson" --lesson-step "$step" \
      2>&1 | grep '^screenshot:' || { echo "lesson-shots: $lesson step $step failed" >&2; exit 1; }
  done
done
