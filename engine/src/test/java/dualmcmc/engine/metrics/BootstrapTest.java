package dualmcmc.engine.metrics;

import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {
    /** N(0, I) and N(0.5, 4 I) in 3 dimensions: FD = 3 * (0.5^2 + (1 - 2)^2) = 3.75. */
    private static final double TRUE_FD = 3.75;

    private static INDArray standard(int n, long seed) {
        return Rng.of(seed).gaussian(n, 3).castTo(DataType.DOUBLE);
    }

    private static INDArray shifted(int n, long seed) {
        return standard(n, seed).muli(2).addi(0.5);
    }

    /** The interval reports show: basic, about the FD of the samples themselves. */
    private static Interval fdInterval(int n, long seed) {
        INDArray a = standard(n, 2 * seed);
        INDArray b = shifted(n, 2 * seed + 1);
        return Interval.basic(FrechetDistance.between(a, b), Bootstrap.frechet(a, b, 200, seed));
    }

    @Test
    void theFrechetIntervalHoldsTheTrueDistanceAndNarrowsAsSamplesGrow() {
        Interval small = fdInterval(300, 1);
        Interval large = fdInterval(5000, 1);
        assertTrue(small.contains(TRUE_FD), "300 samples: " + small);
        assertTrue(large.contains(TRUE_FD), "5000 samples: " + large);
        // the spread of an FD estimate falls like 1/sqrt(n): 17 times the samples, about 4 times narrower
        assertTrue(large.width() < small.width() / 2.5, small + " then " + large);
        assertTrue(large.width() > 0, "resampling must move the figure: " + large);
    }

    @Test
    void theBasicIntervalCorrectsTheUpwardBiasOfResampledFds() {
        // 16 features from 150 samples: the FD estimate is biased upwards, its resampled copies more
        // so (duplicates), and the percentile interval sits above the truth
        int d = 16;
        int n = 150;
        double truth = 1.25 * d;
        int basic = 0;
        int percentile = 0;
        for (long seed = 40; seed < 60; seed++) {
            INDArray a = Rng.of(2 * seed).gaussian(n, d).castTo(DataType.DOUBLE);
            INDArray b = Rng.of(2 * seed + 1).gaussian(n, d).castTo(DataType.DOUBLE).muli(2).addi(0.5);
            double[] reps = Bootstrap.frechet(a, b, 200, seed);
            basic += Interval.basic(FrechetDistance.between(a, b), reps).contains(truth) ? 1 : 0;
            percentile += Interval.percentiles(reps).contains(truth) ? 1 : 0;
        }
        assertTrue(basic >= 16, basic + " of 20 basic intervals hold the true FD");
        assertTrue(percentile <= 8, percentile + " of 20 percentile intervals hold it: the bias this corrects");
    }

    @Test
    void mostIntervalsHoldTheTrueDistance() {
        int covered = 0;
        for (long seed = 10; seed < 30; seed++) {
            covered += fdInterval(500, seed).contains(TRUE_FD) ? 1 : 0;
        }
        // nominal 95%: 20 intervals miss more than 4 times with probability below 2%
        assertTrue(covered >= 16, covered + " of 20 intervals hold the true FD");
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        INDArray a = standard(400, 3);
        INDArray b = shifted(400, 4);
        double[] first = Bootstrap.frechet(a, b, 50, 7);
        assertArrayEquals(first, Bootstrap.frechet(a, b, 50, 7));
        assertFalse(java.util.Arrays.equals(first, Bootstrap.frechet(a, b, 50, 8)));
        assertEquals(Interval.percentiles(first), Interval.percentiles(Bootstrap.frechet(a, b, 50, 7)));
    }

    @Test
    void theMeanIntervalIsAboutFourStandardErrorsWide() {
        double[] values = new double[2000];
        INDArray g = standard(2000, 5);
        for (int i = 0; i < values.length; i++) {
            values[i] = 3 + g.getDouble(i, 0);
        }
        Interval in = Interval.percentiles(Bootstrap.mean(values, 400, 1));
        double se = 1 / Math.sqrt(values.length);
        assertTrue(in.contains(3), in.toString());
        assertEquals(2 * 1.96 * se, in.width(), 0.25 * 2 * 1.96 * se);
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] r = new double[201];
        for (int i = 0; i < r.length; i++) {
            r[r.length - 1 - i] = i;   // unsorted on purpose
        }
        assertEquals(new Interval(5, 195), Interval.percentiles(r));
        assertTrue(Double.isNaN(Interval.percentiles(new double[]{1, Double.NaN}).low()));
    }

    @Test
    void overOneSeedTheHierarchicalBootstrapIsThatSeedsOwnBootstrap() {
        double[] reps = Bootstrap.mean(new double[]{1, 2, 3, 4, 9}, 200, 3);
        double[] over = Bootstrap.overSeeds(new double[]{3.8}, new double[][]{reps}, 200, 11);
        assertArrayEquals(reps, over);
        double[] noSamples = Bootstrap.overSeeds(new double[]{3.8}, new double[][]{null}, 200, 11);
        assertEquals(Interval.point(3.8), Interval.percentiles(noSamples));
    }

    @Test
    void overSeedsTheIntervalTakesInTheSpreadBetweenSeedsAndWithinThem() {
        double[] perSeed = {10, 11, 12, 13, 14};
        double[][] tight = new double[5][];
        double[][] loose = new double[5][];
        for (int s = 0; s < 5; s++) {
            double[] noise = standard(200, 40 + s).getColumn(0).toDoubleVector();
            tight[s] = new double[200];
            loose[s] = new double[200];
            for (int r = 0; r < 200; r++) {
                tight[s][r] = perSeed[s] + 0.01 * noise[r];
                loose[s][r] = perSeed[s] + 3 * noise[r];
            }
        }
        Interval seedsOnly = Interval.percentiles(Bootstrap.overSeeds(perSeed, new double[5][], 400, 1));
        Interval withTight = Interval.percentiles(Bootstrap.overSeeds(perSeed, tight, 400, 1));
        Interval withLoose = Interval.percentiles(Bootstrap.overSeeds(perSeed, loose, 400, 1));
        assertTrue(seedsOnly.contains(12) && seedsOnly.low() >= 10 && seedsOnly.high() <= 14, seedsOnly.toString());
        assertEquals(seedsOnly.width(), withTight.width(), 0.15 * seedsOnly.width());
        assertTrue(withLoose.width() > 1.5 * seedsOnly.width(), seedsOnly + " vs " + withLoose);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.mean(new double[0], 10, 1));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.overSeeds(new double[]{1}, new double[2][], 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1));
    }
}
