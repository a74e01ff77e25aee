package dualmcmc.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 2-D toy distributions of the VEEGAN/PacGAN mode-collapse benchmarks (ring of 8, grid of
 * 25) and of the FFJORD density-estimation literature (moons, swiss roll, pinwheel, checkerboard,
 * concentric rings, two spirals), generated in code from a seed.
 *
 * <p>Each point picks its component first and is then drawn from it, so the rows come out already
 * shuffled and every generator shares the same loop. Points are generated in data units (the
 * units of the published definitions) and stored divided by the toy's scale, chosen so the
 * stored values are of order 1-2.
 */
public final class ToyDatasets {

    public static final int DEFAULT_SIZE = 10_000;

    /** Draws one point in data units into {@code out} and returns its label (or 0 if unlabelled). */
    @FunctionalInterface
    private interface PointGenerator {
        int draw(SplittableRandom rng, double[] out);
    }

    private record Toy(double scale, List<String> classNames, MixtureSpec mixture, PointGenerator generator) {
    }

    /** Radii of the concentric rings in data units (FFJORD: 1, 0.75, 0.5, 0.25 times 3). */
    private static final double[] RING_RADII = {3.0, 2.25, 1.5, 0.75};

    private static final Map<String, Toy> TOYS = new LinkedHashMap<>();

    static {
        MixtureSpec ring = new MixtureSpec(ringCentres(8, 2.0), 0.02);
        MixtureSpec grid = new MixtureSpec(gridCentres(-4, 2, 5), 0.05);
        TOYS.put("ring8", new Toy(1.0, modeNames(ring), ring, mixture(ring)));
        TOYS.put("grid25", new Toy(4.0, modeNames(grid), grid, mixture(grid)));
        TOYS.put("moons", new Toy(1.5, List.of("upper moon", "lower moon"), null, ToyDatasets::moon));
        TOYS.put("swissroll", new Toy(1.5, List.of(), null, ToyDatasets::swissRoll));
        TOYS.put("pinwheel", new Toy(2.0, numbered("arm", 5), null, ToyDatasets::pinwheel));
        TOYS.put("checkerboard", new Toy(2.0, List.of(), null, ToyDatasets::checkerboard));
        TOYS.put("rings", new Toy(1.5, numbered("ring", 4), null, ToyDatasets::concentricRing));
        TOYS.put("spiral", new Toy(1.5, numbered("arm", 2), null, ToyDatasets::spiral));
    }

    private ToyDatasets() {
    }

    /** Names of all toys, in a stable order. */
    public static List<String> names() {
        return List.copyOf(TOYS.keySet());
    }

    public static boolean isToy(String name) {
        return TOYS.containsKey(name);
    }

    /** {@code n} points of toy {@code name}; the same seed always gives the same points. */
    public static Dataset generate(String name, int n, long seed) {
        Toy toy = TOYS.get(name);
        if (toy == null) {
            throw new IllegalArgumentException("unknown toy data set '" + name + "'; toys are " + names());
        }
        if (n < 1) {
            throw new IllegalArgumentException(name + ": number of points must be positive, got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        int[] labels = new int[n];
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            labels[i] = toy.generator.draw(rng, p);
            xy[2 * i] = (float) (p[0] / toy.scale);
            xy[2 * i + 1] = (float) (p[1] / toy.scale);
        }
        return new Dataset(name, SampleShape.vector(2), Nd4j.create(xy, new long[] {n, 2}, 'c'),
                toy.classNames.isEmpty() ? null : labels, toy.classNames, toy.mixture, toy.scale);
    }

    public static Dataset ring8(int n, long seed) {
        return generate("ring8", n, seed);
    }

    public static Dataset grid25(int n, long seed) {
        return generate("grid25", n, seed);
    }

    public static Dataset moons(int n, long seed) {
        return generate("moons", n, seed);
    }

    public static Dataset swissroll(int n, long seed) {
        return generate("swissroll", n, seed);
    }

    public static Dataset pinwheel(int n, long seed) {
        return generate("pinwheel", n, seed);
    }

    public static Dataset checkerboard(int n, long seed) {
        return generate("checkerboard", n, seed);
    }

    public static Dataset rings(int n, long seed) {
        return generate("rings", n, seed);
    }

    public static Dataset spiral(int n, long seed) {
        return generate("spiral", n, seed);
    }

    // ---- mixtures (VEEGAN): equal-weight isotropic Gaussians around given centres ----

    private static PointGenerator mixture(MixtureSpec spec) {
        return (rng, out) -> {
            int k = rng.nextInt(spec.modes());
            out[0] = spec.centre(k, 0) + spec.std() * rng.nextGaussian();
            out[1] = spec.centre(k, 1) + spec.std() * rng.nextGaussian();
            return k;
        };
    }

    private static double[][] ringCentres(int k, double radius) {
        double[][] c = new double[k][];
        for (int i = 0; i < k; i++) {
            double a = 2 * Math.PI * i / k;
            c[i] = new double[] {radius * Math.cos(a), radius * Math.sin(a)};
        }
        return c;
    }

    private static double[][] gridCentres(double first, double step, int perAxis) {
        List<double[]> c = new ArrayList<>();
        for (int i = 0; i < perAxis; i++) {
            for (int j = 0; j < perAxis; j++) {
                c.add(new double[] {first + step * i, first + step * j});
            }
        }
        return c.toArray(double[][]::new);
    }

    private static List<String> modeNames(MixtureSpec spec) {
        return numbered("mode", spec.modes());
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + " " + i).toList();
    }

    // ---- FFJORD toys (Grathwohl et al. 2019, toy_data.py), one component drawn per point ----

    /** sklearn make_moons(noise=0.1), then x*2 + (-1, -0.2) as in FFJORD. */
    private static int moon(SplittableRandom rng, double[] out) {
        int moon = rng.nextInt(2);
        double t = Math.PI * rng.nextDouble();
        double mx = moon == 0 ? Math.cos(t) : 1 - Math.cos(t);
        double my = moon == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
        out[0] = 2 * (mx + 0.1 * rng.nextGaussian()) - 1;
        out[1] = 2 * (my + 0.1 * rng.nextGaussian()) - 0.2;
        return moon;
    }

    /** sklearn make_swiss_roll(noise=1) projected on (x, z), divided by 5 as in FFJORD. */
    private static int swissRoll(SplittableRandom rng, double[] out) {
        double t = 1.5 * Math.PI * (1 + 2 * rng.nextDouble());
        out[0] = (t * Math.cos(t) + rng.nextGaussian()) / 5;
        out[1] = (t * Math.sin(t) + rng.nextGaussian()) / 5;
        return 0;
    }

    /** Five arms whose angle grows exponentially with the radius (FFJORD pinwheel). */
    private static int pinwheel(SplittableRandom rng, double[] out) {
        int arm = rng.nextInt(5);
        double radial = 1 + 0.3 * rng.nextGaussian();
        double tangential = 0.1 * rng.nextGaussian();
        double angle = 2 * Math.PI * arm / 5 + 0.25 * Math.exp(radial);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        out[0] = 2 * (radial * c + tangential * s);
        out[1] = 2 * (-radial * s + tangential * c);
        return arm;
    }

    /** Uniform on the dark squares of a 4x4 board over [-4, 4]^2 (FFJORD checkerboard). */
    private static int checkerboard(SplittableRandom rng, double[] out) {
        double x1 = rng.nextDouble() * 4 - 2;
        double x2 = rng.nextDouble() - 2 * rng.nextInt(2) + Math.floorMod((int) Math.floor(x1), 2);
        out[0] = 2 * x1;
        out[1] = 2 * x2;
        return 0;
    }

    /** Four concentric circles of radii 3, 2.25, 1.5, 0.75 with noise 0.08 (FFJORD rings). */
    private static int concentricRing(SplittableRandom rng, double[] out) {
        int ring = rng.nextInt(RING_RADII.length);
        double a = 2 * Math.PI * rng.nextDouble();
        out[0] = RING_RADII[ring] * Math.cos(a) + 0.08 * rng.nextGaussian();
        out[1] = RING_RADII[ring] * Math.sin(a) + 0.08 * rng.nextGaussian();
        return ring;
    }

    /** Two interleaved spirals of 1.5 turns, point-mirrored (FFJORD 2spirals). */
    private static int spiral(SplittableRandom rng, double[] out) {
        int arm = rng.nextInt(2);
        double t = Math.sqrt(rng.nextDouble()) * 3 * Math.PI;
        double x = -Math.cos(t) * t + 0.5 * rng.nextDouble();
        double y = Math.sin(t) * t + 0.5 * rng.nextDouble();
        double sign = arm == 0 ? 1 : -1;
        out[0] = sign * x / 3 + 0.1 * rng.nextGaussian();
        out[1] = sign * y / 3 + 0.1 * rng.nextGaussian();
        return arm;
    }
}
