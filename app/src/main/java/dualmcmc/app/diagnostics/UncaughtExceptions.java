package dualmcmc.app.diagnostics;

import javafx.application.Platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts exceptions no code caught, on any thread, and keeps the first few as one line each;
 * each is still handled as before (printed, or passed to the handler that was there). The FX
 * thread is looked at on its own: JavaFX hands an exception thrown by an event handler to that
 * thread's handler, and one a library set there would bypass the default.
 */
public final class UncaughtExceptions {
    private static final int KEPT = 20;
    private final AtomicLong count = new AtomicLong();
    private final List<String> first = new CopyOnWriteArrayList<>();

    /** Installs the counter as the default handler and the FX thread's (call on any thread once FX runs). */
    public UncaughtExceptions install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler handler = (t, e) -> {
            record(t, e);
            if (previous != null) {
                previous.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace();
            }
        };
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Platform.runLater(() -> {
            Thread fx = Thread.currentThread();
            Thread.UncaughtExceptionHandler own = fx.getUncaughtExceptionHandler();
            // without a handler of its own the thread's group passes exceptions to the default one
            if (own != fx.getThreadGroup()) {
                fx.setUncaughtExceptionHandler((t, e) -> {
                    record(t, e);
                    own.uncaughtException(t, e);
                });
            }
        });
        return this;
    }

    void record(Thread t, Throwable e) {
        count.incrementAndGet();
        if (first.size() < KEPT) {
            first.add(t.getName() + ": " + e);
        }
    }

    public long count() {
        return count.get();
    }

    /** The first exceptions, "thread: exception", at most 20. */
    public List<String> first() {
        return List.copyOf(first);
    }
}
