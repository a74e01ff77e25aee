import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.MixtureSpec;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.XRevision;
import dualmcmc.engine.metrics.MixtureMetrics;
import dualmcmc.engine.model.EnergyModel;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.file.Path;

/**
 * Where x_restart's chains end (docs/recipes.md, "Seed 2's runaway"): for each checkpoint of a
 * mixture run, the EBM's x-chain from the generator's samples and from noise (the two kinds of
 * negatives the EBM's loss contrasts with the data), each with its mean energy against the
 * data's and its high-quality share (within 3 stds of a mode, as `eval` counts). Tells whether
 * restarted chains reach the wells as the others do, or leave a contrast of their own.
 *
 * <p>Run from the repository root after a build:
 * {@code java -cp "engine/target/dualmcmc-cli.jar:engine/target/lib/*" experiments/RestartWatch.java CHECKPOINT...}
 */
public class RestartWatch {
    public static void main(String[] args) throws Exception {
        Nd4jSetup.init();
        System.out.println("checkpoint: mean E of the data; from the generator / from noise: mean E after k_x steps, share within 3 std of a mode");
        for (String arg : args) {
            Checkpoint.Loaded run = RunStore.load(Path.of(arg));
            TrainingConfig cfg = run.config();
            Dataset data = run.data();
            MixtureSpec spec = data.mixture().orElseThrow(() -> new IllegalArgumentException("not a mixture run"));
            EnergyModel energy = run.models().energy();
            ChainRunner chains = new ChainRunner(run.models(), cfg);
            XRevision revision = new XRevision(energy, cfg.xChain());
            INDArray fromGenerator = revision.run(chains.xStart(ChainInit.GENERATOR, 2000, Rng.derive(0, "watch-g")),
                    Rng.derive(1, "watch"), null);
            INDArray fromNoise = revision.run(chains.xStart(ChainInit.NOISE, 2000, Rng.derive(0, "watch-n")),
                    Rng.derive(1, "watch"), null);
            double dataEnergy = energy.energy(data.x().get(NDArrayIndex.interval(0, 2000), NDArrayIndex.all()))
                    .meanNumber().doubleValue();
            System.out.printf("%s: data %.3f | generator %.3f %.3f | noise %.3f %.3f%n", Path.of(arg).getFileName(),
                    dataEnergy, energy.energy(fromGenerator).meanNumber().doubleValue(),
                    MixtureMetrics.evaluate(data.toDataUnits(fromGenerator), spec).hq(),
                    energy.energy(fromNoise).meanNumber().doubleValue(),
                    MixtureMetrics.evaluate(data.toDataUnits(fromNoise), spec).hq());
        }
    }
}
