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
                "generator", Map.of("to_data", 0.133, "from_data", 0.092),
                "revised", Map.of("to_data", 0.0537, "from_data", 0.0599),
                "mse_revised", 0.0246);
        assertEquals(List.of("revised samples 0.054 from the data (generator 0.133)", "MSE 0.0246 after z-revision"),
                ExamplesViewModel.metrics(eval));
    }
}
