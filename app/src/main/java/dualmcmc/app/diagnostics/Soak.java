package dualmcmc.app.diagnostics;

import dualmcmc.app.MainModel;
import dualmcmc.app.shell.MainWindow;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code --soak-log FILE} and {@code --soak MINUTES} start: the stall monitor, the
 * exception counter and the minute log; and the scripted user once the first models are loaded,
 * after which the app exits. Without these options none of it exists.
 */
public final class Soak {
    /** A heartbeat every 10 ms; a gap over 100 ms is a stall (the soak's requirement). */
    public static final long HEARTBEAT_MS = 10;
    public static final long STALL_MS = 100;
    public static final long LOG_PERIOD_S = 60;
    public static final long TICK_MS = 1000;

    private final FxStallMonitor monitor = new FxStallMonitor(HEARTBEAT_MS, STALL_MS);
    private final SoakLog log;
    private final SoakDriver driver;
    private final AtomicBoolean finished = new AtomicBoolean();

    private Soak(MainWindow window, MainModel main, Path logFile, long seed) {
        UncaughtExceptions exceptions = new UncaughtExceptions().install();
        driver = new SoakDriver(window, main, seed, monitor::note, this::exit);
        log = logFile == null ? null : new SoakLog(logFile, monitor, exceptions, driver::stats);
    }

    /**
     * @param logFile where the JSON lines go, or null for none
     * @param minutes how long the scripted user runs, or 0 for none (the log runs until the app ends)
     */
    public static Soak start(MainWindow window, MainModel main, CompletableFuture<Void> loaded, Path logFile,
                             double minutes, long seed) {
        Soak s = new Soak(window, main, logFile, seed);
        s.monitor.start();
        if (s.log != null) {
            s.log.start(LOG_PERIOD_S);
        }
        if (minutes > 0) {
            loaded.whenComplete((v, e) -> Platform.runLater(
                    () -> s.driver.start(Math.round(minutes * 60_000), TICK_MS)));
        }
        return s;
    }

    /** Writes the final log line (once) and stops the monitor. */
    public void finish() {
        if (finished.compareAndSet(false, true)) {
            monitor.close();
            if (log != null) {
                log.finish();
            }
        }
    }

    private void exit() {
        finish();
        System.out.println("soak: finished " + driver.stats());
        Platform.exit();
        // the worker and ND4J's threads would keep the JVM alive; the screenshot mode exits the same way
        System.exit(0);
    }
}
