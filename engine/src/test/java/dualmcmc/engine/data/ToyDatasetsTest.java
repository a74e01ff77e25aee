package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ToyDatasetsTest {

    static java.util.List<String> toys() {
        return ToyDatasets.names();
    }

    @ParameterizedTest
    @MethodSource("toys")
    void sameSeedSamePointsOtherSeedOtherPoints(String name) {
        Dataset a = ToyDatasets.generate(name, 500, 7);
        Dataset b = ToyDatasets.generate(name, 500, 7);
        Dataset c = ToyDatasets.generate(name, 500, 8);
        assertArrayEquals(a.x().data().asFloat(), b.x().data().asFloat());
        assertFalse(Arrays.equals(a.x().data().asFloat(), c.x().data().asFloat()));
        assertArrayEquals(a.labels(), b.labels());
    }

    @ParameterizedTest
    @MethodSource("toys")
    void pointsAreTwoDimensionalAndOfOrderOneInModelUnits(String name) {
        Dataset d = ToyDatasets.generate(name, 2000, 1);
        assertEquals(SampleShape.vector(2), d.shape());
        assertEquals(2000, d.size());
        double maxAbs = d.x().amaxNumber().doubleValue();
        assertTrue(maxAbs > 0.5 && maxAbs < 3.0, name + " max |x| = " + maxAbs);
        if (d.hasLabels()) {
            assertEquals(d.classNames().size(), Arrays.stream(d.labels()).distinct().count(),
                    name + ": every component should be drawn");
        }
    }

    @Test
    void ring8HasEightTightClustersOnRadiusTwo() {
        Dataset d = ToyDatasets.ring8(4000, 3);
        assertEquals(1.0, d.scale());
        MixtureSpec spec = d.mixture().orElseThrow();
        assertEquals(8, spec.modes());
        assertEquals(0.02, spec.std());
        double[][] xy = d.x().toDoubleMatrix();
        int[] labels = d.labels();
        int[] perMode = new int[8];
        for (int i = 0; i < xy.length; i++) {
            double r = Math.hypot(xy[i][0], xy[i][1]);
            assertEquals(2.0, r, 0.12, "radius of point " + i);
            int k = labels[i];
            perMode[k]++;
            // Each point sits within 5 std of the centre of its own component.
            assertEquals(0, Math.hypot(xy[i][0] - spec.centre(k, 0), xy[i][1] - spec.centre(k, 1)), 0.1);
        }
        for (int count : perMode) {
            assertEquals(500, count, 100);
        }
        assertEquals("mode 0", d.classNames().get(0));
    }

    @Test
    void grid25IsStoredInModelUnitsWithSpecInDataUnits() {
        Dataset d = ToyDatasets.grid25(5000, 3);
        assertEquals(4.0, d.scale());
        double maxAbs = d.x().amaxNumber().doubleValue();
        assertTrue(maxAbs <= 1.1 && maxAbs > 0.95, "max |x| in model units = " + maxAbs);
        MixtureSpec spec = d.mixture().orElseThrow();
        assertEquals(25, spec.modes());
        assertEquals(0.05, spec.std());
        double[][] centres = spec.centres();
        assertArrayEquals(new double[] {-4, -4}, centres[0]);
        assertArrayEquals(new double[] {4, 4}, centres[24]);
        // Back in data units, each point lies near its own component's centre.
        double[][] data = d.toDataUnits(d.x()).toDoubleMatrix();
        int[] labels = d.labels();
        for (int i = 0; i < data.length; i++) {
            double dist = Math.hypot(data[i][0] - centres[labels[i]][0], data[i][1] - centres[labels[i]][1]);
            assertTrue(dist < 0.3, "point " + i + " is " + dist + " from its centre");
        }
    }

    @Test
    void onlyTheMixturesHaveASpec() {
        for (String name : ToyDatasets.names()) {
            boolean mixture = name.equals("ring8") || name.equals("grid25");
            assertEquals(mixture, ToyDatasets.generate(name, 10, 0).mixture().isPresent(), name);
        }
    }

    @Test
    void moonsAreLabelledByMoonAndCheckerboardIsUnlabelled() {
        Dataset moons = ToyDatasets.moons(1000, 0);
        assertEquals(2, moons.classNames().size());
        // The upper moon lies above the lower one on average.
        double[][] xy = moons.x().toDoubleMatrix();
        double[] meanY = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < xy.length; i++) {
            meanY[moons.labels()[i]] += xy[i][1];
            n[moons.labels()[i]]++;
        }
        assertTrue(meanY[0] / n[0] > meanY[1] / n[1]);
        assertFalse(ToyDatasets.checkerboard(10, 0).hasLabels());
    }

    @Test
    void unknownToyAndBadSizeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToyDatasets.generate("ring9", 10, 0));
        assertTrue(e.getMessage().contains("ring8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ToyDatasets.generate("ring8", 0, 0));
        assertEquals(10_000, ToyDatasets.DEFAULT_SIZE);
    }
}
