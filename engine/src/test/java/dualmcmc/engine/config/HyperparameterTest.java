package dualmcmc.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class HyperparameterTest {

    @Test
    void exactlyTheNetworkSettingsRebuildTheNetworks() {
        Set<String> rebuilding = TrainingConfig.SCHEMA.stream().filter(Hyperparameter::rebuildsNetworks)
                .map(Hyperparameter::key).collect(Collectors.toSet());
        assertEquals(Set.of("arch", "width", "nz", "spectral_norm"), rebuilding);
    }

    static Stream<Arguments> shownValues() {
        return Stream.of(
                arguments("batch", 64, "64"),
                arguments("x_steps", 0, "0"),
                arguments("lr_e", 1e-4, "1e-4"),
                arguments("decay_g", 0.0005, "5e-4"),
                arguments("lr_e", 2.5e-5, "2.5e-5"),
                arguments("lr_e", 0.001, "0.001"),
                arguments("x_step", 2.5, "2.5"),
                arguments("x_step", 1.0, "1"),
                arguments("x_step", 0.1 + 0.2, "0.3"),
                arguments("lr_decay", 0.998, "0.998"),
                arguments("lr_decay", 0.123456789, "0.123457"),
                arguments("beta1", 0.0, "0"),
                arguments("s_factor", 10000.0, "10000"),
                arguments("divergence_bound", 123456.7, "123457"),
                arguments("divergence_bound", 1234567.0, "1.23457e6"),
                arguments("divergence_bound", 1e12, "1e12"),
                arguments("fine_tune", true, "true"),
                arguments("spectral_norm", false, "false"),
                arguments("arch", "conv28", "conv28"),
                arguments("mode", "short-run", "short-run"));
    }

    @ParameterizedTest(name = "{0} = {1} shows as {2}")
    @MethodSource("shownValues")
    void valuesAreShownAsPeopleWriteThem(String key, Object value, String shown) {
        assertEquals(shown, TrainingConfig.schema(key).format(value));
    }

    @Test
    void everyPresetValueShownReadsBackAsTheSameValue() {
        for (String name : Presets.names()) {
            TrainingConfig preset = Presets.get(name);
            for (Hyperparameter h : TrainingConfig.SCHEMA) {
                assertEquals(preset.get(h.key()), h.parse(preset.format(h.key())), name + " " + h.key());
            }
        }
    }

    @Test
    void rangesUseTheSameNumbers() {
        assertEquals("(0, 1e12]", TrainingConfig.schema("divergence_bound").range());
        assertEquals("[0, 10000]", TrainingConfig.schema("s_factor").range());
        assertEquals("(0, 10]", TrainingConfig.schema("x_step").range());
        assertEquals("an integer in [1, 4096]", TrainingConfig.schema("batch").range());
    }
}
