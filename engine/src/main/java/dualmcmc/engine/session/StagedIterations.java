package dualmcmc.engine.session;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.TrainingMode;
import dualmcmc.engine.model.ModelCopies;
import dualmcmc.engine.model.ModelKind;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.StagedStep;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs one iteration of the trainer's own code ({@link DualMcmcTrainer#stagedStep}) on a copy of
 * the models and reads off what the stages did. The losses before and after are the trainer's
 * model methods with weight 0, so they are its losses, not a second version of them.
 */
final class StagedIterations {
    private StagedIterations() {
    }

    static StagedIteration run(DualMcmcTrainer trainer, ModelKind skipped, int draw, double[] bounds, int grid) {
        long seed = draw == 0 ? trainer.seed() : Rng.derive(trainer.seed(), "stages " + draw).seed();
        DualMcmcTrainer copy = trainer.copy(seed);
        TrainingConfig cfg = copy.config();
        ModelSet before = ModelCopies.of(copy.models(), cfg);
        StagedStep s = copy.stagedStep(skipped);
        ModelSet after = copy.models();
        StagedIteration.Landscape landscape = bounds == null || before.shape().size() != 2 ? null
                : new StagedIteration.Landscape(bounds.clone(), energyGrid(before, bounds, grid),
                energyGrid(after, bounds, grid));
        return new StagedIteration(s.stats().iteration(), draw, cfg.mode(), skipped,
                points(s, before, after, TrainingMode.of(cfg.mode()).trainsInference()),
                landscape, figures(before, s, cfg), figures(after, s, cfg), updated(before, after));
    }

    /** @param infers whether the mode trains the inference model (under ABP z_0 is noise) */
    private static StagedIteration.Points points(StagedStep s, ModelSet before, ModelSet after, boolean infers) {
        Function<INDArray, INDArray> g = before.generator()::generate;
        INDArray meanBefore = infers ? before.inference().infer(s.x()).mu() : null;
        INDArray meanAfter = infers ? after.inference().infer(s.x()).mu() : null;
        return new StagedIteration.Points(rows(s.x()), rows(s.z()), rows(s.generated()), rows(s.inferredZ()),
                rows(map(g, s.inferredZ())), rows(s.revisedZ()), rows(map(g, s.revisedZ())),
                rows(s.revisedSamples()), rows(map(after.generator()::generate, s.generated() == null ? null : s.z())),
                rows(map(g, meanBefore)), rows(map(g, meanAfter)),
                rows(s.contrasted()));
    }

    static StagedIteration.Figures figures(ModelSet m, StagedStep s, TrainingConfig cfg) {
        TrainingMode mode = TrainingMode.of(cfg.mode());
        double b = s.x().rows();
        double lossG = Double.NaN;
        if (mode.trainsGenerator()) {
            lossG = 0;
            if (s.revisedZ() != null) {
                lossG += m.generator().accumulateReconstruction(s.revisedZ(), s.x(), 0.0) / b;
            }
            if (s.revisedSamples() != null) {
                lossG += cfg.losses().sFactor() * m.generator().accumulateReconstruction(s.z(), s.revisedSamples(), 0.0)
                        / b;
            }
        }
        double lossI = !mode.trainsInference() ? Double.NaN
                : m.inference().accumulateNll(s.x(), s.revisedZ(), 0.0) / b
                + cfg.losses().iFactor() * m.inference().accumulateNll(s.revisedSamples(), s.z(), 0.0) / b;
        double eData = m.energy().energy(s.x()).meanNumber().doubleValue();
        double eSamples = s.contrasted() == null ? Double.NaN
                : m.energy().energy(s.contrasted()).meanNumber().doubleValue();
        return new StagedIteration.Figures(lossG, lossI, eData, eSamples,
                (eData - eSamples) / DualMcmcTrainer.temperature(cfg));
    }

    private static Set<ModelKind> updated(ModelSet before, ModelSet after) {
        Set<ModelKind> out = EnumSet.noneOf(ModelKind.class);
        List<Network> a = before.networks();
        List<Network> b = after.networks();
        for (ModelKind k : ModelKind.values()) {
            if (!sameParameters(a.get(k.ordinal()), b.get(k.ordinal()))) {
                out.add(k);
            }
        }
        return out;
    }

    /** Exactly equal, bit for bit: INDArray.equals allows a tolerance that a small step can hide in. */
    static boolean sameParameters(Network a, Network b) {
        List<Parameter> pa = a.parameters();
        List<Parameter> pb = b.parameters();
        for (int i = 0; i < pa.size(); i++) {
            if (!Arrays.equals(values(pa.get(i).value()), values(pb.get(i).value()))) {
                return false;
            }
        }
        return true;
    }

    private static double[] values(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    private static double[][] energyGrid(ModelSet m, double[] bounds, int n) {
        return Plain.square(m.energy().energy(Plain.grid(bounds, n)), n);
    }

    private static INDArray map(Function<INDArray, INDArray> f, INDArray a) {
        return a == null ? null : f.apply(a);
    }

    private static float[][] rows(INDArray a) {
        return a == null ? null : Plain.rows(a);
    }
}
