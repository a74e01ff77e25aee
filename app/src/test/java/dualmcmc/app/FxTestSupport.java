package dualmcmc.app;

import atlantafx.base.theme.PrimerLight;
import dualmcmc.app.io.AutosaveSettings;
import dualmcmc.app.shell.MainWindow;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** What the UI tests share: a window on fresh ring8 models with test preferences, and waiting on the FX thread. */
final class FxTestSupport {
    static final long WAIT_S = 90;
    /** The tests' own preferences node: they never touch the user's recent files or autosave settings. */
    static final String PREFS = "/dualmcmc/explorer-test";

    private FxTestSupport() {
    }

    /** Clean test preferences with autosave off (a test that wants it turns it on in a temporary folder). */
    static Preferences testPreferences() {
        Preferences p = Preferences.userRoot().node(PREFS);
        try {
            p.clear();
        } catch (BackingStoreException e) {
            throw new AssertionError(e);
        }
        new AutosaveSettings(false, AutosaveSettings.DEFAULT_EVERY, AutosaveSettings.DEFAULT_KEEP, null).store(p);
        return p;
    }

    /** Shows the main window on {@code stage} and starts {@code open}, e.g. the ring8 example as the app does. */
    static MainWindow show(Stage stage, MainModel main, Function<MainModel, CompletableFuture<Void>> open) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow(main, testPreferences());
        stage.setScene(ExplorerApp.createScene(window));
        stage.show();
        open.apply(main);
        return window;
    }

    /**
     * Ends a test's window: hides every other window it left (dialogs, the gallery, a question
     * still waiting in a nested loop), whose buttons would otherwise act on these models from
     * the next test's window, then disposes the models. Every UI test's {@code @AfterEach}.
     */
    static void close(MainModel main) {
        fx(() -> {
            Window primary = FxToolkit.toolkitContext().getRegisteredStage();
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != primary) {
                    w.hide();
                }
            }
            if (primary instanceof Stage s) {
                s.titleProperty().unbind();
            }
            main.dispose();
            return null;
        });
    }

    /**
     * Clicks the centre of the node {@code query} finds, its position read on the FX thread.
     * TestFX's clickOn(node) measures the node on the test thread, and text layout off the FX
     * thread races JavaFX's shared glyph cache while training redraws the charts (seen as a
     * ConcurrentModificationException in PangoGlyphLayout on the FX thread).
     */
    static void click(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        Point2D centre = fx(() -> {
            Bounds b = node.localToScreen(node.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
        robot.clickOn(centre);
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitUntil(String what, BooleanSupplier cond) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, () -> fx(cond::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what);
        }
    }

    static void waitLoaded(MainModel main, String name) {
        waitUntil(name + " loaded", () -> main.dataProperty().get() != null
                && main.dataProperty().get().name().equals(name) && main.busyProperty().get() == 0);
    }

    /**
     * Starts {@code action} on the FX thread and waits for the future it returns; its failure is
     * returned, not thrown. It polls rather than calling get(): a thread blocked in get() helps run
     * the future's callbacks, and those belong on the FX thread.
     */
    static <T> Throwable await(Callable<CompletableFuture<T>> action) {
        CompletableFuture<T> f = fx(action);
        waitUntil("the action to complete", f::isDone);
        return fx(() -> f.handle((v, e) -> e).getNow(null));
    }
}
