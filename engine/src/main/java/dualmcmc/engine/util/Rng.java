package dualmcmc.engine.util;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.charset.StandardCharsets;

/**
 * A named, seeded random stream.
 *
 * <p>Every consumer of randomness derives its own stream from the run's root seed and a name, so
 * that adding a consumer never shifts the numbers another one sees. A stream can be re-keyed per
 * iteration ({@link #reseed}), which makes a run's randomness a pure function of
 * (root seed, name, iteration): resuming from a checkpoint needs only the iteration number.
 */
public final class Rng {
    private final long seed;
    private final Random random;

    private Rng(long seed) {
        Nd4jSetup.init();
        this.seed = seed;
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    public static Rng of(long seed) {
        return new Rng(seed);
    }

    /** The stream called {@code name} under {@code rootSeed}. */
    public static Rng derive(long rootSeed, String name) {
        return new Rng(mix(rootSeed, name));
    }

    /**
     * The stream of block {@code block} of work split into blocks (chains, a training batch), so
     * that each block draws the same numbers whichever thread runs it. Block 0 draws from the
     * stream called {@code name} itself: work of a single block draws what it drew before blocks
     * existed.
     */
    public static Rng forBlock(long rootSeed, String name, int block) {
        return derive(rootSeed, block == 0 ? name : name + "/block-" + block);
    }

    /** A child stream; deterministic in (this stream's seed, name). */
    public Rng child(String name) {
        return new Rng(mix(seed, name));
    }

    /** Restarts this stream at the state given by (its seed, key): e.g. key = iteration. */
    public Rng reseed(long key) {
        random.setSeed(mix(seed, Long.toString(key)));
        return this;
    }

    public long seed() {
        return seed;
    }

    /** Fills {@code target} with standard normal draws, in place. */
    public INDArray fillGaussian(INDArray target) {
        Nd4j.getExecutioner().exec(new GaussianDistribution(target, 0.0, 1.0), random);
        return target;
    }

    /** A 64-bit seed drawn from this stream, for a generator of one's own (e.g. a chain's noise). */
    public long nextSeed() {
        return random.nextLong();
    }

    /** Fills {@code target} with uniform draws on [lo, hi), in place. */
    public INDArray fillUniform(INDArray target, double lo, double hi) {
        Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.random.impl.UniformDistribution(target, lo, hi), random);
        return target;
    }

    public INDArray gaussian(long... shape) {
        return fillGaussian(Nd4j.create(Nd4j.defaultFloatingPointType(), shape));
    }

    /** SplitMix64 finaliser over the seed and the name's bytes: well-spread, stable across JVMs. */
    public static long mix(long seed, String name) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = splitmix(h ^ (b & 0xff));
        }
        return splitmix(h);
    }

    private static long splitmix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
