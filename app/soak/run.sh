#!/usr/bin/env bash
# Soak of the explorer: under Xvfb, the app trains for MINUTES (default 30) while its scripted
# user (--soak) switches views, steps and plays chains and opens bundled examples; the app logs
# resident memory, the heap, FX-thread gaps, uncaught exceptions and the load average every minute
# (--soak-log), and summary.py prints the figures at the end.
# Exits non-zero when the app failed or an exception occurred (uncaught, or one printed in its log).
# Needs: xvfb, libgtk-3-0, python3 (apt-get install xvfb libgtk-3-0 python3).
# oneDNN's environment passes through: ONEDNN_MAX_CPU_ISA=AVX2 keeps its kernels off AVX-512.
# Env: SOAK_OUT (output folder, default /tmp/dualmcmc-soak), SOAK_SEED (driver's seed, default 1),
#      SOAK_WARMUP (minute the memory is compared from, default 3), SOAK_XMX (heap, default 2g),
#      SOAK_JAR (run that build, with its lib/ beside it, instead of building this tree: to compare
#      two builds side by side under the same load).
set -euo pipefail
cd "$(dirname "$0")/../.."

MINUTES=${1:-30}
OUT=${SOAK_OUT:-/tmp/dualmcmc-soak}
SEED=${SOAK_SEED:-1}
JAR=app/target/dualmcmc-explorer.jar
for tool in Xvfb python3; do
  command -v "$tool" >/dev/null || { echo "soak: $tool is not installed (apt-get install xvfb libgtk-3-0 python3)" >&2; exit 1; }
done

if [ -n "${SOAK_JAR:-}" ]; then
  JAR=$SOAK_JAR
# build when the jar is missing or older than any source (the reactor builds the engine too)
elif [ ! -f "$JAR" ] || [ -n "$(find engine/src app/src engine/pom.xml app/pom.xml pom.xml -newer "$JAR" -type f -print -quit)" ]; then
  echo "soak: building the app"
  mvn -B -q -pl app -am package -DskipTests
fi
mkdir -p "$OUT"
rm -rf "$OUT/soak.jsonl" "$OUT/app.log" "$OUT/app"
# the soak runs a copy: a rebuild meanwhile would replace the jars under the running JVM
mkdir -p "$OUT/app"
cp -r "$JAR" "$(dirname "$JAR")/lib" "$OUT/app/"

. app/e2e/common.sh
start_xvfb "$OUT/xvfb.log" || { echo "soak: cannot start Xvfb" >&2; exit 1; }

echo "soak: $MINUTES minutes, seed $SEED, display $DISPLAY, ONEDNN_MAX_CPU_ISA=${ONEDNN_MAX_CPU_ISA:-unset}; log $OUT/soak.jsonl, app output $OUT/app.log"
rc=0
# the app ends itself after MINUTES; the margin covers start-up and a slow last example
timeout "$(python3 -c "print(int($MINUTES * 60 + 300))")" \
  java -Xmx"${SOAK_XMX:-2g}" -jar "$OUT/app/$(basename "$JAR")" --soak "$MINUTES" --soak-seed "$SEED" --soak-log "$OUT/soak.jsonl" \
  >"$OUT/app.log" 2>&1 || rc=$?
echo "soak: the app exited with status $rc"
summary=0
python3 app/soak/summary.py "$OUT/soak.jsonl" "$OUT/app.log" --warmup "${SOAK_WARMUP:-3}" || summary=$?
if [ "$rc" -ne 0 ]; then
  echo "soak: FAIL: the app exited with status $rc; last lines of its output:" >&2
  tail -20 "$OUT/app.log" >&2
  exit 1
fi
exit "$summary"
