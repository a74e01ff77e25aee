package dualmcmc.engine.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A data set a user drew: 2-D points in model units, unlabelled and without true modes. No name
 * or seed can regenerate it, so a checkpoint carries its points (see {@code Checkpoint}).
 */
public final class DrawnData {
    public static final String NAME = "drawn";
    /** Fewer points than a few batches teach the models nothing but the points themselves. */
    public static final int MIN_POINTS = 64;
    /** Far more than a hand draws; bounds what a checkpoint may make a reader allocate. */
    public static final int MAX_POINTS = 200_000;

    private DrawnData() {
    }

    public static boolean isDrawn(String name) {
        return NAME.equals(name);
    }

    /** The data set of {@code points} ({@code [x, y]} rows, model units). */
    public static Dataset of(float[][] points) {
        checkCount(points.length);
        float[] xy = new float[2 * points.length];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != 2) {
                throw new IllegalArgumentException(NAME + ": point " + i + " has " + points[i].length
                        + " coordinates, not 2");
            }
            xy[2 * i] = points[i][0];
            xy[2 * i + 1] = points[i][1];
        }
        return of(Nd4j.create(xy, new long[] {points.length, 2}, 'c'));
    }

    /** The data set of an {@code [N, 2]} matrix, which it then owns. */
    public static Dataset of(INDArray x) {
        if (x.rank() != 2 || x.columns() != 2) {
            throw new IllegalArgumentException(NAME + ": points must be [N, 2], got " + Arrays.toString(x.shape()));
        }
        checkCount(x.rows());
        INDArray f = x.castTo(DataType.FLOAT);
        for (float v : f.ravel().toFloatVector()) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(NAME + ": points must be finite, found " + v);
            }
        }
        return new Dataset(NAME, SampleShape.vector(2), f, null, null, null, 1.0);
    }

    /** Refuses a count outside MIN_POINTS..MAX_POINTS with the reason. */
    public static void checkCount(long n) {
        if (n < MIN_POINTS) {
            throw new IllegalArgumentException(NAME + ": " + n + " points are too few to learn from; draw at least "
                    + MIN_POINTS);
        }
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException(NAME + ": " + n + " points are more than " + MAX_POINTS
                    + " allowed");
        }
    }
}
