package dualmcmc.engine.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OptimiserTest {
    private static Optimiser withWarmup(int warmup) {
        return new Optimiser(256, 1e-2, 1e-3, 2e-3, 0, 0, 0.5, warmup, 0, 0.9);
    }

    @Test
    void theEbmsRateRisesLinearlyOverItsWarmUpThenDecaysPerEpoch() {
        Optimiser o = withWarmup(4);
        assertEquals(0.25e-2, o.lrEAt(0, 0), 1e-15);
        assertEquals(0.5e-2, o.lrEAt(1, 0), 1e-15);
        assertEquals(1e-2, o.lrEAt(3, 0), 1e-15);
        assertEquals(1e-2, o.lrEAt(1000, 0), 1e-15);
        assertEquals(0.25e-2 * 0.25, o.lrEAt(0, 2), 1e-15, "warm-up and decay multiply");
        assertEquals(1e-2 * 0.5, o.lrEAt(7, 1), 1e-15);
    }

    @Test
    void withoutAWarmUpTheRatesOnlyDecay() {
        Optimiser o = withWarmup(0);
        assertEquals(1e-2, o.lrEAt(0, 0), 1e-15);
        assertEquals(1e-3 * 0.25, o.lrGAt(2), 1e-15, "the generator never warms up");
        assertEquals(2e-3 * 0.5, o.lrIAt(1), 1e-15);
    }
}
