# Sourced by the scripts that run the app under Xvfb (app/e2e/run.sh, app/soak/run.sh,
# packaging/check-deb.sh).

# start_xvfb LOG: starts Xvfb on a display nobody uses, exports DISPLAY, sets xvfb_pid and
# stops it when the script exits.
start_xvfb() {
  local disp="" n
  for n in $(seq 91 120); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then disp=$n; break; fi
  done
  [ -n "$disp" ] || { echo "no free X display" >&2; return 1; }
  Xvfb ":$disp" -screen 0 1600x1000x24 -nolisten tcp >"$1" 2>&1 &
  xvfb_pid=$!
  trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do
    [ -e "/tmp/.X11-unix/X$disp" ] && break
    sleep 0.1
  done
  export DISPLAY=":$disp"
}

# check_png FILE LABEL: whether a screenshot shows something (big enough, enough contrast and
# colours), not a blank or single-colour window. Prints one line; returns 1 with the reason on
# stderr. Needs ImageMagick (identify, convert).
check_png() {
  local png=$1 label=$2 size w h std colours
  if [ ! -s "$png" ]; then
    echo "FAIL $label: no screenshot written" >&2
    return 1
  fi
  size=$(identify -format '%w %h' "$png")
  w=${size% *}
  h=${size#* }
  std=$(convert "$png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
  colours=$(convert "$png" -format '%k' info:)
  echo "$label: ${w}x${h}, grey std $std, $colours colours"
  if [ "$w" -lt 800 ] || [ "$h" -lt 600 ]; then
    echo "FAIL $label: screenshot is only ${w}x${h}" >&2
    return 1
  fi
  if ! awk -v s="$std" 'BEGIN { exit !(s > 0.05) }'; then
    echo "FAIL $label: looks blank (standard deviation $std <= 0.05)" >&2
    return 1
  fi
  if [ "$colours" -lt 64 ]; then
    echo "FAIL $label: only $colours colours (charts and heatmaps give thousands)" >&2
    return 1
  fi
}
