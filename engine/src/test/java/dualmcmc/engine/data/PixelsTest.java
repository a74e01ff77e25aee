package dualmcmc.engine.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PixelsTest {

    @Test
    void levelsMapMinusOneToBlackAndOneToWhiteAndClampBeyond() {
        assertEquals(0, Pixels.level(-1f));
        assertEquals(255, Pixels.level(1f));
        assertEquals(128, Pixels.level(0f));
        assertEquals(64, Pixels.level(-0.5f));
        assertEquals(0, Pixels.level(-3f), "clamped");
        assertEquals(255, Pixels.level(7f), "clamped");
        assertEquals(0, Pixels.level(Float.NaN), "a diverged sample is black, not an exception");
    }

    @Test
    void everyIntensityReadInIsDrawnBackAsItself() {
        for (int i = 0; i <= 255; i++) {
            assertEquals(i, Pixels.level(Pixels.toModelUnits(i)), "intensity " + i);
        }
    }

    @Test
    void oneChannelIsGreyAndThreeAreRgb() {
        float[] grey = {-1f, 1f, 0f};
        assertEquals(0xff000000, Pixels.argb(grey, 1, 3, 0));
        assertEquals(0xffffffff, Pixels.argb(grey, 1, 3, 1));
        assertEquals(0xff808080, Pixels.argb(grey, 1, 3, 2));
        // two pixels, channel-major: R plane, G plane, B plane
        float[] rgb = {1f, -1f, -1f, 1f, 0f, -1f};
        assertEquals(0xffff0080, Pixels.argb(rgb, 3, 2, 0));
        assertEquals(0xff00ff00, Pixels.argb(rgb, 3, 2, 1));
    }
}
