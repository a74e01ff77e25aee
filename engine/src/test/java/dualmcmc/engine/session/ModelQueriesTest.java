package dualmcmc.engine.session;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.Examples;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainKind;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.util.Nd4jSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade's contract on the bundled ring8 models: shapes, seeds, and that what it draws is what the chains follow. */
class ModelQueriesTest {
    private static Checkpoint.Loaded ring8;
    private static ModelQueries q;

    @BeforeAll
    static void load() throws Exception {
        Nd4jSetup.init();
        ring8 = Examples.load("ring8");
        q = new ModelQueries(ring8.trainer());
    }

    /**
     * The z-revision view's heat map and its chains agree: the function the facade draws falls
     * step by step along a recorded noiseless z-chain, and each step moves z by -s^2/2 times the
     * drawn function's own gradient (read off the drawn grid). A map drawn from a function with
     * another likelihood factor fails the second check.
     */
    @Test
    void theDrawnPosteriorIsTheFunctionTheChainDescends() {
        float[] x = ring8.data().x().getRow(3).toFloatVector();
        double s = 0.05;
        LangevinSettings noiseless = new LangevinSettings(15, s, 0.0);
        ChainTrace t = q.zChains(ChainInit.INFERENCE, noiseless, new float[][]{x, x, x, x, x, x}, 6, 7);
        double previous = Double.MAX_VALUE;
        double h = 1e-2;
        int checked = 0;
        for (int step = 0; step <= t.steps(); step++) {
            double mean = 0;
            for (int c = 0; c < 6; c++) {
                float[] z = t.state(step, c);
                double[][] g = q.posteriorEnergyGrid(x,
                        new double[]{z[0] - 1.5 * h, z[0] + 1.5 * h, z[1] - 1.5 * h, z[1] + 1.5 * h}, 3);
                mean += g[1][1] / 6;
                if (step < t.steps()) {
                    double[] grad = {(g[1][2] - g[1][0]) / (2 * h), (g[2][1] - g[0][1]) / (2 * h)};
                    float[] next = t.state(step + 1, c);
                    for (int d = 0; d < 2; d++) {
                        double moved = next[d] - z[d];
                        double predicted = -0.5 * s * s * grad[d];
                        assertTrue(Math.abs(moved - predicted) <= 0.03 * Math.abs(moved) + 2e-4,
                                "chain " + c + " step " + step + " dim " + d + ": moved " + moved
                                        + ", the drawn map's gradient predicts " + predicted);
                        checked++;
                    }
                }
            }
            assertTrue(mean <= previous + 1e-4, "the drawn U falls along the chain: step " + step + " mean " + mean
                    + " after " + previous);
            previous = mean;
        }
        assertEquals(2 * 6 * 15, checked);
    }

    @Test
    void theEnergyGridIsTheEnergyAtTheCellCentres() {
        double[] bounds = {-2, 2, -1, 3};
        double[][] g = q.energyGrid(bounds, 4);
        // cell (row 2, column 1): x = -2 + 1.5 * 1, y = -1 + 2.5 * 1
        INDArray e = ring8.models().energy().energy(Nd4j.create(new float[][]{{-0.5f, 1.5f}}));
        assertEquals(e.getDouble(0), g[2][1], 1e-5);
        assertEquals(4, g.length);
        assertEquals(4, g[0].length);
    }

    @Test
    void chainsHaveTheAskedShapeAndASeedRepeatsThem() {
        LangevinSettings s = new LangevinSettings(5, 0.1, 0.01);
        ChainTrace a = q.xChains(ChainInit.GENERATOR, s, 40, 6, 9);
        ChainTrace b = q.xChains(ChainInit.GENERATOR, s, 40, 6, 9);
        assertEquals(ChainKind.X, a.kind());
        assertEquals(5, a.steps());
        assertEquals(6, a.recordedChains().length);
        for (int step = 0; step <= 5; step++) {
            assertArrayEquals(a.state(step, 2), b.state(step, 2));
        }
        float[][] obs = q.observations(10, 3);
        assertEquals(10, obs.length);
        assertEquals(2, obs[0].length);
        assertEquals(3, q.zChains(ChainInit.NOISE, s, obs, 3, 1).recordedChains().length);
    }

    @Test
    void thePosteriorsSpreadIsExpOfHalfTheLogVariance() {
        float[] x = ring8.data().x().getRow(0).toFloatVector();
        LatentPosterior p = q.posterior(new float[][]{x});
        var direct = ring8.models().inference().infer(Nd4j.create(new float[][]{x}));
        for (int d = 0; d < q.latentSize(); d++) {
            assertEquals(direct.mu().getDouble(0, d), p.mu()[0][d], 1e-6);
            assertEquals(Math.exp(direct.logvar().getDouble(0, d) / 2), p.sd()[0][d], 1e-6);
        }
    }

    @Test
    void latentCodesAndSamplesComeAsPlainArraysOfTheAskedSize() {
        LatentSample c = q.latentCodes(300, 5);
        assertEquals(300, c.size());
        assertEquals(300, c.revised().length);
        assertEquals(q.latentSize(), c.mu()[0].length);
        assertEquals(300, c.labels().length);
        assertNull(c.reconstruction(), "2-D points have no reconstructions to show");
        assertEquals(q.iteration(), c.iteration());
        assertEquals(q.config().zChain().steps(), c.kz());
        SamplePair pair = q.samples(50, 1);
        assertEquals(50, pair.generated().length);
        assertEquals(50, pair.revisedPoints().length);
        assertEquals(pair.generated()[7][1], pair.generatedPoints()[7][1], 0.0);
    }
}
