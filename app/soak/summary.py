#!/usr/bin/env python3
"""Prints the figures of a soak from the app's --soak-log (JSON lines) and its console output.

Memory: resident memory (VmRSS) and native memory (resident less the heap's pages) per minute,
at the warm-up minute against the end with the change in %. FX thread: the longest gap between
two heartbeats, what the driver was doing then and the FX stack sampled during it, and how many
gaps exceeded 100 ms. Exceptions: uncaught ones (the app's own count), exception traces printed
in its output, and alerts the app showed that name one (a failure it caught and showed). Exits 1
when there was an exception or the log has no final line (the app did not finish), else 0.
"""
import argparse
import json
import re
import sys

TRACE = re.compile(r"^(Exception in thread|(\w+\.)+\w*(Exception|Error)\b)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("console")
    ap.add_argument("--warmup", type=float, default=3)
    a = ap.parse_args()
    with open(a.log) as f:
        lines = [json.loads(l) for l in f if l.strip()]
    after_gc = next((l for l in lines if l.get("after_gc")), None)
    lines = [l for l in lines if not l.get("after_gc")]
    if not lines:
        print("soak: FAIL: the soak log is empty")
        return 1
    stall = next(k for k in lines[0]["fx"] if k.startswith("over_"))
    print(f"{'minute':>6} {'rss MB':>7} {'native MB':>9} {'javacpp':>7} {'heap MB':>7} {'after GC':>8} {'max gap ms':>10} "
          f"{'>' + stall[5:-2] + 'ms':>7} {'FX cpu s':>8} {'load 1m':>7} {'iteration':>9}  dataset, view")
    for l in lines:
        print(f"{l['minute']:6.1f} {l['rss_mb']:7d} {l.get('offheap_rss_mb', -1):9d} {l.get('javacpp_mb', -1):7d} {l['heap_used_mb']:7d} "
              f"{l['heap_after_gc_mb']:8d} {l['fx']['max_gap_ms']:10d} {l['fx'][stall]:7d} "
              f"{l.get('cpu_ms', {}).get('fx', 0) / 1000:8.1f} "
              f"{(l['load'] or [0])[0]:7.2f} {l.get('iteration', 0):9d}  {l.get('dataset', '')}, {l.get('view', '')}")
    last = lines[-1]
    warm = next((l for l in lines if l["minute"] >= a.warmup), lines[0])

    def change(key):
        if key not in warm or key not in last:
            return "n/a"
        pct = 100.0 * (last[key] - warm[key]) / max(1, warm[key])
        return f"{warm[key]} MB at minute {warm['minute']:.1f} -> {last[key]} MB at minute {last['minute']:.1f} ({pct:+.1f}%)"

    print(f"soak: resident memory at start {lines[0]['rss_mb']} MB; {change('rss_mb')}")
    print(f"soak: native memory (resident less heap pages): {change('offheap_rss_mb')}")
    print(f"soak: heap in use after GC: {change('heap_after_gc_mb')}")
    if after_gc:
        print(f"soak: after two full collections at the end: resident {after_gc['rss_mb']} MB, native "
              f"{after_gc.get('offheap_rss_mb')} MB, JavaCPP {after_gc.get('javacpp_mb')} MB (before: {last['rss_mb']}, "
              f"{last.get('offheap_rss_mb')}, {last.get('javacpp_mb')} MB)")
    longest = max(lines, key=lambda l: l["fx"]["max_gap_ms"])
    total = last["fx_total"]
    print(f"soak: FX thread: {total['beats']} heartbeats, longest gap {total['max_gap_ms']} ms "
          f"(minute {longest['minute']:.1f}, during '{longest['fx']['longest_during']}'), "
          f"{total[stall]} gaps over {stall[5:-2]} ms")
    for frame in longest["fx"]["longest_stack"]:
        print(f"soak:     at {frame}")
    hist = {}
    for l in lines:
        for k, v in l["fx"]["histogram_ms"].items():
            hist[k] = hist.get(k, 0) + v
    print("soak: gap histogram (ms): " + ", ".join(f"{k}: {v}" for k, v in hist.items()))
    cpu = [l["cpu_ms"] for l in lines[1:] if "cpu_ms" in l]
    if cpu:
        per_min = lambda k: sum(c.get(k, 0) for c in cpu) / max(1e-9, last["minute"] - lines[0]["minute"]) / 1000
        print(f"soak: CPU seconds per minute: FX thread {per_min('fx'):.1f}, renderer {per_min('renderer'):.1f}, "
              f"whole app {per_min('process'):.1f} (of 60 per core)")
    loads = [l["load"][0] for l in lines if l["load"]]
    if loads:
        print(f"soak: load average (1 min) from {min(loads):.2f} to {max(loads):.2f}, mean {sum(loads) / len(loads):.2f}"
              f" (the gaps include time other processes took from the app)")
    counters = {k: last[k] for k in ("ticks", "views", "steps", "plays", "ends", "examples_opened",
                                     "prompts_answered", "trainings_started", "alerts") if k in last}
    print("soak: driver: " + ", ".join(f"{k} {v}" for k, v in counters.items())
          + f"; iteration {last.get('iteration')}")
    alerts = last.get("alert_first", [last["last_alert"]] if last.get("last_alert") else [])
    failures = [a for a in alerts if "Exception" in a or "Error" in a]
    print(f"soak: alerts shown: {last.get('alerts', 0)}, {len(failures)} of them exceptions caught and shown")
    for al in alerts:
        print(f"soak:     {al}")
    with open(a.console, errors="replace") as f:
        traces = [l.rstrip() for l in f if TRACE.match(l)]
    uncaught = last["exceptions"]
    print(f"soak: exceptions: {uncaught} uncaught, {len(traces)} traces in the app's output")
    for e in last["exception_first"] + traces[:10]:
        print(f"soak:     {e}")
    failed = False
    if not last.get("final"):
        print("soak: FAIL: the log has no final line (the app did not finish its soak)")
        failed = True
    if uncaught or traces or failures:
        print("soak: FAIL: exceptions occurred")
        failed = True
    if not failed:
        print("soak: OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
