package dualmcmc.engine.session;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.ToyDatasets;
import dualmcmc.engine.model.ModelKind;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.train.TrainingSetup;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The facade's staged iteration: its "before" figures are the losses the trainer reports for that
 * iteration, draw 0 is the next real iteration, and a switched-off update shows as unchanged.
 */
class StagedIterationTest {
    private static final TrainingConfig CFG = Presets.get("toy2d").withValue("width", 16).withValue("batch", 64)
            .withValue("x_steps", 4).withValue("z_steps", 3);
    private static final double[] BOUNDS = {-2, 2, -2, 2};

    @Test
    void itsBeforeFiguresAreTheTrainersLossesAndDrawZeroIsTheNextIteration() {
        DualMcmcTrainer t = TrainingSetup.create(ToyDatasets.generate("ring8", 1000, 1), CFG, 3).trainer();
        t.step();
        ModelQueries q = new ModelQueries(t);
        StagedIteration s = q.stagedIteration(null, 0, BOUNDS, 16);
        assertEquals(1, t.iteration(), "the real trainer did not move");
        IterationStats next = t.step();
        assertEquals(2, s.iteration());
        assertEquals(next.errG(), s.before().lossG(), 1e-5 * Math.abs(next.errG()));
        assertEquals(next.errI(), s.before().lossI(), 1e-5 * Math.abs(next.errI()));
        assertEquals(next.energyData(), s.before().energyData(), 1e-5);
        assertEquals(next.energySamples(), s.before().energySamples(), 1e-5);
        assertEquals(next.errE(), s.before().lossE(), 1e-4 * Math.abs(next.errE()));
        assertEquals(EnumSet.allOf(ModelKind.class), s.updated());
        assertEquals(16, s.landscape().before().length);
        assertNotNull(s.points().meanDecodedAfter());
        assertEquals(64, s.points().revisedDecoded().length);
    }

    @Test
    void aSwitchedOffEbmIsReportedUnchangedAndOtherDrawsDiffer() {
        DualMcmcTrainer t = TrainingSetup.create(ToyDatasets.generate("ring8", 1000, 1), CFG, 4).trainer();
        ModelQueries q = new ModelQueries(t);
        StagedIteration off = q.stagedIteration(ModelKind.EBM, 0, BOUNDS, 8);
        assertEquals(Set.of(ModelKind.GENERATOR, ModelKind.INFERENCE), off.updated());
        assertEquals(off.before().energyData(), off.after().energyData(), "the EBM gives the same energies");
        assertEquals(ModelKind.EBM, off.skipped());
        StagedIteration other = q.stagedIteration(null, 1, BOUNDS, 8);
        assertNotEquals(off.points().x()[0][0], other.points().x()[0][0], "another draw, another batch");
    }
}
