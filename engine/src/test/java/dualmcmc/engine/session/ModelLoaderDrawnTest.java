package dualmcmc.engine.session;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.data.DrawnData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelLoaderDrawnTest {
    private static float[][] square(int side) {
        float[][] p = new float[side * side][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new float[] {(i % side) / (float) side - 0.5f, (i / side) / (float) side - 0.5f};
        }
        return p;
    }

    @Test
    void freshModelsOnDrawnPointsAndRebuildsByNameReuseThem() throws Exception {
        ModelLoader loader = new ModelLoader();
        float[][] pts = square(10);
        LoadedModels m = loader.fresh(pts, "toy2d", Presets.get("toy2d"), 5);
        assertEquals(DrawnData.NAME, m.dataset());
        assertEquals(100, m.data().size());
        assertEquals(0, m.iteration());
        assertArrayEquals(new double[] {pts[23][0], pts[23][1]}, m.data().points()[23], 1e-7);

        // Reset and a new seed rebuild on the data set by name: the drawn points, not an error
        LoadedModels again = loader.fresh(DrawnData.NAME, null, "toy2d", Presets.get("toy2d"), 6);
        assertEquals(100, again.data().size());
        assertEquals(6, again.seed());

        String m2 = assertThrows(IllegalArgumentException.class,
                () -> new ModelLoader().fresh(DrawnData.NAME, null, "toy2d", Presets.get("toy2d"), 1)).getMessage();
        assertTrue(m2.contains("draw"), m2);
    }
}
