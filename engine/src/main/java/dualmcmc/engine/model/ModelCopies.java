package dualmcmc.engine.model;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/**
 * Independent copies of a model set, for work on other threads: layers keep scratch buffers
 * between calls, so one network must never run on two threads at once.
 */
public final class ModelCopies {
    private ModelCopies() {
    }

    /** Same architecture (from {@code cfg}), same parameters and layer state, own buffers. */
    public static ModelSet of(ModelSet models, TrainingConfig cfg) {
        DataType type = models.energy().network().parameters().get(0).value().dataType();
        // the initial weights are overwritten at once; the seed only has to be valid
        ModelSet copy = Architectures.build(cfg, models.shape(), new Init(Rng.of(0), type));
        List<Network> from = models.networks();
        List<Network> to = copy.networks();
        for (int i = 0; i < from.size(); i++) {
            to.get(i).copyFrom(from.get(i));
        }
        return copy;
    }
}
