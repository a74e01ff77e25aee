package dualmcmc.app.latent;

import java.util.Arrays;

/**
 * The latent map's points split by class, one layer and one legend row per class; a label outside
 * the classes (an unlabelled set's -1) counts with the first.
 */
public final class ClassGroups {
    private ClassGroups() {
    }

    /** Per group, the indices of its points in order; at least one group. */
    public static int[][] of(int[] labels, int groups) {
        int n = Math.max(1, groups);
        int[][] out = new int[n][];
        int[] size = new int[n];
        for (int l : labels) {
            size[group(l, n)]++;
        }
        for (int g = 0; g < n; g++) {
            out[g] = new int[size[g]];
        }
        Arrays.fill(size, 0);
        for (int i = 0; i < labels.length; i++) {
            int g = group(labels[i], n);
            out[g][size[g]++] = i;
        }
        return out;
    }

    /** The rows {@code ids} of {@code points}, shared, not copied. */
    public static double[][] points(double[][] points, int[] ids) {
        double[][] out = new double[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            out[i] = points[ids[i]];
        }
        return out;
    }

    /** The first group with points, or the last group when all are empty. */
    public static int firstNonEmpty(int[][] groups) {
        int g = 0;
        while (g < groups.length - 1 && groups[g].length == 0) {
            g++;
        }
        return g;
    }

    private static int group(int label, int groups) {
        return label >= 0 && label < groups ? label : 0;
    }
}
