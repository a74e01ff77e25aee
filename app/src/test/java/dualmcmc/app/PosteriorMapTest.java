package dualmcmc.app;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.Examples;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.ChainTrace;
import dualmcmc.engine.util.Nd4jSetup;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The z-revision view's heat map and its chains agree: the function the view draws
 * (ModelProbe.posteriorEnergyGrid) falls step by step along a recorded noiseless z-chain, and each
 * step moves z by -s^2/2 times the drawn function's own gradient (read off the drawn grid). A map
 * drawn from a function with another likelihood factor fails the second check.
 */
class PosteriorMapTest {
    @Test
    void theDrawnFunctionIsTheOneTheChainDescends() throws Exception {
        Nd4jSetup.init();
        Checkpoint.Loaded ring8 = Examples.load("ring8");
        TrainingConfig cfg = ring8.config();
        float[] x = ring8.data().x().getRow(3).toFloatVector();
        double s = 0.05;
        LangevinSettings noiseless = new LangevinSettings(15, s, 0.0);
        INDArray xs = Nd4j.create(new float[][]{x, x, x, x, x, x});
        ChainTrace t = new ChainRunner(ring8.models(), cfg, 1).zChains(ChainInit.INFERENCE, noiseless, xs, 6, 7);
        double previous = Double.MAX_VALUE;
        double h = 1e-2;
        int checked = 0;
        for (int step = 0; step <= t.steps(); step++) {
            double mean = 0;
            for (int c = 0; c < 6; c++) {
                float[] z = t.state(step, c);
                double[][] g = ModelProbe.posteriorEnergyGrid(ring8.models(), cfg, x,
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
        assertTrue(checked == 2 * 6 * 15);
    }
}
