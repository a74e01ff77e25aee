package dualmcmc.engine.tsne;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarnesHutTsneTest {

    static final int CLUSTERS = 5;
    static final int PER_CLUSTER = 60;
    static final int DIM = 16;

    static double[][] data;
    static int[] labels;
    /** A converged default run on {@link #data}, shared by several tests. */
    static TsneState converged;

    @BeforeAll
    static void makeClusters() {
        Random rnd = new Random(42);
        double[][] centres = new double[CLUSTERS][DIM];
        for (double[] c : centres) {
            for (int t = 0; t < DIM; t++) {
                c[t] = rnd.nextGaussian() * 10;
            }
        }
        int n = CLUSTERS * PER_CLUSTER;
        data = new double[n][DIM];
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % CLUSTERS;
            labels[i] = c;
            for (int t = 0; t < DIM; t++) {
                data[i][t] = centres[c][t] + rnd.nextGaussian();
            }
        }
        converged = BarnesHutTsne.prepare(data, TsneConfig.defaults()).run();
    }

    static double[][] randomData(int n, int d, long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] r : x) {
            for (int t = 0; t < d; t++) {
                r[t] = rnd.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void separatesWellSeparatedClusters() {
        assertEquals(1000, converged.iteration());
        double agreement = EmbeddingQuality.knnAgreement(converged.embedding(), labels, 10);
        assertTrue(agreement >= 0.95, "knn agreement " + agreement);
        assertTrue(Double.isFinite(converged.klDivergence()) && converged.klDivergence() > 0,
                "kl " + converged.klDivergence());
    }

    @Test
    void klDecreasesAfterExaggeration() {
        BarnesHutTsne tsne = BarnesHutTsne.prepare(data, TsneConfig.defaults());
        assertTrue(tsne.inEarlyExaggeration());
        tsne.step(250);
        assertTrue(!tsne.inEarlyExaggeration());
        List<Double> kls = new ArrayList<>();
        for (int s = 0; s < 15; s++) {
            kls.add(tsne.step(50).klDivergence());
        }
        assertEquals(1000, tsne.iteration());
        for (int s = 1; s < kls.size(); s++) {
            assertTrue(kls.get(s) <= kls.get(s - 1) * 1.01 + 1e-3, "KL went up: " + kls);
        }
        assertTrue(kls.get(kls.size() - 1) < kls.get(0), "KL did not decrease: " + kls);
        // the BH estimate is close to the KL with the exact normalisation
        double exact = tsne.step(0).klDivergence();
        assertEquals(tsne.exactKlDivergence(), exact, 0.03 * exact + 0.01);
    }

    @Test
    void sameSeedGivesBitwiseSameMap() {
        TsneConfig cfg = TsneConfig.defaults().withIterations(400).withSeed(7);
        TsneState a = BarnesHutTsne.prepare(data, cfg).run();
        TsneState b = BarnesHutTsne.prepare(data, cfg).run();
        TsneState threaded = BarnesHutTsne.prepare(data, cfg.withThreads(2)).run();
        for (int i = 0; i < data.length; i++) {
            assertArrayEquals(a.embedding()[i], b.embedding()[i], 0.0);
            assertArrayEquals(a.embedding()[i], threaded.embedding()[i], 0.0);
        }
        assertEquals(Double.doubleToLongBits(a.klDivergence()), Double.doubleToLongBits(b.klDivergence()));
        assertEquals(Double.doubleToLongBits(a.klDivergence()), Double.doubleToLongBits(threaded.klDivergence()));
    }

    @Test
    void stepReturnsCopiesAndCountsIterations() {
        BarnesHutTsne tsne = BarnesHutTsne.prepare(data, TsneConfig.defaults().withIterations(30));
        TsneState s1 = tsne.step(10);
        assertEquals(10, s1.iteration());
        double before = s1.embedding()[0][0];
        s1.embedding()[0][0] = 1e9;
        assertEquals(before, tsne.embedding()[0][0]);
        TsneState s2 = tsne.run();
        assertEquals(30, s2.iteration());
        assertEquals(30, tsne.run().iteration());
        assertEquals(data.length, s2.embedding().length);
        assertEquals(2, s2.embedding()[0].length);
        assertThrows(IllegalArgumentException.class, () -> tsne.step(-1));
    }

    @Test
    void warmStartMovesLessThanColdStart() {
        double[][] start = converged.embedding();
        TsneConfig cfg = TsneConfig.defaults().withIterations(200);
        BarnesHutTsne warm = BarnesHutTsne.prepare(data, cfg, start);
        assertTrue(!warm.inEarlyExaggeration(), "a warm start has no early exaggeration");
        double[][] warmEnd = warm.run().embedding();

        BarnesHutTsne cold = BarnesHutTsne.prepare(data, cfg);
        double[][] coldStart = cold.embedding();
        double[][] coldEnd = cold.run().embedding();

        double warmMove = meanDisplacement(start, warmEnd);
        double coldMove = meanDisplacement(coldStart, coldEnd);
        double spread = rmsRadius(start);
        assertTrue(warmMove < coldMove, "warm " + warmMove + " vs cold " + coldMove);
        assertTrue(warmMove < 0.1 * spread, "warm start moved " + warmMove + " on a map of radius " + spread);
        assertTrue(EmbeddingQuality.knnAgreement(warmEnd, labels) >= 0.95);
    }

    static double meanDisplacement(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.hypot(a[i][0] - b[i][0], a[i][1] - b[i][1]);
        }
        return s / a.length;
    }

    static double rmsRadius(double[][] a) {
        double mx = 0, my = 0;
        for (double[] r : a) {
            mx += r[0];
            my += r[1];
        }
        mx /= a.length;
        my /= a.length;
        double s = 0;
        for (double[] r : a) {
            s += (r[0] - mx) * (r[0] - mx) + (r[1] - my) * (r[1] - my);
        }
        return Math.sqrt(s / a.length);
    }

    @Test
    void perplexityCalibrationMatchesEntropy() {
        double[][] x = randomData(400, 10, 3);
        for (double perplexity : new double[] {5, 30, 50}) {
            int k = TsneConfig.defaults().withPerplexity(perplexity).neighboursFor(x.length);
            assertEquals((int) (3 * perplexity + 1), k);
            Knn.Graph g = Knn.bruteForce(Knn.flatten(x, "x"), x.length, 10, k);
            double[] p = Affinities.conditional(g, perplexity, null);
            for (int i = 0; i < x.length; i++) {
                double sum = 0, h = 0;
                for (int j = i * k; j < i * k + k; j++) {
                    sum += p[j];
                    if (p[j] > 0) {
                        h -= p[j] * Math.log(p[j]);
                    }
                }
                assertEquals(1.0, sum, 1e-12);
                assertEquals(Math.log(perplexity), h, 1e-4, "row " + i + " perplexity " + perplexity);
            }
            Affinities.Csr joint = Affinities.symmetrise(g, p);
            assertSymmetricAndNormalised(joint);
        }
    }

    static void assertSymmetricAndNormalised(Affinities.Csr p) {
        double total = 0;
        for (int i = 0; i < p.n(); i++) {
            for (int t = p.rowPtr()[i]; t < p.rowPtr()[i + 1]; t++) {
                int j = p.cols()[t];
                assertNotEquals(i, j);
                if (t > p.rowPtr()[i]) {
                    assertTrue(p.cols()[t - 1] < j, "columns ascending");
                }
                total += p.vals()[t];
                assertEquals(p.vals()[t], value(p, j, i), 1e-15, "P symmetric at " + i + "," + j);
            }
        }
        assertEquals(1.0, total, 1e-9);
    }

    static double value(Affinities.Csr p, int i, int j) {
        for (int t = p.rowPtr()[i]; t < p.rowPtr()[i + 1]; t++) {
            if (p.cols()[t] == j) {
                return p.vals()[t];
            }
        }
        return 0;
    }

    @Test
    void quadTreeGradientWithThetaZeroIsExact() {
        double[][] x = randomData(250, 5, 11);
        BarnesHutTsne tsne = BarnesHutTsne.prepare(x, TsneConfig.defaults().withTheta(0).withPerplexity(20));
        tsne.step(60); // a non-trivial layout, still in the exaggeration phase
        for (double exaggeration : new double[] {1, 12}) {
            double[][] bh = tsne.bhGradient(exaggeration);
            double[][] exact = tsne.exactGradient(exaggeration);
            double scale = 0;
            for (int a = 0; a < 2; a++) {
                for (double v : exact[a]) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            assertTrue(scale > 0);
            for (int a = 0; a < 2; a++) {
                for (int i = 0; i < x.length; i++) {
                    assertEquals(exact[a][i], bh[a][i], 1e-10 * scale, "axis " + a + " point " + i);
                }
            }
        }
        // with theta = 0 the KL estimate is the exact KL
        assertEquals(tsne.exactKlDivergence(), tsne.step(0).klDivergence(), 1e-10);
    }

    @Test
    void barnesHutGradientApproximatesExactGradient() {
        BarnesHutTsne tsne = BarnesHutTsne.prepare(data, TsneConfig.defaults().withIterations(300));
        tsne.run();
        // exaggeration 0 isolates the repulsive forces, the part that the tree approximates
        double[][] bhRep = tsne.bhGradient(0), exactRep = tsne.exactGradient(0);
        double[][] bh = tsne.bhGradient(1), exact = tsne.exactGradient(1);
        double repErr = 0, fullErr = 0, repNorm = 0;
        for (int a = 0; a < 2; a++) {
            for (int i = 0; i < data.length; i++) {
                repErr += sq(bhRep[a][i] - exactRep[a][i]);
                fullErr += sq(bh[a][i] - exact[a][i]);
                repNorm += sq(exactRep[a][i]);
            }
        }
        assertTrue(Math.sqrt(repErr / repNorm) < 0.05, "relative error of the repulsion " + Math.sqrt(repErr / repNorm));
        assertEquals(repErr, fullErr, 1e-9 * repNorm, "the attraction is exact");
    }

    static double sq(double v) {
        return v * v;
    }

    @Test
    void vantagePointTreeFindsExactNeighbours() {
        double[][] x = randomData(700, 6, 5);
        // duplicates and a constant column exercise ties
        x[10] = x[20].clone();
        x[30] = x[20].clone();
        double[] flat = Knn.flatten(x, "x");
        Knn.Graph brute = Knn.bruteForce(flat, 700, 6, 15);
        Knn.Graph vp = Knn.vpTree(flat, 700, 6, 15, 99);
        assertArrayEquals(brute.d2(), vp.d2(), 1e-12);
        for (int i = 0; i < 700; i++) {
            for (int t = i * 15; t < i * 15 + 15; t++) {
                assertNotEquals(i, vp.idx()[t]);
            }
        }
        // on distinct distances the neighbour sets agree exactly
        assertArrayEquals(java.util.Arrays.copyOfRange(brute.idx(), 0, 15 * 10),
                java.util.Arrays.copyOfRange(vp.idx(), 0, 15 * 10));
    }

    @Test
    void configValidation() {
        TsneConfig d = TsneConfig.defaults();
        assertEquals(30.0, d.perplexity());
        assertEquals(1000, d.iterations());
        assertEquals(0.5, d.theta());
        assertEquals(12.0, d.earlyExaggeration());
        assertEquals(250, d.exaggerationIterations());
        assertEquals(50.0, d.learningRateFor(300));
        assertEquals(10000 / 12.0 / 4, d.learningRateFor(10000), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> d.withPerplexity(0));
        assertThrows(IllegalArgumentException.class, () -> d.withPerplexity(-3));
        assertThrows(IllegalArgumentException.class, () -> d.withPerplexity(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> d.withIterations(0));
        assertThrows(IllegalArgumentException.class, () -> d.withTheta(1.5));
        assertThrows(IllegalArgumentException.class, () -> d.withTheta(-0.1));
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> d.withLearningRate(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BarnesHutTsne.prepare(randomData(20, 3, 1), d));
        assertTrue(e.getMessage().contains("perplexity"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BarnesHutTsne.prepare(randomData(20, 3, 1), d.withPerplexity(5), new double[19][2]));
        double[][] ragged = randomData(20, 3, 1);
        ragged[4] = new double[2];
        assertThrows(IllegalArgumentException.class, () -> BarnesHutTsne.prepare(ragged, d.withPerplexity(5)));
    }

    @Test
    void smallAndDegenerateInputsRun() {
        // two points, one dimension, all identical points: no exception, finite maps
        TsneConfig cfg = TsneConfig.defaults().withPerplexity(0.5).withIterations(50);
        for (double[][] x : new double[][][] {{{0}, {1}}, {{1, 1}, {1, 1}, {1, 1}}, randomData(5, 1, 2)}) {
            TsneState s = BarnesHutTsne.prepare(x, cfg).run();
            for (double[] r : s.embedding()) {
                assertTrue(Double.isFinite(r[0]) && Double.isFinite(r[1]));
            }
        }
        // a warm start with coincident points (pairs, and all on one spot) stays finite
        double[][] x = randomData(40, 3, 8);
        double[][] pairs = new double[40][2], spot = new double[40][2];
        for (int i = 0; i < 40; i++) {
            pairs[i][0] = i / 2;
            pairs[i][1] = -(i / 2);
        }
        for (double[][] start : new double[][][] {pairs, spot}) {
            TsneState s = BarnesHutTsne.prepare(x, TsneConfig.defaults().withPerplexity(5).withIterations(30), start).run();
            assertTrue(Double.isFinite(s.klDivergence()), "kl " + s.klDivergence());
            for (double[] r : s.embedding()) {
                assertTrue(Double.isFinite(r[0]) && Double.isFinite(r[1]));
            }
        }
    }

    @Test
    void pcaInitialisationIsScaledAsScikitLearn() {
        double[][] init = BarnesHutTsne.pcaInit(data, 0);
        double m = 0;
        for (double[] r : init) {
            m += r[0];
        }
        m /= init.length;
        double v = 0;
        for (double[] r : init) {
            v += (r[0] - m) * (r[0] - m);
        }
        assertEquals(1e-4, Math.sqrt(v / init.length), 1e-12);
    }

    @Test
    void knnAgreementCountsSharedLabels() {
        double[][] map = {{0, 0}, {0, 1}, {10, 0}, {10, 1}};
        assertEquals(1.0, EmbeddingQuality.knnAgreement(map, new int[] {0, 0, 1, 1}, 1), 1e-15);
        assertEquals(0.0, EmbeddingQuality.knnAgreement(map, new int[] {0, 1, 0, 1}, 1), 1e-15);
        // k capped at n-1: each point sees the 3 others, one of which shares its label
        assertEquals(1.0 / 3, EmbeddingQuality.knnAgreement(map, new int[] {0, 0, 1, 1}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> EmbeddingQuality.knnAgreement(map, new int[3]));
    }
}
