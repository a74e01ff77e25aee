package dualmcmc.app.training;

import dualmcmc.app.DataInfo;
import dualmcmc.app.MainModel;
import dualmcmc.app.ModelProbe;
import dualmcmc.engine.metrics.Evaluation;
import dualmcmc.engine.train.IterationStats;
import dualmcmc.engine.train.TrainingSession.State;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.jfree.data.xy.XYSeries;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The training dashboard's data: loss and energy series (fed by the coalesced iteration events)
 * and, at a bounded rate, a snapshot of the current samples: generator samples g(z), their
 * x-revisions and, for 2-D data, the EBM's energy on a grid.
 */
public final class TrainingViewModel {
    /** Above this many points a series keeps every other point and the stride doubles. */
    static final int MAX_POINTS = 1500;
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

    private final MainModel main;
    final XYSeries errE = dualmcmc.app.chart.Charts.series("L_E (EBM)");
    final XYSeries errG = dualmcmc.app.chart.Charts.series("L_G (generator)");
    final XYSeries errI = dualmcmc.app.chart.Charts.series("L_I (inference)");
    final XYSeries energyData = dualmcmc.app.chart.Charts.series("mean E(x), data");
    final XYSeries energySamples = dualmcmc.app.chart.Charts.series("mean E(x\u0303), revised samples");
    private final ObjectProperty<Samples> samples = new SimpleObjectProperty<>();
    /** The iterations behind the curves (thinned as they are), for the CSV export. */
    private final List<IterationStats> history = new java.util.ArrayList<>();
    private int stride = 1;
    private long seen;
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
            refresh();
        });
        main.stateProperty().addListener((o, a, b) -> {
            if (b != State.RUNNING) {
                chart();
                refresh();
            }
        });
    }

    public ObjectProperty<Samples> samplesProperty() {
        return samples;
    }

    public XYSeries[] lossSeries() {
        return new XYSeries[]{errE, errG, errI};
    }

    /** The iterations the curves show (every one until they grow long, then thinned), oldest first. */
    public List<IterationStats> history() {
        return List.copyOf(history);
    }

    /** Number of points in the L_E series (for tests). */
    public int lossPoints() {
        return errE.getItemCount();
    }

    private void clear() {
        for (XYSeries s : new XYSeries[]{errE, errG, errI, energyData, energySamples}) {
            s.clear();
        }
        stride = 1;
        seen = 0;
        history.clear();
        samples.set(null);
    }

    private void onStats(List<IterationStats> batch) {
        boolean added = false;
        for (IterationStats s : batch) {
            seen++;
            if (seen % stride != 0 && seen > 1) {
                continue;
            }
            double it = s.iteration();
            errE.add(it, finite(s.errE()), false);
            errG.add(it, finite(s.errG()), false);
            errI.add(it, finite(s.errI()), false);
            energyData.add(it, finite(s.energyData()), false);
            energySamples.add(it, finite(s.energySamples()), false);
            history.add(s);
            added = true;
        }
        if (errE.getItemCount() > MAX_POINTS) {
            for (XYSeries s : new XYSeries[]{errE, errG, errI, energyData, energySamples}) {
                thin(s);
            }
            List<IterationStats> kept = new java.util.ArrayList<>();
            for (int i = 0; i < history.size(); i += 2) {
                kept.add(history.get(i));
            }
            history.clear();
            history.addAll(kept);
            stride *= 2;
        }
        uncharted |= added;
        long now = System.currentTimeMillis();
        if (!main.isTraining() || now - lastCharted >= CHART_PERIOD_MS) {
            chart();
        }
        if (main.isTraining() && inFlight == null && now - lastRequest > Math.max(700, 4 * lastCost)) {
            refresh();
        }
    }

    /** Redraws the curves with the points added since the last time, if any. */
    private void chart() {
        if (!uncharted) {
            return;
        }
        uncharted = false;
        lastCharted = System.currentTimeMillis();
        errE.fireSeriesChanged();
        errG.fireSeriesChanged();
        errI.fireSeriesChanged();
        // one change redraws the energy chart with both its series
        energySamples.fireSeriesChanged();
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static void thin(XYSeries s) {
        List<?> items = new java.util.ArrayList<>(s.getItems());
        s.clear();
        for (int i = 0; i < items.size(); i += 2) {
            var it = (org.jfree.data.xy.XYDataItem) items.get(i);
            s.add(it.getX(), it.getY(), false);
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
        CompletableFuture<Samples> f = main.compute(tr -> {
            var models = tr.models();
            int n = image ? 12 : 500;
            Evaluation.SamplePair pair = Evaluation.samples(models, tr.config(), n, 12345);
            if (image) {
                return new Samples(tr.iteration(), null, null, null, null, ModelProbe.rows(pair.generated()),
                        ModelProbe.rows(pair.revised()));
            }
            return new Samples(tr.iteration(), ModelProbe.points(pair.generated()), ModelProbe.points(pair.revised()),
                    ModelProbe.energyGrid(models, bounds, GRID), bounds, null, null);
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
