package dualmcmc.engine.nn;

import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opentest4j.AssertionFailedError;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Central finite differences in double precision against an analytic gradient, on sampled entries.
 *
 * <p>A central difference with step h is off from the derivative by three things: truncation,
 * about h^2 f'''/6; round-off, about dL/h, where dL is the error of evaluating the loss; and a
 * kink (a ReLU input crossing 0) within h of the point. Round-off is the one that bites in the
 * paper-scale networks: their loss sums thousands of outputs after several batch norms and its
 * evaluation error dL is ~1e-13 (|L| ~ 10). Measured on the cifar10-paper generator at width 8,
 * element 3.main.3.weight[343], over 300 random projections: the largest |difference - analytic|
 * was 2.7e-11, 2.5e-10, 2.7e-9, 5.0e-8 and 3.3e-7 at h = 1e-3, 1e-4, 1e-5, 1e-6 and 1e-7, ten
 * times the error for each ten times smaller step (round-off, nothing else) around an analytic
 * gradient that is right to 3e-11. For a gradient below 1e-3 the tolerance here is an absolute
 * 1e-8, so h = 1e-6 missed it now and then (27 of those 300 projections), and a smaller step only
 * makes that worse: the 2.6e-7 discrepancy once reported for that element was the h = 1e-7 retry.
 *
 * <p>So an entry that misses at the default step is retried at larger steps (100 and 10 times the
 * default: that much less round-off) and at a smaller one (a kink within the default step rarely
 * lies within a tenth of it), and passes if one step agrees. That costs no power: a wrong analytic
 * gradient is off from the differences at every step by the same amount (see
 * {@code GradientCheckTest}), and a failure lists every step so that such a discrepancy shows.
 */
public final class GradientCheck {
    /** The default step, then the retries (see the class comment). */
    private static final double[] STEPS = {1e-6, 1e-4, 1e-5, 1e-7};
    private static final double TOLERANCE = 1e-5;

    private GradientCheck() {
    }

    /**
     * Compares {@code analytic} with d loss / d {@code variable} at up to {@code samples} random
     * entries (every entry when the variable has at most {@code samples}); {@code loss} must read
     * {@code variable} each time it is called.
     */
    public static void check(String what, INDArray variable, INDArray analytic, Supplier<Double> loss,
                             int samples, long seed) {
        INDArray flatVar = variable.reshape(variable.length());
        INDArray flatGrad = analytic.reshape(analytic.length());
        SplittableRandom r = new SplittableRandom(seed);
        int n = (int) Math.min(samples, variable.length());
        if (n <= 0) {
            throw new AssertionFailedError(what + ": nothing checked");
        }
        for (int s = 0; s < n; s++) {
            long i = variable.length() <= samples ? s : r.nextLong(variable.length());
            checkEntry(what, flatVar, i, flatGrad.getDouble(i), loss);
        }
    }

    /**
     * Compares {@code analytic} with d loss / d {@code flatVar[i]} ({@code flatVar} a flat view of the
     * variable that {@code loss} reads): passes when the relative error (floored at 1e-3 in the
     * denominator, i.e. an absolute 1e-8 for small gradients) is below 1e-5 at one of the steps,
     * else fails listing every step.
     */
    public static void checkEntry(String what, INDArray flatVar, long i, double analytic, Supplier<Double> loss) {
        StringBuilder tried = new StringBuilder();
        for (double step : STEPS) {
            double numeric = centralDifference(flatVar, i, loss, step);
            double err = relativeError(analytic, numeric);
            if (err < TOLERANCE) {
                return;
            }
            tried.append(String.format(" | step %.0e: %s (relative error %.2e)", step, numeric, err));
        }
        throw new AssertionFailedError(what + "[" + i + "]: analytic " + analytic + " vs numeric" + tried);
    }

    private static double centralDifference(INDArray flatVar, long i, Supplier<Double> loss, double eps) {
        double original = flatVar.getDouble(i);
        flatVar.putScalar(i, original + eps);
        double up = loss.get();
        flatVar.putScalar(i, original - eps);
        double down = loss.get();
        flatVar.putScalar(i, original);
        return (up - down) / (2 * eps);
    }

    private static double relativeError(double a, double numeric) {
        return Math.abs(a - numeric) / Math.max(1e-3, Math.abs(a) + Math.abs(numeric));
    }

    /** Checks dL/d input and dL/d every parameter of a network, L = sum(projection * f(x)). */
    public static void checkNetwork(String what, Network net, INDArray x, long seed) {
        checkNetwork(what, net, x, seed, 40, 25, name -> true);
    }

    /**
     * As {@link #checkNetwork(String, Network, INDArray, long)} with fewer sampled entries (for large
     * networks), on the parameters whose names {@code checked} accepts.
     */
    public static void checkNetwork(String what, Network net, INDArray x, long seed, int inputSamples,
                                    int parameterSamples, Predicate<String> checked) {
        checkNetwork(what, net, x, seed, 1, inputSamples, parameterSamples, checked);
    }

    /**
     * As above, repeated for {@code projections} different random projections (seeded seed + 1,
     * then seed + 1 + 1000 k), each on the same sampled entries.
     */
    public static void checkNetwork(String what, Network net, INDArray x, long seed, int projections,
                                    int inputSamples, int parameterSamples, Predicate<String> checked) {
        // zero-initialised biases put ReLU inputs exactly on the kink where a patch is all zeros
        for (Parameter p : net.parameters()) {
            p.value().addi(Rng.of(seed).gaussian(p.value().shape()).castTo(p.value().dataType()).muli(0.05));
        }
        net.parametersChanged(false);
        INDArray out = net.forward(x);
        for (int k = 0; k < projections; k++) {
            // seeded: an unseeded projection made the checked differences change from run to run
            INDArray projection = Rng.of(seed + 1 + 1000L * k)
                    .fillUniform(Nd4j.create(out.dataType(), out.shape()), -0.5, 0.5);
            Supplier<Double> loss = () -> {
                net.parametersChanged(false);  // layers derived from the weights (spectral norm) see the change
                return net.forward(x).mul(projection).sumNumber().doubleValue();
            };
            String tag = projections == 1 ? what : what + " (projection " + k + ")";
            net.zeroGrad();
            net.forward(x);
            INDArray gx = net.backward(projection.dup(), true).dup();
            check(tag + " dL/dx", x, gx, loss, inputSamples, seed);
            for (Parameter p : net.parameters()) {
                if (checked.test(net.parameterName(p))) {
                    check(tag + " dL/d" + net.parameterName(p), p.value(), p.grad().dup(), loss, parameterSamples,
                            seed + 1);
                }
            }
        }
    }
}
