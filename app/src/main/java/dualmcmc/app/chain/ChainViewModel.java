package dualmcmc.app.chain;

import dualmcmc.app.MainModel;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.engine.session.ModelQueries;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the x- and z-revision views share: the chain's start (dual-MCMC or noise), its Langevin
 * settings (following the training config until the user edits them), a seed for resampling, and
 * reruns against the current models, coalesced by {@link CoalescedCompute}.
 *
 * @param <R> one run's result, published on the FX thread
 */
public abstract class ChainViewModel<R extends ChainResult> {
    protected final MainModel main;
    private final ObjectProperty<ChainInit> init;
    private final ObjectProperty<LangevinSettings> settings = new SimpleObjectProperty<>();
    private final IntegerProperty seed;
    private final CoalescedCompute<R> runs;
    private final ObjectProperty<R> result;

    protected ChainViewModel(MainModel main, ChainInit start, int seed,
                             Function<TrainingConfig, LangevinSettings> chainOf) {
        this.main = main;
        this.init = new SimpleObjectProperty<>(start);
        this.seed = new SimpleIntegerProperty(seed);
        this.runs = new CoalescedCompute<>(main, () -> {
            DataInfo info = main.dataProperty().get();
            return info == null ? null : job(info, init.get(), settings.get(), this.seed.get());
        });
        this.result = runs.resultProperty();
        settings.set(chainOf.apply(main.config()));
        main.configProperty().addListener((o, a, b) -> {
            if (a == null || !chainOf.apply(a).equals(chainOf.apply(b))) {
                settings.set(chainOf.apply(b));
            }
        });
        main.generationProperty().addListener((o, a, b) -> {
            result.set(null);
            modelsReplaced();
            run();
        });
        settings.addListener((o, a, b) -> run());
        init.addListener((o, a, b) -> run());
        this.seed.addListener((o, a, b) -> run());
    }

    /** Called when a new model set replaced the old one, before the chains are rerun. */
    protected void modelsReplaced() {
    }

    /**
     * The work to run on the models for the current inputs, or null when there is nothing to run.
     * It runs on the worker (between training iterations), so it must capture what it needs now.
     */
    protected abstract Function<ModelQueries, R> job(DataInfo info, ChainInit start, LangevinSettings s,
                                                        long seed);

    public ObjectProperty<ChainInit> initProperty() {
        return init;
    }

    public ObjectProperty<LangevinSettings> settingsProperty() {
        return settings;
    }

    public ObjectProperty<R> resultProperty() {
        return result;
    }

    public void resample() {
        seed.set(seed.get() + 1);
    }

    /** Reruns the chains against the current models; completes on the FX thread with the new result. */
    public CompletableFuture<R> run() {
        return runs.run();
    }
}
