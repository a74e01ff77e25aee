package dualmcmc.app;

import dualmcmc.app.diagnostics.FxStallMonitor;
import dualmcmc.app.diagnostics.SoakDriver;
import dualmcmc.app.diagnostics.UncaughtExceptions;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak's instruments, headless: the FX stall monitor and the scripted user. */
class SoakDiagnosticsTest extends WindowTest {

    @Test
    void aBlockedFxThreadShowsAsAGapAtLeastAsLongWithItsStack() {
        try (FxStallMonitor monitor = new FxStallMonitor(10, 100)) {
            monitor.start();
            FxTestSupport.waitUntil("heartbeats", () -> monitor.totals().beats() >= 20);
            monitor.drain();
            FxTestSupport.fx(() -> {
                Thread.sleep(300);
                return null;
            });
            long beats = monitor.totals().beats();
            FxTestSupport.waitUntil("heartbeats after the block", () -> monitor.totals().beats() >= beats + 5);
            FxStallMonitor.Window w = monitor.drain();
            assertTrue(w.maxGapMs() >= 300, "a 300 ms block is a gap of " + w.maxGapMs() + " ms");
            assertTrue(w.overStall() >= 1, w.toString());
            assertTrue(w.buckets().get("<=500") + w.buckets().get("<=1000") + w.buckets().get(">1000") >= 1,
                    "the block is in the histogram: " + w.buckets());
            assertTrue(w.longestStack().stream().anyMatch(f -> f.contains("Thread.sleep")),
                    "the stack sampled during the gap shows the sleep: " + w.longestStack());
            assertTrue(monitor.totals().maxGapMs() >= 300);
        }
    }

    @Test
    void theScriptedUserDrivesTheViewsWithoutExceptions() {
        FxTestSupport.waitLoaded(main, "ring8");
        UncaughtExceptions exceptions = new UncaughtExceptions().install();
        boolean[] finished = {false};
        SoakDriver driver = FxTestSupport.fx(() -> {
            SoakDriver d = new SoakDriver(window, main, 7, what -> { }, () -> finished[0] = true);
            d.start(8_000, 40);
            return d;
        });
        FxTestSupport.waitUntil("the driver's time is up", driver::isDone);
        Map<String, Object> stats = driver.stats();
        assertEquals(0, exceptions.count(), "uncaught: " + exceptions.first());
        assertTrue(finished[0], "told when finished");
        for (String k : new String[]{"views", "steps", "plays", "trainings_started"}) {
            assertTrue(((Number) stats.get(k)).longValue() > 0, k + " in " + stats);
        }
        assertTrue(FxTestSupport.fx(() -> main.iterationProperty().get()) > 0, "it trained: " + stats);
        assertEquals(1, (int) FxTestSupport.fx(() -> Window.getWindows().filtered(Window::isShowing).size()),
                "no gallery or question left open");
    }
}
