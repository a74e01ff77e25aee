package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Central finite differences in double precision against an analytic gradient, on sampled entries. */
public final class GradientCheck {
    private static final double EPS = 1e-6;
    private static final double TOLERANCE = 1e-5;

    private GradientCheck() {
    }

    /**
     * Compares {@code analytic} with d loss / d {@code variable} at up to {@code samples} random
     * entries; {@code loss} must read {@code variable} each time it is called.
     */
    public static void check(String what, INDArray variable, INDArray analytic, Supplier<Double> loss,
                             int samples, long seed) {
        INDArray flatVar = variable.reshape(variable.length());
        INDArray flatGrad = analytic.reshape(analytic.length());
        SplittableRandom r = new SplittableRandom(seed);
        int n = (int) Math.min(samples, variable.length());
        double worst = 0;
        for (int s = 0; s < n; s++) {
            long i = variable.length() <= samples ? s : r.nextLong(variable.length());
            double a = flatGrad.getDouble(i);
            double numeric = centralDifference(flatVar, i, loss, EPS);
            double err = relativeError(a, numeric);
            if (err >= TOLERANCE) {
                // In a deep ReLU network (thousands of units) a step of EPS now and then moves some
                // unit across its kink, which spoils the difference quotient; a ten times smaller
                // step almost never does, while a wrong analytic gradient stays wrong at any step.
                numeric = centralDifference(flatVar, i, loss, EPS / 10);
                err = relativeError(a, numeric);
            }
            worst = Math.max(worst, err);
            assertTrue(err < TOLERANCE, what + "[" + i + "]: analytic " + a + " vs numeric " + numeric
                    + " (relative error " + err + ")");
        }
        assertTrue(n > 0 && worst < TOLERANCE, what + ": nothing checked");
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
                                    int parameterSamples, java.util.function.Predicate<String> checked) {
        // zero-initialised biases put ReLU inputs exactly on the kink where a patch is all zeros
        for (Parameter p : net.parameters()) {
            p.value().addi(dualmcmc.engine.util.Rng.of(seed).gaussian(p.value().shape())
                    .castTo(p.value().dataType()).muli(0.05));
        }
        net.parametersChanged(false);
        INDArray out = net.forward(x);
        // seeded: an unseeded projection made the checked differences change from run to run
        INDArray projection = dualmcmc.engine.util.Rng.of(seed + 1)
                .fillUniform(org.nd4j.linalg.factory.Nd4j.create(out.dataType(), out.shape()), -0.5, 0.5);
        Supplier<Double> loss = () -> {
            net.parametersChanged(false);  // layers derived from the weights (spectral norm) see the change
            return net.forward(x).mul(projection).sumNumber().doubleValue();
        };
        net.zeroGrad();
        net.forward(x);
        INDArray gx = net.backward(projection.dup(), true).dup();
        check(what + " dL/dx", x, gx, loss, inputSamples, seed);
        for (Parameter p : net.parameters()) {
            if (checked.test(net.parameterName(p))) {
                check(what + " dL/d" + net.parameterName(p), p.value(), p.grad().dup(), loss, parameterSamples,
                        seed + 1);
            }
        }
    }
}
