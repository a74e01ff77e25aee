package dualmcmc.engine.export;

/**
 * The explorer's colours as 0xRRGGBB, defined once for the exported pictures and the app's views
 * (which wrap them in JavaFX colours): a sample, chain or class has the same colour in a GIF as on
 * screen.
 */
public final class Palette {
    /** Generator samples and x_0. */
    public static final int GENERATED = 0xf28e2b;
    /** Revised samples and x_k. */
    public static final int REVISED = 0x1f6fd1;
    /** Inference-started z-chains and the inference model's loss. */
    public static final int INFERENCE = 0x2a9d8f;
    /** Chains started from noise. */
    public static final int NOISE = 0x8e5cc8;

    /**
     * Class labels: Tableau 10 (2016), chosen to stay distinguishable for the common colour-vision
     * deficiencies and on white.
     */
    private static final int[] CLASSES = {
            0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};

    private Palette() {
    }

    /** The colour of class {@code i}; more classes than colours wrap around. */
    public static int classColour(int i) {
        return CLASSES[Math.floorMod(i, CLASSES.length)];
    }

    public static int classColours() {
        return CLASSES.length;
    }
}
