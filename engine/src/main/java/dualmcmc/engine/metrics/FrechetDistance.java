package dualmcmc.engine.metrics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Frechet distance between Gaussians fitted to two sets of feature vectors (the FID of
 * Heusel et al. when the features are Inception's; here a small classifier's):
 * ||mu_a - mu_b||^2 + tr(C_a + C_b - 2 (C_a C_b)^(1/2)).
 *
 * <p>tr((C_a C_b)^(1/2)) is computed as the sum of square roots of the eigenvalues of the
 * symmetric S C_b S with S = C_a^(1/2), which has the same spectrum and avoids a non-symmetric
 * square root; tiny negative eigenvalues from rounding are clipped to 0.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /** Rows are samples, columns features; both sets need the same number of features. */
    public static double between(INDArray a, INDArray b) {
        if (a.columns() != b.columns()) {
            throw new IllegalArgumentException("feature sets differ in width: " + a.columns() + " vs " + b.columns());
        }
        if (a.rows() < 2 || b.rows() < 2) {
            throw new IllegalArgumentException("a Frechet distance needs at least 2 samples per set");
        }
        return between(rowMajor(a), rowMajor(b), (int) a.columns());
    }

    /** Two sets as flat row-major arrays of width d: what {@link Bootstrap} resamples rows of. */
    static double between(double[] xa, double[] xb, int d) {
        double[] ma = mean(xa, d);
        double[] mb = mean(xb, d);
        RealMatrix ca = covariance(xa, ma);
        RealMatrix cb = covariance(xb, mb);
        double meanTerm = 0;
        for (int i = 0; i < ma.length; i++) {
            meanTerm += (ma[i] - mb[i]) * (ma[i] - mb[i]);
        }
        RealMatrix s = sqrtSymmetric(ca);
        RealMatrix inner = s.multiply(cb).multiply(s);
        inner = inner.add(inner.transpose()).scalarMultiply(0.5);   // symmetric up to rounding; make it exact
        double traceSqrt = 0;
        for (double ev : new EigenDecomposition(inner).getRealEigenvalues()) {
            traceSqrt += Math.sqrt(Math.max(0, ev));
        }
        return meanTerm + ca.getTrace() + cb.getTrace() - 2 * traceSqrt;
    }

    /** The values in one flat row-major array: element-wise reads of an INDArray cost microseconds each. */
    static double[] rowMajor(INDArray x) {
        return x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static double[] mean(double[] x, int d) {
        double[] m = new double[d];
        for (int r = 0; r < x.length; r += d) {
            for (int j = 0; j < d; j++) {
                m[j] += x[r + j];
            }
        }
        int n = x.length / d;
        for (int j = 0; j < d; j++) {
            m[j] /= n;
        }
        return m;
    }

    private static RealMatrix covariance(double[] x, double[] m) {
        int d = m.length;
        int n = x.length / d;
        double[][] c = new double[d][d];
        double[] centred = new double[d];
        for (int r = 0; r < x.length; r += d) {
            for (int j = 0; j < d; j++) {
                centred[j] = x[r + j] - m[j];
            }
            for (int i = 0; i < d; i++) {
                double di = centred[i];
                double[] ci = c[i];
                for (int j = i; j < d; j++) {
                    ci[j] += di * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= n - 1;
                c[j][i] = c[i][j];
            }
        }
        return new Array2DRowRealMatrix(c, false);
    }

    private static RealMatrix sqrtSymmetric(RealMatrix c) {
        EigenDecomposition e = new EigenDecomposition(c);
        double[] ev = e.getRealEigenvalues();
        double[][] root = new double[ev.length][ev.length];
        for (int i = 0; i < ev.length; i++) {
            root[i][i] = Math.sqrt(Math.max(0, ev[i]));
        }
        RealMatrix v = e.getV();
        return v.multiply(new Array2DRowRealMatrix(root, false)).multiply(v.transpose());
    }
}
