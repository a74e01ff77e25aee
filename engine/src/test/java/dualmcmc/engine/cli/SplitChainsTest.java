package dualmcmc.engine.cli;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.ToyDatasets;
import dualmcmc.engine.mcmc.XRevision;
import dualmcmc.engine.mcmc.ZRevision;
import dualmcmc.engine.train.TrainingSetup;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * bench's steps on several threads: every chain is in exactly one share, and a share computes on
 * its thread's copy of the models what it computes on the models themselves.
 */
class SplitChainsTest {
    @Test
    void sharesCoverEveryChainAndCopiesComputeWhatTheModelsDo() {
        Nd4jSetup.init();
        Dataset data = ToyDatasets.generate("ring8", 500, 1);
        TrainingConfig cfg = Presets.get("toy2d");
        TrainingSetup setup = TrainingSetup.create(data, cfg, 3);
        INDArray x = Rng.of(4).gaussian(7, 2);
        INDArray z = Rng.of(5).gaussian(7, cfg.nz());
        INDArray[] threaded = new INDArray[3];
        INDArray[] zThreaded = new INDArray[3];
        try (SplitChains split = new SplitChains(setup.models(), cfg, 3, x, z)) {
            // the shares are handed to whichever thread is free: keep each result by its share's first row
            split.run((m, xb, zb, r) -> {
                int share = share(x, xb);
                threaded[share] = new XRevision(m.energy(), cfg.xChain().withSteps(5)).run(xb.dup(), r, null).dup();
                zThreaded[share] = new ZRevision(m.generator(), cfg.zChain().withSteps(5), cfg.sigma(), cfg.priorSigma())
                        .run(zb.dup(), xb, r, null).dup();
            });
        }
        int rows = 0;
        for (int k = 0; k < 3; k++) {
            long from = 7L * k / 3;
            long to = 7L * (k + 1) / 3;
            rows += (int) (to - from);
            INDArray xb = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
            INDArray zb = z.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
            Rng rx = Rng.forBlock(1234, "bench", k);
            INDArray expected = new XRevision(setup.models().energy(), cfg.xChain().withSteps(5)).run(xb.dup(), rx, null);
            assertEquals(expected, threaded[k], "x-chains of share " + k);
            INDArray zExpected = new ZRevision(setup.models().generator(), cfg.zChain().withSteps(5), cfg.sigma(),
                    cfg.priorSigma()).run(zb.dup(), xb, rx, null);
            assertEquals(zExpected, zThreaded[k], "z-chains of share " + k);
        }
        assertEquals(7, rows);
        assertThrows(IllegalArgumentException.class, () -> new SplitChains(setup.models(), cfg, 8, x, z));
    }

    private static int share(INDArray x, INDArray block) {
        for (int k = 0; k < 3; k++) {
            if (x.getRow(7L * k / 3).equals(block.getRow(0))) {
                return k;
            }
        }
        throw new AssertionError("a share that is not a slice of the chains");
    }
}
