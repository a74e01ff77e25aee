package dualmcmc.app.examples;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a gallery card says about each kind of evaluation the CLI stores in a manifest. */
class ExamplesViewModelTest {
    @Test
    void mixturesShowModesAndSharpnessOfTheRevisedSamples() {
        Map<String, Object> eval = Map.of("eval", Map.of(
                "generator", Map.of("modes", 8, "hq", 0.07),
                "revised", Map.of("modes", 8, "hq", 0.923)));
        assertEquals(List.of("8 modes (revised)", "92.3% high-quality"), ExamplesViewModel.metrics(eval));
    }

    @Test
    void otherTwoDimensionalSetsShowHowCloseTheSamplesLieToTheData() {
        Map<String, Object> eval = Map.of(
                "generator", Map.of("to_data", 0.071, "from_data", 0.062),
                "revised", Map.of("to_data", 0.0413, "from_data", 0.0413),
                "data", Map.of("to_data", 0.0384, "from_data", 0.0356),
                "mse_revised", 0.0663);
        assertEquals(List.of("revised: 0.041 from the data", "generator: 0.071, floor 0.038"),
                ExamplesViewModel.metrics(eval));
    }
}
