package dualmcmc.engine.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingConfigTest {
    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void presetsMatchThePeersReferenceValues() {
        TrainingConfig toy = Presets.get("toy2d-reference");
        assertEquals(new LangevinSettings(30, 0.05, 0.005), toy.xChain());
        assertEquals(new LangevinSettings(10, 0.1, 0.1), toy.zChain());
        assertEquals(256, toy.batch());
        assertEquals(1e-4, toy.doubleValue("lr_e"));
        TrainingConfig img = Presets.get("image28");
        assertEquals(new LangevinSettings(30, 0.5, 0.001), img.xChain());
        assertEquals(64, img.batch());
        assertEquals(32, img.nz());
    }

    @Test
    void overridesAreParsedAndValidated() {
        TrainingConfig c = Presets.get("toy2d").withOverrides(List.of("x_step=0.2", "fine_tune=false", "batch=32"));
        assertEquals(0.2, c.xChain().stepSize());
        assertEquals(false, c.flag("fine_tune"));
        assertEquals(32, c.batch());
        assertEquals(0.1, Presets.get("toy2d").xChain().stepSize(), "the original is unchanged");
    }

    @Test
    void outOfRangeValuesAreRefusedWithKeyAndRange() {
        TrainingConfig c = Presets.get("toy2d");
        String m = refused(() -> c.with("x_step", "-1"));
        assertTrue(m.contains("x_step") && m.contains("(0, 10]"), m);
        m = refused(() -> c.with("batch", "0"));
        assertTrue(m.contains("batch") && m.contains("[1, 4096]"), m);
        m = refused(() -> c.with("x_noise", "NaN"));
        assertTrue(m.contains("x_noise"), m);
        m = refused(() -> c.with("batch", "3.5"));
        assertTrue(m.contains("batch"), m);
        m = refused(() -> c.with("fine_tune", "maybe"));
        assertTrue(m.contains("true or false"), m);
        m = refused(() -> c.with("arch", "transformer"));
        assertTrue(m.contains("one of mlp"), m);
    }

    @Test
    void unknownKeysAndMalformedAssignmentsAreRefused() {
        TrainingConfig c = Presets.get("toy2d");
        String m = refused(() -> c.with("learning_rate", "1"));
        assertTrue(m.contains("unknown setting 'learning_rate'") && m.contains("lr_e"), m);
        m = refused(() -> c.withOverrides(List.of("x_step")));
        assertTrue(m.contains("key=value"), m);
        m = refused(() -> Presets.get("huge"));
        assertTrue(m.contains("toy2d"), m);
        m = refused(() -> new TrainingConfig(Map.of("arch", "mlp")));
        assertTrue(m.contains("missing setting"), m);
    }

    @Test
    void everySettingIsDescribed() {
        for (Hyperparameter h : TrainingConfig.SCHEMA) {
            assertTrue(h.description().length() > 10, h.key());
            assertTrue(Presets.get("toy2d").values().containsKey(h.key()), h.key());
        }
    }

    @Test
    void xClampBoundsImageChainsAtTheDataRangeAndIsRefusedForPoints() {
        assertTrue(!Presets.get("image28").xChain().clamped(), "off by default: the paper's chain is unbounded");
        TrainingConfig clamped = Presets.get("image28").withOverrides(List.of("x_clamp=true"));
        assertTrue(clamped.xChain().clamped());
        assertTrue(!clamped.zChain().clamped(), "latents are not images");
        String m = refused(() -> Presets.get("toy2d").withOverrides(List.of("x_clamp=true")));
        assertTrue(m.contains("x_clamp") && m.contains("mlp"), m);
        // files written before the setting existed meant the unbounded chain
        Map<String, Object> old = new java.util.LinkedHashMap<>(Presets.get("image28").values());
        old.remove("x_clamp");
        assertTrue(!new TrainingConfig(old).xChain().clamped());
    }

    @Test
    void theMixturePresetsAreToy2dWithTheSweepsChanges() {
        // docs/recipes.md measured exactly these differences; a drift in either preset would make its
        // figures describe a setting that no longer exists
        assertEquals(Map.of("lr_e", 1e-2, "z_step", 0.05, "batch", 1024, "lr_decay", 0.999, "x_restart", 0.1),
                changedFromToy2d("toy2d-sharp"));
        assertEquals(Map.of("z_step", 0.03, "batch", 1024, "lr_decay", 0.9995, "x_restart", 0.2),
                changedFromToy2d("toy2d-ring8"));
    }

    private static Map<String, Object> changedFromToy2d(String preset) {
        Map<String, Object> toy = Presets.get("toy2d").values();
        Map<String, Object> changed = new java.util.TreeMap<>();
        Presets.get(preset).values().forEach((k, v) -> {
            if (!v.equals(toy.get(k))) {
                changed.put(k, v);
            }
        });
        return changed;
    }
}
