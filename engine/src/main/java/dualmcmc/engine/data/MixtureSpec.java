package dualmcmc.engine.data;

import java.util.Arrays;

/**
 * The true modes of an isotropic Gaussian mixture with equal weights, in data units. Only the
 * mode-coverage metrics need it, so it is kept with the data set that was generated from it
 * rather than recomputed from samples.
 *
 * <p>The arrays are copied in and out: a record would otherwise expose its internals, and the
 * metrics must not be skewed by a caller that edits a centre.
 */
public record MixtureSpec(double[][] centres, double std) {

    public MixtureSpec {
        if (centres == null || centres.length == 0) {
            throw new IllegalArgumentException("a mixture needs at least one centre");
        }
        if (!(std > 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("mixture std must be positive and finite, got " + std);
        }
        int dim = centres[0].length;
        for (int k = 0; k < centres.length; k++) {
            if (centres[k].length != dim || dim == 0) {
                throw new IllegalArgumentException("centre " + k + " has " + centres[k].length
                        + " coordinates, expected " + dim + " (all centres share one dimension)");
            }
        }
        centres = deepCopy(centres);
    }

    @Override
    public double[][] centres() {
        return deepCopy(centres);
    }

    /** Number of mixture components K. */
    public int modes() {
        return centres.length;
    }

    /** Dimension of the space the centres live in. */
    public int dim() {
        return centres[0].length;
    }

    /** Coordinate {@code axis} of centre {@code k}; avoids copying all centres in hot loops. */
    public double centre(int k, int axis) {
        return centres[k][axis];
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MixtureSpec m && m.std == std && Arrays.deepEquals(m.centres, centres);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(centres) + Double.hashCode(std);
    }

    @Override
    public String toString() {
        return "MixtureSpec[" + centres.length + " modes, std=" + std + "]";
    }
}
