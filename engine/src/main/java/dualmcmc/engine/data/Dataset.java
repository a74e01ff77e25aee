package dualmcmc.engine.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A loaded data set: N flattened samples as an [N, D] FLOAT matrix in model units, with optional
 * labels and, for toy mixtures, the true modes.
 *
 * <p>Units: models train on values of order one, so images are scaled to [-1, 1] and toy points
 * are stored divided by {@link #scale()}. Metrics and plots that refer to the published setups
 * (e.g. the 25-Gaussian grid at {-4..4}^2) convert back with {@link #toDataUnits(INDArray)}.
 *
 * <p>The data set takes ownership of the matrix it is given and never changes it; callers must
 * treat {@link #x()} as read-only (ND4J arrays cannot be frozen, and copying 60k images on every
 * access would be wasteful). Everything else is copied, and {@link #batch(int[])} returns fresh
 * arrays that can be modified freely.
 */
public final class Dataset {

    private final String name;
    private final SampleShape shape;
    private final INDArray x;
    private final int[] labels;
    private final List<String> classNames;
    private final MixtureSpec mixture;
    private final double scale;

    /**
     * @param x          [N, shape.size()] matrix in model units; converted to FLOAT if needed
     * @param labels     one label per row, or null when the data are unlabelled
     * @param classNames names of the label values 0..K-1, or empty when labels have no names
     * @param mixture    the true modes in data units, or null
     * @param scale      data units per model unit (1 for images)
     */
    public Dataset(String name, SampleShape shape, INDArray x, int[] labels, List<String> classNames,
                   MixtureSpec mixture, double scale) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(x, "x");
        if (x.rank() != 2 || x.columns() != shape.size()) {
            throw new IllegalArgumentException(name + ": data must be [N, " + shape.size() + "] for samples of shape "
                    + shape + ", got " + Arrays.toString(x.shape()));
        }
        this.x = x.dataType() == DataType.FLOAT ? x : x.castTo(DataType.FLOAT);
        this.labels = labels == null ? null : labels.clone();
        this.classNames = List.copyOf(classNames == null ? List.of() : classNames);
        this.mixture = mixture;
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(name + ": scale must be positive and finite, got " + scale);
        }
        this.scale = scale;
        checkLabels();
    }

    /** Images already in [-1, 1]: no mixture, scale 1. */
    public static Dataset ofImages(String name, SampleShape shape, INDArray x, int[] labels, List<String> classNames) {
        return new Dataset(name, shape, x, labels, classNames, null, 1.0);
    }

    private void checkLabels() {
        if (labels == null) {
            return;
        }
        if (labels.length != size()) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + size() + " samples");
        }
        if (classNames.isEmpty()) {
            return;
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " is outside 0.." + (classNames.size() - 1) + " (" + classNames.size() + " class names)");
            }
        }
    }

    public String name() {
        return name;
    }

    public SampleShape shape() {
        return shape;
    }

    /** The [N, D] FLOAT matrix in model units. Read-only by contract, see the class comment. */
    public INDArray x() {
        return x;
    }

    /** A copy of the labels, or null when the data set is unlabelled. */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** Names of the classes 0..K-1; empty when there are none. */
    public List<String> classNames() {
        return classNames;
    }

    /** The true modes in data units, present only for the Gaussian-mixture toys. */
    public Optional<MixtureSpec> mixture() {
        return Optional.ofNullable(mixture);
    }

    /** Data units per model unit. */
    public double scale() {
        return scale;
    }

    public int size() {
        return (int) x.rows();
    }

    /** Converts model-unit points (data or generated samples) to data units; returns a new array. */
    public INDArray toDataUnits(INDArray modelUnits) {
        return modelUnits.mul(scale);
    }

    /** The rows at {@code indices}, gathered into a fresh [indices.length, D] FLOAT array. */
    public INDArray batch(int[] indices) {
        checkIndices(indices);
        return Nd4j.pullRows(x, 1, indices);
    }

    /** The labels at {@code idx}; fails on an unlabelled data set rather than inventing labels. */
    public int[] labelsOf(int[] idx) {
        if (labels == null) {
            throw new IllegalStateException(name + " has no labels");
        }
        checkIndices(idx);
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = labels[idx[i]];
        }
        return out;
    }

    /**
     * A random subset of {@code n} distinct samples, the same for the same seed. Rows keep their
     * original relative order so that a subset of a sorted file stays sorted.
     */
    public Dataset subset(int n, long seed) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException(name + ": subset size must be in 1.." + size() + ", got " + n);
        }
        int[] picked = Arrays.copyOf(Permutations.shuffled(size(), seed), n);
        Arrays.sort(picked);
        return rows(picked);
    }

    /**
     * A seeded split into {@code [rest, heldOut]} with {@code heldOut} samples in the second part,
     * e.g. to measure a classifier on samples it never trained on.
     */
    public List<Dataset> split(int heldOut, long seed) {
        if (heldOut < 1 || heldOut >= size()) {
            throw new IllegalArgumentException(name + ": held-out size must be in 1.." + (size() - 1) + ", got " + heldOut);
        }
        int[] order = Permutations.shuffled(size(), seed);
        int[] test = Arrays.copyOfRange(order, 0, heldOut);
        int[] rest = Arrays.copyOfRange(order, heldOut, order.length);
        Arrays.sort(test);
        Arrays.sort(rest);
        return List.of(rows(rest), rows(test));
    }

    private Dataset rows(int[] picked) {
        return new Dataset(name, shape, batch(picked), labels == null ? null : labelsOf(picked), classNames, mixture,
                scale);
    }

    private void checkIndices(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        if (indices.length == 0) {
            throw new IllegalArgumentException(name + ": empty index list");
        }
        for (int i : indices) {
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException(name + ": index " + i + " outside 0.." + (size() - 1));
            }
        }
    }

    @Override
    public String toString() {
        String classes = classNames.isEmpty() ? "" : ", " + classNames.size() + " classes";
        String modes = mixture == null ? "" : ", " + mixture.modes() + " modes";
        return name + " (" + size() + " x " + shape + classes + modes + ")";
    }
}
