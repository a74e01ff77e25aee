package dualmcmc.engine.mcmc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RevisionTest {
    @Test
    void differencesAndTheirSizes() {
        float[] a = {0.5f, -1f, 0f, 1f};
        float[] b = {0.25f, -0.5f, 0f, 0.5f};
        assertArrayEquals(new float[]{0.25f, -0.5f, 0f, 0.5f}, Revision.difference(a, b));
        assertEquals((0.25 + 0.5 + 0 + 0.5) / 4, Revision.meanAbs(Revision.difference(a, b)), 1e-7);
        assertEquals(0.5, Revision.maxAbs(Revision.difference(a, b), null, new float[]{-0.1f}), 1e-7);
        assertEquals(0.0, Revision.maxAbs());
        assertEquals(0.0, Revision.meanAbs(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> Revision.difference(a, new float[3]));
    }
}
