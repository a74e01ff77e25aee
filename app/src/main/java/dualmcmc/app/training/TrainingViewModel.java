package dualmcmc.app.training;

import dualmcmc.app.MainModel;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.engine.session.SamplePair;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.progress.TrainingState;
import dualmcmc.app.chart.Charts;
import dualmcmc.app.chart.Smoothing;
import dualmcmc.engine.progress.TrainingHistory;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.jfree.data.xy.XYSeries;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToDoubleFunction;

/**
 * The training dashboard's data: loss and energy series (fed by the coalesced iteration events)
 * and, at a bounded rate, a snapshot of the current samples: generator samples g(z), their
 * x-revisions and, for 2-D data, the EBM's energy on a grid.
 */
public final class TrainingViewModel {
    /** Above this many points the history keeps every other point and the stride doubles. */
    static final int MAX_POINTS = TrainingHistory.DEFAULT_CAPACITY;
    /** Enough to read the trend of L_E's swings, little enough to follow a change within ~20 points. */
    static final double DEFAULT_SMOOTHING = 0.9;
    private static final int GRID = 72;
    /**
     * While training, the curves are redrawn at most this often: a series change redraws its
     * whole chart (every point, axes, labels) on the FX thread at once, and toy models train
     * faster than the screen refreshes, even when the dashboard is not the view on screen.
     */
    static final long CHART_PERIOD_MS = 200;

    /** A picture of the models at one iteration, as plain arrays. */
    public record Samples(long iteration, double[][] generated, double[][] revised, double[][] energy,
                          double[] bounds, float[][] generatedImages, float[][] revisedImages) {
    }

    /**
     * One curve of the dashboard: its raw values (drawn faint) and their moving average, both
     * rebuilt from the history when it grows or the smoothing changes.
     */
    public record Curve(XYSeries raw, XYSeries smooth, ToDoubleFunction<IterationStats> value) {
        Curve(String name, ToDoubleFunction<IterationStats> value) {
            this(Charts.series(name + " (raw)"), Charts.series(name), value);
        }
    }

    private final MainModel main;
    final Curve errE = new Curve("L_E (EBM)", IterationStats::errE);
    final Curve errG = new Curve("L_G (generator)", IterationStats::errG);
    final Curve errI = new Curve("L_I (inference)", IterationStats::errI);
    final Curve energyData = new Curve("mean E(x), data", IterationStats::energyData);
    final Curve energySamples = new Curve("mean E(x\u0303), revised samples", IterationStats::energySamples);
    private final List<Curve> curves = List.of(errE, errG, errI, energyData, energySamples);
    private final ObjectProperty<Samples> samples = new SimpleObjectProperty<>();
    /** The iterations behind the curves: the models' own history (a checkpoint's, then this run's). */
    private TrainingHistory history = new TrainingHistory(MAX_POINTS);
    private long loadedUpTo;
    private final DoubleProperty smoothing = new SimpleDoubleProperty(DEFAULT_SMOOTHING);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private CompletableFuture<Samples> inFlight;
    private long lastRequest;
    private long lastCost = 200;
    private boolean uncharted;
    private long lastCharted;

    public TrainingViewModel(MainModel main) {
        this.main = main;
        main.addStatsListener(this::onStats);
        main.generationProperty().addListener((o, a, b) -> {
            clear();
            loadHistory();
            refresh();
        });
        main.stateProperty().addListener((o, a, b) -> {
            if (b != TrainingState.RUNNING) {
                chart();
                refresh();
            }
        });
        smoothing.addListener((o, a, b) -> {
            uncharted = true;
            chart();
        });
    }

    public ObjectProperty<Samples> samplesProperty() {
        return samples;
    }

    /** TensorBoard-style smoothing weight of the curves, 0 (raw) to {@link Smoothing#MAX_WEIGHT}. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    /** Whether the curves' value axes are logarithmic (symmetric about zero: losses go negative). */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The iterations the curves show (every one until they grow long, then thinned), oldest first. */
    public List<IterationStats> history() {
        return history.rows();
    }

    /** The EBM's loss curve (what the tests read). */
    public Curve ebmLoss() {
        return errE;
    }

    /** Number of points in the L_E series (for tests). */
    public int lossPoints() {
        return errE.raw().getItemCount();
    }

    private void clear() {
        history = new TrainingHistory(MAX_POINTS);
        loadedUpTo = 0;
        for (Curve c : curves) {
            c.raw().clear();
            c.smooth().clear();
        }
        samples.set(null);
    }

    private record Loaded(TrainingHistory history, long iteration) {
    }

    /**
     * Models read from a file bring the curves they were trained along. The copy is taken between
     * two iterations; iterations reported before it arrive may already be in it, and are skipped.
     */
    private void loadHistory() {
        int gen = main.generationProperty().get();
        main.compute(q -> new Loaded(q.history(), q.iteration())).thenAccept(l -> {
            if (l != null && gen == main.generationProperty().get()) {
                history = l.history();
                loadedUpTo = l.iteration();
                uncharted = true;
                chart();
            }
        });
    }

    private void onStats(List<IterationStats> batch) {
        for (IterationStats s : batch) {
            if (s.iteration() > loadedUpTo) {
                history.add(s);
            }
        }
        uncharted |= !batch.isEmpty();
        long now = System.currentTimeMillis();
        if (!main.isTraining() || now - lastCharted >= CHART_PERIOD_MS) {
            chart();
        }
        if (main.isTraining() && inFlight == null && now - lastRequest > Math.max(700, 4 * lastCost)) {
            refresh();
        }
    }

    /** Redraws the curves from the history, if it changed since the last time. */
    private void chart() {
        if (!uncharted) {
            return;
        }
        uncharted = false;
        lastCharted = System.currentTimeMillis();
        List<IterationStats> rows = history.rows();
        double weight = Math.max(0, Math.min(Smoothing.MAX_WEIGHT, smoothing.get()));
        for (Curve c : curves) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                double x = c.value().applyAsDouble(rows.get(i));
                v[i] = Double.isFinite(x) ? x : Double.NaN;
            }
            double[] sm = Smoothing.ema(v, weight);
            c.raw().clear();
            c.smooth().clear();
            for (int i = 0; i < v.length; i++) {
                c.raw().add(rows.get(i).iteration(), v[i], false);
                c.smooth().add(rows.get(i).iteration(), sm[i], false);
            }
        }
        for (Curve c : curves) {
            c.raw().fireSeriesChanged();
            c.smooth().fireSeriesChanged();
        }
    }

    /** Takes a new snapshot of the samples (between iterations); completes on the FX thread. */
    public CompletableFuture<Samples> refresh() {
        DataInfo info = main.dataProperty().get();
        if (info == null) {
            return CompletableFuture.completedFuture(null);
        }
        lastRequest = System.currentTimeMillis();
        long t0 = System.nanoTime();
        boolean image = info.image();
        double[] bounds = info.bounds();
        CompletableFuture<Samples> f = main.compute(q -> {
            SamplePair pair = q.samples(image ? 12 : 500, 12345);
            if (image) {
                return new Samples(q.iteration(), null, null, null, null, pair.generated(), pair.revised());
            }
            return new Samples(q.iteration(), pair.generatedPoints(), pair.revisedPoints(),
                    q.energyGrid(bounds, GRID), bounds, null, null);
        });
        inFlight = f;
        f.whenComplete((s, e) -> {
            inFlight = null;
            lastCost = (System.nanoTime() - t0) / 1_000_000;
            if (s != null) {
                samples.set(s);
            }
        });
        return f;
    }
}
