package dualmcmc.app.diagnostics;

import javafx.application.Platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures how long the FX application thread goes without being able to run anything: a clock
 * thread posts a heartbeat with {@code Platform.runLater} every few milliseconds, and the gap
 * between two heartbeats that ran is how long a click or a key would have waited.
 *
 * <p>Why a posted heartbeat and not a pulse listener or an AnimationTimer: pulses are scheduled
 * only while something animates or changes, so an idle window would read as stalled, and a
 * pulse that is late because an event handler holds the thread would not be told from one that
 * was never asked for. A runnable in the FX queue runs as soon as the thread is free, so the gap
 * measures the thread, not the scene. It also counts time the clock thread itself was not
 * scheduled, which on a loaded machine inflates the figures (the soak log records the load).
 *
 * <p>While the thread has been stuck longer than {@code stallMs}, the clock thread samples its
 * stack on every tick and the gap keeps the stack it saw most often, so the log says what held
 * the thread. One sample is not enough: the first can land in a render wait that merely preceded
 * the handler that blocked (seen on CI). Nothing runs until {@link #start}.
 */
public final class FxStallMonitor implements AutoCloseable {
    /** Upper bounds (ms) of the histogram's buckets; the last bucket holds everything longer. */
    public static final long[] BUCKETS_MS = {20, 50, 100, 200, 500, 1000};
    private static final int STACK_FRAMES = 14;

    private final long periodMs;
    private final long stallMs;
    private final AtomicBoolean pending = new AtomicBoolean();
    private ScheduledExecutorService clock;
    private volatile Thread fxThread;
    private volatile long lastBeat;
    private volatile String context = "";
    /** How often each FX stack was sampled during the gap in progress. */
    private final Map<List<String>, Integer> stallSamples = new LinkedHashMap<>();
    private Window window = new Window();
    private long totalBeats;
    private long totalMaxMs;
    private long totalOver;

    /** What the heartbeats saw over a while: gaps in ms. */
    public record Window(long beats, long maxGapMs, long overStall, long[] histogram, String longestDuring,
                         List<String> longestStack) {
        Window() {
            this(0, 0, 0, new long[BUCKETS_MS.length + 1], "", List.of());
        }

        Window with(long gapMs, long stallMs, String during, List<String> stack) {
            long[] h = histogram.clone();
            int b = 0;
            while (b < BUCKETS_MS.length && gapMs > BUCKETS_MS[b]) {
                b++;
            }
            h[b]++;
            boolean longest = gapMs > maxGapMs;
            List<String> frames = !longest ? longestStack : stack == null ? List.of() : stack;
            return new Window(beats + 1, Math.max(maxGapMs, gapMs), overStall + (gapMs > stallMs ? 1 : 0), h,
                    longest ? during : longestDuring, frames);
        }

        /** The histogram keyed by bucket, e.g. "<=20": 5712, ">1000": 0. */
        public Map<String, Long> buckets() {
            Map<String, Long> m = new LinkedHashMap<>();
            for (int i = 0; i < BUCKETS_MS.length; i++) {
                m.put("<=" + BUCKETS_MS[i], histogram[i]);
            }
            m.put(">" + BUCKETS_MS[BUCKETS_MS.length - 1], histogram[BUCKETS_MS.length]);
            return m;
        }

        @Override
        public String toString() {
            return "Window[beats=" + beats + ", maxGapMs=" + maxGapMs + ", over=" + overStall + ", histogram="
                    + Arrays.toString(histogram) + ", during=" + longestDuring + "]";
        }
    }

    /** Totals since {@link #start}. */
    public record Totals(long beats, long maxGapMs, long overStall) {
    }

    /**
     * @param periodMs how often a heartbeat is posted (the smallest gap it can see is about this)
     * @param stallMs  a gap longer than this is a stall: counted, and the FX stack is sampled
     */
    public FxStallMonitor(long periodMs, long stallMs) {
        this.periodMs = periodMs;
        this.stallMs = stallMs;
    }

    public synchronized void start() {
        if (clock != null) {
            return;
        }
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-stall-monitor");
            t.setDaemon(true);
            // a clock that waits behind training threads would report their load as FX stalls
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        clock.scheduleWithFixedDelay(this::tick, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    /** What the app is doing now (e.g. the soak driver's last action); named with the longest gap. */
    public void note(String what) {
        context = what;
    }

    private void tick() {
        Thread fx = fxThread;
        long last = lastBeat;
        if (pending.get()) {
            if (fx != null && last != 0 && System.nanoTime() - last > stallMs * 1_000_000) {
                List<String> stack = Arrays.stream(fx.getStackTrace()).limit(STACK_FRAMES).map(String::valueOf)
                        .toList();
                synchronized (stallSamples) {
                    stallSamples.merge(stack, 1, Integer::sum);
                }
            }
            return;
        }
        pending.set(true);
        Platform.runLater(this::beat);
    }

    private void beat() {
        long now = System.nanoTime();
        fxThread = Thread.currentThread();
        long last = lastBeat;
        lastBeat = now;
        List<String> stack = mostSampledStack();
        pending.set(false);
        if (last != 0) {
            record((now - last) / 1_000_000, stack);
        }
    }

    /** The stack seen most often since the last beat (the first seen on a tie), or null; starts afresh. */
    private List<String> mostSampledStack() {
        synchronized (stallSamples) {
            List<String> most = null;
            int count = 0;
            for (Map.Entry<List<String>, Integer> e : stallSamples.entrySet()) {
                if (e.getValue() > count) {
                    most = e.getKey();
                    count = e.getValue();
                }
            }
            stallSamples.clear();
            return most;
        }
    }

    private synchronized void record(long gapMs, List<String> stack) {
        window = window.with(gapMs, stallMs, context, stack);
        totalBeats++;
        totalMaxMs = Math.max(totalMaxMs, gapMs);
        totalOver += gapMs > stallMs ? 1 : 0;
    }

    /** The gaps since the last call (or start), and a fresh window for the next. */
    public synchronized Window drain() {
        Window w = window;
        window = new Window();
        return w;
    }

    public synchronized Totals totals() {
        return new Totals(totalBeats, totalMaxMs, totalOver);
    }

    public long stallMs() {
        return stallMs;
    }

    @Override
    public synchronized void close() {
        if (clock != null) {
            clock.shutdownNow();
            clock = null;
        }
    }
}
