package dualmcmc.engine.report;

import dualmcmc.engine.metrics.Bootstrap;
import dualmcmc.engine.metrics.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcrossSeedsTest {
    @Test
    void theSpreadIsTheMeanSampleSdAndRange() {
        Spread s = Spread.of(new double[]{2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-12);
        assertEquals(2, s.min());
        assertEquals(9, s.max());
        assertEquals(8, s.seeds());
        Spread one = Spread.of(new double[]{3});
        assertEquals(3, one.mean());
        assertTrue(Double.isNaN(one.sd()), "one seed has no spread to estimate");
        assertTrue(Double.isNaN(Spread.of(new double[]{1, Double.NaN, 3}).mean()), "a seed without the figure");
    }

    private static Table methods(String method, long iterations, Measured fd, double seconds) {
        return new Table("Methods", List.of("method", "iterations", "fd_revised", "seconds"),
                List.of(List.of(method, iterations, fd, seconds)));
    }

    @Test
    void figuresAreCombinedOverSeedsAndLabelsKept() {
        double[] reps1 = Bootstrap.mean(new double[]{9, 10, 11}, 50, 1);
        double[] reps2 = Bootstrap.mean(new double[]{13, 14, 15}, 50, 2);
        Table t = AcrossSeeds.combine(List.of(methods("dual-mcmc", 5, new Measured(10, reps1), 0.5),
                methods("dual-mcmc", 3, new Measured(14, reps2), 0.7)), 50, 0);
        List<Object> row = t.rows().get(0);
        assertEquals("dual-mcmc", row.get(0));
        assertEquals("5/3", row.get(1), "seeds that disagree on a label show each seed's");
        Figure fd = (Figure) row.get(2);
        assertEquals(12, fd.spread().mean(), 1e-12);
        assertEquals(Math.sqrt(8), fd.spread().sd(), 1e-12);
        assertEquals(10, fd.spread().min());
        assertEquals(14, fd.spread().max());
        assertTrue(fd.interval().low() >= 9 && fd.interval().high() <= 15 && fd.interval().width() > 1, fd.toString());
        Figure seconds = (Figure) row.get(3);
        assertEquals(0.6, seconds.spread().mean(), 1e-12);
        assertTrue(seconds.interval().low() >= 0.5 && seconds.interval().high() <= 0.7, seconds.toString());
        assertEquals("method,iterations,fd_revised_mean,fd_revised_sd,fd_revised_min,fd_revised_max,fd_revised_low,"
                + "fd_revised_high,seconds_mean,seconds_sd,seconds_min,seconds_max,seconds_low,seconds_high",
                t.csv().lines().findFirst().orElseThrow());
        assertTrue(t.markdown().contains("| dual-mcmc | 5/3 | 12.00 ± 2.8 ["), t.markdown());
    }

    @Test
    void overOneSeedAFigureKeepsItsOwnBootstrapInterval() {
        double[] reps = Bootstrap.mean(new double[]{1, 2, 3, 4, 10}, 100, 4);
        Table t = AcrossSeeds.combine(List.of(methods("abp", 5, new Measured(4, reps), 0.5)), 100, 9);
        Figure fd = (Figure) t.rows().get(0).get(2);
        assertEquals(Interval.basic(4, reps), fd.interval());
        assertEquals(Interval.point(0.5), ((Figure) t.rows().get(0).get(3)).interval());
        assertTrue(fd.toString().startsWith("4.000 ["), "no ± for one seed: " + fd);
    }

    @Test
    void perSeedTablesLeadEachRowWithItsSeed() {
        Table t = AcrossSeeds.perSeed(List.of(7L, 8L), List.of(methods("abp", 5, new Measured(4, null), 0.5),
                methods("abp", 5, new Measured(6, null), 0.25)));
        assertEquals(List.of("seed,method,iterations,fd_revised,seconds", "7,abp,5,4.0,0.5", "8,abp,5,6.0,0.25"),
                t.csv().lines().toList());
    }
}
