import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.metrics.*;
import dualmcmc.engine.mcmc.*;
import dualmcmc.engine.config.*;
import dualmcmc.engine.data.*;
import dualmcmc.engine.util.*;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import java.nio.file.Path;
import java.util.*;

/**
 * Why a mixture run's revised samples miss the modes (docs/recipes.md, "Why a seed stalls"): the
 * samples' distances to the nearest mode in mode stds, the same generator samples revised with
 * longer, finer or noise-free chains, and the energy's curvature at each mode by finite
 * differences (a direction with curvature near 0 is an axis the EBM has lost).
 *
 * <p>Run from the repository root after a build:
 * {@code java -cp "engine/target/dualmcmc-cli.jar:engine/target/lib/*" experiments/StallDiagnosis.java RUN_OR_CHECKPOINT}
 */
public class StallDiagnosis {
  public static void main(String[] a) throws Exception {
    Nd4jSetup.init();
    Checkpoint.Loaded run = RunStore.load(Path.of(a[0]));
    TrainingConfig cfg = run.config();
    Dataset data = run.data();
    MixtureSpec spec = data.mixture().orElseThrow();
    LangevinSettings x = cfg.xChain();
    System.out.println("x chain " + x);
    Rng rng = Rng.derive(0, "eval-samples");
    ChainRunner runner = new ChainRunner(run.models(), cfg);
    INDArray g = runner.xStart(ChainInit.GENERATOR, 2500, rng);
    report("generator", data.toDataUnits(g), spec);
    double s = x.stepSize(), n = x.noise();
    Object[][] variants = {
      {"as trained", x},
      {"2x steps", x.with(x.steps() * 2, s, n)},
      {"4x steps", x.with(x.steps() * 4, s, n)},
      {"half step, same temp, 2x steps", x.with(x.steps() * 2, s / 2, n / Math.sqrt(2))},
      {"quarter step, same temp, 4x steps", x.with(x.steps() * 4, s / 4, n / 2)},
      {"no noise", x.with(x.steps(), s, 0)},
      {"no noise 4x steps quarter", x.with(x.steps() * 4, s / 4, 0)},
    };
    for (Object[] v : variants) {
      INDArray r = new XRevision(run.models().energy(), (LangevinSettings) v[1]).run(g.dup(), Rng.derive(1, "d"), null);
      report((String) v[0], data.toDataUnits(r), spec);
    }
    // curvature of E at each centre in model units, and times the step size
    double scale = data.toDataUnits(Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 2)).getDouble(0);
    double h = 0.02 / scale;
    for (int k = 0; k < spec.modes(); k++) {
      double cx = spec.centre(k, 0) / scale, cy = spec.centre(k, 1) / scale;
      double[][] pts = {{cx, cy}, {cx + h, cy}, {cx - h, cy}, {cx, cy + h}, {cx, cy - h}, {cx + h, cy + h}, {cx - h, cy - h}};
      INDArray p = Nd4j.create(pts).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
      INDArray e = run.models().energy().energy(p);
      double exx = (e.getDouble(1) + e.getDouble(2) - 2 * e.getDouble(0)) / (h * h);
      double eyy = (e.getDouble(3) + e.getDouble(4) - 2 * e.getDouble(0)) / (h * h);
      double exy = (e.getDouble(5) + e.getDouble(6) - e.getDouble(1) - e.getDouble(3) - e.getDouble(2) - e.getDouble(4) + 2 * e.getDouble(0)) / (2 * h * h);
      double tr = exx + eyy, det = exx * eyy - exy * exy;
      double lmax = tr / 2 + Math.sqrt(Math.max(0, tr * tr / 4 - det));
      double lmin = tr / 2 - Math.sqrt(Math.max(0, tr * tr / 4 - det));
      System.out.printf("centre %2d (%5.2f,%5.2f) E=%9.4f  curvature max %9.2f min %9.2f  s*max %6.2f%n", k, spec.centre(k,0), spec.centre(k,1), e.getDouble(0), lmax, lmin, lmax * s);
    }
  }
  static void report(String name, INDArray pts, MixtureSpec spec) {
    int n = (int) pts.rows();
    double[] d = new double[n];
    double[] bx = new double[spec.modes()], by = new double[spec.modes()]; int[] cnt = new int[spec.modes()];
    for (int i = 0; i < n; i++) {
      double[] p = {pts.getDouble(i, 0), pts.getDouble(i, 1)};
      int k = MixtureMetrics.nearestMode(p, spec);
      double dx = p[0] - spec.centre(k, 0), dy = p[1] - spec.centre(k, 1);
      d[i] = Math.hypot(dx, dy) / spec.std();
      bx[k] += dx; by[k] += dy; cnt[k]++;
    }
    double[] sorted = d.clone(); Arrays.sort(sorted);
    double bias = 0; for (int k = 0; k < spec.modes(); k++) if (cnt[k] > 0) bias += Math.hypot(bx[k]/cnt[k], by[k]/cnt[k]) / spec.std() / spec.modes();
    ModeStats st = MixtureMetrics.evaluate(pts, spec);
    System.out.printf("%-36s modes %2d hq %5.1f%%  dist/std q10 %5.2f q50 %5.2f q90 %6.2f  mean |bias| %.2f std%n", name, st.modes(), 100 * st.hq(), sorted[n/10], sorted[n/2], sorted[9*n/10], bias);
  }
}
