package dualmcmc.engine.train;

import dualmcmc.engine.progress.TrainingState;

import dualmcmc.engine.progress.TrainingListener;

import dualmcmc.engine.progress.IterationStats;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.ToyDatasets;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DualMcmcTrainerTest {
    private static final Dataset RING = ToyDatasets.generate("ring8", 2000, 1);
    private static final TrainingConfig SMALL = Presets.get("toy2d").withValue("width", 16).withValue("batch", 32)
            .withValue("x_steps", 5).withValue("z_steps", 3);

    private static List<INDArray> parameters(TrainingSetup s) {
        List<INDArray> all = new ArrayList<>();
        for (Network n : s.models().networks()) {
            all.addAll(values(n));
        }
        return all;
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        TrainingSetup a = TrainingSetup.create(RING, SMALL, 42);
        TrainingSetup b = TrainingSetup.create(RING, SMALL, 42);
        TrainingSetup c = TrainingSetup.create(RING, SMALL, 43);
        for (int i = 0; i < 3; i++) {
            IterationStats sa = a.trainer().step();
            IterationStats sb = b.trainer().step();
            IterationStats sc = c.trainer().step();
            assertEquals(sa.errE(), sb.errE());
            assertEquals(sa.errG(), sb.errG());
            assertEquals(sa.errI(), sb.errI());
            assertNotEquals(sa.errG(), sc.errG());
        }
        assertEquals(parameters(a), parameters(b));
        assertEquals(3, a.trainer().iteration());
    }

    @Test
    void aConfigChangeContinuesExactlyWhereTheTrainerWas() {
        TrainingSetup a = TrainingSetup.create(RING, SMALL, 11);
        TrainingSetup b = TrainingSetup.create(RING, SMALL, 11);
        for (int i = 0; i < 2; i++) {
            a.trainer().step();
            b.trainer().step();
        }
        DualMcmcTrainer same = b.trainer().withConfig(SMALL);
        assertEquals(2, same.iteration());
        IterationStats sa = a.trainer().step();
        IterationStats sb = same.step();
        assertEquals(sa.errG(), sb.errG(), "same settings: the continued trainer matches an uninterrupted one");
        assertEquals(parameters(a), parameters(b));
        DualMcmcTrainer changed = same.withConfig(SMALL.withValue("x_step", 0.05));
        assertEquals(0.05, changed.config().xChain().stepSize());
        assertThrows(IllegalArgumentException.class, () -> same.withConfig(SMALL.withValue("width", 32)));
    }

    @Test
    void everyModelLearns() {
        TrainingSetup s = TrainingSetup.create(RING, SMALL, 7);
        List<INDArray> before = parameters(s);
        IterationStats stats = s.trainer().step();
        List<INDArray> after = parameters(s);
        // the EBM's output bias (array 5) shifts E(data) and E(samples) alike, so its gradient is zero
        int ebmOutputBias = 5;
        for (int i = 0; i < before.size(); i++) {
            if (i == ebmOutputBias) {
                assertEquals(before.get(i), after.get(i));
            } else {
                assertNotEquals(before.get(i), after.get(i), "parameter array " + i + " was updated");
            }
        }
        assertTrue(Double.isFinite(stats.errE()) && Double.isFinite(stats.errG()) && Double.isFinite(stats.errI()));
        assertEquals(1, stats.iteration());
    }

    /**
     * Adam's first step (beta1 0) moves each parameter by lr * g / (|g| + eps): with a warm-up of
     * four iterations the EBM moves by exactly a quarter of its unwarmed step, and nothing else moves
     * differently (the generator and inference model update before the EBM in an iteration).
     */
    @Test
    void theEbmsWarmUpScalesItsFirstStepAndNothingElse() {
        TrainingSetup plain = TrainingSetup.create(RING, SMALL, 7);
        TrainingSetup warm = TrainingSetup.create(RING, SMALL.withValue("lr_e_warmup", 4), 7);
        List<INDArray> before = values(plain.models().energy().network());
        plain.trainer().step();
        warm.trainer().step();
        List<INDArray> full = values(plain.models().energy().network());
        List<INDArray> quarter = values(warm.models().energy().network());
        double largest = 0;
        for (int k = 0; k < before.size(); k++) {
            INDArray fullStep = full.get(k).sub(before.get(k));
            INDArray quarterStep = quarter.get(k).sub(before.get(k));
            largest = Math.max(largest, fullStep.amaxNumber().doubleValue());
            double off = quarterStep.sub(fullStep.div(4)).amaxNumber().doubleValue();
            assertTrue(off < 1e-6, "parameter " + k + ": the warmed step is not a quarter, off by " + off);
        }
        assertEquals(SMALL.optimiser().lrE(), largest, 1e-6, "the unwarmed first step is lr_e per parameter");
        assertEquals(values(plain.models().generator().network()), values(warm.models().generator().network()));
        assertEquals(values(plain.models().inference().network()), values(warm.models().inference().network()));
    }

    /**
     * x_restart starts the first chains of the EBM's negatives from noise (N(0, I) for points) and
     * leaves every other negative, and the generator's and inference model's updates, as they were.
     * No x-steps, so the negatives are exactly their starting points.
     */
    @Test
    void restartedNegativesStartFromNoiseAndTheOthersAreUntouched() {
        TrainingConfig noChain = SMALL.withValue("x_steps", 0).withValue("batch", 256);
        StagedStep plain = TrainingSetup.create(RING, noChain, 5).trainer().stagedStep(null);
        StagedStep half = TrainingSetup.create(RING, noChain.withValue("x_restart", 0.5), 5).trainer().stagedStep(null);
        // two blocks of 128 (BatchBlocks.VECTOR_BLOCK): each restarts its first 64 chains
        INDArray noise = Nd4j.vstack(rows(half.contrasted(), 0, 64), rows(half.contrasted(), 128, 192));
        INDArray generated = Nd4j.vstack(rows(plain.contrasted(), 0, 64), rows(plain.contrasted(), 128, 192));
        assertEquals(rows(plain.contrasted(), 64, 128), rows(half.contrasted(), 64, 128));
        assertEquals(rows(plain.contrasted(), 192, 256), rows(half.contrasted(), 192, 256));
        assertEquals(0, noise.meanNumber().doubleValue(), 0.2, "restarted chains start at N(0, I)");
        assertEquals(1, noise.varNumber().doubleValue(), 0.3, "restarted chains start at N(0, I)");
        assertTrue(generated.varNumber().doubleValue() < 0.5,
                "the generator's samples at initialisation are not spread like N(0, I), so the test can tell them apart");
        assertEquals(plain.stats().errG(), half.stats().errG());
        assertEquals(plain.stats().errI(), half.stats().errI());
        assertNotEquals(plain.stats().errE(), half.stats().errE());
    }

    /**
     * e_reg holds the energies' level near 0: the contrast alone leaves it free (a constant added
     * to E changes no term of L_E), so an unregularised EBM's level wanders with its bias.
     */
    @Test
    void theEnergyRegulariserHoldsTheEnergiesNearZero() {
        TrainingConfig shifted = SMALL.withValue("lr_e", 1e-2);
        double free = meanAbsEnergy(TrainingSetup.create(RING, shifted, 8), 150);
        double held = meanAbsEnergy(TrainingSetup.create(RING, shifted.withValue("e_reg", 1.0), 8), 150);
        assertTrue(free > 0.5, "without the regulariser the level drifts (test premise), mean |E| " + free);
        assertTrue(held < free / 5, "mean |E| " + held + " with e_reg 1 against " + free + " without");
    }

    private static double meanAbsEnergy(TrainingSetup s, int iterations) {
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < iterations; i++) {
            IterationStats st = s.trainer().step();
            if (i >= iterations - 20) {
                sum += Math.abs(st.energyData()) + Math.abs(st.energySamples());
                counted += 2;
            }
        }
        return sum / counted;
    }

    private static INDArray rows(INDArray a, int from, int to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    private static List<INDArray> values(Network n) {
        List<INDArray> all = new ArrayList<>();
        for (Parameter p : n.parameters()) {
            all.add(p.value().dup());
        }
        return all;
    }

    @Test
    void divergenceRollsBackAndSaysWhy() {
        TrainingSetup s = TrainingSetup.create(RING, SMALL.withValue("divergence_bound", 1e-12), 3);
        List<INDArray> before = parameters(s);
        DivergenceException e = assertThrows(DivergenceException.class, () -> s.trainer().step());
        assertTrue(e.getMessage().contains("exceeds the bound") && e.getMessage().contains("rolled back"), e.getMessage());
        assertEquals(before, parameters(s), "models are restored to the last good state");
        assertEquals(0, s.trainer().iteration());
    }

    @Test
    void explodingStepSizesAreCaughtAsDivergence() {
        TrainingSetup s = TrainingSetup.create(RING, SMALL.withValue("x_step", 10.0).withValue("z_step", 10.0)
                .withValue("lr_e", 1.0).withValue("lr_g", 1.0), 3);
        assertThrows(DivergenceException.class, () -> {
            for (int i = 0; i < 50; i++) {
                s.trainer().step();
            }
        });
        for (INDArray p : parameters(s)) {
            assertTrue(Double.isFinite(p.sumNumber().doubleValue()), "no NaN left in the models");
        }
    }

    @Test
    void sessionRunsPausesResumesAndStopsOffTheCallersThread() throws Exception {
        var session = new TrainingSession<>(TrainingSetup.create(RING, SMALL, 5).trainer());
        List<Long> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch five = new CountDownLatch(5);
        session.addListener(new TrainingListener() {
            @Override
            public void iterationDone(IterationStats stats) {
                seen.add(stats.iteration());
                threads.add(Thread.currentThread().getName());
                five.countDown();
            }
        });
        session.start(1_000_000);
        assertTrue(five.await(60, TimeUnit.SECONDS));
        session.pause();
        Thread.sleep(300);
        int atPause = seen.size();
        Thread.sleep(500);
        assertEquals(atPause, seen.size(), "no iteration while paused");
        assertEquals(TrainingState.PAUSED, session.state());
        long[] fromModels = new long[1];
        session.withModels(t -> fromModels[0] = t.iteration());
        Thread.sleep(200);
        assertEquals(atPause, fromModels[0]);
        session.resume();
        Thread.sleep(500);
        assertTrue(seen.size() > atPause, "resumed");
        session.close();
        assertEquals(TrainingState.STOPPED, session.state());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i));
        }
        assertTrue(threads.stream().allMatch(n -> n.equals("dual-mcmc-training")));
    }

    @Test
    void sessionFinishesAtItsTargetAndPausesOnDivergence() throws Exception {
        var session = new TrainingSession<>(TrainingSetup.create(RING, SMALL, 5).trainer());
        session.start(4);
        long deadline = System.currentTimeMillis() + 60_000;
        while (session.state() != TrainingState.FINISHED && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(TrainingState.FINISHED, session.state());
        assertEquals(4, session.trainer().iteration());
        session.close();

        var bad = new TrainingSession<>(
                TrainingSetup.create(RING, SMALL.withValue("divergence_bound", 1e-12), 5).trainer());
        List<String> reasons = new CopyOnWriteArrayList<>();
        bad.addListener(new TrainingListener() {
            @Override
            public void stateChanged(TrainingState state, String reason) {
                if (reason != null) {
                    reasons.add(state + ": " + reason);
                }
            }
        });
        bad.start(10);
        deadline = System.currentTimeMillis() + 60_000;
        while (reasons.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(TrainingState.PAUSED, bad.state());
        assertTrue(reasons.get(0).startsWith("PAUSED: diverged"), reasons.toString());
        bad.close();
    }
}
