package dualmcmc.engine.data;

/**
 * Draws mini-batches of indices 0..n-1 by shuffling without replacement, epoch after epoch.
 *
 * <p>The index stream is the concatenation of one permutation per epoch, and the permutation of
 * epoch e depends only on (seed, e). A checkpoint therefore only needs {@link #seed()} and
 * {@link #position()}: restoring them reproduces exactly the batches an uninterrupted run would
 * have drawn. A batch that runs past the end of an epoch is completed from the next epoch, so
 * every index still appears exactly once per epoch and no sample is silently dropped.
 */
public final class BatchSampler {

    private final int n;
    private final long seed;
    private int epoch;
    private int cursor;
    private int[] order;

    public BatchSampler(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot sample batches from " + n + " items");
        }
        this.n = n;
        this.seed = seed;
        this.order = permutation(0);
    }

    /** A sampler in the state a saved one was in: same batches from here on. */
    public static BatchSampler restore(int n, long seed, long position) {
        BatchSampler s = new BatchSampler(n, seed);
        s.setPosition(position);
        return s;
    }

    /** The next {@code batch} indices; may span several epochs when batch exceeds n. */
    public int[] next(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batch);
        }
        int[] out = new int[batch];
        for (int i = 0; i < batch; i++) {
            if (cursor == n) {
                startEpoch(epoch + 1);
            }
            out[i] = order[cursor++];
        }
        return out;
    }

    /**
     * Number of fully completed epochs. An epoch counts as completed as soon as its last index
     * has been handed out, so after exactly n draws this is 1.
     */
    public int epoch() {
        return cursor == n ? epoch + 1 : epoch;
    }

    /** Index of the next draw within the current epoch's permutation (0..n-1). */
    public int cursor() {
        return cursor == n ? 0 : cursor;
    }

    public long seed() {
        return seed;
    }

    /** Total number of indices drawn so far; with the seed this is the whole sampler state. */
    public long position() {
        return (long) epoch * n + cursor;
    }

    /** Jumps to the state after {@code position} draws, as if they had been made. */
    public void setPosition(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("sampler position must be non-negative, got " + position);
        }
        long e = position / n;
        if (e > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sampler position " + position + " is beyond the last epoch");
        }
        startEpoch((int) e);
        cursor = (int) (position % n);
    }

    private void startEpoch(int e) {
        if (e != epoch) {
            order = permutation(e);
        }
        epoch = e;
        cursor = 0;
    }

    private int[] permutation(int e) {
        return Permutations.shuffled(n, Permutations.derive(seed, e));
    }
}
