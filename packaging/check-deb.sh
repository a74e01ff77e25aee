#!/usr/bin/env bash
# The .deb as a user gets it: installs packaging/target/*.deb with apt-get (root), checks the
# menu entry and the .dmcx MIME type, starts the installed launcher under Xvfb twice (the
# example, then a .dmcx through its file argument, as a double-click does) and checks both
# screenshots, checks the launcher's one-sentence message without a display, then removes the
# package. Run after packaging/build.sh. Needs: xvfb, imagemagick (.ci/run installs them).
# Env: DEB_CHECK_OUT (output folder, default packaging/target/deb-check).
set -euo pipefail
cd "$(dirname "$0")/.."
. app/e2e/common.sh

PKG=dualmcmc-explorer
LAUNCHER=/opt/$PKG/bin/DualMcmcExplorer
OUT=${DEB_CHECK_OUT:-packaging/target/deb-check}
debs=(packaging/target/"$PKG"_*.deb)
[ -f "${debs[0]}" ] || { echo "deb-check: no .deb in packaging/target; run packaging/build.sh first" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "deb-check: installs a package, so it runs as root" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT"
export DEBIAN_FRONTEND=noninteractive

fail() {
  echo "deb-check: FAIL $*" >&2
  exit 1
}
installed=0
finish() {
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null
  if [ "$installed" = 1 ]; then
    apt-get purge -y -qq "$PKG" >/dev/null 2>&1 || true
  fi
}
trap finish EXIT

t0=$(date +%s)
# apt resolves the package's dependencies (GTK 3, xdg-utils) from the archive
[ -n "$(ls /var/lib/apt/lists 2>/dev/null | grep -v lock)" ] || apt-get update -qq
apt-get install -y -qq "./${debs[0]}" >"$OUT/install.log" 2>&1 || { tail -20 "$OUT/install.log" >&2; fail "apt-get install"; }
installed=1
echo "deb-check: installed $(dpkg-query -W -f '${Package} ${Version}, ${Installed-Size} KiB' "$PKG") in $(( $(date +%s) - t0 )) s"

[ -x "$LAUNCHER" ] || fail "no launcher at $LAUNCHER"
desktop=$(grep -l "^Exec=$LAUNCHER %f" /usr/share/applications/*.desktop /usr/local/share/applications/*.desktop 2>/dev/null | head -1 || true)
[ -n "$desktop" ] || fail "no menu entry in /usr/(local/)share/applications starts $LAUNCHER with a file"
grep -q '^Categories=Education;Science;' "$desktop" || fail "$desktop is not under Education;Science"
grep -q '^MimeType=application/x-dualmcmc-checkpoint;' "$desktop" || fail "$desktop does not take .dmcx files"
grep -qs 'glob pattern="\*.dmcx"' /usr/share/mime/packages/*.xml || fail "no MIME type for *.dmcx installed"
echo "deb-check: menu entry $desktop (Education;Science, opens application/x-dualmcmc-checkpoint)"

# the first-run check, as installed: one sentence and status 1, no stack trace
if msg=$(env -u DISPLAY -u WAYLAND_DISPLAY "$LAUNCHER" 2>&1); then fail "started without a display"; fi
[ "$(printf '%s\n' "$msg" | wc -l)" = 1 ] && [[ "$msg" == *"needs a graphical display"* ]] \
  || fail "without a display it said: $msg"
echo "deb-check: without a display: $msg"

start_xvfb "$OUT/xvfb.log"
shot() { # shot NAME ARGS...: runs the installed launcher with --screenshot, checks the PNG
  local name=$1 start
  shift
  start=$(date +%s)
  timeout 300 "$LAUNCHER" --screenshot "$OUT/$name.png" --view training "$@" >"$OUT/$name.log" 2>&1 \
    || { tail -20 "$OUT/$name.log" >&2; fail "$name: the installed app exited with an error"; }
  check_png "$OUT/$name.png" "deb-check: $name ($(( $(date +%s) - start )) s)" || fail "$name screenshot"
}
shot example
grep -q "(from example ring8) (ring8)" "$OUT/example.log" || fail "example: not the ring8 example: $(grep screenshot: "$OUT/example.log")"

# a checkpoint somewhere else, with a space in its name, opened as the desktop opens it
file="$OUT/double clicked.dmcx"
cp assets/examples/grid25.dmcx "$file"
shot opened "$(realpath "$file")"
grep -q "at iteration 10000 of double clicked.dmcx (grid25)" "$OUT/opened.log" \
  || fail "opened: the file did not open: $(grep screenshot: "$OUT/opened.log")"
cmp -s "$OUT/example.png" "$OUT/opened.png" && fail "opened: the same picture as the example"
echo "deb-check: the .dmcx given to the launcher opened (grid25, iteration 10000)"

apt-get purge -y -qq "$PKG" >"$OUT/remove.log" 2>&1 || { tail -20 "$OUT/remove.log" >&2; fail "apt-get purge"; }
installed=0
[ ! -e "$LAUNCHER" ] || fail "$LAUNCHER is still there after removal"
[ ! -e "$desktop" ] || fail "$desktop is still there after removal"
echo "deb-check: OK (installed, started twice, removed) in $(( $(date +%s) - t0 )) s; screenshots in $OUT"
