package dualmcmc.engine.config;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed records are a second view of the same map: each setting must land in exactly one field. */
class TrainingConfigTypedTest {
    private static final TrainingConfig BASE = Presets.get("toy2d");

    /** Every typed value a config offers, by accessor path (e.g. {@code optimiser.lrE}). */
    private static Map<String, Object> typed(TrainingConfig c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mode", c.mode());
        fields.put("sigma", c.sigma());
        fields.put("priorSigma", c.priorSigma());
        Map<String, Record> records = new LinkedHashMap<>();
        records.put("networks", c.networks());
        records.put("xChain", c.xChain());
        records.put("zChain", c.zChain());
        records.put("losses", c.losses());
        records.put("optimiser", c.optimiser());
        records.forEach((name, r) -> {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                if (name.equals("zChain") && (rc.getName().equals("clamped") || rc.getName().equals("anneal")
                        || rc.getName().equals("gradientClip"))) {
                    continue; // latents have no range, the z-chain's noise is constant and its gradient unclipped (checked below)
                }
                try {
                    fields.put(name + "." + rc.getName(), rc.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        });
        return fields;
    }

    /** A valid value of {@code h} other than {@code current}. */
    private static Object another(Hyperparameter h, Object current) {
        return switch (h.kind()) {
            case BOOLEAN -> !(Boolean) current;
            case CHOICE -> h.choices().stream().filter(c -> !c.equals(current)).findFirst().orElseThrow();
            case INT -> (Integer) current == (int) h.min() ? (int) h.min() + 1 : (int) h.min();
            case DOUBLE -> (Double) current < h.max() ? ((Double) current + h.max()) / 2 : (h.min() + h.max()) / 2;
        };
    }

    /** The config a setting is varied on: image-only settings on image28, the rest on toy2d. */
    private static TrainingConfig base(String key) {
        return key.equals("x_clamp") ? Presets.get("image28") : BASE;
    }

    /** The typed fields whose value differs once {@code key} is changed. */
    private static List<String> fieldsChangedBy(String key, Object value) {
        Map<String, Object> before = typed(base(key));
        Map<String, Object> after = typed(base(key).withValue(key, value));
        List<String> changed = new ArrayList<>();
        before.forEach((field, v) -> {
            if (!Objects.equals(v, after.get(field))) {
                changed.add(field);
            }
        });
        return changed;
    }

    /** Where each setting must land, written out so that two swapped fields of one type are caught. */
    private static final Map<String, String> FIELD = Map.ofEntries(
            Map.entry("mode", "mode"),
            Map.entry("arch", "networks.arch"), Map.entry("width", "networks.width"),
            Map.entry("nz", "networks.nz"), Map.entry("spectral_norm", "networks.spectralNorm"),
            Map.entry("x_steps", "xChain.steps"), Map.entry("x_step", "xChain.stepSize"),
            Map.entry("x_noise", "xChain.noise"), Map.entry("x_clamp", "xChain.clamped"),
            Map.entry("x_anneal", "xChain.anneal"),
            Map.entry("z_steps", "zChain.steps"), Map.entry("z_step", "zChain.stepSize"),
            Map.entry("z_noise", "zChain.noise"),
            Map.entry("sigma", "sigma"), Map.entry("prior_sigma", "priorSigma"),
            Map.entry("s_factor", "losses.sFactor"), Map.entry("i_factor", "losses.iFactor"),
            Map.entry("fine_tune", "losses.fineTune"),
            Map.entry("x_restart", "losses.xRestart"), Map.entry("e_reg", "losses.energyReg"),
            Map.entry("x_grad_clip", "xChain.gradientClip"), Map.entry("divergence_bound", "losses.divergenceBound"),
            Map.entry("batch", "optimiser.batch"), Map.entry("lr_e", "optimiser.lrE"),
            Map.entry("lr_g", "optimiser.lrG"), Map.entry("lr_i", "optimiser.lrI"),
            Map.entry("decay_g", "optimiser.decayG"), Map.entry("decay_i", "optimiser.decayI"),
            Map.entry("lr_decay", "optimiser.lrDecay"), Map.entry("lr_e_warmup", "optimiser.lrEWarmup"),
            Map.entry("beta1", "optimiser.beta1"),
            Map.entry("beta2", "optimiser.beta2"));

    @Test
    void everySettingReachesExactlyOneTypedFieldAndEveryFieldOneSetting() {
        for (Hyperparameter h : TrainingConfig.SCHEMA) {
            Object value = another(h, base(h.key()).get(h.key()));
            assertEquals(List.of(FIELD.get(h.key())), fieldsChangedBy(h.key(), value), h.key());
            assertEquals(value, typed(base(h.key()).withValue(h.key(), value)).get(FIELD.get(h.key())), h.key());
        }
        assertEquals(TrainingConfig.SCHEMA.size(), FIELD.size(), "the table names every setting once");
        for (Hyperparameter h : TrainingConfig.SCHEMA) {
            Object value = another(h, base(h.key()).get(h.key()));
            assertFalse(base(h.key()).withValue(h.key(), value).zChain().clamped(), h.key());
            assertEquals(1.0, base(h.key()).withValue(h.key(), value).zChain().anneal(), h.key());
            assertEquals(0.0, base(h.key()).withValue(h.key(), value).zChain().gradientClip(), h.key());
        }
        assertEquals(typed(BASE).keySet(), Set.copyOf(FIELD.values()), "no typed field is left without a setting");
    }

    @Test
    void everyPresetsTypedValuesAreItsMapValues() {
        for (String name : Presets.names()) {
            TrainingConfig preset = Presets.get(name);
            Map<String, Object> typed = typed(preset);
            for (Hyperparameter h : TrainingConfig.SCHEMA) {
                assertEquals(preset.values().get(h.key()), typed.get(FIELD.get(h.key())), name + " " + h.key());
            }
        }
    }

    @Test
    void aChangedSettingIsReadBackTyped() {
        assertEquals(2e-3, BASE.with("lr_e", "2e-3").optimiser().lrE());
        assertEquals(BASE.optimiser().lrG(), BASE.with("lr_e", "2e-3").optimiser().lrG(), "only lr_e moves");
        assertFalse(BASE.with("fine_tune", "false").losses().fineTune());
        assertTrue(BASE.with("spectral_norm", "true").networks().spectralNorm());
        assertEquals(new Networks("conv28", 64, 16, false),
                BASE.withOverrides(List.of("arch=conv28", "width=64", "nz=16")).networks());
        assertEquals(0.25, BASE.with("sigma", "0.25").sigma());
        assertEquals(7, BASE.with("z_steps", "7").zChain().steps());
    }

    @Test
    void theShortcutsReadTheRecords() {
        TrainingConfig c = Presets.get("image28");
        assertEquals(c.networks().arch(), c.arch());
        assertEquals(c.networks().width(), c.width());
        assertEquals(c.networks().nz(), c.nz());
        assertEquals(c.optimiser().batch(), c.batch());
    }
}
