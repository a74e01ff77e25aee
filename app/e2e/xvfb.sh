# Sourced by the scripts that run the app under Xvfb (e2e/run.sh, soak/run.sh):
# start_xvfb LOGFILE starts Xvfb on a display nobody uses, exports DISPLAY, sets xvfb_pid and
# stops the server when the calling script exits.
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
