#!/usr/bin/env bash
# Builds what a user installs: a jpackage app image (packaging/target/DualMcmcExplorer) and a
# Debian package (packaging/target/dualmcmc-explorer_<version>_amd64.deb), both with their own
# Java runtime, trimmed by jlink to the modules the app uses.
# Usage: packaging/build.sh [--skip-build] [--type all|app-image|deb]
# Needs: a JDK 17+ with jlink and jpackage (Debian: openjdk-17-jdk-headless); for the .deb also
# fakeroot and dpkg-dev. Env: DPKG_DEB_COMPRESSOR_TYPE (dpkg-deb's; here gzip unless set: xz
# saves about 10% and takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
type=all
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) build=0 ;;
    --type) type=${2:?--type needs all, app-image or deb}; shift ;;
    *) echo "usage: packaging/build.sh [--skip-build] [--type all|app-image|deb]" >&2; exit 2 ;;
  esac
  shift
done
case "$type" in all|app-image|deb) ;; *) echo "--type must be all, app-image or deb" >&2; exit 2 ;; esac

for tool in jlink jpackage jdeps; do
  command -v "$tool" >/dev/null || { echo "$tool not found: it comes with a full JDK 17+ (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }
done
if [ "$type" != app-image ]; then
  for tool in fakeroot dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || { echo "$tool not found: the .deb needs fakeroot and dpkg-dev (apt-get install fakeroot dpkg-dev)" >&2; exit 1; }
  done
fi

if [ "$build" = 1 ]; then
  mvn -B -q -pl app -am package -DskipTests
fi
JAR=app/target/dualmcmc-explorer.jar
[ -f "$JAR" ] || { echo "missing $JAR (build with: mvn -q -pl app -am package -DskipTests)" >&2; exit 1; }

NAME=DualMcmcExplorer
VERSION=$(sed -n 's:.*<version>\([0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)
DEST=packaging/target
STAGE=$DEST/input
RUNTIME=$DEST/runtime
RESOURCES=$DEST/resources
rm -rf "$STAGE" "$RUNTIME" "$RESOURCES" "$DEST/$NAME" "$DEST"/*.deb
mkdir -p "$STAGE" "$RESOURCES"
# jpackage's overrides, and the package's copyright file: the licences Help > About shows
cp packaging/linux/* "$RESOURCES/"
cp app/src/main/resources/dualmcmc/app/help/licences.txt "$RESOURCES/copyright"
# The jar's manifest names its class path (lib/...), so the input folder is the whole app.
cp "$JAR" "$STAGE/"
cp -r app/target/lib "$STAGE/lib"

# The modules the app and its libraries reach, found by jdeps rather than listed by hand so a new
# library cannot silently need one the runtime lacks; jdk.zipfs is reached through a service
# loader, which jdeps cannot see.
t0=$(date +%s)
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "$STAGE/lib/*" "$JAR" "$STAGE"/lib/engine-*.jar),jdk.zipfs
echo "runtime modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 --output "$RUNTIME"
echo "runtime: $(du -sh "$RUNTIME" | cut -f1) ($(( $(date +%s) - t0 )) s)"

common=(
  --name "$NAME"
  --app-version "$VERSION"
  --vendor "Dual-MCMC Explorer"
  --description "Learning an energy-based model via dual-MCMC teaching: live training and chain step-through"
  --copyright "Dual-MCMC Explorer authors; bundled data under their own licences (Help > About)"
  --input "$STAGE"
  --main-jar "$(basename "$JAR")"
  --main-class dualmcmc.app.Launcher
  --runtime-image "$RUNTIME"
  --icon assets/icon/dualmcmc-256.png
  --java-options "-Xmx3g"
  --java-options "-Dprism.lcdtext=false"
  --dest "$DEST"
)

if [ "$type" != deb ]; then
  jpackage --type app-image "${common[@]}"
  echo "app image: $DEST/$NAME ($(du -sh "$DEST/$NAME" | cut -f1); run $DEST/$NAME/bin/$NAME)"
fi

if [ "$type" != app-image ]; then
  t0=$(date +%s)
  # --linux-shortcut installs the .desktop entry and, with the file association, the MIME type
  # for .dmcx. The entry comes from packaging/linux: jpackage 17's own has no %f, so a
  # double-clicked file would start the app without it. GTK is loaded by JavaFX from inside a
  # jar, where jpackage's dependency scan cannot see it, so it is named here. The jars are
  # compressed already: gzip gives a .deb within 10% of xz's in a fraction of the time.
  DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} \
  jpackage --type deb "${common[@]}" ${JPACKAGE_VERBOSE:+--verbose} \
    --resource-dir "$RESOURCES" \
    --linux-package-name dualmcmc-explorer \
    --linux-deb-maintainer "dualmcmc@example.org" \
    --linux-menu-group "Education;Science;" \
    --linux-app-category science \
    --linux-shortcut \
    --linux-package-deps "libgtk-3-0" \
    --file-associations packaging/linux/dmcx.properties
  deb=$(ls "$DEST"/*.deb)
  echo "deb: $deb ($(du -h "$deb" | cut -f1), installed $(dpkg-deb -f "$deb" Installed-Size) KiB; $(( $(date +%s) - t0 )) s)"
fi
