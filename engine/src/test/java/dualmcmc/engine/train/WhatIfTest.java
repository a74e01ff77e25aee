package dualmcmc.engine.train;

import dualmcmc.engine.progress.IterationStats;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.WhatIf;
import dualmcmc.engine.data.Datasets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The what-if presets: one valid change to any preset, and the failures they promise, on ring8. */
class WhatIfTest {
    @Test
    void eachChangesOneSettingOfEveryPresetValidly() {
        for (String preset : Presets.names()) {
            TrainingConfig base = Presets.get(preset);
            for (WhatIf w : WhatIf.values()) {
                TrainingConfig c = w.apply(base);
                List<String> changed = new ArrayList<>();
                base.values().forEach((k, v) -> {
                    if (!v.equals(c.values().get(k))) {
                        changed.add(k);
                    }
                });
                assertEquals(1, changed.size(), w + " on " + preset + " changed " + changed);
            }
        }
        assertEquals(3.0, WhatIf.STEP_TOO_LARGE.apply(Presets.get("toy2d")).doubleValue("x_step"), 1e-12);
        assertEquals(WhatIf.NO_INFERENCE, WhatIf.of("no-inference"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WhatIf.of("nope")).getMessage()
                .contains("step-too-large"));
    }

    private static List<IterationStats> train(TrainingConfig cfg, int iterations) throws Exception {
        DualMcmcTrainer t = TrainingSetup.create(Datasets.load("ring8", null, 1), cfg, 1).trainer().withThreads(1);
        List<IterationStats> out = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            out.add(t.step());
        }
        return out;
    }

    private static double meanAbs(List<IterationStats> s, java.util.function.ToDoubleFunction<IterationStats> f) {
        return s.subList(s.size() / 2, s.size()).stream().mapToDouble(f).map(Math::abs).average().orElseThrow();
    }

    @Test
    void theBrokenSettingsFailAsTheirTextsSay() throws Exception {
        TrainingConfig toy = Presets.get("toy2d");
        List<IterationStats> base = train(toy, 100);
        List<IterationStats> noX = train(WhatIf.NO_X_REVISION.apply(toy), 100);
        List<IterationStats> big = train(WhatIf.STEP_TOO_LARGE.apply(toy), 100);
        double eBase = meanAbs(base, IterationStats::energyData);
        double eNoX = meanAbs(noX, IterationStats::energyData);
        assertTrue(eNoX > 10 * eBase, "without x-revision the energies run off: |E(data)| " + eNoX + " vs " + eBase);
        double lBase = meanAbs(base, IterationStats::errE);
        double lBig = meanAbs(big, IterationStats::errE);
        assertTrue(lBig > 100 * lBase, "a 30x step makes L_E swing in the thousands: " + lBig + " vs " + lBase);
    }
}
