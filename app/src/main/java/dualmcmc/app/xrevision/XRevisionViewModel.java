package dualmcmc.app.xrevision;

import dualmcmc.app.DataInfo;
import dualmcmc.app.MainModel;
import dualmcmc.app.ModelProbe;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.ChainTrace;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.concurrent.CompletableFuture;

/**
 * The x-revision replay: N chains x_0 -> x_k of EBM-guided Langevin dynamics,
 * x <- x - (s_x^2 / 2) dE/dx + n_x U, started from the generator (dual-MCMC) or from noise (the
 * short-run EBM baseline), recorded so that the view can step through them.
 */
public final class XRevisionViewModel {
    public static final int CHAINS_2D = 64;
    public static final int RECORDED_2D = 24;
    public static final int CHAINS_IMAGE = 8;
    private static final int GRID = 72;

    /** One run of chains against the models of one iteration. */
    public record Result(ChainTrace trace, double[][] energy, double[] bounds, long iteration,
                         LangevinSettings settings) {
    }

    private final MainModel main;
    private final ObjectProperty<ChainInit> init = new SimpleObjectProperty<>(ChainInit.GENERATOR);
    private final ObjectProperty<LangevinSettings> settings = new SimpleObjectProperty<>();
    private final IntegerProperty seed = new SimpleIntegerProperty(7);
    private final ObjectProperty<Result> result = new SimpleObjectProperty<>();
    private CompletableFuture<Result> inFlight;
    private CompletableFuture<Result> next;

    public XRevisionViewModel(MainModel main) {
        this.main = main;
        settings.set(main.config().xChain());
        main.configProperty().addListener((o, a, b) -> {
            if (a == null || !a.xChain().equals(b.xChain())) {
                settings.set(b.xChain());
            }
        });
        main.generationProperty().addListener((o, a, b) -> {
            result.set(null);
            run();
        });
        settings.addListener((o, a, b) -> run());
        init.addListener((o, a, b) -> run());
        seed.addListener((o, a, b) -> run());
    }

    public ObjectProperty<ChainInit> initProperty() {
        return init;
    }

    public ObjectProperty<LangevinSettings> settingsProperty() {
        return settings;
    }

    public ObjectProperty<Result> resultProperty() {
        return result;
    }

    public void resample() {
        seed.set(seed.get() + 1);
    }

    /** True when the shown chains were run on older models than the current iteration. */
    public boolean isStale() {
        Result r = result.get();
        return r == null || r.iteration() != main.iterationProperty().get();
    }

    /** Reruns the chains against the current models; completes on the FX thread with the new result. */
    public CompletableFuture<Result> run() {
        DataInfo info = main.dataProperty().get();
        if (info == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (inFlight != null) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            return next;
        }
        LangevinSettings s = settings.get();
        ChainInit in = init.get();
        long sd = seed.get();
        boolean image = info.image();
        double[] bounds = info.bounds();
        CompletableFuture<Result> f = main.compute(tr -> {
            ChainRunner runner = new ChainRunner(tr.models(), tr.config());
            int n = image ? CHAINS_IMAGE : CHAINS_2D;
            ChainTrace trace = runner.xChains(in, s, n, image ? CHAINS_IMAGE : RECORDED_2D, sd);
            double[][] heat = image ? null : ModelProbe.energyGrid(tr.models(), bounds, GRID);
            return new Result(trace, heat, bounds, tr.iteration(), s);
        });
        inFlight = f;
        f.whenComplete((r, e) -> {
            inFlight = null;
            if (r != null) {
                result.set(r);
            }
            CompletableFuture<Result> waiting = next;
            if (waiting != null) {
                next = null;
                run().whenComplete((r2, e2) -> waiting.complete(r2));
            }
        });
        return f;
    }
}
