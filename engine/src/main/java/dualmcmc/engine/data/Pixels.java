package dualmcmc.engine.data;

/**
 * The one mapping between 8-bit intensities and model units, both ways: every image reader maps
 * 0..255 onto [-1, 1], and every picture (exported figures, the app's image grids) maps back, so a
 * pixel of 255 means the same to a model whether it came from an IDX file, a CIFAR batch or a PNG,
 * and a sample looks the same in a GIF as on screen.
 */
public final class Pixels {

    private Pixels() {
    }

    /** Maps an intensity in 0..255 (fractional after resampling) to [-1, 1], the range of tanh outputs. */
    static float toModelUnits(float intensity) {
        return intensity / 127.5f - 1f;
    }

    /** Scales {@code length} unsigned bytes of {@code src} from {@code from} into {@code dst} at {@code to}. */
    static void toModelUnits(byte[] src, int from, float[] dst, int to, int length) {
        for (int i = 0; i < length; i++) {
            dst[to + i] = toModelUnits(src[from + i] & 0xff);
        }
    }

    /**
     * The 8-bit level of a model-unit value: [-1, 1] onto 0..255. A generator's output can leave
     * [-1, 1] (and a diverged one can be NaN), so values beyond are clamped and NaN is black.
     */
    public static int level(float v) {
        if (Float.isNaN(v)) {
            return 0;
        }
        double t = (Math.max(-1f, Math.min(1f, v)) + 1.0) / 2.0;
        return (int) Math.round(t * 255.0);
    }

    /**
     * The opaque ARGB colour of pixel {@code at} (= y * width + x) of a channel-major (C, H, W)
     * sample whose channel planes are {@code plane} values long: three channels are RGB, fewer grey.
     */
    public static int argb(float[] sample, int channels, int plane, int at) {
        int r = level(sample[at]);
        if (channels < 3) {
            return 0xff000000 | r << 16 | r << 8 | r;
        }
        return 0xff000000 | r << 16 | level(sample[plane + at]) << 8 | level(sample[2 * plane + at]);
    }
}
