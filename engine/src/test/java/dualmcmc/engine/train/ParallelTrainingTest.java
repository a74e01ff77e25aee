package dualmcmc.engine.train;

import dualmcmc.engine.progress.IterationStats;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.TrainingMode;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.data.ToyDatasets;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.model.Architectures;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Training on several threads: the blocks of a batch run on any thread, yet a seed gives the same
 * numbers, bit for bit, on 1, 2 or 3 threads (parameters, spectral norm's vectors, Adam moments
 * and every reported figure), through a resume and a rollback.
 */
class ParallelTrainingTest {
    private static final Dataset RING = ToyDatasets.generate("ring8", 2000, 1);
    /** 300 samples: blocks of 128, 128 and 44, so that threads share blocks unevenly. */
    private static final TrainingConfig TOY = Presets.get("toy2d").withValue("width", 16).withValue("batch", 300)
            .withValue("x_steps", 5).withValue("z_steps", 3);
    /** 40 images: blocks of 16, 16 and 8. */
    private static final TrainingConfig CONV = Presets.get("image28").withValue("width", 8).withValue("nz", 4)
            .withValue("batch", 40).withValue("x_steps", 3).withValue("z_steps", 2);

    @TempDir
    Path tmp;

    private static DualMcmcTrainer trainer(Dataset data, TrainingConfig cfg, long seed, int threads) {
        return TrainingSetup.create(data, cfg, seed).trainer().withThreads(threads);
    }

    /** Parameters, layer state and Adam moments as exact values. */
    private static List<float[]> state(DualMcmcTrainer t) {
        List<float[]> all = new ArrayList<>();
        for (INDArray a : t.stateArrays()) {
            all.add(a.dup().data().asFloat());
        }
        return all;
    }

    private static void assertSameState(DualMcmcTrainer expected, DualMcmcTrainer actual, String what) {
        List<float[]> a = state(expected);
        List<float[]> b = state(actual);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), what + ": state array " + i);
        }
        assertEquals(expected.iteration(), actual.iteration());
        assertEquals(expected.batches().position(), actual.batches().position());
        for (int i = 0; i < 3; i++) {
            assertEquals(expected.optimisers().get(i).steps(), actual.optimisers().get(i).steps());
        }
    }

    private static void assertSameStats(IterationStats a, IterationStats b, String what) {
        assertEquals(a.iteration(), b.iteration(), what);
        assertEquals(a.epoch(), b.epoch(), what);
        assertEquals(a.errE(), b.errE(), what + ": errE");
        assertEquals(a.errG(), b.errG(), what + ": errG");
        assertEquals(a.errI(), b.errI(), what + ": errI");
        assertEquals(a.energyData(), b.energyData(), what + ": E(data)");
        assertEquals(a.energySamples(), b.energySamples(), what + ": E(samples)");
    }

    /** Trains the same seed on 1, 2 and 3 threads and compares every number after each iteration. */
    private static void sameOnAnyThreads(Dataset data, TrainingConfig cfg, int iterations) {
        DualMcmcTrainer one = trainer(data, cfg, 21, 1);
        DualMcmcTrainer two = trainer(data, cfg, 21, 2);
        DualMcmcTrainer three = trainer(data, cfg, 21, 3);
        assertEquals(3, three.threadsInUse(), "three blocks keep three threads busy");
        assertEquals(1, one.threadsInUse());
        for (int i = 0; i < iterations; i++) {
            IterationStats s1 = one.step();
            IterationStats s2 = two.step();
            IterationStats s3 = three.step();
            assertSameStats(s1, s2, "2 threads, iteration " + s1.iteration());
            assertSameStats(s1, s3, "3 threads, iteration " + s1.iteration());
        }
        assertSameState(one, two, "2 threads");
        assertSameState(one, three, "3 threads");
        DualMcmcTrainer other = trainer(data, cfg, 22, 2);
        other.step();
        assertFalse(java.util.Arrays.equals(state(one).get(0), state(other).get(0)),
                "another seed gives other numbers (the comparison is not vacuous)");
    }

    @ParameterizedTest(name = "spectral norm {0}")
    @ValueSource(booleans = {false, true})
    void toyTrainingGivesTheSameNumbersOnAnyNumberOfThreads(boolean spectralNorm) {
        sameOnAnyThreads(RING, TOY.withValue("spectral_norm", spectralNorm), 3);
    }

    @Test
    void conv28TrainingWithSpectralNormGivesTheSameNumbersOnAnyNumberOfThreads() throws IOException {
        sameOnAnyThreads(Datasets.load("fashion-mnist", null, 1), CONV.withValue("spectral_norm", true), 2);
    }

    @ParameterizedTest
    @EnumSource(TrainingMode.class)
    void everyModeGivesTheSameNumbersOnOneAndThreeThreads(TrainingMode mode) {
        TrainingConfig cfg = TOY.withValue("mode", mode.key());
        DualMcmcTrainer one = trainer(RING, cfg, 4, 1);
        DualMcmcTrainer three = trainer(RING, cfg, 4, 3);
        for (int i = 0; i < 2; i++) {
            assertSameStats(one.step(), three.step(), mode.key());
        }
        assertSameState(one, three, mode.key());
    }

    @Test
    void aResumedRunOnSeveralThreadsContinuesExactly() throws IOException {
        TrainingConfig cfg = TOY.withValue("spectral_norm", true);
        // the data set a checkpoint brings back: the generated set of the run's seed
        Dataset ring = Datasets.load("ring8", null, 5);
        DualMcmcTrainer straight = trainer(ring, cfg, 5, 3);
        IterationStats last = null;
        for (int i = 0; i < 5; i++) {
            last = straight.step();
        }
        DualMcmcTrainer first = trainer(ring, cfg, 5, 2);
        for (int i = 0; i < 3; i++) {
            first.step();
        }
        Path file = tmp.resolve("half.dmcx");
        Checkpoint.save(file, first, null, null);
        DualMcmcTrainer resumed = Checkpoint.load(file).trainer().withThreads(2);
        IterationStats resumedLast = null;
        for (int i = 0; i < 2; i++) {
            resumedLast = resumed.step();
        }
        assertSameStats(last, resumedLast, "resumed");
        assertSameState(straight, resumed, "resumed");
    }

    @Test
    void aDivergenceOnSeveralThreadsRollsBackToTheLastGoodState() {
        DualMcmcTrainer fresh = trainer(RING, TOY, 3, 1);
        DualMcmcTrainer t = trainer(RING, TOY, 3, 2);
        t.step();
        fresh.step();
        DualMcmcTrainer bounded = t.withConfig(TOY.withValue("divergence_bound", 1e-12));
        assertThrows(DivergenceException.class, bounded::step);
        assertSameState(fresh, bounded, "rolled back");
        // bound lifted: training goes on as if the diverged iteration had never run
        IterationStats again = bounded.withConfig(TOY).step();
        assertSameStats(fresh.step(), again, "after the rollback");
    }

    @Test
    void batchNormModelsKeepTheBatchInOneBlock() {
        TrainingConfig resnet = Presets.get("cifar10-paper").withValue("width", 8).withValue("nz", 4);
        Init init = new Init(Rng.of(1), DataType.FLOAT);
        assertEquals(1, BatchBlocks.of(Architectures.build(resnet, SampleShape.image(3, 32, 32), init), 100).count());
        TrainingConfig image28 = Presets.get("image28");
        assertEquals(4, BatchBlocks.of(Architectures.build(image28, SampleShape.image(1, 28, 28), init), 64).count());
        assertEquals(2, BatchBlocks.of(Architectures.build(Presets.get("toy2d"), SampleShape.vector(2), init), 256)
                .count());
    }
}
