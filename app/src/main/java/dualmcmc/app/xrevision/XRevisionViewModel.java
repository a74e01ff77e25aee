package dualmcmc.app.xrevision;

import dualmcmc.app.MainModel;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.app.chain.ChainResult;
import dualmcmc.app.chain.ChainViewModel;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.engine.session.ModelQueries;

import java.util.function.Function;

/**
 * The x-revision replay: N chains x_0 -> x_k of EBM-guided Langevin dynamics,
 * x <- x - (s_x^2 / 2) dE/dx + n_x U, started from the generator (dual-MCMC) or from noise (the
 * short-run EBM baseline), recorded so that the view can step through them.
 */
public final class XRevisionViewModel extends ChainViewModel<XRevisionViewModel.Result> {
    public static final int CHAINS_2D = 64;
    public static final int RECORDED_2D = 24;
    public static final int CHAINS_IMAGE = 8;
    private static final int GRID = 72;

    /** One run of chains against the models of one iteration. */
    public record Result(ChainTrace trace, double[][] energy, double[] bounds, long iteration,
                         LangevinSettings settings) implements ChainResult {
    }

    public XRevisionViewModel(MainModel main) {
        super(main, ChainInit.GENERATOR, 7, TrainingConfig::xChain);
    }

    /** True when the shown chains were run on older models than the current iteration. */
    public boolean isStale() {
        Result r = resultProperty().get();
        return r == null || r.iteration() != main.iterationProperty().get();
    }

    @Override
    protected Function<ModelQueries, Result> job(DataInfo info, ChainInit in, LangevinSettings s, long sd) {
        boolean image = info.image();
        double[] bounds = info.bounds();
        return q -> {
            int n = image ? CHAINS_IMAGE : CHAINS_2D;
            ChainTrace trace = q.xChains(in, s, n, image ? CHAINS_IMAGE : RECORDED_2D, sd);
            double[][] heat = image ? null : q.energyGrid(bounds, GRID);
            return new Result(trace, heat, bounds, q.iteration(), s);
        };
    }
}
