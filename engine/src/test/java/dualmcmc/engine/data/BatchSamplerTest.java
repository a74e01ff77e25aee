package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {

    @Test
    void everyIndexOncePerEpochEvenWhenBatchesStraddleEpochs() {
        int n = 10;
        BatchSampler s = new BatchSampler(n, 42);
        // 3 epochs drawn in batches of 3 (does not divide 10).
        int[] drawn = new int[3 * n];
        int filled = 0;
        while (filled < drawn.length) {
            int[] b = s.next(Math.min(3, drawn.length - filled));
            System.arraycopy(b, 0, drawn, filled, b.length);
            filled += b.length;
        }
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        int[][] epochs = new int[3][];
        for (int e = 0; e < 3; e++) {
            epochs[e] = Arrays.copyOfRange(drawn, e * n, (e + 1) * n);
            int[] sorted = epochs[e].clone();
            Arrays.sort(sorted);
            assertArrayEquals(identity, sorted, "epoch " + e + " is a permutation");
        }
        assertFalse(Arrays.equals(epochs[0], epochs[1]), "epochs are reshuffled");
        assertEquals(3, s.epoch());
        assertEquals(30, s.position());
    }

    @Test
    void epochCountsCompletedPasses() {
        BatchSampler s = new BatchSampler(4, 1);
        assertEquals(0, s.epoch());
        s.next(3);
        assertEquals(0, s.epoch());
        s.next(1);
        assertEquals(1, s.epoch());
        assertEquals(0, s.cursor());
        s.next(2);
        assertEquals(1, s.epoch());
        assertEquals(2, s.cursor());
    }

    @Test
    void restoringSeedAndPositionReproducesTheStream() {
        BatchSampler original = new BatchSampler(17, 5);
        original.next(8);
        original.next(8);
        original.next(8);
        long saved = original.position();
        int[] expected = concat(original.next(8), original.next(8), original.next(30));

        BatchSampler restored = BatchSampler.restore(17, original.seed(), saved);
        assertEquals(saved, restored.position());
        assertArrayEquals(expected, concat(restored.next(8), restored.next(8), restored.next(30)));

        // Rewinding an existing sampler works the same way.
        original.setPosition(saved);
        assertArrayEquals(expected, concat(original.next(8), original.next(8), original.next(30)));
    }

    @Test
    void differentSeedsShuffleDifferently() {
        assertFalse(Arrays.equals(new BatchSampler(50, 1).next(50), new BatchSampler(50, 2).next(50)));
        assertArrayEquals(new BatchSampler(50, 1).next(50), new BatchSampler(50, 1).next(50));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(5, 1).next(0));
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(5, 1).setPosition(-1));
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
