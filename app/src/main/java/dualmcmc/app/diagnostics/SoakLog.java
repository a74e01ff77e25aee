package dualmcmc.app.diagnostics;

import dualmcmc.engine.cli.HeapPages;
import dualmcmc.engine.io.Json;
import org.bytedeco.javacpp.Pointer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The soak's log ({@code --soak-log FILE}): one JSON object a line, at start and then every
 * period, with resident memory, the heap, the FX thread's gaps over the period and since the
 * start, the uncaught exceptions, what the caller adds (the driver's counters) and the machine's
 * load average: other processes on the machine lengthen FX gaps without the app being at fault,
 * and the load says how busy it was.
 */
public final class SoakLog implements AutoCloseable {
    private static final long MB = 1 << 20;
    private static final Map<String, String> WATCHED = Map.of("JavaFX Application Thread", "fx",
            "QuantumRenderer-0", "renderer");
    private final Path file;
    private final FxStallMonitor monitor;
    private final UncaughtExceptions exceptions;
    private final Supplier<Map<String, Object>> extra;
    private final long started = System.nanoTime();
    /** CPU ns of the watched threads at the last line, by name. */
    private final Map<String, Long> cpuBefore = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "soak-log");
        t.setDaemon(true);
        return t;
    });

    public SoakLog(Path file, FxStallMonitor monitor, UncaughtExceptions exceptions,
                   Supplier<Map<String, Object>> extra) {
        this.file = file;
        this.monitor = monitor;
        this.exceptions = exceptions;
        this.extra = extra;
    }

    /** Writes a line now and then every {@code periodS} seconds. */
    public SoakLog start(long periodS) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the soak log " + file, e);
        }
        timer.scheduleAtFixedRate(() -> write(false), 0, periodS, TimeUnit.SECONDS);
        return this;
    }

    /**
     * The last line (marked "final"), written at once; the periodic lines stop. Then one more
     * after two full collections (marked "after_gc"): ND4J's native buffers are freed only when
     * the collector finds their small Java owners dead, so native memory that falls here was
     * garbage waiting for a collection, and what stays is held.
     */
    public void finish() {
        timer.shutdownNow();
        write(true);
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        write(true, "after_gc");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void write(boolean last) {
        write(last, null);
    }

    private synchronized void write(boolean last, String mark) {
        Map<String, Object> line = new LinkedHashMap<>();
        double t = (System.nanoTime() - started) / 1e9;
        line.put("t_s", Math.round(t * 10) / 10.0);
        line.put("minute", Math.round(t / 60 * 100) / 100.0);
        line.putAll(memory());
        line.put("load", loadAverage());
        line.put("cpu_ms", cpuSinceLastLine());
        FxStallMonitor.Window w = monitor.drain();
        FxStallMonitor.Totals all = monitor.totals();
        Map<String, Object> fx = new LinkedHashMap<>();
        fx.put("beats", w.beats());
        fx.put("max_gap_ms", w.maxGapMs());
        fx.put("over_" + monitor.stallMs() + "ms", w.overStall());
        fx.put("histogram_ms", w.buckets());
        fx.put("longest_during", w.longestDuring());
        fx.put("longest_stack", w.longestStack());
        line.put("fx", fx);
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("beats", all.beats());
        total.put("max_gap_ms", all.maxGapMs());
        total.put("over_" + monitor.stallMs() + "ms", all.overStall());
        line.put("fx_total", total);
        line.put("exceptions", exceptions.count());
        line.put("exception_first", exceptions.first());
        try {
            line.putAll(extra.get());
        } catch (RuntimeException e) {
            line.put("extra_error", String.valueOf(e));
        }
        if (last) {
            line.put("final", true);
        }
        if (mark != null) {
            line.put(mark, true);
        }
        try {
            Files.writeString(file, Json.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("soak log: cannot write " + file + ": " + e);
        }
    }

    /**
     * Resident memory, the heap in use, in use after the last collection (the figure a leak
     * raises; in use now swings with the allocation rate), reserved, and resident memory less
     * the heap's resident pages (native memory: ND4J's buffers, BLAS workspaces, the JVM).
     */
    static Map<String, Object> memory() {
        Map<String, Object> m = new LinkedHashMap<>();
        long rss = rssBytes();
        m.put("rss_mb", rss / MB);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        m.put("heap_used_mb", heap.getUsed() / MB);
        long afterGc = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                afterGc += p.getCollectionUsage().getUsed();
            }
        }
        m.put("heap_after_gc_mb", afterGc / MB);
        m.put("heap_committed_mb", heap.getCommitted() / MB);
        // what JavaCPP (ND4J's buffers, oneDNN's) holds and has not yet deallocated
        m.put("javacpp_mb", Pointer.totalBytes() / MB);
        OptionalLong heapPages = HeapPages.resident();
        if (rss > 0 && heapPages.isPresent()) {
            m.put("offheap_rss_mb", (rss - heapPages.getAsLong()) / MB);
        }
        return m;
    }

    /**
     * CPU time (ms) since the last line of the FX thread, the renderer and the whole process:
     * unlike the gaps, hardly moved by other processes, so a change to the app can be judged
     * on a busy machine by what it costs the FX thread.
     */
    private Map<String, Long> cpuSinceLastLine() {
        Map<String, Long> now = new LinkedHashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && WATCHED.containsKey(t.getThreadName())) {
                now.put(WATCHED.get(t.getThreadName()), threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            now.put("process", os.getProcessCpuTime());
        }
        Map<String, Long> delta = new LinkedHashMap<>();
        now.forEach((k, v) -> delta.put(k, (v - cpuBefore.getOrDefault(k, 0L)) / 1_000_000));
        cpuBefore.putAll(now);
        return delta;
    }

    /** VmRSS from /proc/self/status, or -1 off Linux. */
    static long rssBytes() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return 1024 * Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or empty off Linux. */
    static List<Double> loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
