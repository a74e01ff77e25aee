package dualmcmc.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.MixtureSpec;
import dualmcmc.engine.data.ToyDatasets;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class MixtureMetricsTest {

    private static final MixtureSpec GRID = ToyDatasets.grid25(10, 0).mixture().orElseThrow();

    @Test
    void exactModeSamplesCoverEverythingUniformly() {
        ModeStats s = MixtureMetrics.evaluate(GRID.centres(), GRID);
        assertEquals(25, s.modes());
        assertEquals(1.0, s.hq());
        assertEquals(0.0, s.kl(), 1e-12);
    }

    @Test
    void collapseOntoOneModeGivesLogK() {
        double[][] samples = new double[100][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new double[] {2 + 0.01 * (i % 3), -4};
        }
        ModeStats s = MixtureMetrics.evaluate(samples, GRID);
        assertEquals(1, s.modes());
        assertEquals(1.0, s.hq());
        assertEquals(Math.log(25), s.kl(), 1e-12);
    }

    @Test
    void farAwaySamplesAreNotHighQuality() {
        double[][] samples = {{1, 1}, {3, 3}, {10, 10}, {-1, 0}};
        ModeStats s = MixtureMetrics.evaluate(samples, GRID);
        assertEquals(0, s.modes());
        assertEquals(0.0, s.hq());
        assertEquals(Math.log(25), s.kl(), 1e-12);
    }

    @Test
    void thresholdIsThreeStandardDeviations() {
        double std = GRID.std();
        ModeStats s = MixtureMetrics.evaluate(new double[][] {{0, 2.9 * std}, {0, 3.1 * std}}, GRID);
        assertEquals(0.5, s.hq());
        assertEquals(1, s.modes());
    }

    @Test
    void histogramKlMatchesHandComputation() {
        MixtureSpec two = new MixtureSpec(new double[][] {{0, 0}, {1, 0}}, 0.1);
        // Three HQ samples on mode 0, one on mode 1, one rejected: p = (3/4, 1/4).
        double[][] samples = {{0, 0}, {0.05, 0}, {0, -0.05}, {1, 0}, {0.5, 0.5}};
        ModeStats s = MixtureMetrics.evaluate(samples, two);
        double expected = 0.75 * Math.log(0.75 * 2) + 0.25 * Math.log(0.25 * 2);
        assertEquals(2, s.modes());
        assertEquals(0.8, s.hq(), 1e-12);
        assertEquals(expected, s.kl(), 1e-12);
    }

    @Test
    void trueRing8SamplesScorePerfectlyThroughTheINDArrayPath() {
        Dataset ring = ToyDatasets.ring8(2500, 9);
        ModeStats s = MixtureMetrics.evaluate(ring.toDataUnits(ring.x()), ring.mixture().orElseThrow());
        assertEquals(8, s.modes());
        // For a 2-D Gaussian P(|x - c| <= 3 std) = 1 - exp(-9/2), about 0.989, not 1.
        assertEquals(1 - Math.exp(-4.5), s.hq(), 0.006);
        assertEquals(0.0, s.kl(), 0.01);
    }

    @Test
    void rejectsEmptyAndMisshapenInput() {
        assertThrows(IllegalArgumentException.class, () -> MixtureMetrics.evaluate(new double[0][], GRID));
        assertThrows(IllegalArgumentException.class,
                () -> MixtureMetrics.evaluate(new double[][] {{1, 2, 3}}, GRID));
        assertThrows(IllegalArgumentException.class,
                () -> MixtureMetrics.evaluate(Nd4j.zeros(2, 3, 4), GRID));
    }
}
