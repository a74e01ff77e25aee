package dualmcmc.app.diagnostics;

import dualmcmc.app.xrevision.XRevisionPage;
import dualmcmc.app.zrevision.ZRevisionPage;
import dualmcmc.app.compare.ComparePage;
import dualmcmc.app.MainModel;
import dualmcmc.app.examples.ExamplesGallery;
import dualmcmc.app.examples.ExamplesViewModel;
import dualmcmc.app.shell.MainWindow;
import dualmcmc.engine.progress.TrainingState;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A scripted user for the soak ({@code --soak MINUTES}): keeps the models training and, once a
 * tick, switches views (Ctrl+1..5), steps chains (arrows, Home, End), plays and pauses them or
 * training (Space), and now and then opens a bundled example from the gallery, answering the
 * unsaved-changes question with Don't save. Choices come from a seeded random stream.
 *
 * <p>Why in the app and not xdotool: under Xvfb there is no window manager, so keys go to
 * whichever window X thinks has focus, a dialog that opens a moment late takes the keys meant for
 * the main window, and a script outside cannot see when the gallery has read its cards or the
 * question has appeared. Here the key presses go through the scene's own key handling, as a
 * keyboard's would, and the gallery's Open button and the question's Don't save are found by id
 * and fired. Each tick is posted with {@code Platform.runLater}, not run from a Timeline: opening
 * an example asks its question with showAndWait, which JavaFX refuses during an animation, and a
 * posted tick also runs inside that question's nested event loop, where it answers it.
 */
public final class SoakDriver {
    private enum Action { VIEW, STEP, PLAY, ENDS, EXAMPLE }

    private static final int[] WEIGHTS = {25, 35, 15, 8, 2};
    private static final List<String> CHAIN_VIEWS = List.of(XRevisionPage.ID, ZRevisionPage.ID,
            ComparePage.ID);
    /** Ticks to wait for the gallery to read its cards before giving up on that example. */
    private static final int GALLERY_PATIENCE = 30;

    private final MainWindow window;
    private final MainModel main;
    private final Random random;
    private final Consumer<String> note;
    private final Runnable finished;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Map<String, AtomicLong> counts = new LinkedHashMap<>();
    private ScheduledExecutorService clock;
    private long endAt;
    private volatile boolean done;
    /** Which card to open once the gallery shows them (an index into its cards), or -1. */
    private int pendingCard = -1;
    private int waitedForGallery;
    private volatile long iteration;
    private volatile String dataset = "";
    private volatile String view = "";
    /** The first alerts the app showed (a failure caught and shown is still a failure). */
    private final List<String> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param note     told what the driver is about to do (the stall monitor names it with a gap)
     * @param finished run on the FX thread when the time is up
     */
    public SoakDriver(MainWindow window, MainModel main, long seed, Consumer<String> note, Runnable finished) {
        this.window = window;
        this.main = main;
        this.random = new Random(seed);
        this.note = note;
        this.finished = finished;
        for (String k : List.of("ticks", "views", "steps", "plays", "ends", "examples_opened", "prompts_answered",
                "trainings_started", "alerts")) {
            counts.put(k, new AtomicLong());
        }
        main.alertProperty().addListener((o, a, b) -> {
            if (b != null) {
                counts.get("alerts").incrementAndGet();
                if (alerts.size() < 10) {
                    alerts.add("iteration " + iteration + ", " + dataset + ": " + b);
                }
            }
        });
    }

    /** Starts ticking every {@code tickMs} for {@code millis} (call on the FX thread once the models are loaded). */
    public void start(long millis, long tickMs) {
        endAt = System.nanoTime() + millis * 1_000_000;
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-driver");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleWithFixedDelay(() -> {
            if (queued.compareAndSet(false, true)) {
                Platform.runLater(this::tick);
            }
        }, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    /** The driver's counters and where the app is, for the soak log (any thread). */
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put(k, v.get()));
        m.put("iteration", iteration);
        m.put("dataset", dataset);
        m.put("view", view);
        m.put("alert_first", List.copyOf(alerts));
        return m;
    }

    public boolean isDone() {
        return done;
    }

    private void tick() {
        queued.set(false);
        if (done) {
            return;
        }
        count("ticks");
        iteration = main.iterationProperty().get();
        dataset = main.datasetNameProperty().get();
        view = window.selectedView();
        if (answerPrompt()) {
            return;
        }
        // an example being chosen finishes first, so no gallery stays open at the end
        if (pendingCard >= 0) {
            openPendingExample();
            return;
        }
        if (System.nanoTime() > endAt) {
            finish();
            return;
        }
        keepTraining();
        switch (pick()) {
            case VIEW -> {
                int n = 1 + random.nextInt(5);
                act("view " + n, "views", KeyCode.valueOf("DIGIT" + n), true);
            }
            case STEP -> {
                if (!CHAIN_VIEWS.contains(view)) {
                    toChainView();
                    return;
                }
                KeyCode k = random.nextInt(3) == 0 ? KeyCode.LEFT : KeyCode.RIGHT;
                int times = 1 + random.nextInt(3);
                for (int i = 0; i < times; i++) {
                    act(k + " on " + view, "steps", k, false);
                }
            }
            case PLAY -> act("space on " + view, "plays", KeyCode.SPACE, false);
            case ENDS -> {
                if (!CHAIN_VIEWS.contains(view)) {
                    toChainView();
                    return;
                }
                KeyCode k = random.nextBoolean() ? KeyCode.HOME : KeyCode.END;
                act(k + " on " + view, "ends", k, false);
            }
            case EXAMPLE -> {
                note.accept("gallery");
                pendingCard = random.nextInt(1 << 16);
                waitedForGallery = 0;
                window.showExamples();
            }
        }
    }

    private Action pick() {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return Action.values()[i];
            }
        }
        throw new AssertionError();
    }

    private void toChainView() {
        int n = List.of(2, 3, 5).get(random.nextInt(3));
        act("view " + n, "views", KeyCode.valueOf("DIGIT" + n), true);
    }

    /** Training runs throughout: Space on a view without a chain pauses it, and an opened example starts ready. */
    private void keepTraining() {
        if (main.stateProperty().get() != TrainingState.RUNNING && main.busyProperty().get() == 0) {
            note.accept("train");
            count("trainings_started");
            main.train();
        }
    }

    /** A key press as the keyboard sends it, through the scene's key handling. */
    private void act(String what, String counter, KeyCode key, boolean shortcut) {
        Scene scene = window.getScene();
        // a click on the view takes the focus from a settings field, which keeps plain keys for itself
        if (scene.getFocusOwner() instanceof TextInputControl) {
            Node views = scene.lookup("#views");
            if (views != null) {
                views.requestFocus();
            }
        }
        note.accept(what);
        count(counter);
        Event.fireEvent(scene, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, shortcut, false, false));
        Event.fireEvent(scene, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", key, false, shortcut, false, false));
    }

    /** Fires the open button of the chosen card once the gallery shows its cards. */
    private void openPendingExample() {
        ExamplesGallery gallery = window.showExamples();
        ExamplesViewModel vm = window.examplesViewModel();
        List<ExamplesViewModel.Card> cards = vm.cards();
        if (cards.isEmpty() || vm.loadingProperty().get()) {
            if (++waitedForGallery > GALLERY_PATIENCE || vm.errorProperty().get() != null) {
                pendingCard = -1;
                gallery.dialog().close();
            }
            return;
        }
        String id = cards.get(pendingCard % cards.size()).id();
        pendingCard = -1;
        Node open = gallery.dialog().getDialogPane().lookup("#open-" + id);
        if (open instanceof Button b) {
            note.accept("example " + id);
            log("opening the " + id + " example, at iteration " + main.iterationProperty().get());
            count("examples_opened");
            // may ask Save / Don't save / Cancel and wait in a nested loop, where the next tick answers
            b.fire();
        } else {
            gallery.dialog().close();
        }
    }

    /** Don't save, on the unsaved-changes question if it is showing. */
    private boolean answerPrompt() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null
                    && w.getScene().getRoot().lookup("#unsavedDiscard") instanceof Button discard) {
                note.accept("don't save");
                log("don't save, at iteration " + main.iterationProperty().get() + " on " + view);
                count("prompts_answered");
                discard.fire();
                return true;
            }
        }
        return false;
    }

    private void finish() {
        done = true;
        clock.shutdownNow();
        note.accept("finished");
        main.pause();
        finished.run();
    }

    /** What the console shows of the driver: the rare actions that replace the models. */
    private static void log(String what) {
        System.out.println("soak: " + what);
    }

    private void count(String k) {
        counts.get(k).incrementAndGet();
    }
}
