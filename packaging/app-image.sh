#!/usr/bin/env bash
# The app image alone (packaging/target/DualMcmcExplorer/bin/DualMcmcExplorer); build.sh makes
# it together with the .deb.
# Usage: packaging/app-image.sh [--skip-build]
set -euo pipefail
exec "$(dirname "$0")/build.sh" --type app-image "$@"
