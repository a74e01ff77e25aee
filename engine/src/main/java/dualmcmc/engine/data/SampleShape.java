package dualmcmc.engine.data;

/**
 * Shape of one sample before flattening: images are channels x height x width, 2-D toy points
 * are the vector (2, 1, 1). Models and plots need this to reshape the flat rows of
 * {@link Dataset#x()} back into pictures.
 */
public record SampleShape(int channels, int height, int width) {

    public SampleShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("sample shape needs positive sizes, got "
                    + channels + "x" + height + "x" + width);
        }
    }

    /** A plain d-dimensional vector, e.g. the 2-D toy points. */
    public static SampleShape vector(int d) {
        return new SampleShape(d, 1, 1);
    }

    public static SampleShape image(int channels, int height, int width) {
        return new SampleShape(channels, height, width);
    }

    /** Number of values in one flattened sample (row length of the data matrix). */
    public int size() {
        return channels * height * width;
    }

    /** True when the sample has spatial extent, so it should be drawn as a picture. */
    public boolean isImage() {
        return height > 1 || width > 1;
    }

    @Override
    public String toString() {
        return isImage() ? channels + "x" + height + "x" + width : channels + "-D";
    }
}
