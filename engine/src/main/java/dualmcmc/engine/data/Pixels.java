package dualmcmc.engine.data;

/**
 * The one mapping of 8-bit intensities to model units shared by every image reader, so that a
 * pixel of 255 means the same to a model whether it came from an IDX file, a CIFAR batch or a PNG.
 */
final class Pixels {

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
}
