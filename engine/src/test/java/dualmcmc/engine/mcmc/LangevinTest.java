package dualmcmc.engine.mcmc;

import dualmcmc.engine.config.LangevinSettings;
import dualmcmc.engine.model.EnergyModel;
import dualmcmc.engine.model.Generator;
import dualmcmc.engine.nn.Dense;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The samplers against distributions whose answer is known. For a quadratic energy with precision
 * P, the discretised chain x <- x - h P (x - m) + n U (h = s^2/2) has stationary mean m and
 * covariance (n/s)^2 (P - h P^2 / 2)^{-1}: exactly N(m, P^{-1}) as h -> 0 with n = s, and a
 * tempered Gaussian at temperature (n/s)^2 with the public code's separate noise scale.
 */
class LangevinTest {
    private static final Init INIT = new Init(Rng.of(5), DataType.DOUBLE);
    private static final double[][] A = {{1.0, 0.0}, {0.5, 1.2}};
    private static final double[] M = {0.7, -1.3};

    /** E(x) = 0.5 ||A (x - m)||^2, built from the engine's own layers. */
    private static EnergyModel gaussianEnergy() {
        return gaussianEnergy(1);
    }

    /** E(x) = 0.5 ||g A (x - m)||^2: precision g^2 A^T A. */
    private static EnergyModel gaussianEnergy(double gain) {
        Dense dense = new Dense(2, 2, false, INIT);
        INDArray a = Nd4j.createFromArray(A).muli(gain);
        dense.parameters().get(0).value().assign(a);
        dense.parameters().get(1).value().assign(a.mmul(Nd4j.createFromArray(M).reshape(2, 1)).neg().reshape(2));
        return new EnergyModel(new Network(List.of(dense, new HalfSquaredNorm())));
    }

    private static INDArray stationaryCovariance(double s, double n) {
        INDArray a = Nd4j.createFromArray(A);
        INDArray p = a.transpose().mmul(a);
        double h = s * s / 2;
        return InvertMatrix.invert(p.sub(p.mmul(p).muli(h / 2)), false).muli((n / s) * (n / s));
    }

    private static void assertGaussian(INDArray x, double[] mean, INDArray cov, String what) {
        INDArray mu = x.mean(0);
        INDArray centred = x.subRowVector(mu);
        INDArray sampleCov = centred.transpose().mmul(centred).divi(x.rows() - 1);
        for (int i = 0; i < 2; i++) {
            double sd = Math.sqrt(cov.getDouble(i, i));
            assertEquals(mean[i], mu.getDouble(i), 0.06 * sd, what + " mean[" + i + "]");
            for (int j = 0; j < 2; j++) {
                double scale = Math.sqrt(cov.getDouble(i, i) * cov.getDouble(j, j));
                assertEquals(cov.getDouble(i, j), sampleCov.getDouble(i, j), 0.08 * scale,
                        what + " cov[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void xChainReachesTheGaussianOfAQuadraticEnergy() {
        double s = 0.1;
        INDArray x0 = Rng.of(1).gaussian(4000, 2).castTo(DataType.DOUBLE).muli(3);
        INDArray x = new XRevision(gaussianEnergy(), new LangevinSettings(2500, s, s)).run(x0, Rng.of(2), null);
        assertGaussian(x, M, stationaryCovariance(s, s), "plain Langevin");
        // sanity: the target itself, up to the O(h) discretisation bias
        INDArray a = Nd4j.createFromArray(A);
        INDArray target = InvertMatrix.invert(a.transpose().mmul(a), false);
        assertEquals(target.getDouble(0, 0), stationaryCovariance(s, s).getDouble(0, 0), 0.02 * target.getDouble(0, 0));
    }

    /**
     * A well 900 times steeper than the step can follow (h P from about 3 to 9, stable only below 2):
     * the plain chain is thrown further out at every step, while with x_grad_clip each coordinate
     * moves at most h c per step, so the chains walk into the well and stay within a few such
     * moves of its centre.
     */
    @Test
    void aClippedGradientKeepsChainsInAWellTooSteepForTheStep() {
        double s = 0.1;
        double clip = 2;
        double h = s * s / 2;
        EnergyModel steep = gaussianEnergy(30);
        INDArray x0 = Rng.of(11).gaussian(500, 2).castTo(DataType.DOUBLE).addiRowVector(Nd4j.createFromArray(M));
        INDArray plain = new XRevision(steep, new LangevinSettings(60, s, 0)).run(x0, Rng.of(12), null);
        INDArray clipped = new XRevision(steep, new LangevinSettings(600, s, 0, false, 1, clip)).run(x0, Rng.of(12),
                null);
        INDArray m = Nd4j.createFromArray(M).reshape(1, 2);
        double plainFar = Math.abs(plain.subRowVector(m).maxNumber().doubleValue());
        assertTrue(!(plainFar < 1e3), "the unclipped chain is unstable here (test premise): " + plainFar);
        double off = Math.max(clipped.subRowVector(m).maxNumber().doubleValue(),
                -clipped.subRowVector(m).minNumber().doubleValue());
        assertTrue(off < 4 * h * clip, "clipped chains end within 4 clipped moves of the centre, off by " + off);
        // a single step from far away moves each coordinate by exactly h c
        INDArray far = Nd4j.createFromArray(new double[][] {{20, -20}});
        INDArray one = new XRevision(steep, new LangevinSettings(1, s, 0, false, 1, clip)).run(far, Rng.of(13), null);
        assertEquals(20 - h * clip, one.getDouble(0, 0), 1e-12);
        assertEquals(-20 + h * clip, one.getDouble(0, 1), 1e-12);
    }

    @Test
    void separateNoiseScaleSamplesAtTemperatureNOverSSquared() {
        double s = 0.1;
        double n = 0.05;
        INDArray x0 = Rng.of(3).gaussian(4000, 2).castTo(DataType.DOUBLE);
        INDArray x = new XRevision(gaussianEnergy(), new LangevinSettings(2500, s, n)).run(x0, Rng.of(4), null);
        assertGaussian(x, M, stationaryCovariance(s, n), "tempered Langevin");
    }

    @Test
    void annealedNoiseFallsGeometricallyAndLeavesTheCovarianceOfItsSchedule() {
        LangevinSettings annealed = new LangevinSettings(41, 0.1, 0.2, false, 0.05);
        assertEquals(0.2, annealed.noiseAt(0), 1e-15);
        assertEquals(0.2 * Math.sqrt(0.05), annealed.noiseAt(20), 1e-12);
        assertEquals(0.01, annealed.noiseAt(40), 1e-12);
        // chains started at the mean: the covariance after k steps is the sum over steps t of
        // n_t^2 B^(k-1-t) B^(k-1-t)^T with B = I - h P, which depends on every step's noise
        double s = 0.1;
        LangevinSettings chain = new LangevinSettings(200, s, 0.1, false, 0.1);
        INDArray a = Nd4j.createFromArray(A);
        INDArray identity = Nd4j.eye(2).castTo(DataType.DOUBLE);
        INDArray b = identity.sub(a.transpose().mmul(a).muli(s * s / 2));
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        for (int t = 0; t < chain.steps(); t++) {
            double n = chain.noiseAt(t);
            expected = b.mmul(expected).mmul(b.transpose()).addi(identity.mul(n * n));
        }
        INDArray x0 = Nd4j.createFromArray(M).reshape(1, 2).repeat(0, 6000);
        INDArray x = new XRevision(gaussianEnergy(), chain).run(x0, Rng.of(11), null);
        assertGaussian(x, M, expected, "annealed Langevin");
        // the schedule matters: the constant-noise chain of the same length ends wider
        INDArray constant = new XRevision(gaussianEnergy(), new LangevinSettings(200, s, 0.1))
                .run(x0, Rng.of(11), null);
        assertTrue(constant.var(0).getDouble(0) > 3 * x.var(0).getDouble(0), "the annealed chain ends tighter");
    }

    @Test
    void aBoundedChainStaysInItsBoxAndDescendsToTheBoxConstrainedMinimum() {
        // m = (0.7, -1.3) lies outside [-1, 1]^2. With P = A^T A the constrained minimum has x2 = -1
        // (its gradient there, P21 (x1 - m1) + P22 (x2 - m2) = 0.3456 > 0, points out of the box)
        // and x1 = m1 - P12 / P11 (x2 - m2) = 0.7 - 0.48 * 0.3
        INDArray x0 = Rng.of(6).fillUniform(Nd4j.create(DataType.DOUBLE, 200, 2), -1, 1);
        INDArray x = new XRevision(gaussianEnergy(), new LangevinSettings(3000, 0.3, 0.0, true)).run(x0, Rng.of(7),
                null);
        for (int i = 0; i < x.rows(); i++) {
            assertEquals(0.556, x.getDouble(i, 0), 1e-6, "chain " + i);
            assertEquals(-1.0, x.getDouble(i, 1), 1e-12, "chain " + i);
        }
        INDArray noisy = new XRevision(gaussianEnergy(), new LangevinSettings(500, 0.1, 0.5, true))
                .run(x0, Rng.of(8), null);
        assertTrue(noisy.amaxNumber().doubleValue() <= 1.0, "noise never carries a value past the bound");
        assertTrue(noisy.maxNumber().doubleValue() > 0.99 && noisy.minNumber().doubleValue() < -0.99,
                "the noise reaches both walls");
    }

    @Test
    void aClampThatIsNeverReachedChangesNothing() {
        // E centred at (0.3, -0.2) with a narrow spread: the chains stay well inside [-1, 1]
        INDArray x0 = Rng.of(9).gaussian(500, 2).castTo(DataType.DOUBLE).muli(0.05);
        EnergyModel e = gaussianEnergy();
        e.network().layers().get(0).parameters().get(1).value()
                .assign(Nd4j.createFromArray(A).mmul(Nd4j.createFromArray(0.3, -0.2).reshape(2, 1)).neg().reshape(2));
        INDArray free = new XRevision(e, new LangevinSettings(200, 0.1, 0.01)).run(x0, Rng.of(10), null);
        INDArray clamped = new XRevision(e, new LangevinSettings(200, 0.1, 0.01, true)).run(x0, Rng.of(10), null);
        assertTrue(free.amaxNumber().doubleValue() < 0.9, "the test's premise");
        assertEquals(free, clamped, "same draws, same states");
    }

    @Test
    void recordedEnergyFallsAlongTheChainAndTheTraceIsConsistent() {
        INDArray x0 = Nd4j.createFromArray(new double[][]{{4, 4}, {-3, 2}, {0, -4}});
        ChainRecorder rec = ChainRecorder.firstChains(ChainKind.X, ChainInit.NOISE, 2);
        EnergyModel e = gaussianEnergy();
        INDArray xk = new XRevision(e, new LangevinSettings(30, 0.3, 0.0)).run(x0, Rng.of(1), rec);
        ChainTrace t = rec.finish();
        assertEquals(30, t.steps());
        assertEquals(3, t.chains());
        for (int step = 1; step <= 30; step++) {
            assertTrue(t.mean(step) < t.mean(step - 1), "noise-free Langevin descends the energy");
        }
        assertEquals(e.energy(x0).getDouble(1), t.value(0, 1), 1e-9);
        assertEquals(e.energy(xk).getDouble(0), t.value(30, 0), 1e-9);
        assertEquals(x0.getDouble(1, 0), t.state(0, 1)[0], 1e-6);
        assertEquals(xk.getDouble(0, 1), t.state(30, 0)[1], 1e-6);
        assertEquals(4.0, x0.getDouble(0, 0), "the start is not modified");
    }

    @Test
    void zChainOnALinearGeneratorReachesTheKnownPosterior() {
        // g(z) = W z + b; the chain samples exp(-(||x - g(z)||^2 / sigma^2 + ||z||^2 / (2 prior^2))),
        // whose precision is 2 W^T W / sigma^2 + I / prior^2 (the public code's sum of squares has no 1/2)
        double sigma = 0.5;
        double prior = 1.0;
        Dense dense = new Dense(2, 3, false, INIT);
        INDArray w = Nd4j.createFromArray(new double[][]{{1.0, 0.2}, {-0.4, 0.8}, {0.3, -0.5}});
        INDArray b = Nd4j.createFromArray(0.1, -0.2, 0.3);
        dense.parameters().get(0).value().assign(w);
        dense.parameters().get(1).value().assign(b);
        Generator g = new Generator(new Network(List.of(dense)), 2);
        INDArray xObs = Nd4j.createFromArray(0.9, -0.1, 0.4);
        INDArray precision = w.transpose().mmul(w).muli(2 / (sigma * sigma)).addi(Nd4j.eye(2).castTo(DataType.DOUBLE).divi(prior * prior));
        INDArray cov = InvertMatrix.invert(precision, false);
        INDArray mean = cov.mmul(w.transpose().mmul(xObs.sub(b).reshape(3, 1))).muli(2 / (sigma * sigma));

        int chains = 3000;
        INDArray x = Nd4j.tile(xObs.reshape(1, 3), chains, 1);
        INDArray z0 = Rng.of(6).gaussian(chains, 2).castTo(DataType.DOUBLE).muli(2);
        double s = 0.05;
        INDArray z = new ZRevision(g, new LangevinSettings(3000, s, s), sigma, prior).run(z0, x, Rng.of(7), null);
        assertGaussian(z, mean.toDoubleVector(), cov, "z posterior");
    }

    /**
     * A noiseless z-step is z - s^2/2 dU/dz for U = targetEnergy: the landscape the explorer draws
     * for a z-chain is the one the chain walks on (a factor 2 on the likelihood term, the exact
     * -log p(z | x), would fail this).
     */
    @Test
    void aNoiselessZStepFollowsTheGradientOfTheTargetEnergy() {
        Network net = new Network(List.of(new Dense(2, 4, false, INIT), dualmcmc.engine.nn.Activation.tanh(),
                new Dense(4, 3, false, INIT)));
        Generator g = new Generator(net, 2);
        double s = 0.1;
        ZRevision zr = new ZRevision(g, new LangevinSettings(1, s, 0.0), 0.3, 0.8);
        INDArray x = Rng.of(12).gaussian(4, 3).castTo(DataType.DOUBLE);
        INDArray z0 = Rng.of(13).gaussian(4, 2).castTo(DataType.DOUBLE);
        INDArray z1 = zr.run(z0, x, Rng.of(14), null);
        double h = 1e-6;
        for (int i = 0; i < 4; i++) {
            for (int d = 0; d < 2; d++) {
                INDArray plus = z0.dup();
                plus.putScalar(i, d, z0.getDouble(i, d) + h);
                INDArray minus = z0.dup();
                minus.putScalar(i, d, z0.getDouble(i, d) - h);
                double grad = (zr.targetEnergy(plus, x).getDouble(i) - zr.targetEnergy(minus, x).getDouble(i)) / (2 * h);
                assertEquals(z0.getDouble(i, d) - s * s / 2 * grad, z1.getDouble(i, d), 1e-8, "chain " + i + " dim " + d);
            }
        }
        // one observation for a grid of codes, as the explorer draws it
        INDArray grid = Rng.of(15).gaussian(5, 2).castTo(DataType.DOUBLE);
        INDArray one = x.getRow(0, true);
        assertEquals(zr.targetEnergy(grid, Nd4j.tile(one, 5, 1)), zr.targetEnergy(grid, one));
    }

    @Test
    void recordedReconstructionErrorFallsAndDecodingsAreKept() {
        Dense dense = new Dense(2, 3, false, INIT);
        Generator g = new Generator(new Network(List.of(dense)), 2);
        INDArray x = Rng.of(8).gaussian(5, 3).castTo(DataType.DOUBLE);
        ChainRecorder rec = ChainRecorder.firstChains(ChainKind.Z, ChainInit.NOISE, 1);
        INDArray z0 = Rng.of(9).gaussian(5, 2).castTo(DataType.DOUBLE).muli(3);
        INDArray zk = new ZRevision(g, new LangevinSettings(10, 0.1, 0.0), 0.3, 1.0).run(z0, x, Rng.of(1), rec);
        ChainTrace t = rec.finish();
        assertTrue(t.mean(10) < t.mean(0));
        INDArray decoded = g.generate(zk.getRow(0, true));
        assertEquals(decoded.getDouble(0, 2), t.decoded(10, 0)[2], 1e-6);
        INDArray diff = decoded.sub(x.getRow(0, true));
        assertEquals(diff.mul(diff).meanNumber().doubleValue(), t.value(10, 0), 1e-9);
    }
}
