package dualmcmc.app;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.model.Posterior;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The only place the app turns engine arrays into plain Java arrays for views. Every method must run
 * where the models may be touched (inside {@link MainModel#compute}).
 */
public final class ModelProbe {
    private ModelProbe() {
    }

    public static float[][] rows(INDArray a) {
        INDArray f = a.castTo(DataType.FLOAT);
        int n = (int) f.rows();
        int d = (int) f.columns();
        float[] flat = f.dup('c').data().asFloat();
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    public static double[][] points(INDArray a) {
        float[][] r = rows(a);
        double[][] out = new double[r.length][];
        for (int i = 0; i < r.length; i++) {
            out[i] = new double[r[i].length];
            for (int j = 0; j < r[i].length; j++) {
                out[i][j] = r[i][j];
            }
        }
        return out;
    }

    public static INDArray matrix(float[][] rows) {
        return Nd4j.create(rows).castTo(DataType.FLOAT);
    }

    private static INDArray grid(double[] b, int n) {
        float[][] pts = new float[n * n][2];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                pts[j * n + i][0] = (float) (b[0] + (i + 0.5) * (b[1] - b[0]) / n);
                pts[j * n + i][1] = (float) (b[2] + (j + 0.5) * (b[3] - b[2]) / n);
            }
        }
        return matrix(pts);
    }

    private static double[][] reshape(double[] v, int n) {
        double[][] out = new double[n][n];
        for (int j = 0; j < n; j++) {
            System.arraycopy(v, j * n, out[j], 0, n);
        }
        return out;
    }

    /** E(x) on an n x n grid over bounds {xmin, xmax, ymin, ymax} (model units), [row = y][col = x]. */
    public static double[][] energyGrid(ModelSet models, double[] bounds, int n) {
        INDArray e = models.energy().energy(grid(bounds, n));
        return reshape(e.castTo(DataType.DOUBLE).data().asDouble(), n);
    }

    /**
     * The function the z-revision's chains descend for observation x (see
     * {@link dualmcmc.engine.mcmc.ZRevision#targetEnergy}), on an n x n grid over a 2-D latent plane.
     */
    public static double[][] posteriorEnergyGrid(ModelSet models, TrainingConfig cfg, float[] x, double[] bounds,
                                                 int n) {
        INDArray z = grid(bounds, n);
        INDArray target = Nd4j.create(new float[][]{x}).castTo(z.dataType());
        INDArray u = new dualmcmc.engine.mcmc.ZRevision(models.generator(), cfg.zChain(), cfg.sigma(), cfg.priorSigma())
                .targetEnergy(z, target);
        return reshape(u.castTo(DataType.DOUBLE).data().asDouble(), n);
    }

    /** The inference model's q(z | x): {mu, std} per observation. */
    public static double[][][] posterior(ModelSet models, INDArray x) {
        Posterior p = models.inference().infer(x);
        double[][] mu = points(p.mu());
        double[][] lv = points(p.logvar());
        double[][] sd = new double[lv.length][];
        for (int i = 0; i < lv.length; i++) {
            sd[i] = new double[lv[i].length];
            for (int j = 0; j < lv[i].length; j++) {
                sd[i][j] = Math.exp(lv[i][j] / 2);
            }
        }
        return new double[][][]{mu, sd};
    }
}
