package dualmcmc.app.compare;

import dualmcmc.app.page.ShownOnly;
import dualmcmc.app.MainModel;
import dualmcmc.app.chain.CoalescedCompute;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.engine.session.ModelQueries;
import dualmcmc.engine.progress.TrainingState;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The paper's point side by side: the same chains run twice on the same models, seed and Langevin
 * settings, once started the dual-MCMC way (x from the generator, z from the inference model) and
 * once from noise (the short-run EBM and alternating back-propagation baselines). Step size and
 * noise follow the training config; the number of steps starts at the config's k and may go up to
 * {@link #MAX_FACTOR} times that, so a user can see how many more steps the noise chains need.
 * Runs only while the view is shown: both chains cost the worker (shared with training) twice.
 */
public final class CompareViewModel implements ShownOnly {
    public static final int MAX_FACTOR = 3;
    /** x-chains per side: enough for a steady mean profile; a few are recorded to draw. */
    static final int X_CHAINS_2D = 64;
    static final int X_RECORDED_2D = 24;
    static final int X_CHAINS_IMAGE = 32;
    static final int X_RECORDED_IMAGE = 16;
    /** Observed points the z-chains revise latents for; the first few are drawn. */
    static final int Z_OBSERVED_2D = 64;
    static final int Z_RECORDED_2D = 8;
    static final int Z_OBSERVED_IMAGE = 32;
    static final int Z_RECORDED_IMAGE = 6;
    private static final int GRID = 72;
    /** The k shown when the config runs no revision of that kind (k = 0, e.g. inference-only). */
    private static final int FALLBACK_STEPS = 10;

    /**
     * One compare run: both traces (same k), the energy landscape for 2-D x-chains, the observed x
     * of the drawn z-chains, and the comparison of their last steps.
     */
    public record Result(ChainKind kind, ChainTrace dual, ChainTrace noise, double[][] energy, float[][] targets,
                         long iteration, LangevinSettings settings, Comparison comparison) {
    }

    private final MainModel main;
    private final ObjectProperty<ChainKind> kind = new SimpleObjectProperty<>(ChainKind.X);
    private final IntegerProperty steps = new SimpleIntegerProperty();
    private final IntegerProperty maxSteps = new SimpleIntegerProperty();
    private final IntegerProperty seed = new SimpleIntegerProperty(7);
    private final CoalescedCompute<Result> runs;
    private boolean active;
    private boolean runQueued;

    public CompareViewModel(MainModel main) {
        this.main = main;
        this.runs = new CoalescedCompute<>(main, this::job);
        followConfig();
        kind.addListener((o, a, b) -> {
            followConfig();
            request();
        });
        main.configProperty().addListener((o, a, b) -> {
            if (a == null || !chainOf(a).equals(chainOf(b))) {
                // a new s or n keeps the user's k; a new k is the new default
                if (a == null || chainOf(a).steps() != chainOf(b).steps()) {
                    followConfig();
                }
                request();
            }
        });
        steps.addListener((o, a, b) -> request());
        seed.addListener((o, a, b) -> request());
        main.generationProperty().addListener((o, a, b) -> {
            runs.resultProperty().set(null);
            request();
        });
        // trained models are other models: show them once training pauses or reaches its target
        main.stateProperty().addListener((o, a, b) -> {
            if (b != TrainingState.RUNNING && isStale()) {
                request();
            }
        });
    }

    public ObjectProperty<ChainKind> kindProperty() {
        return kind;
    }

    /** The chains' k for both sides. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** The largest k offered: {@link #MAX_FACTOR} times the config's. */
    public IntegerProperty maxStepsProperty() {
        return maxSteps;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return runs.resultProperty();
    }

    /** The config's k for the current kind (what training uses). */
    public int configSteps() {
        int k = chainOf(main.config()).steps();
        return k > 0 ? k : FALLBACK_STEPS;
    }

    public void resample() {
        seed.set(seed.get() + 1);
    }

    /** The view is shown (or hidden): only a shown view runs chains, and it catches up when shown. */
    public void setActive(boolean on) {
        active = on;
        // at once, not on the next pulse: a caller that shows the view and then waits on refresh()
        // finds this run under way instead of starting a second one
        if (on && isStale() && !runs.busy()) {
            run();
        }
    }

    /** True when the shown chains were run on other models than the current ones. */
    public boolean isStale() {
        Result r = runs.resultProperty().get();
        return r == null || r.iteration() != main.iterationProperty().get();
    }

    /** Reruns both chains now, whether shown or not; completes on the FX thread with the result. */
    public CompletableFuture<Result> run() {
        return runs.run();
    }

    /** The result for the current models: the run under way, a new one when stale, or the one shown. */
    public CompletableFuture<Result> refresh() {
        if (runs.busy()) {
            return runs.pending();
        }
        return isStale() ? run() : CompletableFuture.completedFuture(runs.resultProperty().get());
    }

    /**
     * Asks for a rerun once the current burst of changes is over (a kind switch also resets k), so
     * one pulse's changes cost one run; hidden, the view only remembers that it is stale.
     */
    private void request() {
        if (!active || runQueued) {
            return;
        }
        runQueued = true;
        Platform.runLater(() -> {
            runQueued = false;
            if (active) {
                run();
            }
        });
    }

    private void followConfig() {
        int k = configSteps();
        maxSteps.set(MAX_FACTOR * k);
        steps.set(k);
    }

    private LangevinSettings chainOf(TrainingConfig c) {
        return kind.get() == ChainKind.X ? c.xChain() : c.zChain();
    }

    private Function<ModelQueries, Result> job() {
        DataInfo info = main.dataProperty().get();
        if (info == null || steps.get() < 1) {
            return null;
        }
        ChainKind k = kind.get();
        LangevinSettings s = chainOf(main.config()).withSteps(steps.get());
        long sd = seed.get();
        boolean image = info.image();
        double[] bounds = info.bounds();
        return q -> {
            if (k == ChainKind.X) {
                int n = image ? X_CHAINS_IMAGE : X_CHAINS_2D;
                int rec = image ? X_RECORDED_IMAGE : X_RECORDED_2D;
                ChainTrace dual = q.xChains(ChainInit.GENERATOR, s, n, rec, sd);
                ChainTrace noise = q.xChains(ChainInit.NOISE, s, n, rec, sd);
                double[][] heat = image ? null : q.energyGrid(bounds, GRID);
                return new Result(k, dual, noise, heat, null, q.iteration(), s, Comparison.of(k, dual, noise));
            }
            float[][] x = q.observations(image ? Z_OBSERVED_IMAGE : Z_OBSERVED_2D, sd);
            int rec = image ? Z_RECORDED_IMAGE : Z_RECORDED_2D;
            ChainTrace dual = q.zChains(ChainInit.INFERENCE, s, x, rec, sd);
            ChainTrace noise = q.zChains(ChainInit.NOISE, s, x, rec, sd);
            float[][] targets = Arrays.copyOf(x, dual.recordedChains().length);
            return new Result(k, dual, noise, null, targets, q.iteration(), s, Comparison.of(k, dual, noise));
        };
    }
}
