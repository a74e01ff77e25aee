import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.MixtureSpec;
import dualmcmc.engine.io.Checkpoint;
import dualmcmc.engine.io.RunStore;
import dualmcmc.engine.mcmc.ChainInit;
import dualmcmc.engine.mcmc.ChainRunner;
import dualmcmc.engine.mcmc.XRevision;
import dualmcmc.engine.model.EnergyModel;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.TreeSet;

/**
 * How a grid run's axes develop (docs/recipes.md, "What keeps both axes"): for each checkpoint
 * (e.g. the autosaves of a run trained with --autosave-every 100), per axis of the data, the
 * generator's samples and their x-revisions: the share within 3 stds of a grid line, the rms
 * distance to the nearest line in stds, and the variance; and the energy's gradient per axis at
 * the revised samples. An axis whose gradient stays near 0 while the other's grows is an axis the
 * EBM is losing; a generator spread wider than the data along an axis is what gave it back in
 * the runs that recovered.
 *
 * <p>Run from the repository root after a build:
 * {@code java -cp "engine/target/dualmcmc-cli.jar:engine/target/lib/*" experiments/AxisWatch.java CHECKPOINT...}
 */
public class AxisWatch {
    public static void main(String[] args) throws Exception {
        Nd4jSetup.init();
        System.out.println("per axis: [share within 3 std of a line, rms distance to a line in stds, variance]");
        for (int i = 0; i < args.length; i++) {
            Checkpoint.Loaded run = RunStore.load(Path.of(args[i]));
            TrainingConfig cfg = run.config();
            Dataset data = run.data();
            MixtureSpec spec = data.mixture().orElseThrow(() -> new IllegalArgumentException("not a mixture run"));
            EnergyModel energy = run.models().energy();
            if (i == 0) {
                System.out.println("data " + axes(data.toDataUnits(data.x()), spec));
            }
            INDArray g = new ChainRunner(run.models(), cfg).xStart(ChainInit.GENERATOR, 2000, Rng.derive(0, "eval-samples"));
            INDArray r = new XRevision(energy, cfg.xChain()).run(g, Rng.derive(1, "axis-watch"), null);
            String name = Path.of(args[i]).getFileName().toString();
            System.out.printf("%s generator %s mean E %.3f%n", name, axes(data.toDataUnits(g), spec), energy.energy(g).meanNumber().doubleValue());
            System.out.printf("%s revised   %s mean E %.3f%n", name, axes(data.toDataUnits(r), spec), energy.energy(r).meanNumber().doubleValue());
            INDArray grad = energy.energyGradient(r, null);
            System.out.printf("%s rms dE/dx at the revised samples: x %.3f y %.3f%n", name, rms(grad.getColumn(0)), rms(grad.getColumn(1)));
        }
    }

    private static double rms(INDArray v) {
        return Math.sqrt(v.mul(v).meanNumber().doubleValue());
    }

    private static String axes(INDArray points, MixtureSpec spec) {
        StringBuilder out = new StringBuilder();
        int n = (int) points.rows();
        for (int axis = 0; axis < 2; axis++) {
            TreeSet<Double> lines = new TreeSet<>();
            for (int k = 0; k < spec.modes(); k++) {
                lines.add(spec.centre(k, axis));
            }
            int near = 0;
            double squares = 0, mean = 0, meanSquare = 0;
            for (int i = 0; i < n; i++) {
                double v = points.getDouble(i, axis);
                double nearest = Double.MAX_VALUE;
                for (double line : lines) {
                    nearest = Math.min(nearest, Math.abs(v - line));
                }
                double d = nearest / spec.std();
                near += d < 3 ? 1 : 0;
                squares += d * d;
                mean += v / n;
                meanSquare += v * v / n;
            }
            out.append(String.format("%s [%.3f %6.2f %.3f] ", axis == 0 ? "x" : "y", near / (double) n,
                    Math.sqrt(squares / n), meanSquare - mean * mean));
        }
        return out.toString();
    }
}
