package dualmcmc.engine.train;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.model.Architectures;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;

/** Everything a run starts from: data, config, seed, freshly initialised models and their trainer. */
public record TrainingSetup(Dataset data, TrainingConfig config, long seed, ModelSet models,
                            DualMcmcTrainer trainer) {

    public static TrainingSetup create(Dataset data, TrainingConfig config, long seed) {
        ModelSet models = Architectures.build(config, data.shape(),
                new Init(Rng.derive(seed, "init"), DataType.FLOAT));
        return new TrainingSetup(data, config, seed, models, new DualMcmcTrainer(models, data, config, seed));
    }
}
