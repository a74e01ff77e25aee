package dualmcmc.engine.mcmc;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.model.EnergyModel;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * EBM-guided revision T^x: x <- x - s_x^2/2 dE/dx + n_x U for k_x steps, all chains in one batch.
 * Starts wherever the caller says: generator samples (dual-MCMC) or noise (short-run EBM).
 */
public final class XRevision {
    private final EnergyModel energy;
    private final LangevinSettings settings;

    public XRevision(EnergyModel energy, LangevinSettings settings) {
        this.energy = energy;
        this.settings = settings;
    }

    /** Runs the chains from {@code x0} (left unchanged); returns x_k. Records into {@code recorder} if given. */
    public INDArray run(INDArray x0, Rng rng, ChainRecorder recorder) {
        INDArray x = x0.dup('c');
        LangevinUpdate update = new LangevinUpdate(settings, rng, x);
        INDArray energies = recorder == null ? null : Nd4j.create(x.dataType(), x.rows());
        if (recorder != null) {
            recorder.begin(settings.steps());
        }
        for (int t = 0; t < settings.steps(); t++) {
            INDArray grad = energy.energyGradient(x, energies);
            if (recorder != null) {
                recorder.record(t, energies, x, null);
            }
            update.apply(x, grad, 1.0, 0.0);
        }
        if (recorder != null) {
            recorder.record(settings.steps(), energy.energy(x), x, null);
        }
        return x;
    }
}
