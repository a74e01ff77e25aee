#!/usr/bin/env bash
# End-to-end check of the explorer as a user starts it: under Xvfb, `java -jar` writes a
# screenshot of each view and of the examples gallery (--screenshot ... --view V) and every PNG
# must show something (enough contrast and colours), not a blank or single-colour window.
# Needs: a built app (mvn install / verify), xvfb, imagemagick, libgtk-3-0 (.ci/run installs them).
# Env: E2E_STEPS (training iterations before each shot, default 30), E2E_OUT (output folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
. app/e2e/common.sh

JAR=app/target/dualmcmc-explorer.jar
OUT=${E2E_OUT:-app/target/e2e}
STEPS=${E2E_STEPS:-30}
if [ ! -f "$JAR" ]; then
  echo "e2e: $JAR is missing; build first: mvn -q install -DskipTests" >&2
  exit 1
fi
for tool in Xvfb convert identify; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is not installed (apt-get install xvfb imagemagick libgtk-3-0)" >&2; exit 1; }
done
mkdir -p "$OUT"

start_xvfb "$OUT/xvfb.log" || { echo "e2e: cannot start Xvfb" >&2; exit 1; }

fail=0
for view in training xrevision zrevision latent compare stages gallery; do
  png="$OUT/$view.png"
  rm -f "$png"
  echo "e2e: $view (the ring8 example, $STEPS more iterations)"
  start=$(date +%s)
  if ! timeout 600 java -Xmx2g -jar "$JAR" --screenshot "$png" --view "$view" --steps "$STEPS" \
      >"$OUT/$view.log" 2>&1; then
    echo "e2e: FAIL $view: the app exited with an error; last lines of its log:" >&2
    tail -20 "$OUT/$view.log" >&2
    fail=1
    continue
  fi
  if ! check_png "$png" "e2e: $view"; then
    fail=1
  fi
  echo "e2e: $view took $(( $(date +%s) - start )) s"
done
if [ "$fail" -ne 0 ]; then
  exit 1
fi
echo "e2e: OK, screenshots in $OUT"
