package dualmcmc.engine.train;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.ToyDatasets;
import dualmcmc.engine.model.ModelKind;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.progress.IterationStats;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The staged iteration is the trainer's own: on a copy it ends exactly where the next real step
 * ends, it never touches the trainer it was copied from, and switching one update off leaves that
 * model alone while the others learn.
 */
class StagedStepTest {
    private static final Dataset RING = ToyDatasets.generate("ring8", 2000, 1);
    /** Three blocks per batch, so that the stages' rows come from several blocks. */
    private static final TrainingConfig CFG = Presets.get("toy2d").withValue("width", 16).withValue("batch", 300)
            .withValue("x_steps", 4).withValue("z_steps", 3);

    @Test
    void aStagedStepOnACopyEndsExactlyWhereTheNextRealStepDoes() {
        DualMcmcTrainer real = trained(21);
        double[][] start = parameters(real.models());
        DualMcmcTrainer copy = real.copy(real.seed());
        StagedStep staged = copy.stagedStep(null);
        assertArrayEquals(start, parameters(real.models()), "the real models are untouched");
        assertEquals(2, real.iteration());
        assertEquals(2, real.history().size(), "the copy's history is its own");

        IterationStats next = real.step();
        assertEquals(next.errG(), staged.stats().errG());
        assertEquals(next.errI(), staged.stats().errI());
        assertEquals(next.errE(), staged.stats().errE());
        assertArrayEquals(parameters(real.models()), parameters(copy.models()),
                "the copy's models end bit for bit where the real step leaves the real ones");
        assertEquals(300, staged.x().rows());
        for (var a : List.of(staged.z(), staged.generated(), staged.inferredZ(), staged.revisedZ(),
                staged.revisedSamples(), staged.contrasted())) {
            assertNotNull(a);
            assertEquals(300, a.rows());
        }
    }

    @Test
    void switchingTheEbmsUpdateOffLeavesItWhereItWasAndTheOthersLearn() {
        DualMcmcTrainer real = trained(22);
        DualMcmcTrainer copy = real.copy(real.seed());
        List<Network> before = real.models().networks();
        copy.stagedStep(ModelKind.EBM);
        List<Network> after = copy.models().networks();
        assertArrayEquals(values(before.get(0)), values(after.get(0)), "EBM unchanged");
        assertFalse(java.util.Arrays.deepEquals(values(before.get(1)), values(after.get(1))), "generator learned");
        assertFalse(java.util.Arrays.deepEquals(values(before.get(2)), values(after.get(2))), "inference learned");
    }

    private static DualMcmcTrainer trained(long seed) {
        DualMcmcTrainer t = TrainingSetup.create(RING, CFG, seed).trainer();
        t.step();
        t.step();
        return t;
    }

    private static double[][] parameters(ModelSet m) {
        List<double[]> all = new ArrayList<>();
        for (Network n : m.networks()) {
            all.addAll(List.of(values(n)));
        }
        return all.toArray(double[][]::new);
    }

    private static double[][] values(Network n) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : n.parameters()) {
            out.add(p.value().dup('c').data().asDouble());
        }
        return out.toArray(double[][]::new);
    }
}
