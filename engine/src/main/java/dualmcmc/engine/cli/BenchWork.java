package dualmcmc.engine.cli;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.util.Nd4jSetup;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongBiFunction;

/**
 * The floating-point work behind bench's figures, counted from the networks' shapes (two FLOPs per
 * multiply-add of the dense and convolution layers; element-wise work not counted), and the
 * machine's measured single-core sgemm rate, so that each figure reads as a share of the hardware.
 *
 * <p>A Langevin step is one forward pass and one backward pass to the input: twice the forward's
 * multiply-adds. An iteration is modelled pass by pass, per sample, in the trainer's order:
 * g(z) and q(z|x) once; k_z steps on the generator; k_x steps on the EBM; the generator's update
 * (forward on the revised latents, backward with weight gradients through both of its terms:
 * 5 passes); the inference model's (5 passes); the EBM's (with fine_tune, a new g(z) and its k_x
 * steps, then forward and backward on data and samples: 4 passes).
 */
record BenchWork(double xStepFlop, double zStepFlop, double iterationFlop) {
    /** Large enough that the product runs at the kernel's full rate, small enough to take ~0.1 s. */
    static final int PEAK_SIZE = 2048;

    /** The work as the networks are written ({@link Network#multiplyAdds}). */
    static BenchWork of(ModelSet m, TrainingConfig cfg) {
        return of(m, cfg, Network::multiplyAdds);
    }

    /** The work the engine really does ({@link Network#executedMultiplyAdds}: less where it fuses layers). */
    static BenchWork executed(ModelSet m, TrainingConfig cfg) {
        return of(m, cfg, Network::executedMultiplyAdds);
    }

    private static BenchWork of(ModelSet m, TrainingConfig cfg, ToLongBiFunction<Network, long[]> count) {
        long[] x = {m.shape().size()};
        long[] z = {cfg.nz()};
        double e = count.applyAsLong(m.energy().network(), x);
        double g = count.applyAsLong(m.generator().network(), z);
        double q = count.applyAsLong(m.inference().network(), x);
        int b = cfg.batch();
        int kx = cfg.xChain().steps();
        int kz = cfg.zChain().steps();
        boolean fineTune = cfg.losses().fineTune();
        double perSample = g + q + 2.0 * kz * g + 2.0 * kx * e + 5 * g + 5 * q
                + (fineTune ? g + 2.0 * kx * e : 0) + 4 * e;
        return new BenchWork(2.0 * b * 2 * e, 2.0 * b * 2 * g, 2.0 * b * perSample);
    }

    /**
     * GFLOP/s of a single-threaded float matrix product of {@link #PEAK_SIZE}, median of five, timed
     * by the same clock as the figures it is set against (a thread's CPU clock or the wall).
     */
    static double sgemmPeakGflops(LongSupplier now) {
        Nd4jSetup.init();
        INDArray a = Nd4j.rand(DataType.FLOAT, PEAK_SIZE, PEAK_SIZE);
        INDArray bm = Nd4j.rand(DataType.FLOAT, PEAK_SIZE, PEAK_SIZE);
        INDArray c = Nd4j.create(DataType.FLOAT, PEAK_SIZE, PEAK_SIZE);
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = now.getAsLong();
            Nd4j.gemm(a, bm, c, false, false, 1.0, 0.0);
            double s = (now.getAsLong() - t0) / 1e9;
            if (i >= 2) {
                seconds.add(s);
            }
        }
        Collections.sort(seconds);
        return 2.0 * Math.pow(PEAK_SIZE, 3) / seconds.get(seconds.size() / 2) / 1e9;
    }
}
