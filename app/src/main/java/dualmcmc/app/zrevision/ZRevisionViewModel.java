package dualmcmc.app.zrevision;

import dualmcmc.app.MainModel;
import dualmcmc.app.chain.ChainResult;
import dualmcmc.app.chain.ChainViewModel;
import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.session.DataInfo;
import dualmcmc.engine.session.LatentPosterior;
import dualmcmc.engine.session.ModelQueries;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Random;
import java.util.function.Function;

/**
 * The z-revision replay for a few observations x: z_0 from the inference model q(z|x) (dual-MCMC)
 * or from the prior (alternating back-propagation's noise start), then generator-guided Langevin
 * steps z <- z - (s_z^2/2)(d||x - g(z)||^2/dz / sigma^2 + z / sigma_p^2) + n_z U, with g(z_tau)
 * moving toward x. For a 2-D latent also the chain's target U(z) (ZRevision.targetEnergy) of the selected point on a grid.
 */
public final class ZRevisionViewModel extends ChainViewModel<ZRevisionViewModel.Result> {
    public static final int MAX_PICKS = 8;
    private static final int GRID = 64;

    public record Result(ChainTrace trace, float[][] targets, double[][] posteriorEnergy, double[] latentBounds,
                         double[][] qMu, double[][] qSd, int selected, long iteration, LangevinSettings settings) implements ChainResult {
    }

    private final IntegerProperty selected = new SimpleIntegerProperty();
    private final ObservableList<float[]> picks = FXCollections.observableArrayList();

    public ZRevisionViewModel(MainModel main) {
        super(main, ChainInit.INFERENCE, 11, TrainingConfig::zChain);
    }

    @Override
    protected void modelsReplaced() {
        defaultPicks();
    }

    public ObservableList<float[]> picks() {
        return picks;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** A few data points (2-D) or test images to start with, so the view shows chains at once. */
    public void defaultPicks() {
        DataInfo info = main.dataProperty().get();
        picks.clear();
        if (info == null) {
            return;
        }
        Random r = new Random(3);
        if (info.image()) {
            for (int i = 0; i < 6 && i < info.images().length; i++) {
                picks.add(info.images()[i]);
            }
        } else {
            for (int i = 0; i < 5; i++) {
                double[] p = info.points()[r.nextInt(info.points().length)];
                picks.add(new float[]{(float) p[0], (float) p[1]});
            }
        }
        selected.set(0);
    }

    /** Adds a clicked point (model units); the oldest pick goes when there are too many. */
    public void pick(double x, double y) {
        if (picks.size() >= MAX_PICKS) {
            picks.remove(0);
        }
        picks.add(new float[]{(float) x, (float) y});
        selected.set(picks.size() - 1);
        run();
    }

    public void clearPicks() {
        picks.clear();
        resultProperty().set(null);
    }

    public void select(int i) {
        selected.set(i);
        run();
    }

    @Override
    protected Function<ModelQueries, Result> job(DataInfo info, ChainInit in, LangevinSettings s, long sd) {
        if (picks.isEmpty()) {
            return null;
        }
        float[][] targets = picks.toArray(new float[0][]);
        int sel = Math.min(selected.get(), targets.length - 1);
        boolean image = info.image();
        return q -> {
            ChainTrace trace = q.zChains(in, s, targets, targets.length, sd);
            LatentPosterior posterior = q.posterior(targets);
            double ps = q.config().priorSigma();
            double half = 3.2 * ps;
            for (int st = 0; st <= trace.steps(); st++) {
                for (int r = 0; r < targets.length; r++) {
                    float[] z = trace.state(st, r);
                    for (int d = 0; d < Math.min(2, z.length); d++) {
                        half = Math.max(half, Math.abs(z[d]) * 1.1);
                    }
                }
            }
            half = Math.min(half, 12 * ps);
            double[] lb = {-half, half, -half, half};
            double[][] post = null;
            if (!image && q.latentSize() == 2) {
                post = q.posteriorEnergyGrid(targets[sel], lb, GRID);
            }
            return new Result(trace, targets, post, lb, posterior.mu(), posterior.sd(), sel, q.iteration(), s);
        };
    }
}
