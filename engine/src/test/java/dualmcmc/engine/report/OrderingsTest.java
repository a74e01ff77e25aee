package dualmcmc.engine.report;

import dualmcmc.engine.metrics.Interval;
import dualmcmc.engine.report.Orderings.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderingsTest {
    @Test
    void separatedIntervalsHoldOverlappingOnesTieReversedOnesFail() {
        Interval low = new Interval(1, 2);
        Interval high = new Interval(3, 4);
        assertEquals(Outcome.HOLDS, Outcome.of(low, high));
        assertEquals(Outcome.FAILS, Outcome.of(high, low));
        assertEquals(Outcome.TIES, Outcome.of(new Interval(1, 3.5), high));
        assertEquals(Outcome.TIES, Outcome.of(high, new Interval(1, 3.5)));
        assertEquals(Outcome.TIES, Outcome.of(new Interval(1, 3), high), "touching ends cannot be told apart");
        assertEquals(Outcome.TIES, Outcome.of(new Interval(0, 10), new Interval(4, 5)), "one inside the other");
        assertEquals(Outcome.TIES, Outcome.of(new Interval(Double.NaN, Double.NaN), high), "a missing figure");
    }

    @Test
    void aClaimOfSeveralComparisonsHoldsOnlyIfAllHoldAndFailsIfAnyFails() {
        assertEquals(Outcome.HOLDS, Outcome.all(List.of(Outcome.HOLDS, Outcome.HOLDS)));
        assertEquals(Outcome.TIES, Outcome.all(List.of(Outcome.HOLDS, Outcome.TIES)));
        assertEquals(Outcome.FAILS, Outcome.all(List.of(Outcome.HOLDS, Outcome.FAILS, Outcome.TIES)));
    }

    /** A figure over one seed with the given bootstrap interval: 201 evenly spread replicates. */
    private static Figure figure(double low, double high) {
        double[] reps = new double[201];
        for (int i = 0; i < reps.length; i++) {
            reps[i] = low + (high - low) * (i - 5) / 190.0;
        }
        Figure f = Figure.of(new double[]{(low + high) / 2}, new double[][]{reps}, reps.length, 1);
        assertEquals(low, f.interval().low(), 1e-9);
        assertEquals(high, f.interval().high(), 1e-9);
        return f;
    }

    private static final Figure MISSING = Figure.of(new double[]{Double.NaN}, new double[1][], 10, 1);

    @Test
    void everyClaimIsDecidedByTheIntervalsOfTheFiguresItNames() {
        Table methods = new Table("Methods", List.of("method", "iterations", "fd_generator", "fd_revised"), List.of(
                List.of("dual-mcmc", 5L, figure(50, 60), figure(30, 40)),
                List.of("cooperative", 5L, figure(50, 60), figure(35, 45)),
                List.of("short-run", 5L, MISSING, figure(20, 25))));
        Table z = new Table("z", List.of("init", "steps", "mse"), List.of(
                List.of("noise", 10, figure(0.3, 0.4)), List.of("noise", 30, figure(0.2, 0.25)),
                List.of("inference", 10, figure(0.1, 0.15))));
        Table x = new Table("x", List.of("k_x", "fd_generator", "fd_revised"), List.of(
                List.of(10, MISSING, figure(60, 70)), List.of(20, MISSING, figure(40, 50)),
                List.of(30, MISSING, figure(30, 40)), List.of(50, MISSING, figure(45, 55))));
        List<Orderings.Check> checks = Orderings.of(new AcrossSeeds(List.of(1L), methods, z, x));
        List<Outcome> outcomes = new ArrayList<>();
        checks.forEach(c -> outcomes.add(c.outcome()));
        assertEquals(List.of(Outcome.HOLDS, Outcome.TIES, Outcome.FAILS, Outcome.HOLDS, Outcome.FAILS), outcomes);
        List<Orderings.Comparison> kx = checks.get(4).comparisons();
        assertEquals(List.of(Outcome.HOLDS, Outcome.TIES, Outcome.FAILS), kx.stream().map(Orderings.Comparison::outcome).toList());
        assertEquals("k_x=50", kx.get(2).lowerName());
        assertEquals("k_x=30", kx.get(2).higherName());
        assertTrue(checks.get(4).numbers().contains("k_x=20 45.00 [40.00, 50.00] below k_x=10 65.00 [60.00, 70.00]: holds"),
                checks.get(4).numbers());
    }
}
