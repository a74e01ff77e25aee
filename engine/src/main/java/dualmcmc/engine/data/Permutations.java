package dualmcmc.engine.data;

import java.util.SplittableRandom;

/** Seeded shuffles shared by subsetting and batching, so both derive order the same way. */
final class Permutations {

    private Permutations() {
    }

    /** A uniformly random permutation of 0..n-1, fully determined by {@code seed}. */
    static int[] shuffled(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * A seed for sub-stream {@code stream} of {@code seed}. SplittableRandom streams for seeds
     * that differ by its own increment are shifted copies of each other, so (seed + epoch) would
     * correlate epochs; the SplitMix64 finaliser scatters neighbouring inputs instead.
     */
    static long derive(long seed, long stream) {
        long z = seed + 0x632BE59BD9B4E019L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
