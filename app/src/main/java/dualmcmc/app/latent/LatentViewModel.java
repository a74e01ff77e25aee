package dualmcmc.app.latent;

import dualmcmc.app.page.ShownOnly;
import dualmcmc.app.MainModel;
import dualmcmc.engine.session.LatentSample;
import dualmcmc.engine.tsne.BarnesHutTsne;
import dualmcmc.engine.tsne.Pca;
import dualmcmc.engine.tsne.TsneConfig;
import dualmcmc.engine.tsne.TsneState;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latent map: latent codes of a seeded subset of the data set (the inference model's means
 * mu_phi(x), or the latents z after k_z generator-guided Langevin steps from them) embedded in 2-D
 * by an incremental Barnes-Hut t-SNE, or by PCA at once. The codes are computed where the models
 * may be touched ({@link MainModel#compute}); t-SNE iterates on its own daemon thread, 10 iterations
 * at a time, and publishes a copy of the map; an animation timer hands the latest copy to the view
 * once per frame. Refresh recomputes the codes from the current models and warm-starts t-SNE from
 * the current map, so the map moves instead of jumping.
 */
public final class LatentViewModel implements ShownOnly {
    public static final int MAX_IMAGE_POINTS = 2000;
    public static final int MAX_TOY_POINTS = 1000;
    public static final int ITERATIONS = 1000;
    public static final int MORE_ITERATIONS = 500;
    private static final int STEP = 10;
    private static final long SUBSET_SEED = 2023;
    private static final double FOLLOW_SECONDS = 4;

    public enum Source {
        MU("\u03bc(x)"), REVISED("revised z"), PCA("PCA of \u03bc(x)");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The codes of {@code c} this source embeds. */
        public double[][] of(LatentSample c) {
            return this == REVISED ? c.revised() : c.mu();
        }
    }

    /** One published map: n x 2 points, the t-SNE iteration (0 for PCA) and KL (NaN for PCA). */
    public record Frame(double[][] embedding, Source source, int iteration, int target, double kl, int token) {
        public boolean tsne() {
            return source != Source.PCA;
        }
    }

    private final MainModel main;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.MU);
    private final ObjectProperty<LatentSample> codes = new SimpleObjectProperty<>();
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private final IntegerProperty iteration = new SimpleIntegerProperty();
    private final IntegerProperty target = new SimpleIntegerProperty(ITERATIONS);
    private final DoubleProperty kl = new SimpleDoubleProperty(Double.NaN);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty follow = new SimpleBooleanProperty();
    private final Timeline followTimer = new Timeline(new KeyFrame(Duration.seconds(FOLLOW_SECONDS), e -> followTick()));
    private final ExecutorService tsneThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "latent-tsne");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final AnimationTimer pump;
    private Job job;
    private int token;
    private boolean active;
    private boolean stale = true;
    private boolean disposed;

    private record Waiter(int iteration, CompletableFuture<Void> future) {
    }

    /** One t-SNE run on one set of codes; its engine object lives on the t-SNE thread only. */
    private static final class Job {
        final int token;
        final double[][] data;
        final double[][] init;
        final Source source;
        volatile boolean stop;
        volatile int target = ITERATIONS;
        BarnesHutTsne tsne;

        Job(int token, double[][] data, double[][] init, Source source) {
            this.token = token;
            this.data = data;
            this.init = init;
            this.source = source;
        }
    }

    public LatentViewModel(MainModel main) {
        this.main = main;
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                Frame f = latest.getAndSet(null);
                if (f != null && f.token() == token) {
                    frame.set(f);
                    iteration.set(f.iteration());
                    kl.set(f.kl());
                }
                checkWaiters();
            }
        };
        pump.start();
        main.generationProperty().addListener((o, a, b) -> {
            cancel();
            codes.set(null);
            frame.set(null);
            iteration.set(0);
            kl.set(Double.NaN);
            stale = true;
            if (active) {
                refresh();
            }
        });
        source.addListener((o, a, b) -> restart(b));
        main.onDispose(this::dispose);
        followTimer.setCycleCount(Timeline.INDEFINITE);
        follow.addListener((o, a, b) -> {
            if (b) {
                followTimer.play();
                followTick();
            } else {
                followTimer.stop();
            }
        });
    }

    /** While following, the codes are refreshed every few seconds when training has moved on. */
    public BooleanProperty followProperty() {
        return follow;
    }

    private void followTick() {
        LatentSample c = codes.get();
        if (follow.get() && active && !computing.get() && c != null
                && c.iteration() != main.iterationProperty().get()) {
            refresh();
        }
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ObjectProperty<LatentSample> codesProperty() {
        return codes;
    }

    public ObjectProperty<Frame> frameProperty() {
        return frame;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty computingProperty() {
        return computing;
    }

    public IntegerProperty iterationProperty() {
        return iteration;
    }

    public IntegerProperty targetProperty() {
        return target;
    }

    public DoubleProperty klProperty() {
        return kl;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Number of points in the current map (0 before the first one). */
    public int points() {
        Frame f = frame.get();
        return f == null ? 0 : f.embedding().length;
    }

    /** The view is shown (or hidden): on first show, or after the models changed, the codes are computed. */
    public void setActive(boolean on) {
        active = on;
        if (on && stale && !computing.get()) {
            refresh();
        }
    }

    /**
     * Recomputes the latent codes from the current models (between two training iterations), then
     * embeds them, warm-starting t-SNE from the current map when it shows the same points.
     */
    public CompletableFuture<LatentSample> refresh() {
        if (disposed) {
            return CompletableFuture.completedFuture(null);
        }
        stale = false;
        computing.set(true);
        status.set("Computing latent codes from the current models\u2026");
        long seed = SUBSET_SEED + main.seedProperty().get();
        int max = main.dataProperty().get() != null && main.dataProperty().get().image() ? MAX_IMAGE_POINTS
                : MAX_TOY_POINTS;
        CompletableFuture<LatentSample> f = main.compute(q -> q.latentCodes(max, seed));
        f.whenComplete((c, e) -> {
            computing.set(false);
            if (e != null) {
                status.set("Could not compute latent codes: " + e.getMessage());
                return;
            }
            if (c == null) {
                status.set("");
                return;
            }
            codes.set(c);
            restart(source.get());
        });
        return f;
    }

    /** Embeds the current codes of {@code s}: PCA at once, or t-SNE (warm from the current t-SNE map). */
    private void restart(Source s) {
        LatentSample c = codes.get();
        if (c == null || disposed) {
            return;
        }
        Frame cur = frame.get();
        double[][] warm = cur != null && cur.tsne() && cur.embedding().length == c.size() ? cur.embedding() : null;
        cancel();
        int tk = ++token;
        double[][] data = s.of(c);
        if (s == Source.PCA) {
            status.set("PCA: the first two principal components of \u03bc(x), computed at once.");
            tsneThread.submit(() -> {
                double[][] p = pca(data);
                latest.set(new Frame(p, s, 0, 0, Double.NaN, tk));
            });
            target.set(0);
            return;
        }
        Job j = new Job(tk, data, warm, s);
        job = j;
        target.set(j.target);
        running.set(true);
        status.set(warm != null ? "t-SNE warm-started from the current map\u2026" : "t-SNE: finding neighbours\u2026");
        tsneThread.submit(() -> iterate(j));
    }

    private static double[][] pca(double[][] data) {
        int d = data[0].length;
        double[][] p = Pca.project(data, Math.min(2, d));
        if (d >= 2) {
            return p;
        }
        double[][] out = new double[p.length][2];
        for (int i = 0; i < p.length; i++) {
            out[i][0] = p[i][0];
        }
        return out;
    }

    /** The t-SNE loop on its thread: step(10) and publish a copy until the target or a stop. */
    private void iterate(Job j) {
        try {
            if (j.tsne == null) {
                int n = j.data.length;
                double perplexity = Math.min(30, (n - 1) / 3.0);
                TsneConfig cfg = TsneConfig.defaults().withPerplexity(perplexity).withIterations(ITERATIONS)
                        .withSeed(SUBSET_SEED);
                j.tsne = BarnesHutTsne.prepare(j.data, cfg, j.init);
                if (j.init != null) {
                    latest.set(new Frame(j.tsne.embedding(), j.source, 0, j.target, Double.NaN, j.token));
                }
                Platform.runLater(() -> {
                    if (j.token == token) {
                        status.set("t-SNE of " + j.source.label() + ": " + String.format("%,d", n)
                                + " points, perplexity " + Math.round(perplexity)
                                + (j.init != null ? ", warm-started from the previous map." : ", PCA start."));
                    }
                });
            }
            while (!j.stop && j.tsne.iteration() < j.target) {
                TsneState st = j.tsne.step(Math.min(STEP, j.target - j.tsne.iteration()));
                latest.set(new Frame(st.embedding(), j.source, st.iteration(), j.target, st.klDivergence(), j.token));
            }
        } catch (Throwable e) {
            Platform.runLater(() -> status.set("t-SNE failed: " + e.getMessage()));
        } finally {
            Platform.runLater(() -> {
                if (j.token == token && (j.stop || j.tsne == null || j.tsne.iteration() >= j.target)) {
                    running.set(false);
                }
            });
        }
    }

    /** Stops the running t-SNE (the map stays), or continues it (500 more iterations when it had finished). */
    public void toggleRunning() {
        Job j = job;
        if (j == null || j.token != token) {
            return;
        }
        if (running.get()) {
            j.stop = true;
            running.set(false);
            status.set("Stopped at t-SNE iteration " + iteration.get() + ": Continue goes on from this map.");
            return;
        }
        if (iteration.get() >= j.target) {
            j.target += MORE_ITERATIONS;
            target.set(j.target);
        }
        j.stop = false;
        running.set(true);
        tsneThread.submit(() -> iterate(j));
    }

    /** Completes (on the FX thread) once the map has reached {@code it} iterations, or t-SNE ended, or PCA shows. */
    public CompletableFuture<Void> whenIterated(int it) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiters.add(new Waiter(it, f));
        checkWaiters();
        return f;
    }

    private void checkWaiters() {
        if (waiters.isEmpty()) {
            return;
        }
        Frame f = frame.get();
        if (f == null) {
            return;
        }
        boolean done = !f.tsne() || f.iteration() >= f.target() || !running.get();
        for (var it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (done || f.iteration() >= w.iteration()) {
                it.remove();
                w.future().complete(null);
            }
        }
    }

    private void cancel() {
        Job j = job;
        if (j != null) {
            j.stop = true;
        }
        job = null;
        token++;
        running.set(false);
        latest.set(null);
    }

    /** Ends the t-SNE thread (the app closes or the model is disposed). */
    public void dispose() {
        disposed = true;
        cancel();
        if (Platform.isFxApplicationThread()) {
            pump.stop();
            followTimer.stop();
        } else {
            Platform.runLater(pump::stop);
            Platform.runLater(followTimer::stop);
        }
        tsneThread.shutdownNow();
    }
}
