package dualmcmc.app.chart;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The views take their colours from the engine's palette, unchanged by the conversion. */
class EngineColoursTest {

    @Test
    void rolesAndClassesAreTheEnginesColours() {
        assertEquals(Color.web("#f28e2b"), Roles.GENERATOR);
        assertEquals(Color.web("#1f6fd1"), Roles.REVISED);
        assertEquals(Color.web("#2a9d8f"), Roles.INFERENCE);
        assertEquals(Color.web("#8e5cc8"), Roles.NOISE);
        assertEquals(10, Categorical.size());
        assertEquals(Color.web("#4e79a7"), Categorical.color(0));
        assertEquals(Color.web("#f28e2b"), Categorical.color(1));
        assertEquals(Categorical.color(0), Categorical.color(10));
    }
}
