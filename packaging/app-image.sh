#!/usr/bin/env bash
# Builds a self-contained app image of the Dual-MCMC Explorer with jpackage (JDK 17+):
# packaging/target/DualMcmcExplorer/bin/DualMcmcExplorer starts the app with its own runtime.
# Usage: packaging/app-image.sh [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--skip-build" ]; then
  mvn -q -pl app -am install -DskipTests
fi
JAR=app/target/dualmcmc-explorer.jar
[ -f "$JAR" ] || { echo "missing $JAR (build with: mvn -q -pl app -am install -DskipTests)" >&2; exit 1; }
command -v jpackage >/dev/null || { echo "jpackage not found: it comes with a full JDK 17+" >&2; exit 1; }

STAGE=packaging/target/input
DEST=packaging/target
rm -rf "$STAGE" "$DEST/DualMcmcExplorer"
mkdir -p "$STAGE"
cp "$JAR" "$STAGE/"
cp -r app/target/lib "$STAGE/lib"

# The jar's manifest names its class path (lib/...), so the input folder is the whole app.
jpackage --type app-image \
  --name DualMcmcExplorer \
  --app-version 0.1.0 \
  --vendor "Dual-MCMC Explorer" \
  --description "Learning an EBM via dual-MCMC teaching: live training and chain step-through" \
  --input "$STAGE" \
  --main-jar dualmcmc-explorer.jar \
  --main-class dualmcmc.app.Launcher \
  --java-options "-Xmx3g" \
  --java-options "-Dprism.lcdtext=false" \
  --dest "$DEST"

echo "app image: $DEST/DualMcmcExplorer (run bin/DualMcmcExplorer)"
