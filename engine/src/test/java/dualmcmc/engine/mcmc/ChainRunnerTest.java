package dualmcmc.engine.mcmc;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainRunnerTest {
    @Test
    void chainsAreReproducibleFromTheirSeedForEveryInit() throws Exception {
        Dataset digits = Datasets.load("digits", null, 1);
        TrainingConfig cfg = Presets.get("digits8").withValue("width", 8);
        ChainRunner runner = new ChainRunner(TrainingSetup.create(digits, cfg, 1).models(), cfg);
        for (ChainInit init : new ChainInit[]{ChainInit.GENERATOR, ChainInit.NOISE}) {
            ChainTrace a = runner.xChains(init, cfg.xChain().withSteps(3), 6, 2, 9);
            ChainTrace b = runner.xChains(init, cfg.xChain().withSteps(3), 6, 2, 9);
            ChainTrace c = runner.xChains(init, cfg.xChain().withSteps(3), 6, 2, 10);
            assertArrayEquals(a.meanProfile(), b.meanProfile(), init + " x");
            assertArrayEquals(a.state(3, 1), b.state(3, 1));
            assertFalse(a.mean(0) == c.mean(0), "another seed, other chains");
            assertEquals(64, a.state(0, 0).length);
        }
        for (float v : runner.xChains(ChainInit.NOISE, cfg.xChain().withSteps(0), 4, 4, 1).state(0, 3)) {
            assertTrue(v >= -1 && v <= 1, "image noise starts uniform on [-1, 1]");
        }
        for (ChainInit init : new ChainInit[]{ChainInit.INFERENCE, ChainInit.NOISE}) {
            ChainTrace a = runner.zChains(init, cfg.zChain().withSteps(2), digits, 5, 1, 3);
            ChainTrace b = runner.zChains(init, cfg.zChain().withSteps(2), digits, 5, 1, 3);
            assertArrayEquals(a.meanProfile(), b.meanProfile(), init + " z");
            assertEquals(16, a.state(2, 0).length);
            assertEquals(64, a.decoded(2, 0).length);
        }
        assertThrows(IllegalArgumentException.class, () -> runner.xChains(ChainInit.INFERENCE, cfg.xChain(), 2, 0, 1));
    }

    @Test
    void recordersKeepTheStatesOfTheChainsAskedForInTheirOrder() throws Exception {
        Dataset digits = Datasets.load("digits", null, 1);
        TrainingConfig cfg = Presets.get("digits8").withValue("width", 8);
        ModelSet models = TrainingSetup.create(digits, cfg, 1).models();
        INDArray x0 = Rng.of(3).gaussian(5, 64);
        ChainRecorder xRec = new ChainRecorder(ChainKind.X, ChainInit.NOISE, new int[]{3, 0});
        new XRevision(models.energy(), cfg.xChain().withSteps(0)).run(x0, Rng.of(4), xRec);
        ChainTrace x = xRec.finish();
        assertArrayEquals(x0.getRow(3).toFloatVector(), x.state(0, 0));
        assertArrayEquals(x0.getRow(0).toFloatVector(), x.state(0, 1));

        INDArray z0 = Rng.of(5).gaussian(4, cfg.nz());
        ChainRecorder zRec = new ChainRecorder(ChainKind.Z, ChainInit.NOISE, new int[]{2});
        new ZRevision(models.generator(), cfg.zChain().withSteps(0), cfg.sigma(), cfg.priorSigma())
                .run(z0, digits.x().get(NDArrayIndex.interval(0, 4), NDArrayIndex.all()), Rng.of(6), zRec);
        ChainTrace z = zRec.finish();
        assertArrayEquals(z0.getRow(2).toFloatVector(), z.state(0, 0));
        assertArrayEquals(models.generator().generate(z0.getRow(2).reshape(1, cfg.nz())).toFloatVector(),
                z.decoded(0, 0), 1e-6f);
    }
    @Test
    void blocksOfChainsGiveTheSameChainsOnAnyNumberOfThreads() throws Exception {
        Dataset ring = Datasets.load("ring8", null, 1);
        TrainingConfig cfg = Presets.get("toy2d");
        ModelSet models = TrainingSetup.create(ring, cfg, 2).models();
        int n = 2 * ChainRunner.BLOCK + 17;           // three blocks, the last one short
        int recorded = ChainRunner.BLOCK + 5;        // recorded chains span two blocks
        ChainRunner one = new ChainRunner(models, cfg, 1);
        ChainRunner three = new ChainRunner(models, cfg, 3);
        ChainTrace x1 = one.xChains(ChainInit.GENERATOR, cfg.xChain().withSteps(4), n, recorded, 5);
        ChainTrace x3 = three.xChains(ChainInit.GENERATOR, cfg.xChain().withSteps(4), n, recorded, 5);
        assertEquals(n, x3.chains());
        assertArrayEquals(x1.recordedChains(), x3.recordedChains());
        assertEquals(recorded, x3.recordedChains().length);
        for (int t = 0; t <= 4; t++) {
            for (int c = 0; c < n; c++) {
                assertEquals(x1.value(t, c), x3.value(t, c), "x-chain " + c + " step " + t);
            }
            for (int r = 0; r < recorded; r++) {
                assertArrayEquals(x1.state(t, r), x3.state(t, r));
            }
        }
        // a block's chains are its own: the first block is what a run of one block gives
        ChainTrace firstBlock = one.xChains(ChainInit.GENERATOR, cfg.xChain().withSteps(4), ChainRunner.BLOCK, 3, 5);
        for (int c = 0; c < ChainRunner.BLOCK; c++) {
            assertEquals(firstBlock.value(4, c), x3.value(4, c));
        }
        assertArrayEquals(firstBlock.state(4, 2), x3.state(4, 2));
        assertFalse(x3.value(0, 0) == x3.value(0, ChainRunner.BLOCK), "blocks draw from different streams");

        INDArray obs = ChainRunner.zObservations(ring, n, 3);
        ChainTrace z1 = one.zChains(ChainInit.INFERENCE, cfg.zChain().withSteps(3), obs, recorded, 8);
        ChainTrace z3 = three.zChains(ChainInit.INFERENCE, cfg.zChain().withSteps(3), obs, recorded, 8);
        for (int c = 0; c < n; c++) {
            assertEquals(z1.value(3, c), z3.value(3, c), "z-chain " + c);
        }
        int last = recorded - 1;
        assertArrayEquals(z1.state(3, last), z3.state(3, last));
        assertArrayEquals(z1.decoded(3, last), z3.decoded(3, last));
        // the decoding of a chain in the second block belongs to that chain's own state
        INDArray zLast = Nd4j.createFromArray(new float[][]{z3.state(3, last)});
        assertArrayEquals(models.generator().generate(zLast).toFloatVector(), z3.decoded(3, last), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> new ChainRunner(models, cfg, 0));
    }
}
