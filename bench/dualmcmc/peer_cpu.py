# The PyTorch peer's bench, timed by the calling thread's CPU time (time.thread_time) instead of
# wall time, like the engine's `bench --clock cpu`: on a machine that other programs share, wall
# medians move 2-4x with the load. Usage: python3 peer_cpu.py PEER_SCRIPT CONFIG ITERS
import json, os, sys, time
peer, config, iters = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, os.path.dirname(os.path.abspath(peer)))
p = __import__(os.path.splitext(os.path.basename(peer))[0])
p.time.perf_counter = time.thread_time
p.t.set_num_threads(1)
r = p.bench(config, iters)
r["clock"] = "cpu"
print(json.dumps(r), flush=True)
