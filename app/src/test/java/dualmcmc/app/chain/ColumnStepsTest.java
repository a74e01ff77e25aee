package dualmcmc.app.chain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which steps a revision view's image grid shows as columns. */
class ColumnStepsTest {
    @Test
    void stepsAreSpreadEvenlyFromTheStartToTheEnd() {
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20), ChainView.columnSteps(20, 11));
        assertEquals(List.of(0, 4, 8, 11, 15, 19, 23, 26, 30), ChainView.columnSteps(30, 9));
    }

    @Test
    void aShortChainShowsEveryStepOnce() {
        assertEquals(List.of(0, 1, 2, 3), ChainView.columnSteps(3, 11));
        assertEquals(List.of(0), ChainView.columnSteps(0, 11));
        assertEquals(List.of(0, 1), ChainView.columnSteps(1, 9));
    }
}
