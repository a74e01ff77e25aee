package dualmcmc.engine.metrics;

import dualmcmc.engine.data.MixtureSpec;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mode-collapse metrics for samples from a Gaussian-mixture toy (ring of 8, grid of 25), following
 * the protocol of VEEGAN (Srivastava et al. 2017) and PacGAN (Lin et al. 2018).
 *
 * <p>Exact definition, for n samples x_i in data units and a mixture with K centres c_k and
 * standard deviation s:
 * <ul>
 *   <li>nearest mode: m(i) = argmin_k ||x_i - c_k|| (Euclidean; ties go to the lower k);</li>
 *   <li>x_i is <em>high quality</em> iff ||x_i - c_m(i)|| &lt;= 3 s;</li>
 *   <li>mode k is <em>covered</em> iff m(i) = k for at least one high-quality x_i;
 *       {@code modes} = number of covered modes;</li>
 *   <li>{@code hq} = (number of high-quality samples) / n;</li>
 *   <li>{@code kl} = sum_k p_k log(p_k K), where p_k is the fraction of high-quality samples
 *       whose nearest mode is k, i.e. KL(p || uniform) in nats, with 0 log 0 = 0; when there is
 *       no high-quality sample p is undefined and kl is set to log K, the value for total
 *       collapse onto one mode, so that "nothing good" never scores better than "one mode".</li>
 * </ul>
 * The papers evaluate 2500 samples; that count is left to the caller.
 */
public final class MixtureMetrics {

    /** High-quality radius in standard deviations, as in VEEGAN/PacGAN. */
    public static final double HQ_STDS = 3.0;

    private MixtureMetrics() {
    }

    /** Statistics of an [n, dim] array of samples in data units. */
    public static ModeStats evaluate(INDArray samples, MixtureSpec spec) {
        if (samples.rank() != 2) {
            throw new IllegalArgumentException("samples must be an [n, " + spec.dim() + "] matrix, got shape "
                    + Arrays.toString(samples.shape()));
        }
        return evaluate(samples.toDoubleMatrix(), spec);
    }

    /** Statistics of samples in data units, one row per sample. */
    public static ModeStats evaluate(double[][] samples, MixtureSpec spec) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("cannot evaluate mode coverage of zero samples");
        }
        int k = spec.modes();
        int[] hqPerMode = new int[k];
        int hqTotal = 0;
        double radius = HQ_STDS * spec.std();
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != spec.dim()) {
                throw new IllegalArgumentException("sample " + i + " has " + samples[i].length
                        + " coordinates but the mixture is " + spec.dim() + "-D");
            }
            int nearest = nearestMode(samples[i], spec);
            if (distance(samples[i], spec, nearest) <= radius) {
                hqPerMode[nearest]++;
                hqTotal++;
            }
        }
        int covered = (int) Arrays.stream(hqPerMode).filter(c -> c > 0).count();
        return new ModeStats(covered, hqTotal / (double) samples.length, klToUniform(hqPerMode, hqTotal));
    }

    /** Index of the centre closest to {@code x}; the lowest index wins ties. */
    public static int nearestMode(double[] x, MixtureSpec spec) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int k = 0; k < spec.modes(); k++) {
            double d = distance(x, spec, k);
            if (d < bestDist) {
                bestDist = d;
                best = k;
            }
        }
        return best;
    }

    private static double distance(double[] x, MixtureSpec spec, int k) {
        double sum = 0;
        for (int a = 0; a < x.length; a++) {
            double diff = x[a] - spec.centre(k, a);
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    private static double klToUniform(int[] counts, int total) {
        int k = counts.length;
        if (total == 0) {
            return Math.log(k);
        }
        double kl = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = c / (double) total;
                kl += p * Math.log(p * k);
            }
        }
        return kl;
    }
}
